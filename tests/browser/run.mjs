// run.mjs - runs every tests/browser/t_*.mjs against a running Engage.
//   node tests/browser/run.mjs BASE_URL SCREENSHOT_DIR [NAME-FILTER]
// Prints TAP; exits 1 when a check failed.
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { makeHarness } from './lib.mjs'

const [base, shots, filter = ''] = process.argv.slice(2)
if (!base || !shots) {
  console.error('usage: node tests/browser/run.mjs BASE_URL SCREENSHOT_DIR [FILTER]')
  process.exit(2)
}
const here = dirname(fileURLToPath(import.meta.url))
const t = await makeHarness(base, shots)
let crashed = false
for (const f of readdirSync(here).filter(f => /^t_.*\.mjs$/.test(f) && f.includes(filter)).sort()) {
  console.log(`# ${f}`)
  try {
    const mod = await import(pathToFileURL(join(here, f)))
    await mod.default(t)
  } catch (e) {
    crashed = true
    t.ok(false, `${f} ran to the end`, e.stack || e)
  }
}
const failed = await t.close()
process.exit(failed || crashed ? 1 : 0)
