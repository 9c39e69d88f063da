// The release on Debian's nginx and apache2, configured with exactly README.md's lines (the nginx
// block and the .htaccess that `cargo xtask release` writes from README.md into the folder): the
// wasm and the loader arrive pre-compressed (brotli or gzip, as the request allows), with their
// types, `Vary: Accept-Encoding` and a year of caching, and the widget renders from that host.
// Both servers run unprivileged-style from temp dirs on loopback ports and are stopped at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';
import { readmeBlock, startWebServers, get } from './web-servers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const version = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8').match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)[1];
const released = path.join(root, 'target/release-kabar', `kabar-${version}`);
const prefix = `/kabar/${version}/`;

let temp;
let docroot;
let browser;
let servers; // name → { url, stop }

before(async () => {
  assert.ok(fs.existsSync(released), `${released} is missing: run cargo xtask release`);
  // The servers' worker users must read the files: a world-readable temp tree.
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-hosting-'));
  fs.chmodSync(temp, 0o755);
  docroot = path.join(temp, 'www');
  fs.mkdirSync(path.join(docroot, 'feeds'), { recursive: true });
  fs.cpSync(released, path.join(docroot, prefix), { recursive: true });
  fs.copyFileSync(path.join(root, 'www/feeds/berita.json'), path.join(docroot, 'feeds/berita.json'));
  fs.writeFileSync(path.join(docroot, 'index.html'), `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Kabar on a real server</title>
<script src="${prefix}kabar.js" defer></script></head>
<body><main><kabar-news id="w" feed="/feeds/berita.json" limit="3"><a href="/berita">Berita</a></kabar-news></main></body></html>
`);
  servers = await startWebServers(temp, docroot);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const server of Object.values(servers || {})) await server.stop().catch(() => {});
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

test('the release folder carries README.md\'s .htaccess and web.config, and the compressed copies decode to the files', () => {
  for (const name of ['.htaccess', 'web.config']) {
    assert.equal(fs.readFileSync(path.join(released, name), 'utf8'), readmeBlock(`file: ${name}`), name);
  }
  for (const name of ['kabar.js', 'kabar_bg.wasm']) {
    const raw = fs.readFileSync(path.join(released, name));
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(path.join(released, `${name}.br`))).equals(raw), `${name}.br`);
    assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(released, `${name}.gz`))).equals(raw), `${name}.gz`);
  }
});

const FILES = [
  { name: 'kabar_bg.wasm', type: /^application\/wasm$/ },
  { name: 'kabar.js', type: /^text\/javascript(;|$)/ },
];
const ENCODINGS = [
  { accept: 'gzip, deflate, br, zstd', encoding: 'br', decode: zlib.brotliDecompressSync },
  { accept: 'gzip, deflate', encoding: 'gzip', decode: zlib.gunzipSync },
  { accept: null, encoding: undefined, decode: (b) => b },
];

for (const server of ['nginx', 'apache2']) {
  test(`${server} with README's lines sends the pre-compressed copies with their type, Vary and a year of caching`, async () => {
    for (const file of FILES) {
      const raw = fs.readFileSync(path.join(released, file.name));
      for (const { accept, encoding, decode } of ENCODINGS) {
        const what = `${server} ${file.name} (Accept-Encoding: ${accept})`;
        const res = await get(`${servers[server].url}${prefix}${file.name}`, accept);
        assert.equal(res.status, 200, what);
        assert.equal(res.headers['content-encoding'], encoding, what);
        assert.match(res.headers['content-type'] || '', file.type, what);
        assert.match(res.headers.vary || '', /accept-encoding/i, what);
        assert.ok(!/accept-encoding.*accept-encoding/i.test(res.headers.vary), `${what}: Vary once: ${res.headers.vary}`);
        assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', what);
        assert.equal(res.headers['content-language'], undefined, what);
        assert.ok(decode(res.body).equals(raw), `${what}: the body decodes to the released file`);
        if (encoding === 'br') assert.ok(res.body.length < raw.length / 2, `${what}: ${res.body.length} bytes sent`);
      }
    }
  });

  test(`the widget renders in Chromium from ${server}, with the wasm compressed on the wire`, async () => {
    const { page, pageErrors, consoleMessages } = await openPage(browser, `${servers[server].url}/index.html`);
    await waitForState(page, '#w', 'ready');
    assert.equal(await inShadow(page, '#w', (shadow) => shadow.querySelectorAll('article').length), 3);
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/kabar_bg.wasm'))
      .map((e) => ({ transfer: e.transferSize, decoded: e.decodedBodySize })));
    assert.equal(wasm.length, 1, JSON.stringify(wasm));
    assert.ok(wasm[0].transfer > 0 && wasm[0].transfer < wasm[0].decoded / 2, `sent ${wasm[0].transfer} of ${wasm[0].decoded} bytes`);
    // Served as application/wasm: no console advice about the type, no errors.
    assert.deepEqual(consoleMessages.filter((m) => m.text.startsWith('Kabar:')), []);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
}

test('both servers stop cleanly', async () => {
  for (const [name, server] of Object.entries(servers)) {
    const outcome = await server.stop();
    assert.ok(outcome === 0 || outcome === 'SIGTERM', `${name} exited with ${outcome}`);
  }
});
