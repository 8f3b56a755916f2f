// What the journeys against the reference server share: the mail sink's emails, SQL on the
// server's database, JSON calls from outside the browser, and signing in in a language.
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

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Switches the page to `lang`, whatever language it shows now (one of `known`). */
export async function chooseLanguage(page, lang, known = ['en', 'fr', 'ru', 'zh-CN']) {
  const labels = [...new Set(['en', ...known].map((l) => t(l, 'language-label')))];
  await page.getByLabel(new RegExp(`^(${labels.map(escape).join('|')})$`)).selectOption(lang);
  await page.locator(`html[lang="${lang}"]`).waitFor();
}

/** Signs a partner user in on the sign-in page, in `lang`. */
export async function signIn(page, lang, user, password = 'demo') {
  await chooseLanguage(page, lang);
  await page.getByLabel(t(lang, 'sign-in-user-name')).fill(user);
  await page.getByLabel(t(lang, 'password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t(lang, 'sign-in'), exact: true }).click();
}
