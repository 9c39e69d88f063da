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
import { startServer, WIDGETS, MULTI, MULTI_WIDGET } from './server.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { summarise, evaluateTargets, printReport, printLighthouse, stats } from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// The launch flags of tests/e2e/harness.mjs, which work as root on these machines.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const VIEWPORT = { width: 1280, height: 900 };
/** How long after the first card long tasks and layout shifts still count. */
const SETTLE_MS = 1000;

function parseArgs(argv) {
  const options = {
    runs: 7, sizes: [12, 200, 2000], limit: 12, throttle: 4, lighthouse: true, widgets: true,
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
      case '--lighthouse-only': options.widgets = false; break;
      case '--no-lighthouse': options.lighthouse = false; break;
      case '--out': options.out = path.resolve(value()); break;
      case '--peer-dir': options.peerDir = path.resolve(value()); break;
      default: throw new Error(`unknown option ${flag}\nusage: bench.mjs [--runs N] [--sizes 12,200,2000] [--limit 12] [--throttle 4] [--lighthouse-only | --no-lighthouse] [--out FILE]`);
    }
  }
  if (!options.widgets && !options.lighthouse) throw new Error('--lighthouse-only and --no-lighthouse leave nothing to do');
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
async function visit(context, widget, url, { throttle = 1, memory = false, reader = false, size }) {
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Warnings and errors the widget logs (e.g. that it read only part of a long feed).
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(`${m.type()}: ${m.text()}`); });
  try {
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
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
  const server = await startServer({ root, peerDir: options.peerDir, sizes: options.widgets ? options.sizes : [], limit: options.limit, multi: options.widgets });
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

