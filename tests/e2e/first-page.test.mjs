// The start page before the wasm: the release build prerenders it in each language and the
// reference server answers `/` in the visitor's. Without JavaScript it shows its text and its
// links and language form work; with the wasm held back it is there and its links work; once
// the wasm runs the app takes it over with nothing moved, and a page change moves the focus to
// the new page's heading. The page paints before it asks for the app's files, and its largest
// paint is its own. The texts are read from the app's own locale files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, BASE } from './browser.mjs';
import { t } from './ftl.mjs';

const LANGS = ['en', 'fr', 'ru', 'zh-CN'];

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

async function context(options) {
  const c = await browser.newContext({ locale: 'en-US', ...options });
  c.setDefaultTimeout(10_000);
  return c;
}

for (const L of LANGS) {
  test(`${L}: without JavaScript the start page shows its text and its links lead on`, async () => {
    const c = await context({ javaScriptEnabled: false, locale: L });
    try {
      const page = await c.newPage();
      await page.goto(`${BASE}/`);
      assert.equal(await page.locator('html').getAttribute('lang'), L, 'the language from Accept-Language');
      assert.equal((await page.locator('main h1').innerText()).trim(), t(L, 'home-heading'));
      assert.equal(await page.title(), `${t(L, 'home-heading')} – ${t(L, 'app-title')}`);
      await page.getByText(t(L, 'home-intro')).waitFor();
      // Start now is a link: it leads to the enrollment's first page (which needs the app).
      const start = page.getByRole('button', { name: t(L, 'home-start') });
      assert.equal(await start.getAttribute('href'), '/enroll');
      await start.click();
      await page.waitForURL(`${BASE}/enroll`);
      await page.locator('noscript, body').first().waitFor();
      await page.goBack();
      const signIn = page.getByRole('link', { name: t(L, 'sign-in'), exact: true });
      assert.equal(await signIn.getAttribute('href'), '/sign-in');
      // The language form: the server answers in the chosen language and remembers it.
      const other = L === 'fr' ? 'ru' : 'fr';
      await page.getByLabel(t(L, 'language-label')).selectOption(other);
      await page.getByRole('button', { name: t(L, 'language-apply') }).click();
      await page.locator(`html[lang="${other}"]`).waitFor();
      assert.equal((await page.locator('main h1').innerText()).trim(), t(other, 'home-heading'));
      await page.goto(`${BASE}/`);
      assert.equal(await page.locator('html').getAttribute('lang'), other, 'the choice is remembered');
    } finally {
      await c.close();
    }
  });
}

/** A page whose wasm is held back until `release()`. */
async function withWasmHeld(c) {
  const held = [];
  let open = false;
  await c.route(/\.wasm$/, (route) => (open ? route.continue() : held.push(route)));
  const page = await c.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The inline css and scripts are allowed by their hashes, nothing else inline.
  page.on('console', (m) => /Content Security Policy/.test(m.text()) && errors.push(m.text()));
  return {
    page,
    errors,
    release: async () => {
      open = true;
      for (const r of held.splice(0)) await r.continue();
    },
  };
}

test('with the wasm held back the start page is there and Start now works', async () => {
  const c = await context();
  try {
    const { page, release, errors } = await withWasmHeld(c);
    await page.goto(`${BASE}/`);
    assert.equal((await page.locator('main h1').innerText()).trim(), t('en', 'home-heading'));
    assert.equal(await page.locator('[data-pre]').count(), 2, 'the prerendered header and main');
    await page.getByRole('button', { name: t('en', 'home-start') }).click();
    await page.waitForURL(`${BASE}/enroll`);
    await release();
    await page.getByRole('heading', { level: 1, name: t('en', 'welcome-heading') }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await c.close();
  }
});

test('a language picked in the list before the wasm is the app\'s when it runs', async () => {
  const c = await context();
  try {
    const { page, release, errors } = await withWasmHeld(c);
    await page.goto(`${BASE}/`);
    await page.getByLabel(t('en', 'language-label')).selectOption('ru');
    await release();
    await page.locator('html[lang="ru"]').waitFor();
    await page.getByRole('heading', { level: 1, name: t('ru', 'home-heading') }).waitFor();
    assert.equal(await page.getByLabel(t('ru', 'language-label')).inputValue(), 'ru');
    assert.deepEqual(errors, []);
  } finally {
    await c.close();
  }
});

test('the app takes the start page over with nothing moved, then a page change focuses its heading', async () => {
  // A short window, scrolled: the take-over keeps the scroll as well as the focus.
  const c = await context({ locale: 'fr', viewport: { width: 412, height: 420 } });
  try {
    await c.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts += e.value; }).observe({ type: 'layout-shift', buffered: true });
    });
    const { page, release, errors } = await withWasmHeld(c);
    await page.goto(`${BASE}/`);
    const start = page.getByRole('button', { name: t('fr', 'home-start') });
    await start.focus();
    await page.evaluate(() => window.scrollTo(0, 60));
    const seen = () => page.evaluate(() => ({
      boxes: ['header', '.header-title', '#language-select', 'main h1', 'main .lead', 'main .button']
        .map((s) => { const r = document.querySelector(s).getBoundingClientRect(); return [s, r.x, r.y, r.width, r.height].join(' '); }),
      text: document.body.innerText,
      title: document.title,
      lang: document.documentElement.lang,
      focused: document.activeElement.outerHTML.replace(/ data-pre=""/, ''),
      scroll: window.scrollY,
    }));
    const before = await seen();
    assert.equal(before.lang, 'fr');
    const brand = await page.evaluate(() => getComputedStyle(document.querySelector('header')).backgroundColor);
    assert.equal(brand, 'rgb(15, 76, 129)', 'the inline css applies');
    assert.ok(before.scroll > 0);
    await release();
    await page.waitForFunction(() => window.__cspReady !== undefined && !document.querySelector('[data-pre]'));
    const afterTakeOver = await seen();
    assert.deepEqual(afterTakeOver, before, 'the same page, in the same place, focus and scroll kept');
    assert.equal(await page.evaluate(() => window.__shifts), 0, 'no layout shift');
    // The app's now: Start now moves in place, and the new page's heading takes the focus.
    await start.click();
    const heading = page.getByRole('heading', { level: 1, name: t('fr', 'welcome-heading') });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('main h1'));
    assert.equal(await page.title(), `${t('fr', 'welcome-heading')} – ${t('fr', 'app-title')}`);
    assert.deepEqual(errors, []);
  } finally {
    await c.close();
  }
});

test('the page paints before it asks for the app, and its largest paint is its own', async () => {
  const c = await context({ locale: 'zh-CN' });
  try {
    await c.addInitScript(() => {
      window.__lcp = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push(e.startTime); }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const page = await c.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => /Content Security Policy/.test(m.text()) && errors.push(m.text()));
    await page.goto(`${BASE}/`);
    await page.waitForFunction(() => window.__cspReady !== undefined && !document.querySelector('[data-pre]'));
    await page.getByRole('heading', { level: 1, name: t('zh-CN', 'home-heading') }).waitFor();
    const { fcp, lcp, asked } = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      lcp: window.__lcp,
      asked: performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, ''), e.startTime]),
    }));
    for (const file of [/_bg\.wasm$/, /^\/csp-portal-[0-9a-f]+\.js$/, /^\/config\.json$/, /^\/locales\/zh-CN\.first\.ftl$/]) {
      const r = asked.find(([n]) => file.test(n));
      assert.ok(r, `${file} was asked for`);
      assert.ok(r[1] >= fcp, `${r[0]} asked for at ${r[1]} ms, before the first paint at ${fcp} ms`);
    }
    assert.deepEqual(lcp, [fcp], 'one largest paint, the first: the app\'s copy of the page is not another');
    assert.deepEqual(errors, []);
  } finally {
    await c.close();
  }
});
