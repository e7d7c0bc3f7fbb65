#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate the build system; nothing more is needed.
exec autoreconf -fi "$(dirname "$0")"
