// The release build's prerendered start page: the split build in Trunk's staging directory,
// rendered once per language in Debian's headless Chromium, written back as HTML, so that the
// first answer already holds the start page's text, headings and links.
//
//   node scripts/prerender.mjs STAGING_DIR     (run by scripts/split-wasm.py)
//
// Writes `app.html` (the page as trunk made it: the busy line, for every other path), and
// `index.html` (English, what a static host answers) and `index.<tag>.html` for the other
// languages, which the reference server picks for `/` from the `csp-lang` cookie, `?lang=` or
// `Accept-Language`. The app's own first render makes the nodes: rendering the built app
// instead of a second, server-side build of the components costs one browser start (about 2 s)
// instead of a native build of the whole crate with Yew's `ssr` feature, whose components read
// the browser (Intl plural rules, storage, the History API) and would need stand-ins.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize, resolve } from 'node:path';

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const root = resolve(process.argv[2] || 'dist');
const LOCALES = ['en', 'ru', 'zh-CN', 'fr'];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

const shell = readFileSync(join(root, 'index.html'), 'utf8');
const server = createServer((req, res) => {
  let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let path = normalize(join(root, rel));
  if (!path.startsWith(root) || !existsSync(path) || !statSync(path).isFile()) {
    if (extname(rel)) return res.writeHead(404).end();
    path = join(root, 'index.html');
  }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'text/plain; charset=utf-8' });
  res.end(path.endsWith('index.html') ? shell : readFileSync(path));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const pages = {};
try {
  for (const tag of LOCALES) {
    const context = await browser.newContext({ locale: tag });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base + '/');
    // The shell's first render is in, and the start page's effect has set the title.
    await page.waitForFunction(() => window.__cspReady !== undefined && document.querySelector('main h1'), null, { timeout: 30_000 });
    pages[tag] = await page.evaluate(() => {
      const h1 = document.querySelector('main h1');
      h1.removeAttribute('tabindex');
      document.querySelector('main').removeAttribute('data-shown');
      const nodes = [...document.body.children].filter((e) => e.matches('header, main'));
      for (const n of nodes) n.setAttribute('data-pre', '');
      return { lang: document.documentElement.lang, title: document.title, body: nodes.map((n) => n.outerHTML).join('') };
    });
    if (errors.length) throw new Error(`prerender ${tag}: ${errors.join('; ')}`);
    if (pages[tag].lang !== tag) throw new Error(`prerender ${tag}: the page came out in ${pages[tag].lang}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// What a prerendered page asks for once its first paint is reported: the app's preloads and
// the script that starts the wasm, moved out of the head into a template. Asked for with the
// html, they shared the slow link with it, and Lighthouse's simulated throttling counts every
// request started before a paint as holding it up; where the wasm came at once (a fast link,
// a cached visit) the app could take the page over before its paint was reported, and the
// app's copy then counted as the largest paint. A hidden tab, which does not paint, starts
// after 100 ms. The script is the same in every language's page: the CSP allows it by one
// hash (docs/performance.md has the figures).
const START_AFTER_PAINT = '(function(){var t=document.getElementById("start"),go=function(){t&&document.head.append(t.content.cloneNode(!0));t=null};'
  + 'performance.getEntriesByType("paint").length?go():(new PerformanceObserver(go).observe({type:"paint"}),setTimeout(go,100))})()';

function startAfterFirstPaint(html, tag) {
  const moved = [];
  const out = html
    .replace(/<link\b[^>]*\brel="?(?:preload|modulepreload)\b[^>]*>/g, (m) => (moved.push(m), ''))
    .replace(/<script type=module>[\s\S]*?<\/script>/, (m) => (moved.push(m), ''));
  if (moved.length < 6 || !moved.some((m) => m.startsWith('<script'))) throw new Error(`prerender ${tag}: the head's preloads and start script are not as expected`);
  return out.replace('</body>', `<template id=start>${moved.join('')}</template><script>${START_AFTER_PAINT}</script></body>`);
}
writeFileSync(join(root, 'app.html'), shell);
for (const [tag, p] of Object.entries(pages)) {
  let html = shell
    .replace(/<html lang=("?)en\1>/, `<html lang="${tag}">`)
    // No first paint before the page is whole: the parser may yield halfway through it on a
    // slow phone, and a paint of the language form without its button laid it out beside the
    // links, then a line lower (a layout shift); a paint of the header alone made the heading
    // a later, largest paint. `#page-end` (the noscript) follows the page; it all comes in one
    // packet, so the paint is no later for it.
    .replace(/<title>[^<]*<\/title>/, `<title>${escape(p.title)}</title><link rel=expect href="#page-end" blocking=render>`)
    .replace(/<body>/, `<body>${p.body}`)
    // The busy line is for the other paths (app.html): here the page is there.
    .replace(/<p class=busy id=booting[^>]*>.*?<\/p>/, '');
  // The app asks for the chosen language's first messages beside English's: at once.
  if (tag !== 'en') {
    html = html.replace(/(<link[^>]*href="?\/locales\/en\.first\.ftl"?[^>]*>)/, (m) => m + m.replace('/en.first.ftl', `/${tag}.first.ftl`));
  }
  html = startAfterFirstPaint(html, tag);
  for (const want of [`lang="${tag}"`, 'csp-portal.locale', 'data-pre']) {
    if (!html.includes(want) || html.includes('id=booting')) throw new Error(`prerender ${tag}: index.html is not as expected (${want})`);
  }
  // The first paint waits for this element; without it, for the whole document.
  if (!/<noscript id="?page-end/.test(html)) throw new Error(`prerender ${tag}: index.html has no #page-end after the page`);
  writeFileSync(join(root, tag === 'en' ? 'index.html' : `index.${tag}.html`), html);
}
console.log(`prerender: the start page in ${LOCALES.join(', ')} (${Buffer.byteLength(pages.en.body)} bytes of html in English)`);
