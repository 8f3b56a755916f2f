// Issue #11's journeys against the reference server (its demo data: the reseller Contoso, the
// indirect provider Fabrikam Distribution), each run in several languages (PARTNER_LANGS,
// default fr and ru) with the labels read from the app's own locale files. The provider
// requests a partnership and copies the link, and removes one; the reseller's Global admin
// opens a provider's invitation link, reads the disclosure, authorizes, invites a customer
// with the two-tier link, filters and exports its customers (the CSV read back), adds a
// customer whose temporary password is shown once and requests a relationship with two admin
// roles; a sales agent sees the customers but may not authorize a provider.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openBrowser, newPage, BASE } from './browser.mjs';
import { t } from './ftl.mjs';
import { chooseLanguage, signIn } from './server.mjs';

const LANGS = (process.env.PARTNER_LANGS ?? 'fr,ru').split(',');
const CONTOSO = '7c1e9a44-2b3d-4e8f-a6c5-913d0f2e7b15';
const FABRIKAM = '0b8f3c2a-6d1e-4f7a-9c3b-2e5d8a1f4b60';
const ADVENTURE_WORKS = { id: '5d2c8e1f-9b4a-4c3d-a7e6-1f0b3c5d7e92', name: 'Adventure Works Distribution' };
// Fabrikam's resellers besides Contoso: each language's run removes one partnership.
const REMOVABLE = ['Müller IT-Service GmbH', 'ООО «Альфа Софт»'];
// A provider outside Contoso's CSP region (Europe).
const SHANGHAI = { id: 'e6a1b3c5-7d9f-4b2e-8c4a-6f8e0d2b4a17', name: '上海云分销有限公司' };
const linkOf = (p) => `/indirect-providers/authorize?invType=IndirectReseller&partnerId=${p.id}`;
const AUTHORIZE_LINK = linkOf(ADVENTURE_WORKS);

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exact = (s) => new RegExp(`^${escape(s)}$`);

/** RFC 4180 rows of a CSV text (quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      rows.at(-1).push(field); field = ''; rows.push([]); i++;
    } else field += c;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field); else rows.pop();
  return rows;
}

LANGS.forEach((L, i) => {
  test(`[${L}] the provider requests a partnership, copies the link and removes a partnership`, async () => {
    const page = await newPage(browser, '/sign-in');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
    await signIn(page, L, 'admin@fabrikam.onmicrosoft.com');
    await page.getByRole('heading', { name: t(L, 'account-heading') }).waitFor();
    const nav = page.getByRole('navigation', { name: t(L, 'nav-label') });
    assert.equal(await nav.getByRole('link', { name: t(L, 'partners-nav-indirect-providers') }).count(), 0);
    await nav.getByRole('link', { name: t(L, 'partners-nav-indirect-resellers') }).click();
    const before = 3 - Math.min(i, REMOVABLE.length);
    await page.getByText(t(L, 'partners-resellers-count', { count: before }), { exact: true }).waitFor();

    await page.getByRole('button', { name: t(L, 'partners-request-partnership') }).click();
    await page.getByRole('heading', { name: t(L, 'partners-invitation-heading') }).waitFor();
    const body = page.getByLabel(t(L, 'partners-invitation-body'), { exact: true });
    const draft = await body.inputValue();
    assert.match(draft, new RegExp(`/indirect-providers/authorize\\?invType=IndirectReseller&partnerId=${FABRIKAM}`));
    const mailto = await page.getByRole('link', { name: t(L, 'partners-open-in-email') }).getAttribute('href');
    const subject = t(L, 'partners-reseller-email-subject', { partner: 'Fabrikam Distribution' });
    assert.ok(mailto.startsWith(`mailto:?subject=${encodeURIComponent(subject)}`), mailto);
    assert.ok(mailto.includes(FABRIKAM), mailto);
    await page.getByRole('button', { name: t(L, 'partners-copy') }).click();
    await page.getByText(t(L, 'partners-copied')).waitFor();
    assert.ok((await page.evaluate(() => navigator.clipboard.readText())).includes(`partnerId=${FABRIKAM}`));
    await body.fill('Hello');
    // Without its link the draft offers no way out: no mailto to middle-click or copy, and
    // Copy to clipboard is off, each with the reason.
    await page.getByText(t(L, 'partners-send-blocked')).waitFor();
    const open = page.getByText(t(L, 'partners-open-in-email'), { exact: true });
    assert.equal(await open.getAttribute('href'), null);
    assert.equal(await open.getAttribute('aria-disabled'), 'true');
    assert.equal(await page.getByRole('button', { name: t(L, 'partners-copy') }).getAttribute('aria-disabled'), 'true');
    await page.getByRole('button', { name: t(L, 'partners-done'), exact: true }).click();
    await page.getByText(t(L, 'err-invitation-link-missing')).first().waitFor();
    await body.fill(draft);
    await page.getByRole('button', { name: t(L, 'partners-done'), exact: true }).click();
    await page.getByRole('heading', { name: t(L, 'partners-resellers-heading') }).waitFor();
    await page.getByText(t(L, 'partners-invitation-link-stays')).waitFor();
    assert.ok((await page.locator('code').allTextContents()).some((c) => c.includes(`partnerId=${FABRIKAM}`)));

    if (i < REMOVABLE.length) {
      const reseller = REMOVABLE[i];
      await page.getByRole('link', { name: `${t(L, 'partners-remove-partnership')} (${reseller})` }).click();
      await page.getByRole('heading', { name: t(L, 'partners-remove-heading', { reseller }) }).waitFor();
      await page.getByRole('button', { name: t(L, 'partners-remove-confirm') }).click();
      await page.getByText(t(L, 'partners-resellers-count', { count: before - 1 }), { exact: true }).waitFor();
      assert.equal(await page.getByRole('cell', { name: reseller }).count(), 0);
    }
    await page.context().close();
  });

  test(`[${L}] the reseller authorizes a provider from its link, invites, exports, adds a customer and requests a relationship`, async () => {
    const page = await newPage(browser, AUTHORIZE_LINK);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
    await chooseLanguage(page, L);
    await page.getByRole('heading', { name: t(L, 'sign-in-needed-heading') }).waitFor();
    await page.getByRole('button', { name: t(L, 'sign-in'), exact: true }).click();
    await signIn(page, L, 'admin@contoso.onmicrosoft.com');
    const provider = ADVENTURE_WORKS.name;
    if (i === 0) {
      await page.getByRole('heading', { name: t(L, 'partners-authorize-heading', { provider }) }).waitFor();
      // The disclosure comes before the box, and the button waits for the box.
      await page.getByText(t(L, 'partners-authorize-grants-orders', { provider })).waitFor();
      await page.getByText(t(L, 'partners-authorize-grants-admin', { provider })).waitFor();
      const authorize = page.getByRole('button', { name: t(L, 'partners-authorize-button') });
      assert.ok(await authorize.isDisabled());
      await page.getByLabel(t(L, 'partners-authorize-consent', { provider })).check();
      await authorize.click();
      await page.getByRole('heading', { name: t(L, 'partners-authorize-done-heading', { provider }) }).waitFor();
      // Opened again later: the session survives the reload; nothing changes the second time.
      await page.goto(BASE + AUTHORIZE_LINK);
    }
    await page.getByText(t(L, 'partners-authorize-already', { provider })).waitFor();
    // A provider of another CSP region is refused with the reason.
    await page.goto(BASE + linkOf(SHANGHAI));
    await page.getByRole('heading', { name: t(L, 'partners-authorize-region-heading') }).waitFor();
    assert.equal(await page.getByRole('button', { name: t(L, 'partners-authorize-button') }).count(), 0);

    const nav = page.getByRole('navigation', { name: t(L, 'nav-label') });
    await nav.getByRole('link', { name: t(L, 'partners-nav-indirect-providers') }).click();
    await page.getByRole('table').getByText(provider, { exact: true }).waitFor();
    // A two-tier invitation: the link carries the reseller's and the provider's IDs.
    await page.getByRole('link', { name: `${t(L, 'partners-invite-customers')} (Fabrikam Distribution)` }).click();
    await page.getByRole('heading', { name: t(L, 'partners-invitation-heading') }).waitFor();
    assert.match(await page.getByLabel(t(L, 'partners-invitation-body'), { exact: true }).inputValue(),
      new RegExp(`invType=ResellerRelationship&partnerId=${CONTOSO}&msppId=${FABRIKAM}`));
    await page.getByRole('button', { name: t(L, 'partners-done'), exact: true }).click();
    await page.getByRole('link', { name: `${t(L, 'partners-view-customers')} (Fabrikam Distribution)` }).click();
    await page.getByRole('heading', { name: t(L, 'customers-shared-with', { provider: 'Fabrikam Distribution' }) }).waitFor();
    await page.getByText(t(L, 'customers-count', { count: 3 }), { exact: true }).waitFor();

    await nav.getByRole('link', { name: t(L, 'customers-heading'), exact: true }).click();
    await page.getByLabel(t(L, 'customers-search')).fill('ромашка');
    await page.getByText(t(L, 'customers-count', { count: 1 }), { exact: true }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: t(L, 'customers-export') }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'customers.csv');
    const csv = await readFile(await file.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'a BOM, for spreadsheet programs');
    const rows = parseCsv(csv.slice(1));
    assert.deepEqual(rows[0], ['id', 'company-name', 'primary-domain', 'relationship', 'partner', 'tags']
      .map((c) => t(L, `customers-col-${c}`)));
    assert.equal(rows.length, 2, csv);
    assert.deepEqual(rows[1].slice(1, 5), ['ООО «Ромашка»', 'romashka.onmicrosoft.com',
      t(L, 'customers-relationship-indirect-reseller'), 'Fabrikam Distribution']);

    // Add a customer: the admin's temporary password is shown once.
    const prefix = `durand${L.toLowerCase().replace(/[^a-z]/g, '')}`;
    await page.getByRole('button', { name: t(L, 'customers-add') }).click();
    await page.getByLabel(t(L, 'add-customer-company-name'), { exact: true }).fill('Boulangerie Durand');
    await page.getByLabel(t(L, 'add-customer-domain-prefix'), { exact: true }).fill(prefix);
    await page.getByText(t(L, 'add-customer-domain-available', { domain: `${prefix}.onmicrosoft.com` })).waitFor();
    await page.getByLabel(t(L, 'first-name'), { exact: true }).fill('Élodie');
    await page.getByLabel(t(L, 'last-name'), { exact: true }).fill('Durand');
    await page.getByLabel(t(L, 'add-customer-admin-email'), { exact: true }).fill('elodie@boulangerie-durand.fr');
    await page.getByLabel(t(L, 'country'), { exact: true }).selectOption('FR');
    await page.getByLabel(t(L, 'address-line1'), { exact: true }).fill("12 rue de l'Eglise");
    await page.getByLabel(t(L, 'address-city'), { exact: true }).fill('Orleans');
    await page.getByLabel(t(L, 'address-postal-code'), { exact: true }).fill('45000');
    await page.getByRole('button', { name: t(L, 'continue'), exact: true }).click();
    await page.getByRole('heading', { name: t(L, 'add-customer-check-heading') }).waitFor();
    await page.getByRole('button', { name: t(L, 'add-customer-submit') }).click();
    await page.getByRole('heading', { name: t(L, 'add-customer-done-heading') }).waitFor();
    await page.getByText(t(L, 'add-customer-once')).waitFor();
    await page.getByText(`admin@${prefix}.onmicrosoft.com`).waitFor();
    const password = (await page.locator('.summary-value code').nth(1).textContent()).trim();
    assert.match(password, /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!stored.includes(password), 'the temporary password is never stored');
    await page.reload();
    await page.getByText(t(L, 'add-customer-gone-body')).waitFor();
    assert.equal(await page.getByText(password).count(), 0);
    await nav.getByRole('link', { name: t(L, 'customers-heading'), exact: true }).click();
    await page.getByLabel(t(L, 'customers-search')).fill(prefix);
    await page.getByRole('table').getByText(`${prefix}.onmicrosoft.com`, { exact: true }).waitFor();

    // A relationship request with two admin roles.
    const name = `Boulangerie Durand — ${L}`;
    await page.getByRole('button', { name: t(L, 'customers-request-relationship') }).click();
    await page.getByLabel(t(L, 'relationship-admin-yes')).check();
    await page.getByLabel(t(L, 'relationship-name'), { exact: true }).fill(name);
    await page.getByLabel(t(L, 'relationship-role-directory-readers')).check();
    await page.getByLabel(t(L, 'relationship-role-helpdesk-administrator')).check();
    await page.getByRole('button', { name: t(L, 'continue'), exact: true }).click();
    await page.getByRole('heading', { name: t(L, 'partners-invitation-heading') }).waitFor();
    assert.match(await page.getByLabel(t(L, 'partners-invitation-body'), { exact: true }).inputValue(),
      new RegExp(`invType=ResellerRelationship&partnerId=${CONTOSO}&msppId=0&DAP=true&gdapId=`));
    const requestLink = await page.locator('code.invitation-link').innerText();
    await page.getByRole('button', { name: t(L, 'partners-done'), exact: true }).click();
    await page.getByRole('heading', { name: t(L, 'relationship-requests-heading') }).waitFor();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByText(t(L, 'relationship-status-pending'), { exact: true }).waitFor();
    await row.getByText(t(L, 'relationship-role-helpdesk-administrator')).waitFor();
    // The pending request's link, after the draft is gone: shown, and copied again.
    await row.getByText(requestLink, { exact: true }).waitFor();
    await row.getByRole('button', { name: `${t(L, 'relationship-copy-link')} (${name})` }).click();
    await row.getByText(t(L, 'relationship-link-copied')).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), requestLink);
    await page.context().close();
  });

  test(`[${L}] a sales agent sees the customers but may not authorize a provider`, async () => {
    const page = await newPage(browser, '/sign-in');
    // The Global admin adds the sales agent, who sets their own password (the API the team
    // page uses; its journey is team.test.mjs).
    const api = page.context().request;
    const admin = await api.post(`${BASE}/api/session`, { data: { user_name: 'admin@contoso.onmicrosoft.com', password: 'demo' } });
    assert.equal(admin.status(), 200);
    const email = `sales.${L.toLowerCase().replace(/[^a-z]/g, '')}@contoso.cn`;
    const added = await api.post(`${BASE}/api/users`, {
      data: { name: 'Chloé Dubois', email, agent_role: 'sales-agent', admin_role: null },
      headers: { 'X-CSRF-Token': (await admin.json()).csrf_token },
    });
    assert.equal(added.status(), 201, await added.text());
    const temporary = (await added.json()).temporary_password;
    const agent = await api.post(`${BASE}/api/session`, { data: { user_name: email, password: temporary } });
    const changed = await api.post(`${BASE}/api/session/password`, {
      data: { current_password: temporary, new_password: 'Vente-2026-partenaires' },
      headers: { 'X-CSRF-Token': (await agent.json()).csrf_token },
    });
    assert.equal(changed.status(), 204, await changed.text());
    await api.delete(`${BASE}/api/session`, { headers: { 'X-CSRF-Token': (await agent.json()).csrf_token } });

    await page.reload();
    await signIn(page, L, email, 'Vente-2026-partenaires');
    await page.getByRole('heading', { name: t(L, 'account-heading') }).waitFor();
    const nav = page.getByRole('navigation', { name: t(L, 'nav-label') });
    assert.equal(await nav.getByRole('link', { name: t(L, 'nav-users'), exact: true }).count(), 0);
    await nav.getByRole('link', { name: t(L, 'customers-heading'), exact: true }).click();
    await page.getByRole('table').getByText('Boulangerie Élodie SARL', { exact: true }).first().waitFor();

    await page.goto(BASE + linkOf(SHANGHAI));
    await page.getByRole('heading', { name: t(L, 'partners-authorize-not-permitted-heading') }).waitFor();
    assert.equal(await page.getByRole('button', { name: t(L, 'partners-authorize-button') }).count(), 0);
    await page.context().close();
  });
});
