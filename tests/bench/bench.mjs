// `cargo xtask bench`: Kabar side by side with the peer web component `rss-items` in Debian's
// headless Chromium, on the same host page with the same articles, and Lighthouse on the demo page.
// A benchmark, not a test: every figure is the median of several runs, reported with min and max,
// and runs alternate between the two widgets so that noise from a shared machine hits both alike.
//
// Usage (normally through xtask, which builds dist/ and the peer bundle first):
//   node tests/bench/bench.mjs [--runs N] [--sizes 12,200,2000] [--limit 12] [--throttle 4]
//                              [--lighthouse-only | --no-lighthouse] [--out target/bench/latest.json]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { startServer, WIDGETS, MULTI, MULTI_WIDGET, hostPage } from './server.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { summarise, evaluateTargets, printReport, printLighthouse, stats } from './report.mjs';
import { startWebServers, freePort, get } from '../e2e/web-servers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// The launch flags of tests/e2e/harness.mjs, which work as root on these machines.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const VIEWPORT = { width: 1280, height: 900 };
/**
 * Lighthouse's mobile profile, applied through the DevTools protocol: 150 ms round trip,
 * 1.6 Mbps down, 750 kbps up, the CPU slowed 4×, a phone-sized viewport.
 */
const MOBILE = {
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  cpu: 4,
  viewport: { width: 412, height: 823 },
};
/** Lighthouse runs per page in the mobile section; the figures are their medians. */
const LIGHTHOUSE_RUNS = 3;
/** Eager widgets of 12 articles on one page, for the rows on many widgets. */
const WIDGET_COUNTS = [1, 10, 40];
/** How long after the first card long tasks and layout shifts still count. */
const SETTLE_MS = 1000;

function parseArgs(argv) {
  const options = {
    runs: 7, sizes: [12, 200, 2000], limit: 12, throttle: 4, lighthouse: true, widgets: true, mobile: true,
    out: path.join(root, 'target/bench/latest.json'), peerDir: path.join(root, 'target/bench/peer'),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = (min) => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) throw new Error(`${flag} ${v}: a whole number of at least ${min} is needed`);
      return n;
    };
    switch (flag) {
      case '--runs': options.runs = number(1); break;
      case '--sizes': options.sizes = value().split(',').map((s) => {
        const n = Number(s.trim());
        if (!Number.isInteger(n) || n < 1) throw new Error(`--sizes: ${s} is not a feed size`);
        return n;
      }); break;
      case '--limit': options.limit = number(1); break;
      case '--throttle': options.throttle = number(1); break;
      case '--lighthouse-only': options.widgets = false; options.mobile = false; break;
      case '--mobile-only': options.widgets = false; options.lighthouse = false; break;
      case '--no-mobile': options.mobile = false; break;
      case '--no-lighthouse': options.lighthouse = false; break;
      case '--out': options.out = path.resolve(value()); break;
      case '--peer-dir': options.peerDir = path.resolve(value()); break;
      default: throw new Error(`unknown option ${flag}\nusage: bench.mjs [--runs N] [--sizes 12,200,2000] [--limit 12] [--throttle 4] [--lighthouse-only | --no-lighthouse] [--out FILE]`);
    }
  }
  if (!options.widgets && !options.lighthouse && !options.mobile) throw new Error('those options leave nothing to do');
  return options;
}

// Runs in the page before any of its scripts: records long tasks and layout shifts from the start
// of the navigation, and polls each frame for the widget's first card. The card counts as painted
// at the first task after the frame that found it: setTimeout 0 queued from requestAnimationFrame
// runs after that frame's style, layout and paint. Same method for both widgets.
function instrument(tag) {
  const bench = (window.__bench = { longtasks: [], shifts: [], firstCardSeen: null, firstCard: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { bench.noLongtasks = String(e); }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) bench.shifts.push([e.startTime, e.value]);
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) { bench.noShifts = String(e); }
  const poll = () => {
    const shadow = document.querySelector(tag)?.shadowRoot;
    if (shadow && shadow.querySelector('article')) {
      bench.firstCardSeen = performance.now();
      setTimeout(() => { bench.firstCard = performance.now(); }, 0);
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

// What one visit measured, read in the page once the settle time has passed.
function collect({ script, feed, settle }) {
  const bench = window.__bench;
  const pathOf = (url) => new URL(url, location.href).pathname;
  const entries = performance.getEntriesByType('resource');
  const scriptEntry = entries.find((e) => pathOf(e.name) === script);
  // t0: the widget script's fetch start, i.e. the script tag starting to do anything.
  const t0 = scriptEntry ? scriptEntry.startTime : 0;
  const end = bench.firstCard + settle;
  // The host page runs no script of its own, so every long task after t0 is the widget's.
  const tasks = bench.longtasks.filter(([start, duration]) => start + duration > t0 && start < end).map(([, d]) => d);
  return {
    t0,
    firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    firstCardFromNavigation: bench.firstCard,
    firstCard: bench.firstCard - t0,
    firstCardSeen: bench.firstCardSeen - t0,
    longTasks: tasks.length,
    longestTask: tasks.length ? Math.max(...tasks) : 0,
    tbt: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    cls: bench.shifts.filter(([start]) => start < end).reduce((sum, [, v]) => sum + v, 0),
    shifts: bench.shifts.filter(([start]) => start < end).map(([start, v]) => [Math.round(start - t0), Number(v.toFixed(4))]),
    // What the widget loaded: everything but the feeds and the article images.
    widgetFiles: entries
      .map((e) => ({ path: pathOf(e.name), initiator: e.initiatorType, transferSize: e.transferSize }))
      .filter((e) => e.path !== feed && !e.path.startsWith('/bench/feeds/') && !e.path.startsWith('/img/')),
    observerErrors: [bench.noLongtasks, bench.noShifts].filter(Boolean),
  };
}

/** Raw, gzip -9 and brotli -q 11 sizes of each distinct body, computed once per content. */
const compressed = new Map();
function sizesOf(body) {
  const hash = crypto.createHash('sha256').update(body).digest('hex');
  if (!compressed.has(hash)) {
    compressed.set(hash, {
      hash: hash.slice(0, 12),
      raw: body.length,
      gzip: zlib.gzipSync(body, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 22, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    });
  }
  return compressed.get(hash);
}

/**
 * One visit of `url` in `context`: optional CPU throttling, wait for the first card and the settle
 * time, then the figures; on request also memory and the time to open the reader.
 */
async function visit(context, widget, url, { throttle = 1, network = null, memory = false, reader = false, size }) {
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Warnings and errors the widget logs (e.g. that it read only part of a long feed).
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(`${m.type()}: ${m.text()}`); });
  try {
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    await page.addInitScript(instrument, widget.tag);
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    // Kabar marks a failure with data-state="error" (e.g. dist/ caught mid-rebuild): stop there.
    const outcome = await page.waitForFunction(
      (tag) => window.__bench.firstCard !== null || document.querySelector(tag)?.getAttribute('data-state') === 'error',
      widget.tag,
      { timeout: 60000, polling: 50 },
    ).then(() => page.evaluate(() => window.__bench.firstCard !== null), () => false);
    if (!outcome) {
      const state = await page.evaluate((tag) => document.querySelector(tag)?.getAttribute('data-state'), widget.tag).catch(() => '?');
      throw new Error(`no card (data-state=${state}; ${[...errors, ...warnings].join(' | ').slice(0, 300) || 'nothing logged'})`);
    }
    await page.waitForFunction((settle) => performance.now() >= window.__bench.firstCard + settle, SETTLE_MS, { timeout: 60000, polling: 100 });
    const result = await page.evaluate(collect, { script: widget.script, feed: widget.feed(size), settle: SETTLE_MS });
    result.cardsShown = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('article').length, widget.tag);
    if (memory) {
      // Retained memory, not garbage that happens to be uncollected: collect first.
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => {
        const api = window.Kabar;
        return api && typeof api.wasmMemoryBytes === 'function' ? api.wasmMemoryBytes() : null;
      });
      result.jsHeap = heap.usedSize;
      result.backingStorage = heap.backingStorageSize;
      result.wasmMemoryMissing = widget.key === 'kabar' && wasm === null;
      result.wasmMemory = wasm ?? 0;
      result.memory = result.jsHeap + result.wasmMemory;
    }
    if (reader) result.reader = await openReader(page, widget);
    if (errors.length) result.pageErrors = errors;
    if (warnings.length) result.console = warnings;
    return result;
  } finally {
    await page.close();
  }
}

// Clicks the first card's headline and measures from the click event to the first task after
// the frame in which the reader dialog is open (the same paint approximation as the first card).
async function openReader(page, widget) {
  await page.evaluate((tag) => {
    window.__reader = null;
    addEventListener('click', (event) => {
      const start = event.timeStamp;
      const poll = () => {
        if (document.querySelector(tag).shadowRoot.querySelector('dialog[open]')) {
          setTimeout(() => { window.__reader = performance.now() - start; }, 0);
        } else {
          requestAnimationFrame(poll);
        }
      };
      requestAnimationFrame(poll);
    }, { capture: true, once: true });
  }, widget.tag);
  await page.locator(`${widget.tag} article .card-open`).first().click({ timeout: 10000 });
  await page.waitForFunction(() => window.__reader !== null, null, { timeout: 10000, polling: 20 });
  return page.evaluate(() => window.__reader);
}

/**
 * One run of one widget for one feed size: a cold visit (fresh context: empty HTTP cache and
 * storage) with memory and the reader, a warm visit (a second page in the same context), and a
 * cold visit with the CPU throttled.
 */
async function runWidget(browser, server, key, size, options) {
  const widget = { ...WIDGETS[key], key };
  const url = `${server.url}/bench/${key}-${size}.html`;
  const run = {};
  // A returning visitor has a real profile: an off-the-record context (browser.newContext) keeps
  // no compiled-code cache, so its "warm" visit would compile the wasm and the scripts again.
  // A fresh profile directory per run, so the cold visit is cold.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: VIEWPORT,
  });
  try {
    run.cold = await visit(context, widget, url, { size, memory: true, reader: key === 'kabar' });
    run.warm = await visit(context, widget, url, { size });
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const throttled = await browser.newContext({ viewport: VIEWPORT });
  try {
    run.throttled = await visit(throttled, widget, url, { size, throttle: options.throttle });
  } finally {
    await throttled.close();
  }
  // The widget's own files, with the exact bytes the server sent for them.
  run.files = run.cold.widgetFiles.map(({ path: filePath }) => {
    const body = server.lastBody(filePath);
    return { path: filePath, ...(body ? sizesOf(body) : { raw: 0, gzip: 0, brotli: 0, missing: true }) };
  });
  return run;
}

/**
 * The several-feeds row: Kabar reading 12 feeds of 100 articles at once, at 1× CPU, a cold and a
 * warm visit per run. What counts is the longest task (the merge and the first render must not
 * make one over 50 ms) and the first card.
 */
async function benchMulti(options, server) {
  const widget = { ...MULTI_WIDGET, key: 'multi' };
  const url = `${server.url}/bench/kabar-multi.html`;
  const runs = [];
  for (let i = 0; i < options.runs; i++) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: VIEWPORT,
    });
    try {
      const cold = await visit(context, widget, url, { size: 0 });
      const warm = await visit(context, widget, url, { size: 0 });
      runs.push({ cold, warm });
      console.error(`  ${widget.name.padEnd(9)} ${MULTI.sources}×${MULTI.articles} articles, run ${i + 1}/${options.runs}: first card cold ${cold.firstCard.toFixed(0)} ms, longest task ${cold.longestTask.toFixed(0)} ms`);
    } catch (e) {
      console.error(`  ! ${widget.name} run ${i + 1} failed: ${String(e).split('\n')[0]}`);
      runs.push(null);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }
  const pick = (visitKey, key) => stats(runs.map((r) => r?.[visitKey][key] ?? null));
  return {
    sources: MULTI.sources,
    articlesPerSource: MULTI.articles,
    longestTaskCold: pick('cold', 'longestTask'),
    longestTaskWarm: pick('warm', 'longestTask'),
    firstCardCold: pick('cold', 'firstCard'),
    firstCardWarm: pick('warm', 'firstCard'),
    cardsShown: pick('cold', 'cardsShown'),
    runs,
  };
}

function printMulti(multi) {
  const ms = (s) => (s.n ? `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : 'no run');
  console.log(`\nSeveral feeds: ${multi.sources} sources × ${multi.articlesPerSource} articles, 1× CPU, median (min–max) of ${multi.firstCardCold.n} runs`);
  console.log(`  longest task   cold ${ms(multi.longestTaskCold)}, warm ${ms(multi.longestTaskWarm)}   target ≤ 50 ms: ${multi.longestTaskCold.median !== null && multi.longestTaskCold.max <= 50 && multi.longestTaskWarm.max <= 50 ? 'met' : 'NOT met'}`);
  console.log(`  first card     cold ${ms(multi.firstCardCold)}, warm ${ms(multi.firstCardWarm)}`);
}

async function benchWidgets(options, server) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const runs = {}; // size -> { kabar: [run], peer: [run] }
  const failures = [];
  try {
    for (const size of options.sizes) {
      runs[size] = { kabar: [], peer: [] };
      for (let i = 0; i < options.runs; i++) {
        // Alternate pair by pair: Kabar run i, then peer run i.
        for (const key of ['kabar', 'peer']) {
          const started = Date.now();
          let run = null;
          // One broken run (dist/ caught mid-rebuild, a page stalled by a busy machine) is tried
          // once more and, if it fails again, left out, so it does not lose the other runs.
          for (let attempt = 1; attempt <= 2 && !run; attempt++) {
            try {
              run = await runWidget(browser, server, key, size, options);
            } catch (e) {
              const error = String(e).split('\n')[0];
              failures.push({ size, key, run: i + 1, attempt, error, retried: attempt === 1 });
              console.error(`  ! ${key} ${size} run ${i + 1} failed${attempt === 1 ? ', trying again' : ''}: ${error}`);
            }
          }
          runs[size][key].push(run);
          if (run) {
            console.error(`  ${WIDGETS[key].name.padEnd(9)} ${String(size).padStart(5)} articles, run ${i + 1}/${options.runs}: first card cold ${run.cold.firstCard.toFixed(0)} ms, warm ${run.warm.firstCard.toFixed(0)} ms (${((Date.now() - started) / 1000).toFixed(1)} s)`);
          }
        }
      }
    }
    return { runs, failures, chromium: browser.version() };
  } finally {
    await browser.close();
  }
}

/**
 * The mobile profile: for each host (compressing, raw) and widget, a fresh real profile per run
 * with a cold visit and then a repeat visit in it, alternating Kabar and the peer run by run.
 * First card is counted from navigation start, as a visitor sees it.
 */
async function benchMobile(options, hosts) {
  const size = 12;
  const out = {};
  for (const [hostName, server] of Object.entries(hosts)) {
    // The script-tag variants on the compressing host only: that is where the tag matters.
    const keys = hostName === 'compressing' ? ['kabar', 'kabar-blocking', 'kabar-defer', 'kabar-preload', 'peer'] : ['kabar', 'peer'];
    out[hostName] = Object.fromEntries(keys.map((key) => [key, []]));
    for (let i = 0; i < options.runs; i++) {
      for (const key of keys) {
        const widget = { ...WIDGETS[key], key };
        const url = `${server.url}/bench/${key}-${size}.html`;
        const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-mobile-'));
        const context = await chromium.launchPersistentContext(profile, {
          executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: MOBILE.viewport,
        });
        let run = null;
        try {
          const settings = { size, throttle: MOBILE.cpu, network: MOBILE.network };
          const cold = await visit(context, widget, url, settings);
          const repeat = await visit(context, widget, url, settings);
          run = {
            cold: cold.firstCardFromNavigation, repeat: repeat.firstCardFromNavigation, tbt: cold.tbt, cls: cold.cls,
            fcp: cold.firstContentfulPaint,
            bytes: cold.widgetFiles.reduce((total, f) => total + f.transferSize, 0),
          };
          console.error(`  mobile, ${hostName} host, ${widget.name.padEnd(9)} run ${i + 1}/${options.runs}: first card cold ${run.cold.toFixed(0)} ms, repeat ${run.repeat.toFixed(0)} ms, ${run.bytes} B on the wire`);
        } catch (e) {
          console.error(`  ! mobile ${hostName} ${key} run ${i + 1} failed: ${String(e).split('\n')[0]}`);
        } finally {
          await context.close();
          fs.rmSync(profile, { recursive: true, force: true });
        }
        out[hostName][key].push(run);
      }
    }
  }
  const summary = {};
  for (const [hostName, byWidget] of Object.entries(out)) {
    summary[hostName] = {};
    for (const figure of ['cold', 'repeat', 'tbt', 'cls', 'fcp', 'bytes']) {
      const peer = byWidget.peer.map((r) => r?.[figure] ?? null);
      for (const key of Object.keys(byWidget).filter((k) => k !== 'peer')) {
        const mine = byWidget[key].map((r) => r?.[figure] ?? null);
        summary[hostName][key] ??= {};
        summary[hostName][key][figure] = {
          kabar: stats(mine), peer: stats(peer),
          ratio: stats(mine.map((k, i) => (k !== null && peer[i] ? k / peer[i] : null))),
        };
      }
    }
  }
  return { profile: MOBILE, summary, runs: out };
}

/** `count` eager Kabar widgets of 12 articles each, every one with its own feed URL. */
function manyWidgetsPage(count, limit) {
  const widgets = Array.from({ length: count }, (_, i) =>
    `<kabar-news loading="eager" feed="/bench/feeds/feed-12.json?w=${i}" limit="${limit}"></kabar-news>`).join('\n');
  return hostPage({ ...WIDGETS.kabar, element: () => widgets }, 12, limit);
}

/** The longest task and memory with 1, 10 and 40 widgets on one page, at 1×, cold. */
async function benchManyWidgets(options, server) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const rows = {};
  try {
    for (const count of WIDGET_COUNTS) {
      const runs = [];
      for (let i = 0; i < options.runs; i++) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        const page = await context.newPage();
        try {
          const cdp = await context.newCDPSession(page);
          await page.addInitScript(instrument, 'kabar-news');
          await page.goto(`${server.url}/bench/many-${count}.html`, { waitUntil: 'load', timeout: 60000 });
          await page.waitForFunction((n) => {
            const hosts = document.querySelectorAll('kabar-news');
            return hosts.length === n && [...hosts].every((h) => h.getAttribute('data-state') === 'ready');
          }, count, { timeout: 60000, polling: 50 });
          const allReady = await page.evaluate(() => performance.now());
          await page.waitForTimeout(SETTLE_MS);
          const tasks = await page.evaluate(() => window.__bench.longtasks);
          await cdp.send('HeapProfiler.collectGarbage');
          const heap = await cdp.send('Runtime.getHeapUsage');
          const wasm = await page.evaluate(() => window.Kabar.wasmMemoryBytes());
          const durations = tasks.map(([, d]) => d);
          runs.push({
            allReady,
            longestTask: durations.length ? Math.max(...durations) : 0,
            longTasks: durations.length,
            tbt: durations.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
            wasmMemory: wasm, memory: heap.usedSize + wasm,
          });
          console.error(`  ${String(count).padStart(2)} widgets, run ${i + 1}/${options.runs}: all ready ${allReady.toFixed(0)} ms, longest task ${runs.at(-1).longestTask.toFixed(0)} ms, memory ${(runs.at(-1).memory / 2 ** 20).toFixed(1)} MiB`);
        } catch (e) {
          console.error(`  ! ${count} widgets run ${i + 1} failed: ${String(e).split('\n')[0]}`);
          runs.push(null);
        } finally {
          await context.close();
        }
      }
      rows[count] = {};
      for (const figure of ['allReady', 'longestTask', 'longTasks', 'tbt', 'wasmMemory', 'memory']) rows[count][figure] = stats(runs.map((r) => r?.[figure] ?? null));
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/**
 * Lighthouse (mobile: its default form factor and simulated throttling) on the demo page as
 * `cargo xtask serve` serves it, and as Debian's nginx and apache2 serve the release with the
 * README's lines, plus variants of the demo's script tag on nginx.
 */
async function lighthouseMobile(options, outDir) {
  const version = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8').match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)[1];
  const released = path.join(root, 'target/release-kabar', `kabar-${version}`);
  const results = {};
  // Three runs each, as Lighthouse's own guidance suggests for a noisy machine; medians.
  const run = async (name, url) => {
    console.error(`Lighthouse mobile performance: ${name}…`);
    const runs = [];
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
      try {
        const report = await runLighthouse({
          url, chromeFlags: CHROMIUM_FLAGS, outBase: path.join(outDir, `lighthouse-mobile-${name}`), chromePath: CHROMIUM,
          categories: ['performance'],
        });
        const audit = (id) => report.audits?.[id]?.numericValue ?? null;
        runs.push({ score: report.scores.performance, lcp: audit('largest-contentful-paint'), tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'), fcp: audit('first-contentful-paint') });
      } catch (e) {
        runs.push({ error: String(e).split('\n')[0] });
      }
    }
    const ok = runs.filter((r) => !r.error);
    if (!ok.length) {
      results[name] = { error: runs[0].error };
      return;
    }
    const median = (key) => stats(ok.map((r) => r[key])).median;
    results[name] = { score: median('score'), lcp: median('lcp'), tbt: median('tbt'), cls: median('cls'), fcp: median('fcp'), scores: ok.map((r) => r.score), runs: ok.length };
  };

  // `cargo xtask serve`, as it is (its binary is the one that started this benchmark).
  if (process.env.KABAR_XTASK) {
    const port = await freePort();
    const serve = spawn(process.env.KABAR_XTASK, ['serve', '--port', String(port), '--no-build'], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 100; i++) {
        try { await get(`http://127.0.0.1:${port}/`, null); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
      }
      await run('xtask-serve', `http://127.0.0.1:${port}/index.html`);
    } finally {
      serve.kill('SIGTERM');
    }
  }

  if (!fs.existsSync(released)) {
    results.release = { error: `${released} is missing: run cargo xtask release` };
    return results;
  }
  // The demo site with the release under /kabar/<version>/, where README's lines apply.
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-hosts-'));
  fs.chmodSync(temp, 0o755);
  const docroot = path.join(temp, 'www');
  fs.cpSync(path.join(root, 'www'), docroot, { recursive: true });
  fs.cpSync(released, path.join(docroot, 'kabar', version), { recursive: true });
  const demo = fs.readFileSync(path.join(docroot, 'index.html'), 'utf8')
    .replaceAll('src="dist/kabar.js"', `src="/kabar/${version}/kabar.js"`)
    .replaceAll('href="dist/kabar_bg.wasm"', `href="/kabar/${version}/kabar_bg.wasm"`);
  fs.writeFileSync(path.join(docroot, 'index.html'), demo);
  // Variants of the demo's script tag (with its preload hint taken out): plain defer, render
  // blocking, and defer with the preload hint.
  const bare = demo.replace(/\s*<link rel="preload"[^>]*kabar_bg\.wasm[^>]*>/, '');
  const scriptTag = bare.match(/<script src="\/kabar\/[^"]+\/kabar\.js"[^>]*><\/script>/)?.[0];
  if (scriptTag) {
    const plain = `<script src="/kabar/${version}/kabar.js" defer></script>`;
    fs.writeFileSync(path.join(docroot, 'index-defer.html'), bare.replace(scriptTag, plain));
    fs.writeFileSync(path.join(docroot, 'index-render-blocking.html'), bare.replace(scriptTag, `<script src="/kabar/${version}/kabar.js" defer blocking="render"></script>`));
    fs.writeFileSync(path.join(docroot, 'index-preload.html'), bare.replace(scriptTag,
      `<link rel="preload" href="/kabar/${version}/kabar_bg.wasm" as="fetch" crossorigin>\n  ${plain}`));
  }
  const servers = await startWebServers(temp, docroot);
  try {
    await run('nginx', `${servers.nginx.url}/index.html`);
    await run('apache2', `${servers.apache2.url}/index.html`);
    if (scriptTag) {
      for (const variant of ['defer', 'render-blocking', 'preload']) await run(`nginx-${variant}`, `${servers.nginx.url}/index-${variant}.html`);
    }
  } finally {
    for (const server of Object.values(servers)) await server.stop().catch(() => {});
    fs.rmSync(temp, { recursive: true, force: true });
  }
  return results;
}

function printMobile(mobile) {
  const ms = (s) => (s.n ? `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : '—');
  const ratio = (s) => (s.n ? `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})` : '—');
  if (mobile.summary) {
    console.log('\nMobile profile (150 ms RTT, 1.6 Mbps down, 750 kbps up, CPU 4×), 12 articles, from navigation, median (min–max) ms:');
    for (const [host, byKey] of Object.entries(mobile.summary)) {
      for (const [key, figures] of Object.entries(byKey)) {
        for (const [figure, label] of [['cold', 'first card, cold'], ['repeat', 'first card, repeat visit'], ['fcp', 'page first contentful paint'], ['tbt', 'total blocking time'], ['cls', 'layout shift'], ['bytes', 'widget bytes on the wire']]) {
          const f = figures[figure];
          const show = figure === 'cls' ? (x) => (x.n ? `${x.median.toFixed(3)} (${x.min.toFixed(3)}–${x.max.toFixed(3)})` : '—') : ms;
          console.log(`  ${host.padEnd(11)} ${WIDGETS[key].name.padEnd(22)} ${label.padEnd(28)} ${show(f.kabar).padEnd(24)} rss-items ${show(f.peer).padEnd(24)} ${figure === 'cls' ? '' : ratio(f.ratio)}`);
        }
      }
    }
  }
  if (mobile.manyWidgets) {
    console.log('\nEager widgets of 12 articles on one page, 1×, cold, median (min–max):');
    for (const [count, row] of Object.entries(mobile.manyWidgets)) {
      const mib = (s) => (s.n ? `${(s.median / 2 ** 20).toFixed(1)} MiB (${(s.min / 2 ** 20).toFixed(1)}–${(s.max / 2 ** 20).toFixed(1)})` : '—');
      console.log(`  ${String(count).padStart(2)} widgets: longest task ${ms(row.longestTask)} ms, long tasks ${ms(row.longTasks)}, all ready ${ms(row.allReady)} ms, JS heap + wasm ${mib(row.memory)}`);
    }
  }
  if (mobile.lighthouse) {
    console.log(`\nLighthouse mobile (its simulated throttling), demo page, median of ${LIGHTHOUSE_RUNS} runs (performance, LCP, TBT, CLS):`);
    for (const [name, r] of Object.entries(mobile.lighthouse)) {
      console.log(r.error ? `  ${name}: ${r.error}` : `  ${name.padEnd(24)} ${String(r.score).padStart(3)} (runs: ${r.scores.join(', ')})  LCP ${(r.lcp / 1000).toFixed(2)} s  TBT ${r.tbt.toFixed(0)} ms  CLS ${r.cls.toFixed(3)}  FCP ${(r.fcp / 1000).toFixed(2)} s`);
    }
  }
}

function readPrevious(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (options.widgets && !fs.existsSync(path.join(options.peerDir, 'rss-items.js'))) {
    throw new Error(`${options.peerDir}/rss-items.js is missing: run \`cargo xtask bench\`, which bundles the peer first`);
  }
  if (!fs.existsSync(path.join(root, 'dist/kabar.js'))) throw new Error('dist/kabar.js is missing: run `cargo xtask dist` first');
  const extraPages = Object.fromEntries(WIDGET_COUNTS.map((n) => [`/bench/many-${n}.html`, manyWidgetsPage(n, options.limit)]));
  const serverSizes = [...new Set([...(options.widgets ? options.sizes : []), ...(options.mobile ? [12] : [])])];
  const server = await startServer({ root, peerDir: options.peerDir, sizes: serverSizes, limit: options.limit, multi: options.widgets, extraPages });
  const outDir = path.dirname(options.out);
  fs.mkdirSync(outDir, { recursive: true });
  const previousFile = path.join(outDir, 'previous.json');
  const previous = readPrevious(options.out);
  const result = {
    schema: 1,
    date: new Date().toISOString(),
    // The load average tells a reader whether others were busy on this machine at the same time.
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAtStart: os.loadavg()[0] },
    settings: { runs: options.runs, sizes: options.sizes, limit: options.limit, throttle: options.throttle, settleMs: SETTLE_MS, viewport: VIEWPORT },
  };
  try {
    if (options.widgets) {
      console.error(`Benchmark: ${options.runs} runs per widget and feed size (${options.sizes.join(', ')} articles), ${options.limit} cards shown, alternating Kabar and rss-items.`);
      const { runs, failures, chromium: version } = await benchWidgets(options, server);
      result.chromium = version;
      result.feeds = server.feedBytes;
      const summary = summarise(runs, options);
      Object.assign(result, summary, { failures });
      result.targets = evaluateTargets(summary, options);
      result.runs = runs;
      console.error(`Several feeds: Kabar with ${MULTI.sources} feeds of ${MULTI.articles} articles, ${options.runs} runs.`);
      result.multi = await benchMulti(options, server);
    }
    if (options.mobile) {
      const compressing = await startServer({ root, peerDir: options.peerDir, sizes: [12], limit: options.limit, compress: true });
      try {
        console.error(`Mobile profile: ${options.runs} runs per widget and host, alternating.`);
        result.mobile = await benchMobile(options, { compressing, raw: server });
      } finally {
        await compressing.close();
      }
      console.error('Many widgets on one page, 1×…');
      result.mobile.manyWidgets = await benchManyWidgets(options, server);
      result.mobile.lighthouse = await lighthouseMobile(options, outDir);
    }
    if (options.lighthouse) {
      console.error('Lighthouse 12.8.2 on www/index.html (accessibility, best practices)…');
      try {
        result.lighthouse = await runLighthouse({
          url: `${server.url}/index.html`,
          chromeFlags: CHROMIUM_FLAGS,
          outBase: path.join(outDir, 'lighthouse'),
          chromePath: CHROMIUM,
        });
      } catch (e) {
        result.lighthouse = { error: String(e) };
      }
    }
  } finally {
    await server.close();
  }
  result.seconds = Math.round((Date.now() - started) / 1000);
  result.machine.loadAtEnd = os.loadavg()[0];

  // A lighthouse-only run keeps the widget figures of the last full run, so the file stays whole.
  if (!options.widgets && previous?.figures) {
    for (const key of ['chromium', 'feeds', 'transfer', 'figures', 'notes', 'failures', 'targets', 'runs', 'multi']) {
      if (previous[key] !== undefined) result[key] = previous[key];
    }
    result.widgetFiguresFrom = previous.widgetFiguresFrom || previous.date;
    result.settings = previous.settings;
  }
  if (options.widgets) printReport(result, previous?.figures ? previous : null);
  if (result.multi) printMulti(result.multi);
  if (result.lighthouse) printLighthouse(result.lighthouse);
  if (result.mobile) printMobile(result.mobile);
  if (previous && options.widgets) fs.writeFileSync(previousFile, JSON.stringify(previous, null, 2));
  fs.writeFileSync(options.out, JSON.stringify(result, null, 2));
  const shown = (file) => (file.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), file) : file);
  console.log(`\nFigures written to ${shown(options.out)}${previous && options.widgets ? ` (the run before is in ${shown(previousFile)})` : ''}; took ${result.seconds} s.`);
  if (result.lighthouse?.error) process.exitCode = 1;
  if (result.failures?.some((f) => !f.retried)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`bench: ${e.message || e}`);
  process.exit(1);
});

