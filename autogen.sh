#!/bin/sh
# Regenerate the build system; nothing more is needed.
exec autoreconf -fi "$(dirname "$0")"
