// A new indirect reseller finds an indirect provider, against the reference server with the
// mail sink: the provider's business profile admin publishes its profile (in Chinese), which
// becomes its listing; a reseller of the same CSP region (in French) finds it by country and
// name and sends a partnership request; the provider's email arrives with it; the provider
// sends its invitation back from its Indirect resellers page; the reseller authorizes it from
// its Indirect providers page, and each sees the other, with no link sent outside the product.
// axe-core on each new page. Both partners are new, made with the server's command line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage } from './browser.mjs';
import { t } from './ftl.mjs';
import { axeViolations } from './axe.mjs';
import { email, api, newPartner, signIn } from './helpers.mjs';

const run = Date.now().toString(36);
const PROVIDER = {
  kind: 'indirect-provider', name: `Lumière Distribution ${run}`, country: 'FR', region: 'europe',
  admin: `admin@lumiere-${run}.example`, domain: `lumiere-${run}.example`, password: 'Lumiere-pass-2026',
};
const RESELLER = {
  kind: 'indirect-reseller', name: `Azur Revente ${run}`, country: 'BE', region: 'europe',
  admin: `admin@azur-${run}.example`, domain: `azur-${run}.example`, password: 'Azur-pass-2026',
};
const PROFILE_ADMIN = { email: `profil@lumiere-${run}.example`, password: 'Violet-tundra-2026' };
const ZH = 'zh-CN';
const FR = 'fr';
const DESCRIPTION = {
  zh: '光明分销：面向西欧经销商的云分销商，提供许可和迁移服务。',
  fr: 'Lumière Distribution : distributeur cloud pour les revendeurs d\'Europe de l\'Ouest.',
};

let browser;
let provider;
let reseller;
before(async () => {
  browser = await openBrowser();
  provider = await newPartner(PROVIDER);
  reseller = await newPartner(RESELLER);
  // The provider's Global admin gives an employee the Business profile admin role.
  const added = await api('POST', '/users', { name: 'Li Na', email: PROFILE_ADMIN.email, agent_role: null, admin_role: 'business-profile-admin' }, provider.session);
  assert.equal(added.status, 201, added.text);
  const first = await api('POST', '/session', { user_name: added.json.sign_in_name, password: added.json.temporary_password });
  const changed = await api('POST', '/session/password', { current_password: added.json.temporary_password, new_password: PROFILE_ADMIN.password },
    { cookie: first.cookie, csrf: first.json.csrf_token });
  assert.equal(changed.status, 204, changed.text);
});
after(async () => { await browser?.close(); });

async function noViolations(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
}

async function signedIn(lang, user, password) {
  const page = await newPage(browser, '/sign-in');
  await signIn(page, lang, user, password);
  await page.getByRole('heading', { name: t(lang, 'account-heading') }).waitFor();
  return page;
}

const nav = (page, lang) => page.getByRole('navigation', { name: t(lang, 'nav-label') });

test('a business profile admin publishes the provider\'s profile, and it is its listing', async () => {
  const page = await signedIn(ZH, PROFILE_ADMIN.email, PROFILE_ADMIN.password);
  // The role opens the profile and nothing of the partner pages.
  assert.equal(await nav(page, ZH).getByRole('link', { name: t(ZH, 'partners-nav-indirect-resellers') }).count(), 0);
  // The page opens from the account page's list of what the user's roles open.
  await page.getByRole('list', { name: t(ZH, 'account-features-heading') })
    .getByRole('link', { name: t(ZH, 'feature-business-profile') }).click();
  await page.getByRole('heading', { name: t(ZH, 'profile-heading'), level: 1 }).waitFor();
  await page.getByText(t(ZH, 'profile-not-published')).waitFor();
  await noViolations(page, 'business profile, empty');

  // Publishing nothing names every missing part, on its field.
  await page.getByRole('button', { name: t(ZH, 'profile-publish') }).click();
  await page.getByText(t(ZH, 'err-profile-no-language')).first().waitFor();
  await page.getByText(t(ZH, 'err-required--profile-email')).first().waitFor();
  await noViolations(page, 'business profile with errors');

  await page.getByLabel(t(ZH, 'profile-description-zh-CN')).fill(DESCRIPTION.zh);
  await page.getByLabel(t(ZH, 'profile-description-fr')).fill(DESCRIPTION.fr);
  await page.getByLabel(t(ZH, 'profile-industry-retail')).check();
  await page.getByLabel(t(ZH, 'profile-service-licensing')).check();
  await page.getByLabel(t(ZH, 'profile-service-migration')).check();
  await page.getByLabel(t(ZH, 'profile-countries')).fill('FR，BE');
  await page.getByLabel(t(ZH, 'profile-website')).fill(`www.lumiere-${run}.example`);
  await page.getByLabel(t(ZH, 'profile-email')).fill(`partenaires@lumiere-${run}.example`);
  await page.getByRole('button', { name: t(ZH, 'profile-publish') }).click();
  await page.getByText(t(ZH, 'profile-published')).waitFor();
  assert.equal(await page.getByLabel(t(ZH, 'profile-countries')).inputValue(), 'BE, FR');
  await noViolations(page, 'business profile, published');
  await page.context().close();
});

test('a reseller of the region finds the provider, asks, gets the invitation in the product and authorizes', async () => {
  // The reseller, in French: Indirect providers → Find an indirect provider.
  const page = await signedIn(FR, RESELLER.admin, RESELLER.password);
  await nav(page, FR).getByRole('link', { name: t(FR, 'partners-nav-indirect-providers') }).click();
  await page.getByRole('heading', { name: t(FR, 'partners-providers-heading'), level: 1 }).waitFor();
  await page.getByRole('button', { name: t(FR, 'directory-find') }).click();
  await page.getByRole('heading', { name: t(FR, 'directory-heading'), level: 1 }).waitFor();
  await page.getByRole('heading', { name: PROVIDER.name, level: 2 }).waitFor();
  await noViolations(page, 'directory');

  // A country it does not serve finds nothing; its country and part of its name find it.
  await page.getByLabel(t(FR, 'directory-country')).selectOption('DE');
  await page.getByRole('button', { name: t(FR, 'directory-search-button') }).click();
  await page.getByText(t(FR, 'directory-empty')).waitFor();
  await page.getByLabel(t(FR, 'directory-country')).selectOption('BE');
  await page.getByLabel(t(FR, 'directory-search')).fill(`LUMIÈRE distribution ${run}`);
  await page.getByRole('button', { name: t(FR, 'directory-search-button') }).click();
  await page.getByRole('heading', { name: PROVIDER.name, level: 2 }).waitFor();
  // Published in French too: the French reader reads that one.
  await page.getByText(DESCRIPTION.fr).waitFor();
  assert.equal(await page.getByText(DESCRIPTION.zh).count(), 0);
  await page.getByRole('link', { name: `partenaires@lumiere-${run}.example` }).waitFor();
  await page.getByRole('button', { name: `${t(FR, 'directory-send-request')} (${PROVIDER.name})` }).click();
  await page.getByText(t(FR, 'directory-request-sent', { provider: PROVIDER.name })).waitFor();
  await page.getByText(t(FR, 'directory-status-requested', { provider: PROVIDER.name })).waitFor();
  await noViolations(page, 'directory, request sent');

  // The provider's email, in its profile's first language (Chinese), names the reseller.
  const mail = await email((m) => m.to.includes(`partenaires@lumiere-${run}.example`));
  assert.ok(mail.subject.includes(RESELLER.name), mail.subject);
  assert.ok(mail.text.includes(RESELLER.admin), mail.text);
  assert.ok(mail.text.includes(t(ZH, 'mail-partnership-request-action')), mail.text);
  assert.match(mail.text, /\/indirect-resellers\b/);

  // The provider's Global admin, in Chinese, sends the invitation back in one action.
  const p = await signedIn(ZH, PROVIDER.admin, PROVIDER.password);
  await nav(p, ZH).getByRole('link', { name: t(ZH, 'partners-nav-indirect-resellers') }).click();
  await p.getByRole('heading', { name: t(ZH, 'requests-from-resellers-heading') }).waitFor();
  await p.getByRole('cell', { name: RESELLER.admin }).waitFor();
  await noViolations(p, 'indirect resellers with a request');
  await p.getByRole('button', { name: `${t(ZH, 'requests-send-invitation')} (${RESELLER.name})` }).click();
  await p.getByText(t(ZH, 'requests-invited', { reseller: RESELLER.name })).waitFor();
  await p.getByRole('cell', { name: t(ZH, 'requests-invitation-sent') }).waitFor();

  // The reseller gets it by email (in French, the language it asked in) and in the product.
  const invitation = await email((m) => m.to.includes(RESELLER.admin) && m.subject.includes(PROVIDER.name));
  assert.ok(invitation.text.includes(t(FR, 'mail-partnership-invitation-action')), invitation.text);
  assert.ok(invitation.text.includes(`/indirect-providers/authorize?invType=IndirectReseller&partnerId=${provider.id}`), invitation.text);
  await page.reload();
  await page.getByRole('heading', { name: t(FR, 'directory-heading'), level: 1 }).waitFor();
  await nav(page, FR).getByRole('link', { name: t(FR, 'partners-nav-indirect-providers') }).click();
  await page.getByRole('heading', { name: t(FR, 'requests-invitations-heading') }).waitFor();
  await noViolations(page, 'indirect providers with an invitation');
  await page.getByRole('link', { name: `${t(FR, 'requests-authorize')} (${PROVIDER.name})` }).click();
  const name = PROVIDER.name;
  await page.getByRole('heading', { name: t(FR, 'partners-authorize-heading', { provider: name }) }).waitFor();
  await page.getByLabel(t(FR, 'partners-authorize-consent', { provider: name })).check();
  await page.getByRole('button', { name: t(FR, 'partners-authorize-button') }).click();
  await page.getByRole('heading', { name: t(FR, 'partners-authorize-done-heading', { provider: name }) }).waitFor();

  // Each now sees the other.
  await nav(page, FR).getByRole('link', { name: t(FR, 'partners-nav-indirect-providers') }).click();
  await page.getByRole('rowheader', { name }).waitFor();
  assert.equal(await page.getByRole('heading', { name: t(FR, 'requests-invitations-heading') }).count(), 0);
  await p.reload();
  await p.getByRole('rowheader', { name: RESELLER.name }).waitFor();
  await page.context().close();
  await p.context().close();
});
