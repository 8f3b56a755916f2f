// What the journeys share to follow emails and reach the server directly: the mail sink's
// emails (MAIL_DIR) and the links in them, SQL on the e2e server's SQLite file (E2E_DB) for time
// passing, and JSON calls from outside the browser.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { BASE } from './browser.mjs';

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
