#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Install, with apt-get, the Debian 12 packages kgbuild needs that are not
# installed yet; nothing when all are there.  --test adds what the test
# suite needs: independent readers of the output (python3-rdflib, raptor's
# rapper, graphviz), a Virtuoso server to publish to, an independent
# SHACL validator, SPARQL engine and JSON-LD processor (rdf-validate-shacl,
# oxigraph and jsonld, from the npm registry, into tests/shacl/node_modules),
# and what .ci/run checks the code with besides: valgrind, and clang with
# its libFuzzer runtime.  Run as root.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build="gcc make autoconf automake libtool pkg-config
  librdf0-dev libraptor2-dev librasqal3-dev libxml2-dev libutf8proc-dev
  nettle-dev libjansson-dev libcmocka-dev librdf-storage-sqlite libsqlite3-dev
  libcurl4-gnutls-dev"
test_only="python3-rdflib raptor2-utils graphviz virtuoso-opensource
  valgrind clang libclang-rt-14-dev"
testing=no
[ "${1:-}" = "--test" ] && testing=yes
wanted=$build
[ $testing = yes ] && wanted="$build $test_only"
missing=""
for p in $wanted; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing="$missing $p"
done
# Node.js may come from elsewhere than Debian; any node and npm will do.
if [ $testing = yes ]; then
  command -v node >/dev/null 2>&1 || missing="$missing nodejs"
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
if [ -n "$missing" ]; then
  echo "install-deps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # Virtuoso is for the tests, which start their own private server: keep
  # its package from starting the system one (Debian's policy-rc.d).
  guard=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    guard=/usr/sbin/policy-rc.d
  fi
  apt-get install -y -q --no-install-recommends $missing || status=$?
  [ -n "$guard" ] && rm -f "$guard"
  [ "${status:-0}" -eq 0 ] || exit "$status"
fi
if [ $testing = yes ] &&
   { [ ! -d "$here/tests/shacl/node_modules/rdf-validate-shacl" ] ||
     [ ! -d "$here/tests/shacl/node_modules/oxigraph" ] ||
     [ ! -d "$here/tests/shacl/node_modules/jsonld" ]; }; then
  echo "install-deps: installing rdf-validate-shacl, oxigraph and jsonld from the" \
       "npm registry"
  cd "$here/tests/shacl"
  if ! npm ci --no-audit --no-fund --loglevel=error; then
    # Behind a proxy that re-signs TLS with a certificate authority this
    # machine lacks, npm cannot verify the registry.  npm ci still checks
    # every package against the sha512 pinned in package-lock.json, so the
    # code installed is the code reviewed, whoever served it.
    echo "install-deps: npm could not verify the registry's certificate;" \
         "retrying with packages checked against package-lock.json only"
    npm ci --no-audit --no-fund --loglevel=error --strict-ssl=false
  fi
fi
