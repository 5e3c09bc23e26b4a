// t_resident_find.mjs - a resident on a phone finds their neighbourhood by
// the name of their street and reads its page: the next meetings, the
// priorities with "you said, we did", the crime map and chart (JavaScript
// on: drawn from Engage's own data, no request leaving 127.0.0.1) and the
// tables (JavaScript off), in English and in Welsh.  axe-core on every
// page added; screenshots of the neighbourhood page at phone and desktop
// widths in both languages.
import { PHONE, DESKTOP } from './lib.mjs'

const NB = '/neighbourhoods/glanmor/GM01'
const words = {
  en: { search: 'Search', field: 'Street, town or area', meetings: 'Next meetings', priorities: 'Neighbourhood priorities', said: 'You said, we did', stops: 'Stop and search', involved: 'How to get involved', many: 'Neighbourhoods matching', none: 'We could not find' },
  cy: { search: 'Chwilio', field: 'Stryd, tref neu ardal', meetings: 'Y cyfarfodydd nesaf', priorities: "Blaenoriaethau'r gymdogaeth", said: 'Dywedoch chi, gwnaethom ni', stops: 'Stopio a chwilio', involved: 'Sut i gymryd rhan', many: "Cymdogaethau sy'n cyfateb", none: 'Ni allem ddod o hyd' }
}

async function noOverflow (t, page, what) {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  t.ok(over <= 0, `${what}: nothing wider than the phone's screen`, `${over}px too wide`)
}

export default async function (t) {
  for (const lang of ['en', 'cy']) {
    const w = words[lang]

    // JavaScript on, on a phone: search by street name, straight to the page.
    const page = await t.page({ lang, width: PHONE })
    await page.goto(t.base + '/find', { waitUntil: 'networkidle' })
    t.ok(await page.getByRole('heading', { level: 1 }).isVisible(), `/find in ${lang} has a heading`)
    await t.axe(page, `/find in ${lang}`)
    t.ok(await page.getByRole('button', { name: lang === 'en' ? 'Use my location' : 'Defnyddio fy lleoliad' }).isVisible(),
      `/find in ${lang}: with JavaScript the "use my location" button shows`)
    t.ok(!(await page.locator('[data-geolocate-error]').isVisible()), `/find in ${lang}: the location error stays hidden until it happens`)
    await page.getByLabel(w.field).fill('Mill Close')
    await page.getByRole('button', { name: w.search, exact: true }).click()
    await page.waitForLoadState('networkidle')
    t.ok(new URL(page.url()).pathname === NB, `${lang}: "Mill Close" goes straight to its neighbourhood`, page.url())
    t.ok(await page.getByRole('heading', { name: w.meetings }).isVisible(), `${lang}: the page shows the next meetings`)
    t.ok(await page.getByRole('heading', { name: 'Porthmawr Town Centre PACT meeting' }).first().isVisible(), `${lang}: the next PACT meeting is listed`)
    t.ok(await page.locator('a[href$=".ics"][download]').count() >= 2, `${lang}: each meeting has an .ics download`)
    t.ok(await page.getByRole('heading', { name: w.priorities }).isVisible(), `${lang}: the page shows the priorities`)
    t.ok(await page.getByRole('heading', { name: w.said }).first().isVisible(), `${lang}: a priority says "you said, we did"`)
    t.ok(await page.getByRole('heading', { name: w.stops }).isVisible(), `${lang}: stop and search is summarised`)
    t.ok(await page.getByRole('heading', { name: w.involved }).isVisible(), `${lang}: how to get involved`)
    await page.locator('.engage-map--drawn').waitFor({ timeout: 10000 }).catch(() => {})
    const drawn = await page.evaluate(() => ({
      boundary: document.querySelectorAll('.engage-map path.leaflet-interactive, .engage-map svg path').length,
      tiles: document.querySelectorAll('.engage-map img.leaflet-tile').length
    }))
    t.ok(drawn.boundary > 1, `${lang}: the map draws the boundary and crime points`, JSON.stringify(drawn))
    t.ok(drawn.tiles === 0, `${lang}: the map loads no tiles`)
    t.ok(await page.locator('.engage-chart canvas').count() === 1, `${lang}: the trend chart is drawn`)
    t.ok(await page.locator('#trend-table').isVisible(), `${lang}: the trend table is there beside the chart`)
    t.ok(page.problems.length === 0, `${lang}: no script errors, CSP refusals or requests leaving 127.0.0.1`, page.problems.join('\n'))
    await noOverflow(t, page, `the neighbourhood page on a phone in ${lang}`)
    await t.axe(page, `the neighbourhood page in ${lang}`)
    await t.shot(page, `neighbourhood-${lang}-phone`)

    // Several matches: a list; nothing: help.
    await page.goto(t.base + '/find?q=Mill')
    t.ok(await page.getByRole('heading', { name: w.many }).isVisible(), `${lang}: "Mill" lists several neighbourhoods`)
    t.ok(await page.locator('.engage-results li').count() >= 2, `${lang}: each matching neighbourhood is a link`)
    await noOverflow(t, page, `the results on a phone in ${lang}`)
    await t.axe(page, `/find results in ${lang}`)
    await t.shot(page, `find-results-${lang}-phone`)
    await page.goto(t.base + '/find?q=Nowhere+Street+at+all')
    t.ok((await page.locator('main').innerText()).includes(w.none), `${lang}: an unknown street gets a helpful message`)
    await t.axe(page, `/find with no match in ${lang}`)
    await page.goto(t.base + '/find?q=')
    t.ok(await page.locator('.govuk-error-summary').isVisible(), `${lang}: an empty search shows the error summary`)
    await t.axe(page, `/find with an error in ${lang}`)

    // JavaScript off: the tables are whole, the map and chart are absent.
    const nojs = await t.page({ lang, width: PHONE, js: false })
    await nojs.goto(t.base + '/find')
    t.ok(!(await nojs.locator('[data-geolocate]').isVisible()), `${lang} without JavaScript: no "use my location" button`)
    await nojs.getByLabel(w.field).fill('Mill Close')
    await nojs.getByRole('button', { name: w.search, exact: true }).click()
    t.ok(new URL(nojs.url()).pathname === NB, `${lang} without JavaScript: the search still finds the neighbourhood`, nojs.url())
    t.ok(await nojs.locator('#trend-table tbody tr').count() >= 3, `${lang} without JavaScript: the trend table has its months`)
    t.ok(await nojs.locator('table').count() >= 4, `${lang} without JavaScript: the crime and stop and search tables are there`)
    t.ok(!(await nojs.locator('.engage-map').isVisible()), `${lang} without JavaScript: the empty map box is hidden`)
    await noOverflow(t, nojs, `the page without JavaScript on a phone in ${lang}`)
    await t.shot(nojs, `neighbourhood-${lang}-phone-nojs`)

    const desk = await t.page({ lang, width: DESKTOP })
    await desk.goto(t.base + NB, { waitUntil: 'networkidle' })
    await desk.locator('.engage-map--drawn').waitFor({ timeout: 10000 }).catch(() => {})
    t.ok(desk.problems.length === 0, `${lang} on a desktop: no script errors or outside requests`, desk.problems.join('\n'))
    await t.shot(desk, `neighbourhood-${lang}-desktop`)
    await desk.goto(t.base + '/find', { waitUntil: 'networkidle' })
    await t.shot(desk, `find-${lang}-desktop`)
  }

  // "Use my location": the browser's position (the town centre) fills the form.
  const geo = await t.page({ lang: 'en', width: PHONE })
  await geo.context().grantPermissions(['geolocation'])
  await geo.context().setGeolocation({ latitude: 52.3397, longitude: -4.4536 })
  await geo.goto(t.base + '/find', { waitUntil: 'networkidle' })
  await geo.getByRole('button', { name: 'Use my location' }).click()
  await geo.waitForURL(u => new URL(u).pathname.startsWith('/neighbourhoods/'), { timeout: 10000 }).catch(() => {})
  t.ok(new URL(geo.url()).pathname === NB, '"use my location" goes to the neighbourhood there', geo.url())
}
