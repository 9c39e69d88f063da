// Shared pieces of the end-to-end suite: a loopback server for dist/, www/ and the test pages,
// and Debian's headless Chromium (never a downloaded browser).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/feed+json; charset=utf-8',
  '.svg': 'image/svg+xml', '.xml': 'application/xml; charset=utf-8', '.jpg': 'image/jpeg', '.png': 'image/png',
};

const MOUNTS = [
  ['/dist/', path.join(root, 'dist')],
  // The same bundle under a CDN-like path, to show it loads everything relative to itself.
  ['/cdn/kabar/v1/', path.join(root, 'dist')],
  ['/fixtures/', path.join(root, 'tests/fixtures')],
  ['/pages/', path.join(here, 'pages')],
  ['/', path.join(root, 'www')],
];

function fileFor(urlPath) {
  // A copy of the loader whose wasm is missing, as after a half-finished upload.
  if (urlPath === '/nowasm/kabar.js') return path.join(root, 'dist', 'kabar.js');
  for (const [prefix, dir] of MOUNTS) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = path.resolve(dir, '.' + urlPath.slice(prefix.length - 1));
    if (!file.startsWith(dir)) return null;
    const target = fs.existsSync(file) && fs.statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
    return fs.existsSync(target) ? target : null;
  }
  return null;
}

/** A host page: the given markup in <main>, the widget script in <head>; `headers` are sent with it. */
function hostPage({ body, head = '', script = '/dist/kabar.js', load = 'defer', lang = 'id' }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kabar test page</title>
<link rel="stylesheet" href="/pages/test-page.css">
${head}
<script src="${script}" ${load}></script>
</head>
<body><main>${body}</main></body>
</html>`;
}

/**
 * Starts the server on a free loopback port. `/slow/<ms>/<path>` answers <path> after a delay;
 * `/cors/<path>` answers <path> with CORS headers (for pages on the other loopback origin);
 * `server.page(options)` registers a generated host page (see hostPage) and returns its URL;
 * `server.route(path, (req, res, url) => …)` answers a path with a test's own handler (faults,
 * paging, a server that is down).
 */
export async function startServer() {
  const log = []; // { path, status, aborted }
  const pages = new Map();
  const routes = new Map();
  const server = http.createServer((req, res) => {
    const requestUrl = new URL(req.url, 'http://x');
    let urlPath = decodeURIComponent(requestUrl.pathname);
    const entry = { path: urlPath, query: requestUrl.search, status: 0, aborted: false };
    log.push(entry);
    if (routes.has(urlPath)) {
      res.on('finish', () => { entry.status = res.statusCode; });
      routes.get(urlPath)(req, res, requestUrl);
      return;
    }
    let cors = false;
    if (urlPath.startsWith('/cors/')) { cors = true; urlPath = urlPath.slice(5); }
    if (pages.has(urlPath)) {
      entry.status = 200;
      const { html, headers } = pages.get(urlPath);
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...headers }).end(html);
      return;
    }
    let delay = 0;
    const slow = urlPath.match(/^\/slow\/(\d+)(\/.*)$/);
    if (slow) { delay = Number(slow[1]); urlPath = slow[2]; }
    req.on('close', () => { if (!res.writableEnded) entry.aborted = true; });
    const timer = setTimeout(() => {
      if (entry.aborted) return;
      const file = fileFor(urlPath);
      if (!file) {
        entry.status = 404;
        res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><h1>404 Not Found</h1>');
        return;
      }
      entry.status = 200;
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
      if (cors) headers['access-control-allow-origin'] = '*';
      res.writeHead(200, headers).end(fs.readFileSync(file));
    }, delay);
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    log,
    page(options) {
      const pagePath = `/generated/${pages.size + 1}.html`;
      const settings = typeof options === 'string' ? { body: options } : options;
      pages.set(pagePath, { html: hostPage(settings), headers: settings.headers || {} });
      return url + pagePath;
    },
    route(routePath, handler) { routes.set(routePath, handler); },
    fixture: (name) => fs.readFileSync(path.join(root, 'tests/fixtures', name)),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/**
 * The fonts the layout tests run with, one at a time: a serif, a sans and a narrower sans, so a
 * width that fits only one font fails on every machine. Each fonts.conf lists that one font and
 * maps every generic family to it (Debian packages, installed by `cargo xtask test`).
 */
export const FONTS = [
  { family: 'DejaVu Serif', conf: 'dejavu-serif.conf' },
  { family: 'DejaVu Sans', conf: 'dejavu-sans.conf' },
  { family: 'Liberation Sans', conf: 'liberation-sans.conf' },
];

/**
 * Launches Debian's Chromium headless with the flags that work as root here. Its fonts are the
 * ones `font` (an entry of FONTS) pins, else DejaVu's (tests/e2e/fonts/default.conf): never
 * whatever else the machine has.
 */
export async function launchBrowser({ font } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-chromium-'));
  const fontconfig = path.join(here, 'fonts', font ? font.conf : 'default.conf');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    env: { ...process.env, FONTCONFIG_FILE: fontconfig },
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return {
    context,
    async close() { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); },
  };
}

/**
 * Opens a page that records every kabar:* event and console message, so tests can assert on them.
 */
export async function openPage(browser, url) {
  const page = await browser.context.newPage();
  const consoleMessages = [];
  const pageErrors = [];
  page.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript(() => {
    window.__kabarEvents = [];
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
    for (const name of ['kabar:ready', 'kabar:error', 'kabar:open', 'kabar:close']) {
      document.addEventListener(name, (e) => {
        const host = e.target;
        window.__kabarEvents.push({ name, detail: e.detail, host: host.id || host.localName });
      });
    }
  });
  await page.goto(url);
  return { page, consoleMessages, pageErrors };
}

/**
 * Waits until the host matching `selector` has reached `state` (ready, empty, error). A lazy host
 * that has not started (no shadow root and no state: more than 1,250 px from the viewport) is
 * scrolled into view, as a visitor would, and the page's scroll position is put back once it has.
 */
export async function waitForState(page, selector, state) {
  await page.waitForFunction(
    ([sel, st]) => {
      const host = document.querySelector(sel);
      const woken = window.__kabarScrolledFor;
      const started = (h) => h.shadowRoot || h.hasAttribute('data-state');
      if (host && !started(host) && !woken) {
        window.__kabarScrolledFor = { host, x: scrollX, y: scrollY };
        host.scrollIntoView({ block: 'center', behavior: 'instant' });
      } else if (woken && started(woken.host)) {
        scrollTo({ left: woken.x, top: woken.y, behavior: 'instant' });
        window.__kabarScrolledFor = null;
      }
      return !window.__kabarScrolledFor && host?.getAttribute('data-state') === st;
    },
    [selector, state],
    { timeout: 15000 },
  );
}

/** Evaluates `fn(shadowRoot, arg)` inside the shadow root of the host matching `selector`. */
export function inShadow(page, selector, fn, arg) {
  return page.evaluate(
    ([sel, source, a]) => {
      const host = document.querySelector(sel);
      // eslint-disable-next-line no-new-func
      return (0, eval)(`(${source})`)(host.shadowRoot, a);
    },
    [selector, fn.toString(), arg],
  );
}
