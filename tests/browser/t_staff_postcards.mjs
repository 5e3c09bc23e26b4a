// t_staff_postcards.mjs - an officer after a street meeting: signs in, opens
// the neighbourhood's staff page, and types in 40 postcards with the
// keyboard alone (Tab along the rows, lists chosen by typing, no mouse);
// Enter never sends half a batch; a wrong row is named and nothing is
// lost; then logs an activity, adds a profile note and a plan entry.  Every
// page in English and Welsh with no axe violations, and screenshots at
// phone and desktop widths.  t_browser.sh makes the officer (GM01) and
// passes the sign-in in BROWSER_OFFICER and BROWSER_OFFICER_PASSWORD.
import { PHONE, DESKTOP } from './lib.mjs'

const NB = '/staff/neighbourhoods/glanmor/GM01'

// What the officer types for card i: the words, the category's first
// letters (or '' to let Engage suggest one), the street, and the first
// letters of an age band, a sex and an ethnic group ('' for not given).
const CARDS = [
  ['Cars speeding past the school at home time', 'sp', 'Stryd Fawr', '4', 'f', 'w'],
  ['Dog mess all along the river path', '', 'Llwybr yr Afon', '6', 'm', ''],
  ['Youths drinking in the bus shelter late at night', 'st', 'Heol y Bont', '3', '', 'w'],
  ['Van parked on the pavement every morning', 'pa', 'Ffordd y Môr', '', 'f', 'a'],
  ['Rubbish dumped behind the shops again', 'l', 'Stryd y Castell', '1', 'm', 'b']
]

async function signIn (t, lang, width = DESKTOP, js = true) {
  const page = await t.page({ lang, width, js })
  await page.goto(t.base + '/staff/sign-in?next=' + encodeURIComponent(NB))
  await page.locator('#username').focus()
  await page.keyboard.type(process.env.BROWSER_OFFICER)
  await page.keyboard.press('Tab')
  await page.keyboard.type(process.env.BROWSER_OFFICER_PASSWORD)
  await Promise.all([page.waitForURL(u => u.pathname === NB), page.keyboard.press('Enter')])
  return page
}

// Tab from where focus is until `test(activeElement)` holds; how many Tabs.
async function tabUntil (page, test, max = 80) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(test)) return i
  }
  return -1
}

// Count every mouse or pointer press the page sees, across navigations.
async function watchMouse (page) {
  await page.addInitScript(() => {
    const bump = () => sessionStorage.setItem('mice', String(Number(sessionStorage.getItem('mice') || 0) + 1))
    for (const type of ['mousedown', 'pointerdown', 'contextmenu']) window.addEventListener(type, bump, true)
  })
}

async function typeCards (page, n) {
  for (let i = 0; i < n; i++) {
    const [text, cat, where, age, sex, ethnic] = CARDS[i % CARDS.length]
    await page.keyboard.type(`${text} (card ${i + 1})`)
    await page.keyboard.press('Tab')
    if (cat) await page.keyboard.type(cat)
    await page.keyboard.press('Tab')
    await page.keyboard.type(where)
    for (const letters of [age, sex, ethnic]) {
      await page.keyboard.press('Tab')
      if (letters) await page.keyboard.type(letters)
    }
    await page.keyboard.press('Tab')
  }
}

async function pages (t) {
  for (const lang of ['en', 'cy']) {
    const page = await signIn(t, lang)
    for (const [path, what] of [['', 'the neighbourhood staff page'], ['/postcards', 'the postcards page'],
      ['/activities/new', 'the log an activity page'], ['/profile', 'the profile page'], ['/plan', 'the plan page']]) {
      const res = await page.goto(t.base + NB + path, { waitUntil: 'networkidle' })
      t.ok(res.status() === 200, `${what} in ${lang} answers 200`, res.status())
      t.ok(await page.getAttribute('html', 'lang') === lang, `${what} says lang="${lang}"`)
      t.ok(page.problems.length === 0, `${what} in ${lang}: no script errors or CSP refusals`, page.problems.join('\n'))
      await t.axe(page, `${what} in ${lang}`)
    }
  }
}

async function screenshots (t) {
  for (const [width, label] of [[PHONE, 'phone'], [DESKTOP, 'desktop']]) {
    for (const lang of ['en', 'cy']) {
      const page = await signIn(t, lang, width)
      for (const [path, name] of [['', 'neighbourhood'], ['/postcards', 'postcards'],
        ['/activities/new', 'activity'], ['/profile', 'profile'], ['/plan', 'plan']]) {
        if (lang === 'cy' && name !== 'postcards' && name !== 'neighbourhood') continue
        await page.goto(t.base + NB + path, { waitUntil: 'networkidle' })
        await t.shot(page, `staff-${name}-${lang}-${label}`)
      }
    }
  }
}

export default async function (t) {
  if (!process.env.BROWSER_OFFICER || !process.env.BROWSER_OFFICER_PASSWORD) {
    t.skip('an officer types in postcards', 'BROWSER_OFFICER is not set (t_browser.sh sets it)')
    return
  }

  // My neighbourhoods links to the neighbourhood's staff page, which links
  // to every staff page about it.
  const page = await signIn(t, 'en')
  t.ok(page.problems.length === 0, 'the neighbourhood staff page: no script errors', page.problems.join('\n'))
  for (const tail of ['/postcards', '/activities/new', '/profile', '/plan', '/pact', '/board', '/feedback', '/pack']) {
    t.ok(await page.locator(`a[href="${NB}${tail}"]`).count() === 1, `the staff page links to ${tail}`)
  }
  await page.goto(t.base + '/staff')
  t.ok(await page.locator(`a[href="${NB}"]`).count() === 1, 'My neighbourhoods links to the staff page')

  // Enter in a one-line field never sends the form, with JavaScript on
  // (it moves to the next row) or off (it does nothing).
  for (const js of [true, false]) {
    const p = await signIn(t, 'en', DESKTOP, js)
    await p.goto(t.base + NB + '/postcards', { waitUntil: 'networkidle' })
    await p.locator('#where-1').focus()
    await p.keyboard.type('Stryd Fawr')
    let navigated = false
    p.on('framenavigated', () => { navigated = true })
    await p.keyboard.press('Enter')
    await p.waitForTimeout(400)
    t.ok(!navigated, `Enter in a field does not send the batch (JavaScript ${js ? 'on' : 'off'})`)
    if (js) t.ok(await p.evaluate(() => document.activeElement.id) === 'text-2', 'with JavaScript, Enter moves to the next row')
    else t.ok(await p.locator('.engage-bulk__row').count() === 10, 'without JavaScript there are 10 rows a screen')
  }

  // 40 postcards by keyboard alone, timed.
  const officer = await signIn(t, 'en')
  await watchMouse(officer)
  await officer.goto(t.base + NB + '/postcards', { waitUntil: 'networkidle' })
  const started = Date.now()
  t.ok(await tabUntil(officer, () => document.activeElement.id === 'channel') > 0, 'Tab reaches the first choice (postcards)')
  await officer.keyboard.press('Tab')		// the activity: not from one
  await officer.keyboard.press('Tab')		// written in: English
  await officer.keyboard.press('Tab')
  t.ok(await officer.evaluate(() => document.activeElement.id) === 'text-1', 'and on to the first row')
  await typeCards(officer, 40)
  t.ok(await officer.evaluate(() => document.activeElement.id) === 'text-41', 'Tab goes row by row: after 40 cards the 41st row is ready')
  t.ok(await officer.inputValue('#category-1') === 'speeding', 'typing "sp" in the list chose speeding', await officer.inputValue('#category-1'))
  t.ok(await officer.inputValue('#age-1') === '45-64' && await officer.inputValue('#sex-1') === 'female' &&
    await officer.inputValue('#ethnic-1') === 'white', 'age, sex and ethnic group chosen by their first letters')
  t.ok(await officer.inputValue('#category-2') === '', 'a category left alone is suggested from the words')
  await t.shot(officer, 'staff-postcards-typed-en-desktop')
  t.ok(await tabUntil(officer, () => document.activeElement.matches('button[type=submit]:not([disabled])')) > 0,
    'Tab reaches the save button')
  await Promise.all([officer.waitForURL(u => u.searchParams.has('saved_first')), officer.keyboard.press('Enter')])
  const seconds = (Date.now() - started) / 1000
  t.ok(seconds < 600, `40 postcards typed and saved in ${seconds.toFixed(1)} s (under ten minutes)`)
  const mice = await officer.evaluate(() => Number(sessionStorage.getItem('mice') || 0))
  t.ok(mice === 0, 'no mouse or pointer was used', `${mice} presses`)
  t.ok((await officer.locator('.govuk-notification-banner__heading').innerText()).includes('Concerns saved: 40'),
    'the confirmation says 40 were saved')
  const refs = await officer.locator('.engage-refs li').allInnerTexts()
  t.ok(refs.length === 40 && refs.every(r => /^ENG-[0-9A-Z]{4}-[0-9A-Z]{5}$/.test(r)), 'and lists their 40 references', refs.slice(0, 3).join(' '))
  t.ok(await officer.locator('input[name=channel][value=postcard]').isChecked(), 'the next batch keeps the channel')
  t.ok(await officer.locator('.engage-bulk__row').count() === 10, 'and starts with empty rows again')
  await t.shot(officer, 'staff-postcards-saved-en-desktop')
  const track = await t.page({ lang: 'en' })
  const res = await track.goto(t.base + '/api/v1/concerns/' + refs[0])
  t.ok(res.status() === 200 && (await res.json()).channel === 'postcard', 'the first reference is a postcard concern', await res.text())

  // A row with a street but no words: named, nothing saved, all kept.
  const nojs = await signIn(t, 'en', DESKTOP, false)
  await nojs.goto(t.base + NB + '/postcards')
  await nojs.locator('#text-1').focus()
  await nojs.keyboard.type('Bins left out on the pavement')
  await nojs.locator('#where-2').focus()
  await nojs.keyboard.type('Heol y Bont')
  await nojs.locator('.engage-bulk button[type=submit]:not([disabled])').focus()
  await Promise.all([nojs.waitForLoadState(), nojs.keyboard.press('Enter')])
  await nojs.waitForSelector('.govuk-error-summary')
  t.ok((await nojs.locator('.govuk-error-summary').innerText()).includes('Row 2: type what they raised'), 'a wrong row is named in the error summary')
  t.ok(await nojs.inputValue('#text-1') === 'Bins left out on the pavement' && await nojs.inputValue('#where-2') === 'Heol y Bont',
    'every value typed is still there')
  await t.shot(nojs, 'staff-postcards-error-en-desktop')

  // Log an activity, then type in what was raised at it.
  await officer.goto(t.base + NB + '/activities/new')
  await officer.selectOption('#kind', 'street-meeting')
  await officer.fill('#title', 'Street meeting on Stryd Fawr')
  const now = new Date()
  await officer.fill('#date-day', String(now.getDate()))
  await officer.fill('#date-month', String(now.getMonth() + 1))
  await officer.fill('#date-year', String(now.getFullYear()))
  await officer.fill('#start', '00:05')
  await officer.fill('#venue', 'Outside the library, Stryd Fawr')
  await officer.fill('#attendance', '12')
  await officer.fill('#age-1', '3')
  await officer.fill('#sex-0', '7')
  await Promise.all([officer.waitForURL(u => u.searchParams.has('logged_activity')), officer.locator('form button[type=submit]').last().press('Enter')])
  t.ok((await officer.locator('.govuk-notification-banner').innerText()).includes('Activity logged'), 'the activity is logged')
  await Promise.all([officer.waitForURL(u => u.pathname.endsWith('/postcards')), officer.locator('.govuk-notification-banner a').press('Enter')])
  t.ok(await officer.locator('#activity option:checked').innerText().then(s => s.includes('Street meeting on Stryd Fawr')),
    'its postcards page has the activity chosen')

  // A profile note and a plan entry.
  await officer.goto(t.base + NB + '/profile')
  await officer.selectOption('#kind', 'seldom-heard')
  await officer.fill('#title', 'Night-shift workers at the creamery')
  await officer.fill('#note', 'Rarely at meetings; reach them at the gate at 6am.')
  await Promise.all([officer.waitForURL(u => u.searchParams.has('added')), officer.locator('form button[type=submit]').last().press('Enter')])
  t.ok((await officer.locator('#notes ~ dl').innerText()).includes('Night-shift workers at the creamery'), 'the note shows on the profile')
  await officer.goto(t.base + NB + '/plan')
  t.ok((await officer.locator('main').innerText()).includes('Night-shift workers at the creamery'), 'the plan lists the new seldom-heard group as unplanned')
  await officer.fill('#audience', 'Night-shift workers at the creamery')
  await officer.selectOption('#channel', 'street-meeting')
  await officer.fill('#message', 'What worries you on the way home?')
  await officer.fill('#aim', 'Ten conversations and their concerns typed in')
  const later = new Date(Date.now() + 14 * 86400e3)
  await officer.fill('#date-day', String(later.getDate()))
  await officer.fill('#date-month', String(later.getMonth() + 1))
  await officer.fill('#date-year', String(later.getFullYear()))
  await officer.fill('#owner', 'PCSO Rhys Morgan')
  await Promise.all([officer.waitForURL(u => u.searchParams.has('added')), officer.locator('form button[type=submit]').last().press('Enter')])
  t.ok((await officer.locator('table').innerText()).includes('Night-shift workers at the creamery'), 'the plan entry is listed')

  await pages(t)
  await screenshots(t)
}
