// SPDX-License-Identifier: GPL-3.0-or-later
// tordf.mjs FILE.jsonld - the statements of a JSON-LD file as N-Quads, read
// by jsonld.js, a JSON-LD processor that shares no code with kgbuild.
// Safe mode: a key or value the processor would drop is an error, not a
// statement silently lost.  Exit 0 and the N-Quads, or 2 on an error.
import { readFile } from 'node:fs/promises'
import jsonld from 'jsonld'

async function main (args) {
  if (args.length !== 1) {
    console.error('usage: tordf.mjs FILE.jsonld')
    return 2
  }
  const doc = JSON.parse(await readFile(args[0], 'utf8'))
  const nquads = await jsonld.toRDF(doc, {
    format: 'application/n-quads', safe: true
  })
  process.stdout.write(nquads)
  return 0
}

main(process.argv.slice(2)).then(
  code => { process.exitCode = code },
  err => { console.error(`tordf.mjs: ${err.message}`); process.exitCode = 2 })
