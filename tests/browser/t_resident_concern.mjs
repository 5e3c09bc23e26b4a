// t_resident_concern.mjs - a resident on a phone raises a concern, once
// anonymously and once with contact details and consent, in English and in
// Welsh, with JavaScript on and off; gets a reference; tracks it.  Then
// staff publish "you said, we did" with the engage CLI against the same
// database, and the resident's track page shows it.  axe-core on every page,
// the error state too; screenshots of the form, the errors, the
// confirmation and the track page at phone and desktop widths.
import { execFileSync } from 'node:child_process'
import { PHONE, DESKTOP } from './lib.mjs'

const WORDS = {
  en: {
    send: 'Send your concern',
    anon: 'No, I want to stay anonymous',
    contact: 'Yes, I will give my contact details',
    about: 'About you (optional)',
    problem: 'There is a problem',
    category: 'Speeding and road safety',
    what: 'What is happening?',
    where: 'Where is it happening? (optional)',
    name: 'Your name (optional)',
    email: 'Email address',
    phone: 'Phone number',
    age: 'Age',
    track: 'Track your concern',
    reference: 'Reference number',
    find: "Find my concern",
    sent: 'Concern sent',
    errCategory: 'Select what your concern is about',
    errContact: 'Select whether you want to stay anonymous or give your contact details',
    errConsent: 'Tick the box to agree that the team may contact you',
    weDid: 'You said, we did',
    tookAction: 'We took action',
    text: 'Cars speeding past the school every morning at 8',
    place: 'Stryd Fawr by the school gates'
  },
  cy: {
    send: 'Anfon eich pryder',
    anon: 'Na, rydw i am aros yn ddienw',
    contact: 'Ydw, fe roddaf fy manylion cyswllt',
    about: 'Amdanoch chi (dewisol)',
    problem: 'Mae problem',
    category: 'Goryrru a diogelwch ffyrdd',
    what: "Beth sy'n digwydd?",
    where: "Ble mae'n digwydd? (dewisol)",
    name: 'Eich enw (dewisol)',
    email: 'Cyfeiriad e-bost',
    phone: 'Rhif ffôn',
    age: 'Oedran',
    track: 'Dilyn eich pryder',
    reference: 'Cyfeirnod',
    find: "Dod o hyd i'm pryder",
    sent: "Pryder wedi'i anfon",
    errCategory: 'Dewiswch beth yw testun eich pryder',
    errContact: 'Dewiswch a ydych am aros yn ddienw neu roi eich manylion cyswllt',
    errConsent: "Ticiwch y blwch i gytuno y caiff y tîm gysylltu â chi",
    weDid: 'Dywedoch chi, gwnaethom ni',
    tookAction: 'Gwnaethom weithredu',
    text: "Ceir yn goryrru heibio'r ysgol bob bore am 8",
    place: "Stryd Fawr wrth gatiau'r ysgol"
  }
}

// A person on a phone: about 2.5 characters a second, about 2 seconds a tap.
const secondsFor = (typed, taps) => typed / 2.5 + taps * 2

async function submit (page, button) {
  const [res] = await Promise.all([
    page.waitForResponse(r => r.request().method() === 'POST'),
    page.getByRole('button', { name: button }).click()
  ])
  await page.waitForLoadState('load')
  return res
}

async function raise (t, page, w, { contact, label }) {
  await page.getByLabel(w.category, { exact: true }).check()
  await page.getByLabel(w.what).fill(w.text)
  await page.getByLabel(w.where).fill(w.place)
  let typed = w.text.length + w.place.length
  let taps = 4 // category, text, where, send
  if (contact) {
    await page.getByLabel(w.contact).check()
    await page.getByLabel(w.name).fill('Gwen Parry')
    await page.getByLabel(w.email).fill('gwen.parry@example.org')
    await page.locator('#consent').check()
    typed += 'Gwen Parry'.length + 'gwen.parry@example.org'.length
    taps += 4
    if (!await page.getByLabel(w.age, { exact: true }).isVisible()) await page.getByText(w.about).click()
    await page.getByLabel(w.age, { exact: true }).selectOption('45-64')
    taps += 3
  } else {
    await page.getByLabel(w.anon).check()
    taps += 1
  }
  const seconds = secondsFor(typed, taps)
  t.ok(seconds < 90, `${label}: well under two minutes for a person (${typed} characters, ${taps} taps, about ${Math.round(seconds)} s)`)
  const res = await submit(page, w.send)
  t.ok(res.status() === 303, `${label}: the form answers 303`, res.status())
  await page.waitForURL(/\/concerns\/ENG-[0-9A-Z-]+\/raised$/)
  const ref = (await page.locator('.govuk-panel .engage-reference').innerText()).trim()
  t.ok(/^ENG-[0-9A-Z]{4}-[0-9A-Z]{5}$/.test(ref), `${label}: the confirmation shows a reference (${ref})`)
  t.ok(await page.getByRole('heading', { level: 1, name: w.sent }).isVisible(), `${label}: the confirmation panel says the concern was sent`)
  return ref
}

async function trackAndCheck (t, page, w, ref, label, private_ = []) {
  await page.getByRole('link', { name: w.track }).click()
  await page.waitForURL(new RegExp(`/concerns/${ref}$`))
  t.ok((await page.getByRole('heading', { level: 1 }).innerText()).trim() === ref, `${label}: the track page is headed with the reference`)
  const html = await page.content()
  const leaks = private_.filter(s => html.includes(s))
  t.ok(leaks.length === 0, `${label}: the track page shows none of what was typed or the raiser's details`, leaks.join(', '))
}

export default async function (t) {
  const refs = {}
  for (const lang of ['en', 'cy']) {
    const w = WORDS[lang]
    for (const js of [true, false]) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`
      const page = await t.page({ lang, width: PHONE, js })
      const res = await page.goto(t.base + '/concerns/new?force=glanmor&neighbourhood=GM01', { waitUntil: 'networkidle' })
      t.ok(res.status() === 200, `${label}: the form answers 200`, res.status())
      t.ok(await page.locator('#neighbourhood').inputValue() === 'glanmor/GM01', `${label}: arriving from a neighbourhood preselects it`)
      if (js) {
        await t.axe(page, `the concern form (${label})`)
        await t.shot(page, `concern-form-${lang}-phone`)
      }

      // Nothing chosen, contact wanted but no consent: errors that name
      // the field, at the top and beside it, with what was typed kept.
      await page.getByLabel(w.what).fill(w.text)
      await page.getByLabel(w.contact).check()
      await page.getByLabel(w.email).fill('gwen.parry@example.org')
      const bad = await submit(page, w.send)
      t.ok(bad.status() === 400, `${label}: a form with mistakes answers 400`, bad.status())
      const summary = await page.locator('.govuk-error-summary').innerText()
      t.ok(summary.includes(w.problem) && summary.includes(w.errCategory) && summary.includes(w.errConsent),
        `${label}: the error summary names each field and what to do`, summary)
      t.ok(await page.locator('#category-error').isVisible() && await page.locator('#consent-error').isVisible(),
        `${label}: each error also stands beside its field`)
      t.ok(await page.getByLabel(w.what).inputValue() === w.text && await page.getByLabel(w.email).inputValue() === 'gwen.parry@example.org',
        `${label}: what was typed is kept`)
      t.ok((await page.title()).startsWith(lang === 'cy' ? 'Gwall:' : 'Error:'), `${label}: the title says there is an error`)
      if (js) {
        await t.axe(page, `the concern form showing errors (${label})`, { asShown: true })
        await t.shot(page, `concern-error-${lang}-phone`)
      }

      // Anonymous, from the page with the errors.
      const anon = await raise(t, page, w, { contact: false, label: `${label}, anonymous` })
      if (js) {
        await t.axe(page, `the confirmation (${label})`)
        await t.shot(page, `concern-raised-${lang}-phone`)
      }
      await trackAndCheck(t, page, w, anon, `${label}, anonymous`, [w.text, w.place])
      if (js) {
        await t.axe(page, `the track page (${label})`)
        await t.shot(page, `concern-track-${lang}-phone`)
      }
      refs[`${lang}-${js}`] = anon

      // With contact details and consent, on a fresh form.
      await page.goto(t.base + '/concerns/new?force=glanmor&neighbourhood=GM01')
      const named = await raise(t, page, w, { contact: true, label: `${label}, with contact details` })
      await trackAndCheck(t, page, w, named, `${label}, with contact details`,
        [w.text, 'Gwen Parry', 'gwen.parry@example.org'])
      // the form with errors is answered 400, which the console reports
      const problems = page.problems.filter(p => !/status of 400/.test(p))
      t.ok(problems.length === 0, `${label}: no script errors, CSP refusals or outside requests`, problems.join('\n'))
    }

    // Tracking by typing the reference, as a person would: lower case, spaces.
    const page = await t.page({ lang, width: PHONE })
    await page.goto(t.base + '/concerns/track')
    await t.axe(page, `the track form (${lang})`)
    await page.getByLabel(w.reference).fill(' ' + refs[`${lang}-true`].toLowerCase().replace(/-/g, ' ') + ' ')
    await page.getByRole('button', { name: w.find }).click()
    await page.waitForURL(new RegExp(`/concerns/${refs[`${lang}-true`]}$`))
    t.ok(true, `${lang}: a reference typed in lower case with spaces finds the concern`)
    const unknown = await page.goto(t.base + '/concerns/ENG-0000-00000')
    t.ok(unknown.status() === 404, `${lang}: an unknown reference answers 404 with a clear message`, unknown.status())
    await t.axe(page, `the unknown-reference page (${lang})`)

    // Desktop: the same pages, for the screenshots and axe at that width.
    const desk = await t.page({ lang, width: DESKTOP })
    await desk.goto(t.base + '/concerns/new', { waitUntil: 'networkidle' })
    await t.shot(desk, `concern-form-${lang}-desktop`)
    await submit(desk, w.send)
    await t.axe(desk, `the concern form showing errors at desktop width (${lang})`, { asShown: true })
    await t.shot(desk, `concern-error-${lang}-desktop`)
    await desk.goto(t.base + `/concerns/${refs[`${lang}-true`]}/raised`, { waitUntil: 'networkidle' })
    await t.shot(desk, `concern-raised-${lang}-desktop`)
    await desk.goto(t.base + `/concerns/${refs[`${lang}-true`]}`, { waitUntil: 'networkidle' })
    await t.shot(desk, `concern-track-${lang}-desktop`)
    await desk.goto(t.base + '/accessibility', { waitUntil: 'networkidle' })
    await t.axe(desk, `the accessibility statement (${lang})`)
    t.ok((await desk.getByRole('heading', { level: 1 }).innerText()).includes(lang === 'cy' ? 'Datganiad hygyrchedd' : 'Accessibility statement'),
      `${lang}: the accessibility statement is in ${lang === 'cy' ? 'Welsh' : 'English'}`)
    await t.shot(desk, `accessibility-${lang}-desktop`)
  }

  // Staff answer the English anonymous concern with the CLI; the resident
  // sees "you said, we did" in both languages.
  const engage = process.env.ENGAGE
  if (!engage || !process.env.ENGAGE_DATABASE) {
    t.skip('staff publish feedback and the track page shows it', 'ENGAGE and ENGAGE_DATABASE are not set')
    return
  }
  const ref = refs['en-true']
  const shown = execFileSync(engage, ['concern', 'show', ref], { encoding: 'utf8' })
  const id = (shown.match(/^id (\d+)$/m) || [])[1]
  t.ok(id, `engage concern show finds ${ref} raised through the web form`, shown)
  t.ok(/channel online-form/.test(shown), 'the concern was recorded as an online form', shown)
  const weDid = 'We ran speed checks outside the school on five mornings and gave 14 drivers warnings.'
  execFileSync(engage, ['feedback', 'give', '--concern', id, '--outcome', 'action-taken',
    '--text', weDid, '--by', 'PC Sioned Jenkins'], { encoding: 'utf8' })
  for (const lang of ['en', 'cy']) {
    const w = WORDS[lang]
    for (const [width, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']]) {
      const page = await t.page({ lang, width })
      await page.goto(t.base + `/concerns/${ref}`, { waitUntil: 'networkidle' })
      const main = await page.locator('main').innerText()
      t.ok(main.includes(w.weDid) && main.includes(w.tookAction) && main.includes(weDid),
        `${lang}, ${name}: the track page shows what staff did`, main)
      if (name === 'phone') await t.axe(page, `the track page with feedback (${lang})`)
      await t.shot(page, `concern-outcome-${lang}-${name}`)
    }
  }
}
