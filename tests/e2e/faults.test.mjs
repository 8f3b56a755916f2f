// The server fails on purpose (its test-only switch, `--test-faults`: POST /__test__/faults
// arms a fault for the next matching requests) in the middle of the team and enrollment
// journeys: a 500 at sign-in, a 422 and a dropped connection at add user, a timeout, a
// malformed answer and a 409 in the enrollment. Each time the page says what happened in the
// user's language, everything typed is still there, and pressing the same button again
// completes the journey.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, BASE } from './browser.mjs';
import {
  FRENCH, next, startInFrench, choosePartnerType, fillWorkAccount, fillMpnSignIn, chooseProfile, fillLegal,
  fillContact, fillSupport, fillBank,
} from './journeys.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });
// A fault a test armed but did not meet must not reach the next test.
afterEach(clearFaults);

/// Arms `fault` for the next `times` requests to exactly `method` `path`.
async function arm(method, path, fault, extra = {}) {
  const res = await fetch(`${BASE}/__test__/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, path, fault, ...extra }),
  });
  assert.equal(res.status, 204, await res.text());
}

async function clearFaults() {
  const res = await fetch(`${BASE}/__test__/faults`, { method: 'DELETE' });
  assert.equal(res.status, 204);
}

const alert = (page, text) => page.getByRole('alert').getByText(text).waitFor();
const value = (page, label, opts) => page.getByLabel(label, opts).inputValue();

test('team: a 500 at sign-in, a 422 and a dropped connection at add user', async () => {
  const page = await newPage(browser, '/sign-in');
  await page.getByLabel('Language').selectOption('en');

  // 500: the service is down for a moment.
  await arm('POST', '/api/session', 'server-error');
  await page.getByLabel('User name (work email address)').fill('admin@contoso.onmicrosoft.com');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await alert(page, 'The service is not available at the moment. Your answers are kept: try again in a few minutes.');
  assert.match(await page.title(), /^Error:/);
  assert.equal(await value(page, 'User name (work email address)'), 'admin@contoso.onmicrosoft.com');
  assert.equal(await value(page, 'Password'), 'demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My account' }).waitFor();

  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.getByLabel('Full name').fill('Li Na');
  await page.getByLabel('Email address').fill('li.na@contoso.cn');
  await page.getByLabel('Helpdesk agent').check();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('heading', { name: 'Check the new user\'s details' }).waitFor();

  // 422 with a field problem: back on the form, the problem on the email field.
  await arm('POST', '/api/users', 'validation', { field_errors: [{ field: 'user.email', code: 'email-taken' }] });
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.getByRole('heading', { name: 'Add a user' }).waitFor();
  await alert(page, 'A user with this email address already exists');
  assert.equal(await page.getByLabel('Email address').getAttribute('aria-invalid'), 'true');
  assert.equal(await value(page, 'Full name'), 'Li Na');
  assert.equal(await value(page, 'Email address'), 'li.na@contoso.cn');
  assert.equal(await page.getByLabel('Helpdesk agent').isChecked(), true);
  await page.getByLabel('Email address').fill('na.li@contoso.cn');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('heading', { name: 'Check the new user\'s details' }).waitFor();

  // The connection drops without an answer, in Chinese. Chromium silently resends a request
  // whose reused keep-alive connection closes (up to once per idle connection, at most six),
  // and shows the failure only when a fresh connection closes too: armed for more than that.
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('heading', { name: '检查新用户的详细信息' }).waitFor();
  await arm('POST', '/api/users', 'drop-connection', { times: 10 });
  await page.getByRole('button', { name: '添加用户' }).click();
  await alert(page, '无法连接到服务。请检查网络连接后重试；你的答案已保留。');
  await page.getByText('na.li@contoso.cn').waitFor();
  await page.getByText('Li Na', { exact: true }).waitFor();
  await clearFaults();
  await page.getByRole('button', { name: '添加用户' }).click();
  await page.getByRole('heading', { name: '已添加用户' }).waitFor();
  await page.getByText('na.li@contoso.cn').first().waitFor();
  await page.context().close();
});

test('enrollment in French: a timeout, a malformed answer and a 409', async () => {
  const page = await newPage(browser);
  await startInFrench(page);
  await choosePartnerType(page);
  await next(page);

  // The work-account sign-in gets no answer: the app stops waiting (config.json's
  // request_timeout_ms) and says so.
  await fillWorkAccount(page);
  await arm('POST', '/api/work-account/sign-in', 'timeout');
  await next(page);
  await page.getByRole('alert').getByText('Le service a mis trop de temps à répondre.').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByLabel('Oui, me connecter en tant qu\'administrateur général').isChecked(), true);
  assert.equal(await value(page, 'Nom d\'utilisateur de l\'administrateur général'), 'admin@contoso.fr');
  assert.equal(await value(page, 'Mot de passe'), 'motdepasse');
  await next(page);

  // The profiles come back as broken JSON: a plain message, never a decoder's error.
  await fillMpnSignIn(page);
  await arm('POST', '/api/partner-network/profiles', 'malformed-json');
  await next(page);
  await alert(page, 'Le service a envoyé une réponse illisible.');
  assert.equal(await page.getByText(/expected|EOF|serde|JSON/).count(), 0);
  assert.equal(await value(page, 'Nom d\'utilisateur du réseau de partenaires'), 'pmc@contoso.fr');
  assert.equal(await value(page, 'Mot de passe'), 'motdepasse');
  await next(page);
  await chooseProfile(page);
  await next(page);
  const lille = {
    ...FRENCH, legalName: 'Contoso Lille SARL', line1: '3 place du Théâtre', city: 'Lille', postalCode: '59000',
    firstName: 'Camille', lastName: 'Durand', email: 'camille.durand@contoso.fr', phone: '+33 3 20 12 34 56',
    supportPhone: '+33 3 20 65 43 21', supportWebsite: '', accountHolder: 'Contoso Lille SARL',
  };
  await fillLegal(page, lille);
  await next(page);
  await fillContact(page, lille);
  await next(page);
  await fillSupport(page, lille);
  await next(page);
  await fillBank(page, lille);
  await next(page);

  // 409 on submit: the answers are all still there, and the same button sends them.
  await page.getByRole('heading', { name: 'Vérifiez vos réponses avant de vous inscrire' }).waitFor();
  await arm('POST', '/api/applications', 'conflict');
  const enroll = page.getByRole('button', { name: 'S\'inscrire maintenant' });
  await enroll.click();
  await alert(page, 'Cet élément existe déjà ou a été modifié entre-temps.');
  await page.getByText('3 place du Théâtre, Lille, 59000, France').waitFor();
  await page.getByText('camille.durand@contoso.fr').waitFor();
  await page.getByText('FR76 3000 6000 0112 3456 7890 189').waitFor();
  await enroll.click();
  await page.getByRole('heading', { name: 'Demande envoyée' }).waitFor();
  const id = page.url().split('/applications/')[1];
  const app = await page.evaluate(async (id) => (await fetch(`/api/applications/${id}`)).json(), id);
  assert.equal(app.primary_contact_email, 'camille.durand@contoso.fr');
  await page.context().close();
});
