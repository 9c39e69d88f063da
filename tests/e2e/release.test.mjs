// The release as webmasters get it (`cargo xtask release`, target/release-kabar/): the zip served
// from a second origin with CORS, the npm package under /kabar@<version>/ as a CDN's npm mirror
// serves it, pinned with integrity=; the wasm checked against the hash kabar.js carries; hosts as
// they are (no wasm MIME type, no CORS, a WordPress with its REST API off).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const release = path.join(root, 'target/release-kabar');
const version = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8').match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)[1];
const folder = `kabar-${version}`;
const sri = (bytes) => 'sha384-' + crypto.createHash('sha384').update(bytes).digest('base64');
const WIDGET = '<kabar-news id="w" feed="/feeds/berita.json" limit="2"><a id="fallback" href="/berita">Semua berita</a></kabar-news>';

let server; // the agency's pages
let cdn; // another origin: the files as a CDN or a shared host serves them
let browser;
let temp;
let unzipped;
let unpacked;
let integrity; // file name → sha384-…

/**
 * A second loopback origin. `mounts` maps a URL prefix to { dir, cors, wasmType }: cors adds
 * Access-Control-Allow-Origin to every file, or to all but the wasm when it is 'script-only'.
 */
function startCdn(mounts) {
  const log = [];
  const srv = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    log.push(urlPath);
    const prefix = Object.keys(mounts).find((p) => urlPath.startsWith(p));
    const mount = prefix && mounts[prefix];
    const file = mount && path.resolve(mount.dir, '.' + urlPath.slice(prefix.length - 1));
    if (!file || !file.startsWith(mount.dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const wasm = file.endsWith('.wasm');
    const headers = {
      'content-type': wasm ? (mount.wasmType || 'application/wasm') : 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    };
    if (mount.cors === true || (mount.cors === 'script-only' && !wasm)) headers['access-control-allow-origin'] = '*';
    res.writeHead(200, headers).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${srv.address().port}`,
    log,
    close: () => new Promise((done) => { srv.closeAllConnections(); srv.close(done); }),
  })));
}

before(async () => {
  assert.ok(fs.existsSync(path.join(release, 'integrity.txt')), 'target/release-kabar/ is missing: run cargo xtask release');
  integrity = new Map(fs.readFileSync(path.join(release, 'integrity.txt'), 'utf8').trim().split('\n')
    .map((line) => line.split(/\s+/)).map(([hash, name]) => [name, hash]));
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-release-'));
  execFileSync('unzip', ['-q', path.join(release, `${folder}.zip`), '-d', path.join(temp, 'zip')]);
  unzipped = path.join(temp, 'zip', folder);
  fs.mkdirSync(path.join(temp, 'npm'));
  execFileSync('tar', ['-xzf', path.join(release, `kabar-news-${version}.tgz`), '-C', path.join(temp, 'npm')]);
  unpacked = path.join(temp, 'npm', 'package');
  // The same release with one byte of the wasm changed, as after a tampered or broken upload.
  const tampered = path.join(temp, 'tampered');
  fs.cpSync(unzipped, tampered, { recursive: true });
  const wasm = fs.readFileSync(path.join(tampered, 'kabar_bg.wasm'));
  wasm[wasm.length >> 1] ^= 0x01;
  fs.writeFileSync(path.join(tampered, 'kabar_bg.wasm'), wasm);

  cdn = await startCdn({
    [`/zip/${folder}/`]: { dir: unzipped, cors: true },
    [`/kabar@${version}/`]: { dir: unpacked, cors: true },
    '/tampered/': { dir: tampered, cors: true },
    '/octet/': { dir: unzipped, cors: true, wasmType: 'application/octet-stream' },
    '/nocors/': { dir: unzipped, cors: 'script-only' },
  });
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await cdn?.close();
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

/** A host page that loads kabar.js from `src` pinned with its hash from integrity.txt. */
function pinnedPage(src, body = WIDGET) {
  const hash = integrity.get(`${folder}/kabar.js`);
  return server.page({ script: src, load: `defer integrity="${hash}" crossorigin="anonymous"`, body });
}

const kabarErrors = (messages) => messages.filter((m) => m.type === 'error' && m.text.startsWith('Kabar:'));

test('integrity.txt holds the right sha384 of every released file, and the zip holds the folder', () => {
  const folderFiles = fs.readdirSync(path.join(release, folder)).sort();
  assert.deepEqual(fs.readdirSync(unzipped).sort(), folderFiles);
  for (const name of ['kabar.js', 'kabar_bg.wasm', 'kabar.d.ts', 'LICENSE', 'README.txt', 'CHANGELOG.md']) {
    assert.ok(folderFiles.includes(name), `${name} is in the release`);
  }
  const listed = [...folderFiles.map((name) => `${folder}/${name}`), `${folder}.zip`, `kabar-news-${version}.tgz`];
  assert.deepEqual([...integrity.keys()].sort(), listed.sort());
  for (const name of listed) {
    assert.equal(integrity.get(name), sri(fs.readFileSync(path.join(release, name))), name);
  }
  for (const name of folderFiles) {
    assert.ok(fs.readFileSync(path.join(unzipped, name)).equals(fs.readFileSync(path.join(release, folder, name))), `zip: ${name}`);
  }
  // kabar.js carries the hash of the wasm it was built with.
  const script = fs.readFileSync(path.join(unzipped, 'kabar.js'), 'utf8');
  assert.ok(script.includes(integrity.get(`${folder}/kabar_bg.wasm`)));
  const readme = fs.readFileSync(path.join(unzipped, 'README.txt'), 'utf8');
  for (const line of ['AddType application/wasm .wasm', 'application/wasm wasm;', 'mimeMap fileExtension=".wasm"',
    "'wasm-unsafe-eval'", 'Access-Control-Allow-Origin', 'immutable', integrity.get(`${folder}/kabar.js`)]) {
    assert.ok(readme.includes(line), `README.txt says ${line}`);
  }
});

test('the unzipped release on another origin, pinned with integrity, renders and says its version', async () => {
  const { page, pageErrors, consoleMessages } = await openPage(browser, pinnedPage(`${cdn.url}/zip/${folder}/kabar.js`));
  await waitForState(page, '#w', 'ready');
  assert.equal(await inShadow(page, '#w', (shadow) => shadow.querySelectorAll('article').length), 2);
  assert.ok(cdn.log.includes(`/zip/${folder}/kabar_bg.wasm`), 'the wasm came from the CDN origin');
  assert.equal(await page.evaluate(() => window.Kabar.version), version);
  assert.deepEqual(kabarErrors(consoleMessages), []);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the npm package, served under /kabar@<version>/ as a CDN npm mirror serves it, renders pinned and has the same version', async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'kabar-news');
  assert.equal(pkg.version, version);
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  for (const field of ['main', 'jsdelivr', 'unpkg']) assert.equal(pkg[field], 'kabar.js', field);
  assert.equal(pkg.types, 'kabar.d.ts');
  assert.equal(pkg.exports['.'].default, './kabar.js');
  for (const file of [pkg.main, pkg.types, 'kabar_bg.wasm', ...(pkg.customElements ? [pkg.customElements] : [])]) {
    assert.ok(fs.existsSync(path.join(unpacked, file)), `${file} is in the tarball`);
  }
  assert.equal(pkg.customElements !== undefined, fs.existsSync(path.join(root, 'dist/custom-elements.json')));
  assert.equal(sri(fs.readFileSync(path.join(unpacked, 'kabar.js'))), integrity.get(`${folder}/kabar.js`));

  const { page, pageErrors } = await openPage(browser, pinnedPage(`${cdn.url}/kabar@${version}/kabar.js`));
  await waitForState(page, '#w', 'ready');
  assert.ok(cdn.log.includes(`/kabar@${version}/kabar_bg.wasm`));
  assert.equal(await page.evaluate(() => window.Kabar.version), pkg.version);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a tampered wasm is refused: fallback content, data-state=error, kabar:error, one console error naming the integrity failure', async () => {
  const { page, pageErrors, consoleMessages } = await openPage(browser, pinnedPage(`${cdn.url}/tampered/kabar.js`, `${WIDGET}
    <div id="d" data-kabar-news data-feed="/feeds/berita.json"><a id="fallback-div" href="/berita">Indeks berita</a></div>`));
  await waitForState(page, '#w', 'error');
  await waitForState(page, '#d', 'error');
  assert.equal(await page.locator('#fallback').isVisible(), true);
  assert.equal(await page.locator('#fallback-div').isVisible(), true);
  const events = await page.evaluate(() => window.__kabarEvents.filter((e) => e.name === 'kabar:error').map((e) => e.detail.message));
  assert.equal(events.length, 2);
  assert.match(events[0], /integrity check failed/);
  const errors = kabarErrors(consoleMessages);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.match(errors[0].text, /integrity check failed: kabar_bg\.wasm from .*\/tampered\/kabar_bg\.wasm is not the file this kabar\.js was built with/);
  assert.ok(errors[0].text.includes(integrity.get(`${folder}/kabar_bg.wasm`)), 'names the expected hash');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a wasm served as application/octet-stream still renders, and the console names the MIME line to add', async () => {
  const { page, pageErrors, consoleMessages } = await openPage(browser, pinnedPage(`${cdn.url}/octet/kabar.js`));
  await waitForState(page, '#w', 'ready');
  const advice = consoleMessages.filter((m) => m.type === 'warning' && m.text.includes('application/octet-stream'));
  assert.equal(advice.length, 1, JSON.stringify(consoleMessages));
  for (const line of ['AddType application/wasm .wasm', 'application/wasm wasm;', '<mimeMap fileExtension=".wasm" mimeType="application/wasm" />']) {
    assert.ok(advice[0].text.includes(line), line);
  }
  assert.deepEqual(kabarErrors(consoleMessages), []);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a wasm on another origin without CORS leaves the fallback, and the console names the header', async () => {
  const url = server.page({ script: `${cdn.url}/nocors/kabar.js`, body: WIDGET });
  const { page, pageErrors, consoleMessages } = await openPage(browser, url);
  await waitForState(page, '#w', 'error');
  assert.equal(await page.locator('#fallback').isVisible(), true);
  const errors = kabarErrors(consoleMessages);
  assert.equal(errors.length, 1, JSON.stringify(consoleMessages));
  assert.match(errors[0].text, /does not send the CORS header Access-Control-Allow-Origin: \*/);
  assert.ok(errors[0].text.includes(server.url), 'names the page origin to allow');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a WordPress with its REST API off: the console quotes its code and message and suggests /feed/, visitors see the polite error', async () => {
  const wordpressError = (status, body) => (req, res) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' }).end(body);
  };
  server.route('/wp-json/wp/v2/posts', wordpressError(401, server.fixture('wp-rest-login-required.json')));
  server.route('/portal/index.php/wp-json/wp/v2/posts', wordpressError(404, server.fixture('wp-rest-no-route.json')));
  const url = server.page({ body: `
    <kabar-news id="off" feed="/wp-json/wp/v2/posts?_embed"><a href="/berita">Berita</a></kabar-news>
    <kabar-news id="gone" feed="/portal/index.php/wp-json/wp/v2/posts?_embed"><a href="/berita">Berita</a></kabar-news>` });
  const { page, pageErrors, consoleMessages } = await openPage(browser, url);
  await waitForState(page, '#off', 'error');
  await waitForState(page, '#gone', 'error');
  const warnings = consoleMessages.filter((m) => m.type === 'warning' && m.text.startsWith('Kabar: WordPress answered')).map((m) => m.text);
  assert.equal(warnings.length, 2, JSON.stringify(consoleMessages));
  const off = warnings.find((w) => w.includes('HTTP 401'));
  assert.ok(off.includes('rest_login_required') && off.includes('"API REST hanya dapat diakses oleh pengguna yang sudah masuk."'), off);
  assert.ok(off.includes(`feed="${server.url}/feed/"`), off);
  const gone = warnings.find((w) => w.includes('HTTP 404'));
  assert.ok(gone.includes('rest_no_route') && gone.includes('Tidak ditemukan rute'), gone);
  assert.ok(gone.includes(`feed="${server.url}/portal/feed/"`), gone);
  const visitorText = await inShadow(page, '#off', (shadow) => shadow.textContent);
  assert.ok(visitorText.includes('Server berita sedang tidak dapat diakses.'), visitorText);
  assert.ok(!visitorText.includes('rest_'), 'visitors do not see WordPress internals');
  assert.deepEqual(pageErrors, []);
  await page.close();
});
