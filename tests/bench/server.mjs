// The benchmark's loopback server: dist/, the peer bundle, the generated feeds and host pages, and
// the demo site www/ (for Lighthouse). Files are sent uncompressed (this is loopback; compressed
// sizes are computed separately) and static assets are cacheable, so a repeat visit is served from
// the HTTP cache for both widgets alike.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { articles, jsonFeed, rssFeed } from './feeds.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/feed+json; charset=utf-8',
  '.svg': 'image/svg+xml', '.xml': 'application/xml; charset=utf-8', '.jpg': 'image/jpeg', '.png': 'image/png',
};

/** Long enough that nothing expires during a run; both widgets' files get the same header. */
export const STATIC_CACHE = 'max-age=3600';
/** Feeds are fresh for 300 s, Kabar's default `cache` too: a repeat visit has the feed cached. */
export const FEED_CACHE = 'max-age=300';

/** Sources and articles per source of the several-feeds row (issue 16: 12 × 100). */
export const MULTI = { sources: 12, articles: 100 };
const multiFeed = (n) => `/bench/feeds/multi-${n}.json`;

/** Kabar reading MULTI.sources feeds at once, merged into one list. */
export const MULTI_WIDGET = {
  name: 'Kabar ×12',
  tag: 'kabar-news',
  script: '/dist/kabar.js',
  scriptTag: '<script src="/dist/kabar.js" defer blocking="render"></script>',
  element: (size, limit) => `<kabar-news feed="${Array.from({ length: MULTI.sources }, (_, i) => multiFeed(i + 1)).join(' ')}" limit="${limit}"></kabar-news>`,
  feed: () => multiFeed(1),
};

/** The two widgets, embedded the way their documentation says. */
export const WIDGETS = {
  kabar: {
    name: 'Kabar (README)',
    tag: 'kabar-news',
    script: '/dist/kabar.js',
    // README.md's snippet for a widget in the first screen: the wasm preloaded while the page is
    // parsed, and the page's first paint waits for the loader (not the wasm), which draws the
    // placeholder cards.
    scriptTag: '<link rel="preload" href="/dist/kabar_bg.wasm" as="fetch" crossorigin>\n<script src="/dist/kabar.js" defer blocking="render"></script>',
    element: (size, limit) => `<kabar-news feed="/bench/feeds/feed-${size}.json" limit="${limit}"></kabar-news>`,
    feed: (size) => `/bench/feeds/feed-${size}.json`,
  },
  // Variants of Kabar's script tag, for the mobile profile: render blocking without the preload
  // (the advice before), plain `defer` (the page paints without waiting for the loader), and
  // `defer` with the preload hint.
  'kabar-blocking': {
    name: 'Kabar, blocking only',
    tag: 'kabar-news',
    script: '/dist/kabar.js',
    scriptTag: '<script src="/dist/kabar.js" defer blocking="render"></script>',
    element: (size, limit) => `<kabar-news feed="/bench/feeds/feed-${size}.json" limit="${limit}"></kabar-news>`,
    feed: (size) => `/bench/feeds/feed-${size}.json`,
    variant: true,
  },
  'kabar-defer': {
    name: 'Kabar, defer only',
    tag: 'kabar-news',
    script: '/dist/kabar.js',
    scriptTag: '<script src="/dist/kabar.js" defer></script>',
    element: (size, limit) => `<kabar-news feed="/bench/feeds/feed-${size}.json" limit="${limit}"></kabar-news>`,
    feed: (size) => `/bench/feeds/feed-${size}.json`,
    variant: true,
  },
  'kabar-preload': {
    name: 'Kabar, defer + preload',
    tag: 'kabar-news',
    script: '/dist/kabar.js',
    scriptTag: '<link rel="preload" href="/dist/kabar_bg.wasm" as="fetch" crossorigin>\n<script src="/dist/kabar.js" defer></script>',
    element: (size, limit) => `<kabar-news feed="/bench/feeds/feed-${size}.json" limit="${limit}"></kabar-news>`,
    feed: (size) => `/bench/feeds/feed-${size}.json`,
    variant: true,
  },
  peer: {
    name: 'rss-items',
    tag: 'rss-items',
    script: '/peer/rss-items.js',
    // A module script is deferred too, so both start at the same point of the parse.
    scriptTag: '<script type="module" src="/peer/rss-items.js"></script>',
    element: (size, limit) => `<rss-items url="/bench/feeds/feed-${size}.xml" max="${limit}" auto></rss-items>`,
    feed: (size) => `/bench/feeds/feed-${size}.xml`,
  },
};

const FILLER = [
  'Pemerintah Kabupaten Sungai Jernih terus berupaya meningkatkan kualitas layanan publik bagi seluruh warga, mulai dari administrasi kependudukan, kesehatan, hingga pendidikan dasar di 14 kecamatan.',
  'Masyarakat dapat menyampaikan pengaduan dan aspirasi melalui kanal resmi pemerintah daerah. Setiap laporan ditindaklanjuti oleh organisasi perangkat daerah yang berwenang paling lambat lima hari kerja.',
  'Informasi anggaran, rencana kerja, dan laporan kinerja pemerintah daerah dapat diakses secara terbuka sebagai wujud komitmen terhadap keterbukaan informasi publik.',
  'Jadwal pelayanan kantor pemerintahan: Senin sampai Kamis pukul 08.00–16.00 WIB dan Jumat pukul 08.00–16.30 WIB, kecuali hari libur nasional.',
  'Untuk keadaan darurat, hubungi layanan panggilan darurat 112 yang dapat diakses gratis selama 24 jam dari telepon seluler maupun telepon rumah.',
  'Pemerintah daerah juga membuka layanan konsultasi perizinan berusaha bagi pelaku usaha mikro, kecil, dan menengah di mal pelayanan publik.',
  'Seluruh data statistik daerah diperbarui setiap tahun oleh badan perencanaan pembangunan daerah bekerja sama dengan badan pusat statistik kabupaten.',
  'Kritik dan saran untuk pengembangan portal ini dapat dikirim melalui formulir kontak yang tersedia di halaman Kontak.',
];

/**
 * The host page, the same skeleton for both widgets: a heading, a paragraph, the widget, then
 * paragraphs of text below it. Nothing is reserved for the widget, so a widget that grows after
 * the first paint shifts the text below it, and that counts as layout shift.
 */
export function hostPage(widget, size, limit) {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Berita – benchmark host page</title>
<link rel="icon" href="data:,">
<style>body{margin:0 auto;max-width:64rem;padding:1rem 1.5rem;font:16px/1.6 system-ui,sans-serif;color:#1a1a1a}h1{font-size:2rem;margin:.5rem 0}</style>
${widget.scriptTag}
</head>
<body>
<h1>Berita Terkini Kabupaten Sungai Jernih</h1>
<p>Kabar terbaru dari pemerintah daerah, organisasi perangkat daerah, dan kecamatan di seluruh Kabupaten Sungai Jernih.</p>
${widget.element(size, limit)}
${FILLER.map((text) => `<p>${text}</p>`).join('\n')}
</body>
</html>
`;
}

/** Text, JSON, XML and wasm: what a well-configured host compresses. */
const COMPRESSIBLE = /^(text\/|application\/(wasm|feed\+json|xml|rss\+xml|json)|image\/svg)/;
const encoded = new Map(); // sha256 + coding -> bytes
/** `body` in the best coding `accept` allows (brotli 11, else gzip -9), computed once per content. */
function encode(body, accept) {
  const coding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!coding) return null;
  const key = crypto.createHash('sha256').update(body).digest('hex') + coding;
  if (!encoded.has(key)) {
    encoded.set(key, coding === 'br'
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 22 } })
      : zlib.gzipSync(body, { level: 9 }));
  }
  return { coding, bytes: encoded.get(key) };
}

/**
 * Starts the server on a free loopback port. With `compress`, it answers like a well-configured
 * host (brotli or gzip as the request allows, `Vary: Accept-Encoding`); without, like most hosts
 * do for wasm: raw. `sizes` are the feed sizes to generate; `limit` the number of cards both
 * widgets show; `multi` adds the several-feeds page; `extraPages` maps paths to host pages.
 * Returns its URL, the feed byte sizes, `lastBody(path)` (the bytes last sent for a path) and
 * `close`.
 */
export async function startServer({ root, peerDir, sizes, limit, multi = false, compress = false, extraPages = {} }) {
  const generated = new Map(); // path -> { body, type, cache }
  const feedBytes = {};
  for (const size of sizes) {
    const items = articles(size);
    const json = Buffer.from(jsonFeed(items));
    const rss = Buffer.from(rssFeed(items));
    generated.set(`/bench/feeds/feed-${size}.json`, { body: json, type: TYPES['.json'], cache: FEED_CACHE });
    generated.set(`/bench/feeds/feed-${size}.xml`, { body: rss, type: 'application/rss+xml; charset=utf-8', cache: FEED_CACHE });
    feedBytes[size] = { json: json.length, rss: rss.length };
    for (const [key, widget] of Object.entries(WIDGETS)) {
      generated.set(`/bench/${key}-${size}.html`, { body: Buffer.from(hostPage(widget, size, limit)), type: TYPES['.html'], cache: 'no-cache' });
    }
  }
  if (multi) {
    // One run of articles dealt out to the sources in turn, so their dates interleave.
    const items = articles(MULTI.sources * MULTI.articles);
    for (let n = 1; n <= MULTI.sources; n++) {
      const own = items.filter((_, i) => i % MULTI.sources === n - 1);
      const body = Buffer.from(JSON.stringify({ ...JSON.parse(jsonFeed(own)), title: `Sumber ${n}` }));
      generated.set(multiFeed(n), { body, type: TYPES['.json'], cache: FEED_CACHE });
    }
    generated.set('/bench/kabar-multi.html', { body: Buffer.from(hostPage(MULTI_WIDGET, 0, limit)), type: TYPES['.html'], cache: 'no-cache' });
  }
  for (const [pagePath, html] of Object.entries(extraPages)) {
    generated.set(pagePath, { body: Buffer.from(html), type: TYPES['.html'], cache: 'no-cache' });
  }
  const mounts = [
    ['/dist/', path.join(root, 'dist'), STATIC_CACHE],
    ['/peer/', peerDir, STATIC_CACHE],
    ['/img/', path.join(root, 'www/img'), STATIC_CACHE],
    // The demo site for Lighthouse, with the headers `cargo xtask serve` sends.
    ['/', path.join(root, 'www'), 'no-cache'],
  ];
  // The bytes last sent for each path, so transfer sizes are those of exactly what the browser
  // loaded, even if dist/ is rebuilt while the benchmark runs.
  const sent = new Map();
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const send = (status, type, cache, raw) => {
      const headers = { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' };
      let body = raw;
      if (compress && COMPRESSIBLE.test(type)) {
        headers.vary = 'Accept-Encoding';
        const coded = encode(raw, req.headers['accept-encoding'] || '');
        if (coded) {
          headers['content-encoding'] = coded.coding;
          body = coded.bytes;
        }
      }
      headers['content-length'] = body.length;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const page = generated.get(urlPath);
    if (page) return send(200, page.type, page.cache, page.body);
    for (const [prefix, dir, cache] of mounts) {
      if (!urlPath.startsWith(prefix)) continue;
      let file = path.resolve(dir, '.' + urlPath.slice(prefix.length - 1));
      if (!file.startsWith(dir)) break;
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (!fs.existsSync(file)) break;
      const body = fs.readFileSync(file);
      sent.set(urlPath, body);
      return send(200, TYPES[path.extname(file)] || 'application/octet-stream', cache, body);
    }
    return send(404, 'text/plain; charset=utf-8', 'no-store', Buffer.from('not found\n'));
  });
  // Compressing the wasm at brotli 11 takes seconds: done before the first request, not in it,
  // as a host that serves pre-compressed files would.
  if (compress) {
    for (const [, dir] of mounts.slice(0, 2)) {
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir, { recursive: true })) {
        const file = path.join(dir, name);
        if (fs.statSync(file).isFile() && COMPRESSIBLE.test(TYPES[path.extname(file)] || '')) {
          for (const accept of ['br', 'gzip']) encode(fs.readFileSync(file), accept);
        }
      }
    }
    for (const { body, type } of generated.values()) if (COMPRESSIBLE.test(type)) encode(body, 'br');
  }
  // Keep-alive sockets would keep close() waiting.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    feedBytes,
    lastBody: (urlPath) => sent.get(urlPath) || generated.get(urlPath)?.body || null,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
