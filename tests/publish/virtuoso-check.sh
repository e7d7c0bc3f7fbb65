#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# virtuoso-check.sh WORKDIR - start a private Virtuoso on 127.0.0.1, publish
# the example articles to it with `kgbuild publish` through the digest-
# authenticated Graph Store endpoint, check that PUT replaces and POST
# adds, run the example queries through /sparql and compare the answers
# with rdflib's on the same graph; stop Virtuoso.  Exit 0 pass, 77 skip
# (with the reason), anything else fail.
set -u
work=$1
top=${KGB_TOP_SRCDIR:?}
kgb=${KGB_PROGRAM:?}
ini=/etc/virtuoso-opensource-7/virtuoso.ini
command -v virtuoso-t >/dev/null 2>&1 ||
  { echo "SKIP: virtuoso-t not found (Debian package virtuoso-opensource)"; exit 77; }
[ -r "$ini" ] || { echo "SKIP: no $ini to start from"; exit 77; }
rm -rf "$work" && mkdir -p "$work" || exit 1
# Ports from our process id, so parallel runs do not meet.
http=$((20000 + $$ % 20000)) sql=$((http + 1))
sed -e "s|/var/lib/virtuoso-opensource-7/db/|$work/|g" \
    -e "s|^ServerPort *= *1111|ServerPort = 127.0.0.1:$sql|" \
    -e "s|^ServerPort *= *8890|ServerPort = 127.0.0.1:$http|" \
    -e "s|^DirsAllowed.*|DirsAllowed = ., $work|" "$ini" > "$work/virtuoso.ini"
(cd "$work" && exec virtuoso-t -f -c virtuoso.ini > server.log 2>&1) &
pid=$!
stop() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap stop EXIT
base=http://127.0.0.1:$http
up=no
for i in $(seq 1 90); do
  kill -0 "$pid" 2>/dev/null || break
  if /usr/bin/python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$base/sparql?query=ASK%7B%7D" 2>/dev/null; then
    up=yes; break
  fi
  sleep 1
done
if [ $up = no ]; then
  echo "SKIP: Virtuoso did not start: $(tail -3 "$work/server.log" 2>/dev/null | tr '\n' ' ')"
  exit 77
fi
# Sources are named as the examples' Turtle names them.
cd "$top" || exit 1
graph=urn:kgbuild:test
crud="$base/sparql-graph-crud-auth"
export KGBUILD_PASSWORD=dba
count() {
  /usr/bin/python3 -c 'import json,sys,urllib.parse,urllib.request
q="SELECT (COUNT(*) AS ?n) FROM <%s> WHERE { ?s ?p ?o }" % sys.argv[2]
r=urllib.request.Request(sys.argv[1]+"?"+urllib.parse.urlencode({"query":q}), headers={"Accept":"application/sparql-results+json"})
print(json.load(urllib.request.urlopen(r))["results"]["bindings"][0]["n"]["value"])' "$base/sparql" "$graph"
}
# A wrong password is refused.  Passwords come from the environment (or
# --password-file): on the command line every user could read them.
KGBUILD_PASSWORD=wrong "$kgb" publish -q --endpoint "$crud" --graph "$graph" --user dba \
  examples/en-nordwind.txt 2>/dev/null && { echo "FAIL: a wrong password was accepted"; exit 1; }
# PUT one article, then PUT all: replaced, not added.
"$kgb" publish -q --replace --endpoint "$crud" --graph "$graph" --user dba \
  examples/en-nordwind.txt || exit 1
one=$(count)
"$kgb" publish -q --replace --endpoint "$crud" --graph "$graph" --user dba \
  examples || exit 1
all=$(count)
# POST the same again: nothing new.
"$kgb" publish -q --endpoint "$crud" --graph "$graph" --user dba \
  examples || exit 1
again=$(count)
echo "triples: one article $one, all $all, all posted again $again"
[ "$one" -gt 0 ] && [ "$all" -gt "$one" ] && [ "$again" -eq "$all" ] || exit 1
"$kgb" -q -o "$work/examples.ttl" examples || exit 1
/usr/bin/python3 "$top/tests/publish/compare-answers.py" "$base/sparql" "$graph" \
  "$work/examples.ttl" "$top"/examples/queries/*.rq
[ $? -eq 0 ] || exit 1
# The same queries through `kgbuild query --endpoint`: the same answers.
/usr/bin/python3 "$top/tests/publish/compare-answers.py" --kgbuild "$kgb" \
  "$base/sparql" "$graph" "$work/examples.ttl" "$top"/examples/queries/*.rq ||
  exit 1
# A construct the embedded engine refuses runs on the server; a graph
# comes back as Turtle; credentials go to the digest-authenticated
# endpoint, and a wrong password is refused.
q='PREFIX kgo: <https://w3id.org/kgbuild/ontology#>
SELECT (COUNT(*) AS ?n) WHERE { ?f kgo:employer/a kgo:Organization }'
n=$("$kgb" query -q --endpoint "$base/sparql" --graph "$graph" -r csv "$q" |
    sed -n 2p | tr -d '\r')
echo "a property path through --endpoint: $n job cuts"
[ "${n:-0}" -gt 0 ] || exit 1
"$kgb" query -q --endpoint "$base/sparql-auth" --graph "$graph" --user dba \
  'CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 3' > "$work/construct.ttl" ||
  exit 1
/usr/bin/python3 -c 'import rdflib,sys; g=rdflib.Graph(); g.parse(sys.argv[1]); sys.exit(0 if len(g)==3 else 1)' \
  "$work/construct.ttl" || { echo "FAIL: CONSTRUCT through --endpoint"; exit 1; }
KGBUILD_PASSWORD=wrong "$kgb" query -q --endpoint "$base/sparql-auth" \
  --user dba 'ASK {}' 2>/dev/null &&
  { echo "FAIL: a wrong password was accepted by query --endpoint"; exit 1; }
echo "query --endpoint: property path, CONSTRUCT with digest credentials, wrong password refused"
