// The relay (`/wp-json/kabar/v1/feed?url=…`) of the plugin on a real WordPress, against a second
// loopback origin that sends no CORS header: what it serves, what it refuses, its time limit and
// its cache; and a widget on a WordPress page showing an allowlisted feed through it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, startUpstream, rssFeed, UPSTREAM_TITLES } from './site.mjs';
import { launchBrowser, openPage, waitForState } from '../e2e/harness.mjs';

let site;
let upstream;

before(async () => {
  upstream = await startUpstream();
  site = await startSite({ locale: 'en_US' });
  await site.settings({ relay_hosts: [upstream.host] });
});

after(async () => {
  await site?.stop();
  await upstream?.close();
});

/** Asks the relay for `url`; returns status, headers, the body's bytes and, when JSON, its value. */
async function relay(url) {
  const response = await fetch(`${site.url}/wp-json/kabar/v1/feed?url=${encodeURIComponent(url)}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  let json = null;
  if ((response.headers.get('content-type') || '').includes('json')) {
    try { json = JSON.parse(bytes.toString('utf8')); } catch { /* not JSON after all */ }
  }
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8'), json };
}

test('an allowlisted feed is served unchanged, with its content type and a cache miss', async () => {
  const direct = await fetch(`${upstream.loopbackUrl}/feed.xml`);
  assert.equal(direct.headers.get('access-control-allow-origin'), null, 'the upstream sends no CORS header');
  const expected = await direct.text();
  upstream.reset();
  const answer = await relay(`${upstream.url}/feed.xml`);
  assert.equal(answer.status, 200, answer.text);
  assert.equal(answer.text, expected);
  assert.match(answer.headers.get('content-type'), /^application\/rss\+xml; ?charset=utf-8$/i);
  assert.equal(answer.headers.get('x-kabar-relay'), 'miss');
  assert.equal(upstream.count('/feed.xml'), 1);
});

test("the upstream's charset is passed on and its bytes are not re-encoded", async () => {
  const expected = Buffer.from(await (await fetch(`${upstream.loopbackUrl}/feed.xml?charset=iso-8859-1`)).arrayBuffer());
  const answer = await relay(`${upstream.url}/feed.xml?charset=iso-8859-1`);
  assert.equal(answer.status, 200, answer.text);
  assert.match(answer.headers.get('content-type'), /charset=iso-8859-1/i);
  assert.ok(answer.bytes.equals(expected), 'the Latin-1 body arrives byte for byte');
});

test('a JSON Feed and a feed sent as text/plain are served; an HTML page is refused', async () => {
  const json = await relay(`${upstream.url}/feed.json`);
  assert.equal(json.status, 200, json.text);
  assert.match(json.headers.get('content-type'), /^application\/feed\+json/);
  assert.equal(JSON.parse(json.text).items.length, 3);

  const plain = await relay(`${upstream.url}/feed.txt`);
  assert.equal(plain.status, 200, plain.text);
  assert.match(plain.text, /<rss version="2.0">/);

  const html = await relay(`${upstream.url}/page.html`);
  assert.equal(html.status, 502, html.text);
  assert.equal(html.json?.code, 'kabar_relay_not_a_feed');
  assert.doesNotMatch(html.text, /Selamat datang/, 'the HTML is not passed on');
});

test('a URL off the allowlist gets 403 naming the setting, and is never fetched', async () => {
  upstream.reset();
  for (const url of [
    'http://example.invalid/feed/',
    // The allowlisted name on another port is another host:port pair.
    `http://localhost:${upstream.port + 1}/feed.xml`,
    // The same server by its loopback address: not on the allowlist either.
    `${upstream.loopbackUrl}/feed.xml`,
    // Look-alikes of the allowlisted name.
    `http://localhost.evil.test:${upstream.port}/feed.xml`,
  ]) {
    const answer = await relay(url);
    assert.equal(answer.status, 403, `${url}: ${answer.text}`);
    assert.equal(answer.json?.code, 'kabar_relay_not_allowed', url);
    assert.match(answer.json.message, /Kabar News/, url);
    assert.match(answer.json.message, /allowlist/i, url);
  }
  assert.equal(upstream.requests.length, 0, 'nothing off the allowlist reached the upstream');
});

test('a request without a url, or with a URL that is not http(s), is refused', async () => {
  const none = await fetch(`${site.url}/wp-json/kabar/v1/feed`);
  assert.ok(none.status >= 400 && none.status < 500, `no url: ${none.status}`);
  const file = await relay('file:///etc/passwd');
  assert.ok(file.status >= 400 && file.status < 500, `file: ${file.status}`);
  assert.doesNotMatch(file.text, /root:/);
});

test('an allowlisted host that redirects to a loopback address off the allowlist is refused', async () => {
  upstream.reset();
  const answer = await relay(`${upstream.url}/redirect-loopback`);
  assert.equal(answer.status, 502, answer.text);
  assert.equal(answer.json?.code, 'kabar_relay_unsafe');
  assert.equal(upstream.count('/redirect-loopback'), 1);
  assert.equal(upstream.count('/feed.xml'), 0, 'the redirect target was not fetched');
});

test('a body over 5 MB is refused', async () => {
  const answer = await relay(`${upstream.url}/big.xml`);
  assert.equal(answer.status, 502, answer.text.slice(0, 300));
  assert.equal(answer.json?.code, 'kabar_relay_too_large');
  assert.ok(answer.bytes.length < 10000, `an error, not the body: ${answer.bytes.length} bytes`);
});

test("the upstream's error status is passed on politely", async () => {
  for (const status of [404, 500]) {
    const answer = await relay(`${upstream.url}/status/${status}`);
    assert.equal(answer.status, status, answer.text);
    assert.equal(answer.json?.code, 'kabar_relay_upstream');
    assert.doesNotMatch(answer.text, /<h1>/, 'the upstream HTML is not passed on');
  }
});

test('the relay gives up after its time limit (lowered by the kabar_news_relay_timeout filter)', async () => {
  site.muPlugin('kabar-test-timeout', "add_filter('kabar_news_relay_timeout', function () { return 2; });");
  try {
    const started = Date.now();
    const answer = await relay(`${upstream.url}/slow.xml?ms=20000`);
    const elapsed = Date.now() - started;
    assert.equal(answer.status, 504, answer.text);
    assert.equal(answer.json?.code, 'kabar_relay_timeout');
    // The upstream would answer after 20 s; the relay answered long before.
    assert.ok(elapsed < 15000, `answered after ${elapsed} ms`);
  } finally {
    site.removeMuPlugin('kabar-test-timeout');
  }
});

test('a widget on a WordPress page shows an allowlisted feed through the relay, and two page views make one upstream request', async () => {
  // A path of its own, so no earlier test's cache entry answers for it.
  let served = 0;
  upstream.route('/cached.xml', (req, res) => {
    served += 1;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rssFeed(upstream.url));
  });
  const feed = `${upstream.url}/cached.xml`;
  const { url } = await site.createPage({ title: 'Berita tetangga', content: `[kabar_news feed="${feed}" limit="3"]` });
  const browser = await launchBrowser();
  try {
    const seen = [];
    for (let view = 0; view < 2; view += 1) {
      const { page, pageErrors } = await openPage(browser, url);
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await waitForState(page, 'kabar-news', 'ready');
      const titles = (await page.locator('kabar-news article h3').allTextContents()).map((t) => t.trim());
      assert.deepEqual(titles, UPSTREAM_TITLES, `view ${view + 1}`);
      assert.deepEqual(pageErrors, []);
      seen.push(...requests);
      await page.close();
    }
    assert.ok(!seen.some((u) => u.startsWith(upstream.url) && u.includes('cached.xml')), 'the browser never asked the upstream itself');
    assert.equal(served, 1, 'the upstream saw one request for two page views');
    const third = await relay(feed);
    assert.equal(third.headers.get('x-kabar-relay'), 'hit');
    assert.equal(served, 1);
  } finally {
    await browser.close();
  }
});

test('the shortcode points an allowlisted feed at the relay, and any other feed at itself', async () => {
  const allowed = `${upstream.url}/feed.xml`;
  const other = 'https://berita.example.go.id/feed/';
  const { url } = await site.createPage({ title: 'Dua sumber', content: `[kabar_news feed="${allowed}"]\n\n[kabar_news feed="${other}"]` });
  const html = await (await fetch(url)).text();
  const feeds = [...html.matchAll(/<kabar-news[^>]*\sfeed="([^"]+)"/g)].map((m) => new URL(m[1].replace(/&amp;/g, '&').replace(/&#0?38;/g, '&')));
  assert.equal(feeds.length, 2, html.slice(0, 500));
  assert.equal(feeds[0].origin, site.url);
  assert.match(feeds[0].pathname + feeds[0].search, /kabar\/v1\/feed/);
  assert.equal(feeds[0].searchParams.get('url'), allowed);
  assert.equal(feeds[1].href, other);
});

test('with relay_cache_minutes 0 every request reaches the upstream', async () => {
  await site.settings({ relay_cache_minutes: 0 });
  try {
    let served = 0;
    upstream.route('/uncached.xml', (req, res) => {
      served += 1;
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rssFeed(upstream.url));
    });
    for (let i = 0; i < 2; i += 1) {
      const answer = await relay(`${upstream.url}/uncached.xml`);
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.headers.get('x-kabar-relay'), 'miss');
    }
    assert.equal(served, 2);
  } finally {
    await site.settings({ relay_cache_minutes: 10 });
  }
});

test('WordPress printed no notice, warning or deprecation from the plugin', () => {
  assert.deepEqual(site.pluginNotices(), []);
});
