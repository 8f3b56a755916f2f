// Each sign-in refused by the reference server, in every language: a wrong password is named on
// that sign-in's password field with its own message, never as "your session has ended"; a
// refused partner-network sign-in keeps the work-account sign-in, and the right passwords then
// go on. The texts are read from the app's own locale files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage } from './browser.mjs';
import { t } from './ftl.mjs';

const LANGS = ['en', 'fr', 'ru', 'zh-CN'];

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

async function chooseLanguage(page, lang) {
  await page.getByLabel(t('en', 'language-label')).selectOption(lang);
  await page.locator(`html[lang="${lang}"]`).waitFor();
}

/** The page never says a session ended: there was none, or it is still there. */
async function noSessionEnded(page, lang) {
  for (const id of ['api-session-ended', 'api-work-account-signed-out']) {
    assert.equal(await page.getByText(t(lang, id)).count(), 0, `${lang}: ${id} shown`);
  }
}

/** The field labelled `label` carries `message` as its error, and the summary links to it. */
async function refusedOn(page, lang, label, message) {
  await page.getByRole('alert').getByRole('link', { name: message }).waitFor();
  const input = page.getByLabel(label, { exact: true });
  assert.equal(await input.getAttribute('aria-invalid'), 'true', `${lang}: ${label} marked invalid`);
  const described = await input.getAttribute('aria-describedby');
  assert.match(await page.locator(`#${described.split(' ').at(-1)}`).innerText(), new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await noSessionEnded(page, lang);
}

for (const L of LANGS) {
  test(`${L}: a wrong portal password is named on the password`, async () => {
    const page = await newPage(browser, '/sign-in');
    await chooseLanguage(page, L);
    await page.getByLabel(t(L, 'sign-in-user-name')).fill('admin@contoso.onmicrosoft.com');
    await page.getByLabel(t(L, 'password'), { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: t(L, 'sign-in'), exact: true }).click();
    await refusedOn(page, L, t(L, 'password'), t(L, 'err-sign-in-failed--session-password'));
    await page.getByLabel(t(L, 'password'), { exact: true }).fill('demo');
    await page.getByRole('button', { name: t(L, 'sign-in'), exact: true }).click();
    await page.getByRole('heading', { name: t(L, 'account-heading') }).waitFor();
    await page.context().close();
  });

  test(`${L}: wrong work-account and partner-network passwords keep the enrollment`, async () => {
    const page = await newPage(browser);
    await chooseLanguage(page, L);
    const next = () => page.getByRole('button', { name: t(L, 'continue'), exact: true }).click();
    await page.getByRole('button', { name: t(L, 'home-start') }).click();
    await page.getByRole('heading', { name: t(L, 'welcome-heading') }).waitFor();
    await next();
    await page.getByLabel(t(L, 'partner-type-indirect-reseller'), { exact: true }).check();
    await next();

    await page.getByLabel(t(L, 'work-account-mode-sign-in')).check();
    await page.getByLabel(t(L, 'work-account-user-name'), { exact: true }).fill('admin@contoso.fr');
    await page.getByLabel(t(L, 'password'), { exact: true }).fill('wrong');
    await next();
    await refusedOn(page, L, t(L, 'password'), t(L, 'err-sign-in-failed--work-account-password'));
    assert.equal(await page.getByLabel(t(L, 'work-account-user-name'), { exact: true }).inputValue(), 'admin@contoso.fr');
    await page.getByLabel(t(L, 'password'), { exact: true }).fill('motdepasse');
    await next();

    await page.getByRole('heading', { name: t(L, 'mpn-heading') }).waitFor();
    await page.getByLabel(t(L, 'mpn-pmc-user-name')).fill('pmc@contoso.fr');
    await page.getByLabel(t(L, 'password'), { exact: true }).fill('wrong');
    await next();
    await refusedOn(page, L, t(L, 'password'), t(L, 'err-sign-in-failed--pmc-password'));
    // Still on this step, still signed in to the work account: the right password lists the
    // account's profiles.
    await page.getByRole('heading', { name: t(L, 'mpn-heading') }).waitFor();
    await page.getByLabel(t(L, 'password'), { exact: true }).fill('motdepasse');
    await next();
    await page.getByLabel(/Contoso France/).waitFor();
    await noSessionEnded(page, L);
    await page.context().close();
  });
}
