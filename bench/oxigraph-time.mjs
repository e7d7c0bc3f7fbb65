// SPDX-License-Identifier: GPL-3.0-or-later
// oxigraph-time.mjs MODULES GRAPH.ttl REPEAT QUERY.rq... - how long
// Oxigraph (npm package oxigraph under MODULES/node_modules) takes to
// read GRAPH.ttl, and then to answer each query, the best of REPEAT runs.
// Prints one JSON object a line:
//   {"load": SECONDS, "triples": N}                        first
//   {"query": PATH, "seconds": BEST, "rows": N}            then, per query
//   {"query": PATH, "error": MESSAGE}                      Oxigraph refused it
// Rows are counted in the SPARQL JSON results (CONSTRUCT: triples).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'

const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9

function rows (store, query) {
  try {
    const text = store.query(query,
      { results_format: 'application/sparql-results+json' })
    const json = JSON.parse(text)
    return json.results ? json.results.bindings.length : 1
  } catch (err) {
    if (!/RDF format/.test(err.message)) throw err
    const nt = store.query(query, { results_format: 'application/n-triples' })
    return nt.split('\n').filter((l) => l.length > 0).length
  }
}

function main (args) {
  if (args.length < 3) {
    console.error('usage: oxigraph-time.mjs MODULES GRAPH.ttl REPEAT QUERY.rq...')
    return 2
  }
  const require = createRequire(resolve(args[0], 'package.json'))
  const oxigraph = require('oxigraph')
  const repeat = Math.max(1, parseInt(args[2], 10) || 1)
  const t0 = process.hrtime.bigint()
  const store = new oxigraph.Store()
  store.load(readFileSync(args[1], 'utf8'), { format: 'text/turtle' })
  process.stdout.write(JSON.stringify({ load: seconds(t0), triples: store.size }) + '\n')
  for (const path of args.slice(3)) {
    const query = readFileSync(path, 'utf8')
    let best = Infinity
    let n = 0
    try {
      for (let i = 0; i < repeat; i++) {
        const t = process.hrtime.bigint()
        n = rows(store, query)
        best = Math.min(best, seconds(t))
      }
      process.stdout.write(JSON.stringify({ query: path, seconds: best, rows: n }) + '\n')
    } catch (err) {
      process.stdout.write(JSON.stringify({ query: path, error: String(err.message || err) }) + '\n')
    }
  }
  return 0
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (err) {
  console.error(`oxigraph-time.mjs: ${err.message || err}`)
  process.exitCode = 2
}
