// What several journeys share to reach past the browser: the mail sink's emails, the e2e
// server's database, its API called from outside a page, and the server's command line.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { BASE } from './browser.mjs';
import { t } from './ftl.mjs';

/// The first email in the mail sink's folder (MAIL_DIR) that `match` accepts, waiting for it.
export async function email(match, timeout = 15_000) {
  const dir = process.env.MAIL_DIR;
  assert.ok(dir, 'MAIL_DIR names the mail sink\'s folder');
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const m = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      if (match(m)) return m;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no such email arrived');
}

/// The link to the app's `page` in an email's text (an address verification's by default).
export const linkIn = (mail, page = 'verify-email') => new RegExp(`https?://\\S+/${page}#[0-9a-f]+`).exec(mail.text)[0];

/// SQL on the e2e server's SQLite file (E2E_DB), for what a test can't wait for: time passing.
export function sql(statement, ...params) {
  execFileSync('python3', ['-c', 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2], sys.argv[3:]); c.commit()',
    process.env.E2E_DB, statement, ...params]);
}

/// A JSON call from outside the browser, with the cookies and CSRF token of a session.
export async function api(method, path, body, session = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (session.cookie) headers.Cookie = session.cookie;
  if (session.csrf) headers['X-CSRF-Token'] = session.csrf;
  const res = await fetch(`${BASE}/api${path}`, { method, headers, body: body && JSON.stringify(body) });
  const cookie = (res.headers.get('set-cookie') || '').split(';')[0];
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, cookie, text };
}

/// A new partner made with the server's own command line (`create-partner`) on the e2e
/// database, its global admin's temporary password changed to `password` and the partner
/// agreement signed, as a deployment's first partner starts. Its ID.
export async function newPartner({ kind, name, country, region, admin, domain, password }) {
  const bin = join(process.env.CARGO_TARGET_DIR ?? '../../target', 'debug', 'csp-server');
  const out = execFileSync(bin, ['create-partner', '--kind', kind, '--name', name, '--country', country,
    '--region', region, '--admin', admin, '--domain', domain, '--database-url', `sqlite://${process.env.E2E_DB}`], { encoding: 'utf8' });
  const after = (label) => new RegExp(`${label}\\s*(\\S+)`).exec(out)[1];
  const id = after('partner ID:');
  const first = await api('POST', '/session', { user_name: admin, password: after('temporary password:') });
  assert.equal(first.status, 200, first.text);
  let session = { cookie: first.cookie, csrf: first.json.csrf_token };
  const changed = await api('POST', '/session/password', { current_password: after('temporary password:'), new_password: password }, session);
  assert.equal(changed.status, 204, changed.text);
  const again = await api('POST', '/session', { user_name: admin, password });
  session = { cookie: again.cookie, csrf: again.json.csrf_token };
  const { version } = (await api('GET', '/partner/agreement', null, session)).json;
  const signed = await api('POST', '/partner/agreement', { version, name: 'E2E Admin', job_title: 'Director', accept: true }, session);
  assert.equal(signed.status, 200, signed.text);
  return { id, session };
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Switches the page to `lang`, whatever language it shows now. */
export async function chooseLanguage(page, lang) {
  const labels = [...new Set(['en', 'fr', 'ru', 'zh-CN'].map((l) => t(l, 'language-label')))];
  await page.getByLabel(new RegExp(`^(${labels.map(escape).join('|')})$`)).selectOption(lang);
  await page.locator(`html[lang="${lang}"]`).waitFor();
}

/** Signs a partner user in from the sign-in page, in `lang`. */
export async function signIn(page, lang, user, password = 'demo') {
  await chooseLanguage(page, lang);
  await page.getByLabel(t(lang, 'sign-in-user-name')).fill(user);
  await page.getByLabel(t(lang, 'password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t(lang, 'sign-in'), exact: true }).click();
}
