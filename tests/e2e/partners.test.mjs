// Issue #11's journeys: the indirect provider Fabrikam Distribution invites a reseller; the
// reseller Contoso's Global admin authorizes a provider from its invitation link, sees it on
// Indirect providers, searches and exports its customers, adds a customer (one-time password)
// and requests a reseller relationship (GDAP) whose drafted email keeps its link. Works
// against the in-browser backend and the reference HTTP backend alike (same demo data).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, BASE } from './browser.mjs';

const ADVENTURE_WORKS = '5d2c8e1f-9b4a-4c3d-a7e6-1f0b3c5d7e92';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

async function signIn(page, user) {
  await page.getByLabel('Language').selectOption('en');
  await page.getByLabel('User name (work email address)').fill(user);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('the provider drafts a partnership request and removes a partnership', async () => {
  const page = await newPage(browser, '/sign-in');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  await signIn(page, 'admin@fabrikam.onmicrosoft.com');
  await page.getByRole('heading', { name: 'My account' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Indirect providers' }).count(), 0);
  await page.getByRole('link', { name: 'Indirect resellers' }).click();
  await page.getByText('3 indirect resellers').waitFor();
  await page.getByRole('button', { name: 'Request a partnership' }).click();
  await page.getByRole('heading', { name: 'Invitation email' }).waitFor();
  const body = page.getByLabel('Message');
  const draft = await body.inputValue();
  assert.match(draft, /\/indirect-providers\/authorize\?invType=IndirectReseller&partnerId=0b8f3c2a-/);
  const mailto = await page.getByRole('link', { name: 'Open in email' }).getAttribute('href');
  assert.ok(mailto.startsWith('mailto:?subject=Fabrikam%20Distribution%20invites'), mailto);
  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await page.getByText('Copied to the clipboard.').waitFor();
  assert.ok((await page.evaluate(() => navigator.clipboard.readText())).includes('partnerId=0b8f3c2a-'));
  await body.fill('Hello');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByText('Put the invitation link back in the message').first().waitFor();
  await body.fill(draft);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('heading', { name: 'Indirect resellers' }).waitFor();
  await page.getByText('You can find this link again on this page at any time.').waitFor();
  await page.getByRole('link', { name: 'Remove partnership (Müller IT-Service GmbH)' }).click();
  await page.getByRole('button', { name: 'Yes, remove the partnership' }).click();
  await page.getByText('2 indirect resellers').waitFor();
  assert.equal(await page.getByText('Müller IT-Service GmbH').count(), 0);
});

test('the reseller authorizes a provider from its link, then works with customers', async () => {
  const link = `/indirect-providers/authorize?invType=IndirectReseller&partnerId=${ADVENTURE_WORKS}`;
  const page = await newPage(browser, link);
  await page.getByLabel('Language').selectOption('en');
  await page.getByRole('heading', { name: 'Sign in to see this page' }).waitFor();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signIn(page, 'admin@contoso.onmicrosoft.com');
  await page.getByRole('heading', { name: 'Authorize Adventure Works Distribution as your indirect provider' }).waitFor();
  const authorize = page.getByRole('button', { name: 'Authorize indirect provider' });
  assert.ok(await authorize.isDisabled());
  await page.getByLabel('I understand, and I authorize Adventure Works Distribution as our indirect provider').check();
  await authorize.click();
  await page.getByText('Adventure Works Distribution is now your indirect provider').waitFor();
  // Opened again later (a reload: the in-browser demo keeps no session across it, so sign in).
  await page.goto(BASE + link);
  await page.getByRole('heading', { name: 'Sign in to see this page' }).waitFor();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signIn(page, 'admin@contoso.onmicrosoft.com');
  await page.getByText('Adventure Works Distribution is already your indirect provider').waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indirect providers' }).click();
  await page.getByRole('link', { name: 'View customers (Fabrikam Distribution)' }).click();
  await page.getByRole('heading', { name: 'Customers shared with Fabrikam Distribution' }).waitFor();
  await page.getByText('3 customers').waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByLabel('Search by company name, domain or customer ID').fill('ромашка');
  await page.getByText('1 customer', { exact: true }).waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'customers.csv');

  await page.getByRole('button', { name: 'Add customer' }).click();
  await page.getByLabel('Company name').fill('Boulangerie Durand');
  await page.getByLabel('Domain name').fill('boulangeriedurand');
  await page.getByText('boulangeriedurand.onmicrosoft.com is available.').waitFor();
  await page.getByLabel('First name').fill('Élodie');
  await page.getByLabel('Last name').fill('Durand');
  await page.getByLabel('Email address').fill('elodie@boulangerie-durand.fr');
  await page.getByLabel('Country or region').selectOption('FR');
  await page.getByLabel('Address line 1').fill("12 rue de l'Eglise");
  await page.getByLabel('Town or city').fill('Orleans');
  await page.getByLabel('Postal code').fill('45000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: "Check the customer's details before adding" }).waitFor();
  await page.getByRole('button', { name: 'Add customer' }).click();
  await page.getByText('Customer added').waitFor();
  const password = (await page.locator('.summary-value code').nth(1).textContent()).trim();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.ok(!stored.includes(password), 'the temporary password is never stored');
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Request a reseller relationship' }).click();
  await page.getByLabel('Yes, with granular delegated admin privileges (GDAP)').check();
  await page.getByLabel('Relationship name').fill('Boulangerie Durand — support');
  await page.getByLabel('Directory Readers').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Invitation email' }).waitFor();
  assert.match(await page.getByLabel('Message').inputValue(), /invType=ResellerRelationship&partnerId=7c1e9a44-[^&]+&msppId=0&DAP=true&gdapId=/);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('heading', { name: 'Relationship requests' }).waitFor();
  await page.getByText('Boulangerie Durand — support').waitFor();
});
