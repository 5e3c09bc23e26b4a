// t_frame.mjs - the frame every public page shares: both languages, the
// language switch remembered, JavaScript on and off, nothing fetched from
// another site, and no accessibility violations.
import { PHONE, DESKTOP } from './lib.mjs'

export default async function (t) {
  const pages = [
    ['/', 'front page'],
    ['/neighbourhoods/glanmor/GM01', 'a neighbourhood page'],
    ['/data/', 'the open data page']
  ]
  for (const lang of ['en', 'cy']) {
    for (const [path, what] of pages) {
      const page = await t.page({ lang })
      const res = await page.goto(t.base + path, { waitUntil: 'networkidle' })
      t.ok(res.status() === 200, `${what} in ${lang} answers 200`, res.status())
      t.ok(await page.getAttribute('html', 'lang') === lang, `${what} in ${lang} says lang="${lang}"`)
      t.ok(page.problems.length === 0, `${what} in ${lang}: no script errors, CSP refusals or outside requests`, page.problems.join('\n'))
      await t.axe(page, `${what} in ${lang}`)
    }
  }

  // The switch: a resident reading in English picks Cymraeg, and every
  // later page stays in Welsh.
  const page = await t.page({ lang: 'en' })
  await page.context().clearCookies()
  await page.goto(t.base + '/neighbourhoods/glanmor/GM01')
  await page.getByRole('link', { name: 'Cymraeg' }).click()
  t.ok(new URL(page.url()).pathname === '/neighbourhoods/glanmor/GM01', 'the language switch comes back to the same page', page.url())
  t.ok(await page.getAttribute('html', 'lang') === 'cy', 'the page is now in Welsh')
  await page.goto(t.base + '/')
  t.ok(await page.getAttribute('html', 'lang') === 'cy', 'the choice is remembered on the next page')
  t.ok(await page.getByRole('heading', { level: 1 }).innerText() === 'Cymdogaethau ar yr Engage hwn', 'the front page heading is in Welsh')

  // JavaScript off: the page is whole, the navigation shows.
  const nojs = await t.page({ lang: 'en', width: PHONE, js: false })
  await nojs.goto(t.base + '/')
  t.ok(await nojs.getByRole('link', { name: 'Raise a concern' }).isVisible(), 'with JavaScript off the navigation is there on a phone')

  for (const [width, label] of [[PHONE, 'phone'], [DESKTOP, 'desktop']]) {
    for (const lang of ['en', 'cy']) {
      const p = await t.page({ lang, width })
      await p.goto(t.base + '/', { waitUntil: 'networkidle' })
      await t.shot(p, `home-${lang}-${label}`)
    }
  }
}
