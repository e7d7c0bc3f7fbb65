// SPDX-License-Identifier: GPL-3.0-or-later
// oxigraph-answer.mjs MODULES GRAPH.ttl QUERY.rq... - answer each query
// with Oxigraph, a SPARQL 1.1 engine that shares no code with kgbuild
// (npm package oxigraph, installed under MODULES/node_modules).
// Prints one JSON object a line per query, in the order given:
//   {"query": PATH, "results": SPARQL-JSON-RESULTS-TEXT}   SELECT, ASK
//   {"query": PATH, "ntriples": N-TRIPLES-TEXT}            CONSTRUCT, DESCRIBE
//   {"query": PATH, "error": MESSAGE}                      Oxigraph refused it
// Exit 0 when the graph could be read, 2 otherwise.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'

function main (args) {
  if (args.length < 2) {
    console.error('usage: oxigraph-answer.mjs MODULES GRAPH.ttl QUERY.rq...')
    return 2
  }
  const require = createRequire(resolve(args[0], 'package.json'))
  const oxigraph = require('oxigraph')
  const store = new oxigraph.Store()
  store.load(readFileSync(args[1], 'utf8'), { format: 'text/turtle' })
  for (const path of args.slice(2)) {
    const answer = { query: path }
    try {
      const query = readFileSync(path, 'utf8')
      try {
        answer.results = store.query(query,
          { results_format: 'application/sparql-results+json' })
      } catch (err) {
        // A CONSTRUCT or DESCRIBE gives a graph, not bindings.
        if (!/RDF format/.test(err.message)) throw err
        answer.ntriples = store.query(query,
          { results_format: 'application/n-triples' })
      }
    } catch (err) {
      answer.error = String(err.message || err)
    }
    process.stdout.write(JSON.stringify(answer) + '\n')
  }
  return 0
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (err) {
  console.error(`oxigraph-answer.mjs: ${err.message || err}`)
  process.exitCode = 2
}
