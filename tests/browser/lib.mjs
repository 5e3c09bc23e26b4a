// lib.mjs - what the browser tests share: Debian's Chromium driven by
// playwright-core, TAP output, axe-core at WCAG 2.2 AA, and screenshots.
//
// A test file (tests/browser/t_*.mjs) exports
//   export default async function (t) { ... }
// and uses t.base (the server's address), t.ok(cond, what, detail),
// t.page({ lang, width, js }) for a fresh page, t.axe(page, what),
// t.signIn(page, 'sgt.test') and t.shot(page, name).  run.mjs runs every file in turn.
import { chromium } from 'playwright-core'
import { readFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export const PHONE = 375
export const DESKTOP = 1280

export async function makeHarness (base, shotsDir) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage']
  })
  mkdirSync(shotsDir, { recursive: true })
  let n = 0
  let failed = 0
  const contexts = []

  const t = {
    base,
    ok (cond, what, detail) {
      n++
      if (cond) {
        console.log(`ok ${n} - ${what}`)
      } else {
        failed++
        console.log(`not ok ${n} - ${what}`)
        if (detail) console.log(String(detail).split('\n').slice(0, 20).map(l => '#   ' + l).join('\n'))
      }
      return cond
    },
    skip (what, why) {
      n++
      console.log(`ok ${n} - ${what} # SKIP ${why}`)
    },
    // A fresh page in its own context: lang 'en' or 'cy' (the language
    // cookie, as the switch sets it), a width in CSS pixels, JavaScript
    // on or off.  CSP violations and page errors are collected on
    // page.problems so a test can assert there were none.
    async page ({ lang = 'en', width = DESKTOP, js = true } = {}) {
      const context = await browser.newContext({
        viewport: { width, height: width < 600 ? 740 : 900 },
        javaScriptEnabled: js,
        locale: lang === 'cy' ? 'cy-GB' : 'en-GB'
      })
      contexts.push(context)
      await context.addCookies([{ name: 'engage_lang', value: lang, url: base }])
      const page = await context.newPage()
      page.problems = []
      page.on('console', m => {
        if (m.type() === 'error') page.problems.push(m.text())
      })
      page.on('pageerror', e => page.problems.push(String(e)))
      page.on('request', r => {
        if (!r.url().startsWith(base) && !r.url().startsWith('data:')) {
          page.problems.push('request left the machine: ' + r.url())
        }
      })
      return page
    },
    // axe-core at WCAG 2.0/2.1/2.2 A and AA on the page as it stands.
    // Run in a separate context that bypasses the CSP only to inject axe.
    // The page's URL is loaded again there; { asShown: true } checks the
    // document the page holds instead (the answer to a POST, such as a form
    // showing its errors, which loading the URL again would not bring back).
    async axe (page, what, { asShown = false } = {}) {
      const context = await browser.newContext({
        bypassCSP: true,
        viewport: page.viewportSize(),
        javaScriptEnabled: true
      })
      contexts.push(context)
      await context.addCookies(await page.context().cookies())
      const p = await context.newPage()
      if (asShown) {
        const body = await page.content()
        await p.route(page.url(), route => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }), { times: 1 })
      }
      await p.goto(page.url(), { waitUntil: 'networkidle' })
      await p.evaluate(axeSource)
      const result = await p.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
        })
        return r.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(x => x.target.join(' ')).slice(0, 3).join(', ')}`)
      })
      await context.close()
      return t.ok(result.length === 0, `axe: no WCAG 2.2 AA violations on ${what}`, result.join('\n'))
    },
    // Sign in through the form with the keyboard, as staff do; the page
    // ends on "My neighbourhoods".  Users are made by t_browser.sh:
    // sgt.test (sergeant, the whole force), pc.test (officer, GM01).
    async signIn (page, username) {
      await page.goto(base + '/staff/sign-in')
      await page.locator('#username').fill(username)
      await page.locator('#password').fill(process.env.STAFF_PASSWORD)
      await page.locator('#password').press('Enter')
      await page.waitForURL(u => new URL(u).pathname === '/staff')
    },
    async shot (page, name) {
      await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true })
    },
    async close () {
      for (const c of contexts) await c.close().catch(() => {})
      await browser.close()
      console.log(`1..${n}`)
      return failed
    }
  }
  return t
}
