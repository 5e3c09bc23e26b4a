// t_staff_signin.mjs - an officer signs in with the keyboard, sees their
// neighbourhoods in English and Welsh, and signs out.
import { PHONE, DESKTOP } from './lib.mjs'

export default async function (t) {
  for (const lang of ['en', 'cy']) {
    const page = await t.page({ lang })
    await page.goto(t.base + '/staff')
    t.ok(new URL(page.url()).pathname === '/staff/sign-in', `${lang}: /staff asks a stranger to sign in`, page.url())
    await t.axe(page, `the sign-in page in ${lang}`)

    await page.locator('#username').fill('pc.test')
    await page.locator('#password').fill('not the password')
    await page.locator('#password').press('Enter')
    t.ok(await page.locator('.govuk-error-summary').isVisible(), `${lang}: a wrong password shows the error summary`)
    t.ok(await page.locator('#username').inputValue() === 'pc.test', `${lang}: the username is kept`)
    await t.axe(page, `the sign-in error in ${lang}`)
    if (lang === 'en') await t.shot(page, 'staff-sign-in-error-en-desktop')
    page.problems.length = 0 // the browser logs the 401 of that wrong password

    await t.signIn(page, 'pc.test')
    const h1 = await page.getByRole('heading', { level: 1 }).innerText()
    t.ok(h1 === (lang === 'cy' ? 'Fy nghymdogaethau' : 'My neighbourhoods'), `${lang}: signed in, the staff home heading is "${h1}"`)
    t.ok(page.problems.length === 0, `${lang}: no script errors or outside requests`, page.problems.join('\n'))
    await t.axe(page, `My neighbourhoods in ${lang}`)

    const signOut = lang === 'cy' ? 'Allgofnodi' : 'Sign out'
    await page.getByRole('button', { name: signOut }).click()
    t.ok(new URL(page.url()).pathname === '/', `${lang}: signing out goes to the front page`)
    await page.goto(t.base + '/staff')
    t.ok(new URL(page.url()).pathname === '/staff/sign-in', `${lang}: after signing out /staff asks to sign in again`)
  }
  for (const [width, label] of [[PHONE, 'phone'], [DESKTOP, 'desktop']]) {
    const page = await t.page({ lang: 'en', width })
    await t.signIn(page, 'sgt.test')
    await t.shot(page, `staff-home-en-${label}`)
  }
}
