// SPDX-License-Identifier: GPL-3.0-or-later
// validate.mjs SHAPES DATA... - check Turtle files against SHACL shapes
// with rdf-validate-shacl, a validator that shares no code with kgbuild.
// Exit 0 when every file conforms, 1 when one does not, 2 on an error.
import rdf from '@zazuko/env-node'
import SHACLValidator from 'rdf-validate-shacl'

async function load (path) {
  return rdf.dataset().import(rdf.fromFile(path))
}

function show (term) {
  return term ? term.value : '-'
}

async function main (args) {
  if (args.length < 2) {
    console.error('usage: validate.mjs SHAPES.ttl DATA.ttl...')
    return 2
  }
  const validator = new SHACLValidator(await load(args[0]), { factory: rdf })
  let status = 0
  for (const path of args.slice(1)) {
    const report = await validator.validate(await load(path))
    if (report.conforms) {
      console.log(`${path}: conforms`)
      continue
    }
    status = 1
    console.log(`${path}: ${report.results.length} violation(s)`)
    for (const r of report.results.slice(0, 20)) {
      console.log(`  ${show(r.focusNode)} ${show(r.path)}: ` +
        `${r.message.map(m => m.value).join('; ') || show(r.sourceConstraintComponent)}`)
    }
  }
  return status
}

main(process.argv.slice(2)).then(
  code => { process.exitCode = code },
  err => { console.error(`validate.mjs: ${err.message}`); process.exitCode = 2 })
