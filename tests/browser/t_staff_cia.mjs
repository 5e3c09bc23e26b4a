// t_staff_cia.mjs - a sergeant records a community impact assessment after
// an incident, opens it again (saying why), and reviews it; in English and
// Welsh, with no accessibility violations on the list, the question and
// the assessment.
import { PHONE, DESKTOP } from './lib.mjs'

export default async function (t) {
  const list = '/staff/neighbourhoods/glanmor/GM01/impact-assessments'
  for (const [lang, width] of [['en', DESKTOP], ['cy', PHONE]]) {
    const page = await t.page({ lang, width })
    await t.signIn(page, 'sgt.test')
    await page.goto(t.base + list)
    t.ok(await page.locator('h1').innerText() !== '', `${lang}: the impact assessments page opens`)
    await t.axe(page, `the impact assessments list in ${lang}`)

    await page.fill('#incident', `Fire at the community hall (${lang})`)
    await page.fill('#incident_at', '2026-11-30T22:00')
    await page.fill('#communities', 'Hall users; the Polish Saturday school')
    await page.fill('#information_needed', 'Cause of the fire; how people feel')
    await page.fill('#information_from', 'Fire service; hall committee')
    await page.fill('#overseen_by', 'Insp Rhodri Evans')
    await page.fill('#deadline', '2099-12-31')
    await page.check('input[name="confidence"][value="low"]')
    await page.fill('#review_days', '7')
    await page.locator('form button[type="submit"]').last().click()
    t.ok(new URL(page.url()).searchParams.has('recorded'), `${lang}: recording it answers with a banner`, page.url())
    t.ok(await page.locator('.govuk-notification-banner').isVisible(), `${lang}: the banner shows`)
    await t.shot(page, `staff-cia-list-${lang}-${width === PHONE ? 'phone' : 'desktop'}`)

    // opening it asks why first
    await page.locator('table a').last().click()
    t.ok(await page.locator('#purpose').isVisible(), `${lang}: opening one asks why`)
    await t.axe(page, `the "why are you opening it" question in ${lang}`)
    await page.fill('#purpose', 'weekly tension review')
    await page.locator('#purpose').press('Enter')
    t.ok((await page.content()).includes(`Fire at the community hall (${lang})`), `${lang}: the assessment shows once a reason is given`)
    await t.axe(page, `an impact assessment in ${lang}`)

    await page.check('input[name="confidence"][value="medium"]')
    await page.fill('#notes', 'Calmer after the open day.')
    await page.locator('form button[type="submit"]').last().click()
    t.ok(await page.locator('.govuk-notification-banner').isVisible(), `${lang}: the review is saved`)
    t.ok(!page.url().includes('purpose'), `${lang}: no reason is ever put in the address`, page.url())
    // every look asks why again
    await page.fill('#purpose', 'checking the review')
    await page.locator('#purpose').press('Enter')
    t.ok((await page.content()).includes('Calmer after the open day.'), `${lang}: the review shows in the assessment`)
    t.ok(page.problems.length === 0, `${lang}: no script errors or outside requests`, page.problems.join('\n'))
    await t.shot(page, `staff-cia-record-${lang}-${width === PHONE ? 'phone' : 'desktop'}`)
  }

  // an officer of another neighbourhood is turned away
  const other = await t.page({ lang: 'en' })
  await t.signIn(other, 'pc.test')
  const res = await other.goto(t.base + '/staff/neighbourhoods/glanmor/GM02/impact-assessments')
  t.ok(res.status() === 403, 'an officer of another neighbourhood gets 403', res.status())
}
