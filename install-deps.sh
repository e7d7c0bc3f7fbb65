#!/bin/sh
# Install, with apt-get, the Debian 12 packages kgbuild needs that are not
# installed yet; nothing when all are there.  --test adds what the test
# suite needs (an independent RDF parser).  Run as root.
set -eu
build="gcc make autoconf automake libtool pkg-config
  librdf0-dev libraptor2-dev librasqal3-dev libxml2-dev libutf8proc-dev
  nettle-dev libjansson-dev libcmocka-dev"
test_only="python3-rdflib raptor2-utils"
wanted=$build
[ "${1:-}" = "--test" ] && wanted="$build $test_only"
missing=""
for p in $wanted; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "install-deps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends $missing
fi
