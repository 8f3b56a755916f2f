// Load benchmark of issue #12: time to ready of the portal against a bare one-input Yew app,
// built and measured in the same run, in Debian's Chromium driven over CDP.
//
//   node benches/load.mjs APP_DIST BARE_DIST [--runs N] [--only ready|pages|keys]
//
// Both builds are served by a tiny static server on loopback (free ports, gzip as a static
// host would). Each load is a fresh browser context with the cache disabled; loads of the two
// builds alternate. "Ready" is read from the page: both apps set `window.__cspReady =
// performance.now()` in an effect after their first render with a control (the wasm is then
// instantiated by construction); an init script turns that assignment into a promise, so
// nothing polls from outside. Prints medians for the mobile profile (Lighthouse's: 150 ms RTT,
// 1.6 Mbps down, 750 Kbps up, 4x CPU) and for loopback, the time a page of each folder takes
// to open after ready on the mobile profile (its chunk, in the split build), then the keystroke
// p95 on the primary contact page at 4x CPU, and the size of each wasm module.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, extname, resolve, normalize } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';
import { loadavg } from 'node:os';

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : dflt;
};
const RUNS = Math.max(9, Number(flag('--runs', process.env.BENCH_RUNS || 9)));
const KEYS = 40;
// --only ready|pages|keys runs one part (all by default).
const ONLY = flag('--only', 'all');
const LOAD_TIMEOUT_MS = 60_000;
const [appDist, bareDist] = args.map((a) => resolve(a));
if (!appDist || !bareDist) {
  console.error('usage: node benches/load.mjs APP_DIST BARE_DIST [--runs N]');
  process.exit(2);
}
const deadline = Date.now() + Number(process.env.BENCH_MAX_SECONDS || 900) * 1000;

// Lighthouse's mobile profile ("slow 4G" + mid-range phone), throughputs in bytes per second.
const MOBILE = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const MOBILE_CPU = 4;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ftl': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A static host: files of `root`, gzip-compressed in memory, index.html for deep links. */
function serve(root) {
  const cache = new Map();
  const file = (rel) => {
    if (cache.has(rel)) return cache.get(rel);
    const path = normalize(join(root, rel));
    if (!path.startsWith(root) || !existsSync(path) || !statSync(path).isFile()) return null;
    const body = readFileSync(path);
    const entry = { body, gz: gzipSync(body, { level: 9 }), type: TYPES[extname(path)] || 'application/octet-stream' };
    cache.set(rel, entry);
    return entry;
  };
  const server = createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const f = file(rel) || (extname(rel) ? null : file('/index.html'));
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    const gz = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    const body = gz ? f.gz : f.body;
    res.writeHead(200, {
      'content-type': f.type,
      'content-length': body.length,
      'cache-control': 'no-store',
      ...(gz ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

// Turns the page's own `window.__cspReady = performance.now()` into a promise.
const READY_HOOK = `(() => {
  let done; const p = new Promise((r) => (done = r));
  Object.defineProperty(window, '__cspReady', { configurable: true,
    set(v) { Object.defineProperty(window, '__cspReady', { value: v, writable: true, configurable: true }); done(v); },
    get() { return undefined; } });
  window.__cspReadyPromise = p;
})();`;

/**
 * A fresh context and page with the ready hook and no cache, on the mobile profile when
 * `mobile`; the page's errors are collected in `errors`. The caller closes `context`.
 */
async function freshPage(browser, mobile) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    await context.addInitScript(READY_HOOK);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (mobile) {
      await cdp.send('Network.emulateNetworkConditions', MOBILE);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE_CPU });
    }
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    return { context, page, errors };
  } catch (e) {
    await context.close();
    throw e;
  }
}

async function load(browser, url, mobile) {
  const { context, page, errors } = await freshPage(browser, mobile);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    const ready = await page.evaluate(
      (ms) => Promise.race([window.__cspReadyPromise, new Promise((_, no) => setTimeout(() => no(new Error('no ready stamp')), ms))]),
      LOAD_TIMEOUT_MS,
    );
    if (errors.length) throw new Error(`page errors at ${url}: ${errors.join('; ')}`);
    return ready;
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(0)} ms`;
const load1 = () => loadavg()[0].toFixed(2);

async function compare(browser, app, bare, mobile) {
  const times = { app: [], bare: [] };
  for (let i = 0; i < RUNS; i++) {
    if (Date.now() > deadline) throw new Error('benchmark time limit reached');
    // Alternate which goes first so neither always follows the other.
    const order = i % 2 ? [['bare', bare], ['app', app]] : [['app', app], ['bare', bare]];
    for (const [name, url] of order) times[name].push(await load(browser, `${url}/`, mobile));
  }
  const a = median(times.app);
  const b = median(times.bare);
  return { a, b, ratio: a / b, times };
}

// One page of each folder (issue #12: each folder is its own chunk in the split build).
// Consecutive pages have different headings (signed out, customers and partners pages both
// ask to sign in).
const PAGES = [
  ['enroll', '/enroll/primary-contact'],
  ['customers', '/customers'],
  ['team', '/roles'],
  ['partners', '/indirect-resellers'],
];

/**
 * On the mobile profile: loads the home page, then right after ready opens one page of each
 * folder in turn (as a link would: pushState + popstate) and times until its heading is
 * in the page with no spinner left: the folder's code arriving, if it hasn't yet.
 */
async function openPages(browser, url) {
  const { context, page, errors } = await freshPage(browser, true);
  try {
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${url}/`, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await page.evaluate(() => window.__cspReadyPromise);
    const out = {};
    for (const [part, path] of PAGES) {
      out[part] = await page.evaluate(async (path) => {
        const before = document.querySelector('main h1')?.textContent;
        const t0 = performance.now();
        history.pushState({}, '', path);
        dispatchEvent(new PopStateEvent('popstate', { state: {} }));
        while (performance.now() - t0 < 15000) {
          const h = document.querySelector('main h1');
          if (h && h.textContent !== before && !document.querySelector('main .busy')) return performance.now() - t0;
          await new Promise((r) => setTimeout(r, 5));
        }
        return NaN;
      }, path);
    }
    if (errors.length) throw new Error(`page errors at ${url}: ${errors.join('; ')}`);
    return out;
  } finally {
    await context.close();
  }
}

/**
 * Keystroke to re-validated view on the primary contact page after one Continue and the
 * prefetch, at 4x CPU.
 */
async function keystrokes(browser, app, rate) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(READY_HOOK);
    const page = await context.newPage();
    await page.goto(`${app}/enroll/primary-contact`, { timeout: LOAD_TIMEOUT_MS });
    await page.evaluate(() => window.__cspReadyPromise);
    await page.getByRole('button', { name: 'Continue' }).click({ timeout: 10_000 });
    const email = page.locator('input[type=email]');
    await email.waitFor({ timeout: 10_000 });
    // The other folders' chunks are prefetched after the first page: measure the keystrokes
    // once that is over (no request for 0.5 s), not their download and compile.
    await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    // In the page: input event dispatched -> handlers, Yew's render (microtasks) and layout
    // done (a forced layout in the next task); and -> the next animation frame, for reference.
    const result = await email.evaluate(async (el, n) => {
      const text = 'jane.doe+portal@contoso-example.co.uk.x'.padEnd(n, 'z').slice(0, n);
      const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
      const work = [];
      const frame = [];
      el.focus();
      el.value = '';
      for (const ch of text) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t0 = performance.now();
        const raf = new Promise((r) => requestAnimationFrame(() => r(performance.now())));
        el.value += ch;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
        await nextTask();
        void document.body.offsetHeight;
        work.push(performance.now() - t0);
        frame.push((await raf) - t0);
      }
      return { work, frame, value: el.value };
    }, KEYS);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (result.value.length !== KEYS) throw new Error(`typed ${result.value.length} characters, not ${KEYS}`);
    return result;
  } finally {
    await context.close();
  }
}

function wasmSizes(dist) {
  return readdirSync(dist)
    .filter((f) => f.endsWith('.wasm'))
    .map((f) => {
      const b = readFileSync(join(dist, f));
      return { f, raw: b.length, gz: gzipSync(b, { level: 9 }).length, br: brotliCompressSync(b, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }).length };
    });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const app = await serve(appDist);
const bare = await serve(bareDist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-extensions', '--no-first-run', '--disable-background-networking'],
});
try {
  console.log(`load benchmark: ${RUNS} interleaved loads each, medians; served gzip from loopback`);
  // The main module and each page folder's chunk; the small chunks they share, summed.
  const shared = { raw: 0, gz: 0, br: 0, n: 0 };
  for (const w of wasmSizes(appDist)) {
    if (/^chunk_/.test(w.f)) {
      shared.n++; shared.raw += w.raw; shared.gz += w.gz; shared.br += w.br;
      continue;
    }
    console.log(`  app wasm  ${w.f.padEnd(44)} ${kb(w.raw).padStart(9)} raw ${kb(w.gz).padStart(9)} gzip ${kb(w.br).padStart(9)} brotli`);
  }
  if (shared.n) console.log(`  app wasm  ${`${shared.n} chunks the folders share`.padEnd(44)} ${kb(shared.raw).padStart(9)} raw ${kb(shared.gz).padStart(9)} gzip ${kb(shared.br).padStart(9)} brotli`);
  for (const { f, raw, gz, br } of wasmSizes(bareDist)) console.log(`  bare wasm ${f.padEnd(44)} ${kb(raw).padStart(9)} raw ${kb(gz).padStart(9)} gzip ${kb(br).padStart(9)} brotli`);
  if (ONLY === 'all' || ONLY === 'ready') {
  // One unmeasured load of each: the browser's own start-up is not the apps'.
  await load(browser, `${app.url}/`, false);
  await load(browser, `${bare.url}/`, false);
  const m = await compare(browser, app.url, bare.url, true);
  console.log(`mobile profile (150 ms RTT, 1.6 Mbps down, 750 Kbps up, 4x CPU), load avg ${load1()}:`);
  console.log(`  ready: app ${ms(m.a)}, bare Yew ${ms(m.b)}, ratio ${m.ratio.toFixed(2)}x (target <= 1.5x)`);
  console.log(`    app  ${m.times.app.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`    bare ${m.times.bare.map((x) => x.toFixed(0)).join(' ')}`);
  const l = await compare(browser, app.url, bare.url, false);
  console.log(`loopback, no throttling, load avg ${load1()}:`);
  console.log(`  ready: app ${ms(l.a)}, bare Yew ${ms(l.b)}, ratio ${l.ratio.toFixed(2)}x`);
  }
  if (ONLY === 'all' || ONLY === 'pages') {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await openPages(browser, app.url));
    const line = PAGES.map(([p]) => `${p} ${ms(median(runs.map((r) => r[p])))}`).join(', ');
    console.log(`page of each folder opened right after ready, mobile profile (median of 3; target <= 500 ms): ${line}`);
  }
  if (ONLY === 'all' || ONLY === 'keys') {
  for (const rate of [MOBILE_CPU, 1]) {
    const k = await keystrokes(browser, app.url, rate);
    console.log(`keystroke on /enroll/primary-contact after Continue and the prefetch, ${KEYS} characters in the email field, ${rate}x CPU, load avg ${load1()}:`);
    console.log(`  input -> re-validated view (render + layout): p50 ${pct(k.work, 50).toFixed(2)} ms, p95 ${pct(k.work, 95).toFixed(2)} ms${rate === MOBILE_CPU ? ' (target <= 4 ms)' : ''}`);
    console.log(`  input -> next animation frame:               p50 ${pct(k.frame, 50).toFixed(2)} ms, p95 ${pct(k.frame, 95).toFixed(2)} ms`);
  }
  }
} finally {
  await browser.close();
  app.server.close();
  bare.server.close();
}
