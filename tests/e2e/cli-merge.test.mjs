// `kabar merge` (the command-line tool) feeding the widget: three agencies' feeds (JSON Feed,
// WordPress, RSS) merged into one file, served as a static host would, and shown with each
// card naming its source from the file's `_kabar` extension.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let server;
let browser;
let scratch;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-cli-e2e-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

const serve = (routePath, type, body) => server.route(routePath, (req, res) => res.writeHead(200, { 'content-type': type }).end(body));

/**
 * Runs the kabar command (built by cargo, as `cargo install --path cli` would install it).
 * Asynchronously: the feeds it fetches are served by this very process.
 */
function kabar(args) {
  return promisify(execFile)('cargo', ['run', '--quiet', '--package', 'kabar-cli', '--bin', 'kabar', '--', ...args], { cwd: root });
}

test('a file merged by `kabar merge` renders with each card naming its source', async () => {
  serve('/dinkes/feed.json', 'application/feed+json', server.fixture('jsonfeed-1.1.json'));
  serve('/kecamatan/wp-json/wp/v2/posts', 'application/json; charset=UTF-8', server.fixture('wordpress-embed.json'));
  serve('/desa/feed/', 'application/rss+xml; charset=UTF-8', server.fixture('rss.xml'));
  const out = path.join(scratch, 'merged.json');
  await kabar(['merge', `${server.url}/dinkes/feed.json`, `${server.url}/kecamatan/wp-json/wp/v2/posts`, `${server.url}/desa/feed/`,
    '-o', out, '--title', 'Berita se-Kabupaten']);
  const merged = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.equal(merged.version, 'https://jsonfeed.org/version/1.1');
  const names = new Set(merged.items.map((item) => item._kabar.source.name));
  assert.equal(names.size, 3, [...names].join(', '));

  // Published as a static file on the portal's own host.
  serve('/berita/semua.json', 'application/feed+json', fs.readFileSync(out));
  const { page, pageErrors } = await openPage(browser,
    server.page('<kabar-news id="m" feed="/berita/semua.json" limit="12" show="date,source" cache="0"></kabar-news>'));
  await waitForState(page, '#m', 'ready');
  const cards = await inShadow(page, '#m', (root) => [...root.querySelectorAll('.card')].map((card) => ({
    title: card.querySelector('.card-title')?.textContent,
    source: card.querySelector('.card-source')?.textContent,
  })));
  assert.equal(cards.length, Math.min(12, merged.items.length));
  // Same order as the file, each card named by the source its item carries.
  cards.forEach((card, i) => {
    assert.equal(card.title, merged.items[i].title, `card ${i}`);
    assert.equal(card.source, merged.items[i]._kabar.source.name, `card ${i}: ${card.title}`);
  });
  const shown = new Set(cards.map((card) => card.source));
  assert.ok(shown.size >= 2, [...shown].join(', '));
  assert.deepEqual(pageErrors, []);
  await page.close();
});
