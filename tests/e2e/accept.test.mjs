// A customer accepts a reseller relationship on the portal's own page, against the reference
// server with the mail sink, in French: the reseller Contoso requests a relationship, the
// customer's Global admin (Northwind Traders, of the demo directory) opens the link, signs in
// with the organization's work account and accepts; the customer is then on Contoso's
// Customers page, active, and Contoso's Global admin has the email. A two-tier link accepted
// (Tailspin Toys) lists the customer for Contoso and for its provider Fabrikam Distribution.
// The link used once more opens the "already accepted" page. axe-core on each of the page's
// states met here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, BASE } from './browser.mjs';
import { axeViolations } from './axe.mjs';
import { t } from './ftl.mjs';
import { api, chooseLanguage, email, signIn } from './helpers.mjs';

const L = 'fr';
const CONTOSO = '7c1e9a44-2b3d-4e8f-a6c5-913d0f2e7b15';
const FABRIKAM = '0b8f3c2a-6d1e-4f7a-9c3b-2e5d8a1f4b60';
const DIRECTORY_PASSWORD = 'motdepasse';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

async function noAxeViolations(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe-core on ${where}`);
}

/** The customer's Global admin opens `link` in French, reads what accepting grants (`grants`
 * besides the reseller relationship), signs in and accepts. */
async function accept(link, user, partner, grants = []) {
  const page = await newPage(browser, new URL(link).pathname + new URL(link).search);
  await chooseLanguage(page, L);
  await page.getByRole('heading', { name: t(L, 'accept-heading', { partner }) }).waitFor();
  for (const g of [t(L, 'accept-grants-reseller', { partner }), ...grants]) {
    await page.getByText(g).first().waitFor();
  }
  await noAxeViolations(page, 'the acceptance page before sign-in');
  await page.getByLabel(t(L, 'accept-user-name')).fill(user);
  await page.getByLabel(t(L, 'accept-password'), { exact: true }).fill(DIRECTORY_PASSWORD);
  await page.getByRole('button', { name: t(L, 'accept-sign-in'), exact: true }).click();
  await page.getByRole('button', { name: t(L, 'accept-button'), exact: true }).waitFor();
  await noAxeViolations(page, 'the acceptance page signed in');
  await page.getByRole('button', { name: t(L, 'accept-button'), exact: true }).click();
  await page.getByRole('heading', { name: t(L, 'accept-done-heading', { partner }) }).waitFor();
  await noAxeViolations(page, 'the accepted page');
  return page;
}

/** The partner's Customers page, signed in as `admin` in French, shows `customer` active. */
async function listedActive(admin, customer) {
  const page = await newPage(browser, '/sign-in');
  await signIn(page, L, admin);
  await page.getByRole('heading', { name: t(L, 'account-heading') }).waitFor();
  const nav = page.getByRole('navigation', { name: t(L, 'nav-label') });
  await nav.getByRole('link', { name: t(L, 'customers-heading'), exact: true }).click();
  await page.getByLabel(t(L, 'customers-search')).fill(customer);
  const row = page.getByRole('row').filter({ hasText: customer });
  await row.waitFor();
  const since = await row.getByText(new RegExp(`^${t(L, 'relationship-status-active')} `)).innerText();
  assert.match(since, /\d/, 'the relationship\'s dates');
  await page.context().close();
}

test('[fr] a reseller requests a relationship, the customer\'s Global admin accepts it from the link', async () => {
  const page = await newPage(browser, '/sign-in');
  await signIn(page, L, 'admin@contoso.onmicrosoft.com');
  await page.getByRole('heading', { name: t(L, 'account-heading') }).waitFor();
  const nav = page.getByRole('navigation', { name: t(L, 'nav-label') });
  await nav.getByRole('link', { name: t(L, 'customers-heading'), exact: true }).click();
  await page.getByRole('button', { name: t(L, 'customers-request-relationship') }).click();
  await page.getByLabel(t(L, 'relationship-admin-yes')).check();
  await page.getByLabel(t(L, 'relationship-name'), { exact: true }).fill('Northwind — support');
  await page.getByLabel(t(L, 'relationship-role-helpdesk-administrator')).check();
  await page.getByRole('button', { name: t(L, 'continue'), exact: true }).click();
  await page.getByRole('heading', { name: t(L, 'partners-invitation-heading') }).waitFor();
  const link = await page.locator('code.invitation-link').innerText();
  // The portal's own acceptance page, not a vendor's.
  assert.ok(link.startsWith(`${BASE}/customers?invType=ResellerRelationship&partnerId=${CONTOSO}`), link);
  await page.context().close();

  const customer = await accept(link, 'admin@northwindtraders.onmicrosoft.com', 'Contoso',
    [t(L, 'relationship-role-helpdesk-administrator'), t(L, 'accept-grants-admin', { days: 730 })]);
  await customer.context().close();

  const mail = await email((m) => m.to.includes('admin@contoso.onmicrosoft.com')
    && m.subject === t(L, 'mail-relationship-accepted-subject', { customer: 'Northwind Traders' }));
  assert.ok(mail.text.includes(`${BASE}/customers`), mail.text);
  assert.ok(mail.text.includes('Northwind — support'), mail.text);
  await listedActive('admin@contoso.onmicrosoft.com', 'Northwind Traders');

  // The link a second time: the page says it was used.
  const again = await newPage(browser, new URL(link).pathname + new URL(link).search);
  await chooseLanguage(again, L);
  await again.getByRole('heading', { name: t(L, 'accept-used-heading') }).waitFor();
  await noAxeViolations(again, 'the used link\'s page');
  assert.equal(await again.getByRole('button', { name: t(L, 'accept-button'), exact: true }).count(), 0);
  await again.context().close();
});

test('[fr] a two-tier link accepted lists the customer for the reseller and its provider', async () => {
  const page = await newPage(browser, '/sign-in');
  await signIn(page, L, 'admin@contoso.onmicrosoft.com');
  await page.getByRole('heading', { name: t(L, 'account-heading') }).waitFor();
  await page.goto(`${BASE}/indirect-providers/${FABRIKAM}/invite`);
  await page.getByRole('heading', { name: t(L, 'partners-invitation-heading') }).waitFor();
  const link = await page.locator('code.invitation-link').innerText();
  assert.ok(link.startsWith(`${BASE}/customers?`), link);
  await page.context().close();

  const customer = await accept(link, 'admin@tailspintoys.onmicrosoft.com', 'Contoso',
    [t(L, 'accept-grants-provider', { partner: 'Contoso', provider: 'Fabrikam Distribution' }), t(L, 'accept-grants-no-admin')]);
  await customer.getByText(t(L, 'accept-done-provider', { provider: 'Fabrikam Distribution' })).waitFor();
  await customer.context().close();
  await listedActive('admin@contoso.onmicrosoft.com', 'Tailspin Toys');
  await listedActive('admin@fabrikam.onmicrosoft.com', 'Tailspin Toys');
  await email((m) => m.to.includes('admin@fabrikam.onmicrosoft.com')
    && m.subject === t(L, 'mail-relationship-accepted-subject', { customer: 'Tailspin Toys' }));

  // The partner journeys count the customers Contoso shares with Fabrikam in the seed: Contoso
  // removes this one again, as its Customers page can.
  const session = await api('POST', '/session', { user_name: 'admin@contoso.onmicrosoft.com', password: 'demo' });
  const who = { cookie: session.cookie, csrf: session.json.csrf_token };
  const list = await api('GET', '/customers?limit=200', null, who);
  const tailspin = list.json.customers.find((c) => c.company_name === 'Tailspin Toys');
  const removed = await api('DELETE', `/customers/${tailspin.id}/relationship`, null, who);
  assert.equal(removed.status, 204, removed.text);
});
