// t_staff_pact.mjs - a sergeant runs a PACT meeting in the browser: signs
// in, adds the meeting, proposes a candidate, records the votes, agrees it,
// adds an action on the board, publishes "you said, we did", and the public
// neighbourhood page shows it.  Once in English with JavaScript on at
// desktop width, once in Welsh with JavaScript off on a phone.  axe-core on
// every page, screenshots at both widths, and the meeting pack as printed.
import { PHONE, DESKTOP } from './lib.mjs'

const NB = '/staff/neighbourhoods/glanmor/GM01'
const USER = 'pact-sergeant'
const PASSWORD = 'pact sergeant password'

const words = {
  en: {
    addMeeting: 'Add a new PACT meeting',
    title: 'Title',
    date: 'Date',
    time: 'Start time',
    venue: 'Where it is held',
    addMeetingButton: 'Add the meeting',
    proposeThis: 'Propose this as a priority',
    publicText: 'What the public page will say',
    proposeButton: 'Propose it',
    for: 'For',
    against: 'Against',
    abstain: 'Abstained',
    saveVotes: 'Save the votes',
    review: 'Review date',
    agree: 'Agree this priority',
    addAction: 'Add an action',
    action: 'Action',
    ownerName: "Owner's name or role",
    due: 'Due date',
    addActionButton: 'Add the action',
    outcome: 'We took action',
    feedbackText: 'Feedback to publish',
    publish: 'Publish the feedback',
    saved: 'Saved',
    youSaid: 'You said, we did',
    said: 'Street drinking by the war memorial, agreed in English.',
    did: 'We patrolled the war memorial on six evenings and the council moved the bench.'
  },
  cy: {
    addMeeting: 'Ychwanegu cyfarfod PACT newydd',
    title: 'Teitl',
    date: 'Dyddiad',
    time: 'Amser dechrau',
    venue: "Ble mae'n cael ei gynnal",
    addMeetingButton: "Ychwanegu'r cyfarfod",
    proposeThis: 'Cynnig hwn fel blaenoriaeth',
    publicText: 'Beth fydd y dudalen gyhoeddus yn ei ddweud',
    proposeButton: 'Ei gynnig',
    for: 'O blaid',
    against: 'Yn erbyn',
    abstain: 'Yn ymatal',
    saveVotes: "Cadw'r pleidleisiau",
    review: 'Dyddiad adolygu',
    agree: 'Cytuno ar y flaenoriaeth hon',
    addAction: 'Ychwanegu cam gweithredu',
    action: 'Cam gweithredu',
    ownerName: 'Enw neu rôl y perchennog',
    due: 'Dyddiad erbyn',
    addActionButton: "Ychwanegu'r cam gweithredu",
    outcome: 'Gwnaethom weithredu',
    feedbackText: "Adborth i'w gyhoeddi",
    publish: "Cyhoeddi'r adborth",
    saved: "Wedi'i gadw",
    youSaid: 'Dywedoch chi, gwnaethom ni',
    said: 'Yfed ar y stryd ger y gofeb ryfel, a gytunwyd yn Gymraeg.',
    did: 'Bu swyddogion ar batrôl ger y gofeb ar chwe noson a symudodd y cyngor y fainc.'
  }
}

function day (offset) {
  const d = new Date(Date.now() + offset * 86400000)
  return d.toISOString().slice(0, 10)
}

async function signIn (page, t, next) {
  await page.goto(t.base + '/staff/sign-in?next=' + encodeURIComponent(next))
  await page.locator('#username').fill(USER)
  await page.locator('#password').fill(PASSWORD)
  await Promise.all([page.waitForURL('**' + next + '**'), page.locator('form[action="/staff/sign-in"] button').click()])
}

async function banner (page) {
  const b = page.locator('.govuk-notification-banner')
  return (await b.count()) ? b.innerText() : ''
}

async function journey (t, lang, js, width) {
  const w = words[lang]
  const how = `${lang}, JavaScript ${js ? 'on' : 'off'}`
  const page = await t.page({ lang, width, js })
  await signIn(page, t, NB + '/pact')
  t.ok(new URL(page.url()).pathname === NB + '/pact', `${how}: signing in comes back to PACT meeting mode`, page.url())

  // the meeting
  await page.getByText(w.addMeeting).click()
  await page.getByLabel(w.title, { exact: true }).fill(lang === 'en' ? 'PACT meeting, Market Hall' : 'Cyfarfod PACT, Neuadd y Farchnad')
  await page.getByLabel(w.date, { exact: true }).fill(day(0))
  await page.getByLabel(w.time, { exact: true }).fill('19:00')
  await page.getByLabel(w.venue, { exact: true }).fill('Porthmawr Market Hall')
  await page.getByRole('button', { name: w.addMeetingButton }).click()
  t.ok(/meeting=\d+/.test(page.url()), `${how}: the new meeting is the one being run`, page.url())
  t.ok((await banner(page)).includes(w.saved), `${how}: a saved banner says so`)

  // propose the first candidate that is not yet a priority
  const details = page.locator('details', { hasText: w.proposeThis }).first()
  await details.locator('summary').click()
  await details.getByLabel(w.publicText).fill(w.said)
  await details.getByRole('button', { name: w.proposeButton }).click()
  const id = (page.url().match(/#priority-(\d+)/) || [])[1]
  t.ok(id, `${how}: the candidate is proposed`, page.url())
  const card = page.locator(`#priority-${id}`)

  // votes, then agree
  await card.getByLabel(w.for, { exact: true }).fill('21')
  await card.getByLabel(w.against, { exact: true }).fill('3')
  await card.getByLabel(w.abstain, { exact: true }).fill('1')
  await card.getByRole('button', { name: w.saveVotes }).click()
  t.ok(await page.locator(`#priority-${id} input[value="21"]`).count() === 1, `${how}: the votes are recorded and shown`)
  if (lang === 'en') {
    await t.axe(page, `PACT meeting mode in ${lang}`)
    await t.shot(page, `pact-meeting-${lang}-${width === PHONE ? 'phone' : 'desktop'}`)
  }
  await page.locator(`#priority-${id}`).getByLabel(w.review).fill(day(90))
  await page.locator(`#priority-${id}`).getByRole('button', { name: w.agree }).click()
  t.ok(await page.locator(`#priority-${id}`).count() === 0, `${how}: once agreed it leaves the proposed list`)

  // the board: an action
  await page.goto(t.base + NB + '/board')
  const board = page.locator(`#priority-${id}`)
  t.ok(await board.count() === 1, `${how}: the agreed priority is on the board`)
  await board.getByText(w.addAction).click()
  await board.getByLabel(w.action, { exact: true }).fill(lang === 'en' ? 'Evening patrols by the war memorial.' : "Patrolau gyda'r nos ger y gofeb.")
  await board.getByLabel(w.ownerName).fill('PC Owain Davies')
  await board.getByLabel(w.due, { exact: true }).fill(day(30))
  await board.getByRole('button', { name: w.addActionButton }).click()
  t.ok(/#action-\d+/.test(page.url()), `${how}: the action is added`, page.url())

  // feedback: close the priority with "you said, we did"
  await page.goto(t.base + NB + `/feedback?priority=${id}#write`)
  await page.getByLabel(w.outcome, { exact: true }).check()
  await page.getByLabel(w.feedbackText).fill(w.did)
  await page.getByRole('button', { name: w.publish }).click()
  t.ok((await banner(page)).includes(w.saved), `${how}: the feedback is published`)

  // the public page
  await page.goto(t.base + '/neighbourhoods/glanmor/GM01')
  const text = await page.locator('main').innerText()
  t.ok(text.includes(w.youSaid) && text.includes(w.did) && text.includes(w.said),
    `${how}: the public neighbourhood page shows you said, we did`, text.slice(0, 400))
  t.ok(page.problems.length === 0, `${how}: no script errors, CSP refusals or outside requests`, page.problems.join('\n'))
  return page
}

export default async function (t) {
  await journey(t, 'en', true, DESKTOP)
  await journey(t, 'cy', false, PHONE)

  // every page, both languages: status, axe, screenshots at both widths
  const pages = [['pact', 'PACT meeting mode'], ['board', 'the board'], ['feedback', 'the feedback queue'], ['pack', 'the meeting pack']]
  for (const lang of ['en', 'cy']) {
    for (const [width, label] of [[PHONE, 'phone'], [DESKTOP, 'desktop']]) {
      const page = await t.page({ lang, width })
      await signIn(page, t, NB + '/pact')
      for (const [path, what] of pages) {
        const res = await page.goto(t.base + NB + '/' + path, { waitUntil: 'networkidle' })
        t.ok(res.status() === 200, `${what} in ${lang} at ${label} width answers 200`, res.status())
        if (width === DESKTOP) await t.axe(page, `${what} in ${lang}`)
        await t.shot(page, `staff-${path}-${lang}-${label}`)
      }
      // the feedback form for the oldest concern
      await page.goto(t.base + NB + '/feedback')
      await page.locator('a[href*="feedback?concern="]').first().click()
      t.ok(await page.locator('#write form').count() === 1, `the feedback form opens in ${lang} at ${label} width`)
      if (width === DESKTOP) await t.axe(page, `the feedback form in ${lang}`)
      await t.shot(page, `staff-feedback-form-${lang}-${label}`)
      t.ok(page.problems.length === 0, `staff pages in ${lang} at ${label} width: no script errors or CSP refusals`, page.problems.join('\n'))
    }
    // the pack as printed
    const print = await t.page({ lang, width: DESKTOP })
    await signIn(print, t, NB + '/pack')
    await print.emulateMedia({ media: 'print' })
    t.ok(!(await print.locator('.engage-tabs').isVisible()), `the printed pack in ${lang} has no navigation`)
    await t.shot(print, `staff-pack-print-${lang}`)
    // the public page with its "you said, we did"
    const pub = await t.page({ lang })
    await pub.goto(t.base + '/neighbourhoods/glanmor/GM01', { waitUntil: 'networkidle' })
    await t.axe(pub, `the neighbourhood page with you said, we did in ${lang}`)
    await t.shot(pub, `neighbourhood-yousaid-${lang}-desktop`)
  }
}
