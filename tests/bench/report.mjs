// Turning runs into figures (median, min, max, pairwise ratio), checking the targets, printing.

/** Medians, extremes and the count of the numbers in `values` (nulls are failed runs). */
export function stats(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return { median: null, min: null, max: null, n: 0, runs: values };
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { median, min: xs[0], max: xs[xs.length - 1], n: xs.length, runs: values };
}

const sum = (files, key) => files.reduce((total, f) => total + f[key], 0);

/**
 * Every figure: `pick(run)` reads it from one run of one widget. `kabarOnly` figures have no
 * counterpart in the peer (it has no reader, and no wasm).
 */
export const FIGURES = [
  { id: 'transfer_raw', group: 'transfer', label: 'transfer, raw', unit: 'bytes', pick: (r) => sum(r.files, 'raw') },
  { id: 'transfer_gzip', group: 'transfer', label: 'transfer, gzip -9', unit: 'bytes', pick: (r) => sum(r.files, 'gzip') },
  { id: 'transfer_brotli', group: 'transfer', label: 'transfer, brotli 11', unit: 'bytes', pick: (r) => sum(r.files, 'brotli') },
  { id: 'first_card_cold', label: 'first card, cold', unit: 'ms', pick: (r) => r.cold.firstCard },
  { id: 'first_card_warm', label: 'first card, warm', unit: 'ms', pick: (r) => r.warm.firstCard },
  { id: 'long_tasks_1x', label: 'long tasks > 50 ms, 1×', unit: 'count', pick: (r) => r.cold.longTasks },
  { id: 'longest_task_1x', label: 'longest task, 1×', unit: 'ms', pick: (r) => r.cold.longestTask },
  { id: 'tbt_1x', label: 'total blocking time, 1×', unit: 'ms', pick: (r) => r.cold.tbt },
  { id: 'long_tasks_throttled', label: 'long tasks > 50 ms, {t}×', unit: 'count', pick: (r) => r.throttled.longTasks },
  { id: 'longest_task_throttled', label: 'longest task, {t}×', unit: 'ms', pick: (r) => r.throttled.longestTask },
  { id: 'tbt_throttled', label: 'total blocking time, {t}×', unit: 'ms', pick: (r) => r.throttled.tbt },
  { id: 'first_card_cold_throttled', label: 'first card, cold, {t}×', unit: 'ms', pick: (r) => r.throttled.firstCard },
  { id: 'long_tasks_warm', label: 'long tasks > 50 ms, warm 1×', unit: 'count', pick: (r) => r.warm.longTasks },
  { id: 'cls', label: 'layout shift (CLS)', unit: 'score', pick: (r) => r.cold.cls },
  { id: 'js_heap', label: 'JS heap after render', unit: 'MiB', pick: (r) => r.cold.jsHeap },
  { id: 'wasm_memory', label: 'wasm linear memory', unit: 'MiB', kabarOnly: true, pick: (r) => r.cold.wasmMemory },
  { id: 'memory', label: 'JS heap + wasm memory', unit: 'MiB', pick: (r) => r.cold.memory },
  { id: 'reader', label: 'click → reader painted', unit: 'ms', kabarOnly: true, pick: (r) => r.cold.reader },
];

/** The figures of every size, with pairwise ratios, plus the widget files each one loaded. */
export function summarise(runs, options) {
  const figures = [];
  const transfer = {};
  const notes = [];
  for (const size of options.sizes) {
    const pairs = runs[size];
    for (const figure of FIGURES) {
      const read = (run) => {
        if (!run) return null;
        try {
          const v = figure.pick(run);
          return typeof v === 'number' ? v : null;
        } catch {
          return null;
        }
      };
      const kabar = pairs.kabar.map(read);
      const peer = figure.kabarOnly ? [] : pairs.peer.map(read);
      // Ratios pair by pair: run i of Kabar against run i of the peer, measured side by side.
      const ratios = figure.kabarOnly ? [] : kabar.map((k, i) => (k !== null && peer[i] ? k / peer[i] : null));
      figures.push({
        id: figure.id,
        size,
        label: figure.label.replace('{t}', options.throttle),
        unit: figure.unit,
        group: figure.group || 'time',
        kabar: stats(kabar),
        peer: figure.kabarOnly ? null : stats(peer),
        ratio: figure.kabarOnly ? null : stats(ratios),
      });
    }
    for (const key of ['kabar', 'peer']) {
      // The newest build seen: if dist/ changed mid-run, the later runs measured the current one.
      const run = pairs[key].findLast(Boolean);
      if (!run) continue;
      transfer[key] ??= {};
      transfer[key][size] = {
        files: run.files,
        raw: sum(run.files, 'raw'),
        gzip: sum(run.files, 'gzip'),
        brotli: sum(run.files, 'brotli'),
      };
    }
    const missing = 'window.Kabar.wasmMemoryBytes() is missing in this dist/, so wasm memory counts as 0.';
    if (pairs.kabar.some((r) => r?.cold?.wasmMemoryMissing) && !notes.includes(missing)) notes.push(missing);
  }
  // Every run should load the same files; more than one version means dist/ changed mid-run.
  for (const key of ['kabar', 'peer']) {
    const versions = new Set(options.sizes.flatMap((size) => runs[size][key].filter(Boolean)
      .map((r) => r.files.map((f) => `${f.path}@${f.hash}`).join(' '))));
    if (versions.size > 1) {
      if (transfer[key]) transfer[key].versions = [...versions];
      notes.push(`${key === 'kabar' ? 'Kabar' : 'rss-items'}'s files changed during the run (${versions.size} versions; dist/ rebuilt?), so its runs measured different builds; the file list shows the newest.`);
    }
  }
  return { transfer, figures, notes };
}

/** The issue's targets, each met, not met or not measured (a size was left out). */
export function evaluateTargets({ figures, transfer }, options) {
  const find = (id, size) => figures.find((f) => f.id === id && f.size === size);
  const targets = [];
  const fmtRatio = (s) => `${s.median.toFixed(2)}× (pairs ${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  for (const size of options.sizes) {
    const cold = find('first_card_cold', size);
    if (cold?.ratio.n) targets.push({ id: `first_card_cold_${size}`, label: `cold first card ≤ 1.0× peer (${size})`, met: cold.ratio.median <= 1.0, value: fmtRatio(cold.ratio) });
  }
  for (const size of options.sizes) {
    const warm = find('first_card_warm', size);
    if (warm?.ratio.n) targets.push({ id: `first_card_warm_${size}`, label: `warm first card ≤ 0.5× peer (${size})`, met: warm.ratio.median <= 0.5, value: fmtRatio(warm.ratio) });
  }
  // Judged on the median run (a shared machine can stall any single run); the worst run is shown.
  for (const [size, limit] of [[200, 50], [2000, 100]]) {
    const longest = find('longest_task_1x', size);
    if (!longest?.kabar.n) {
      targets.push({ id: `long_task_${size}`, label: `no long task over ${limit} ms at 1× (${size})`, met: null, value: 'not measured' });
      continue;
    }
    const over = longest.kabar.runs.filter((v) => v !== null && v > limit).length;
    targets.push({
      id: `long_task_${size}`,
      label: `no long task over ${limit} ms at 1× (${size})`,
      met: longest.kabar.median <= limit,
      value: `median longest ${longest.kabar.median.toFixed(0)} ms, worst ${longest.kabar.max.toFixed(0)} ms; ${over} of ${longest.kabar.n} runs had one`,
    });
  }
  for (const size of options.sizes) {
    const cls = find('cls', size);
    if (cls?.kabar.n) targets.push({ id: `cls_${size}`, label: `layout shift from the widget ≤ 0.01 (${size})`, met: cls.kabar.median <= 0.01, value: `median ${cls.kabar.median.toFixed(4)}, worst ${cls.kabar.max.toFixed(4)}` });
  }
  const brotli = options.sizes.map((size) => transfer.kabar?.[size]?.brotli).filter((b) => b !== undefined).at(-1);
  if (brotli !== undefined) {
    targets.push({ id: 'brotli', label: 'total brotli ≤ 80 KB (81,920 B)', met: brotli <= 80 * 1024, value: `${brotli.toLocaleString('en-US')} B` });
  }
  return targets;
}

function format(value, unit) {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'ms': return value < 10 ? value.toFixed(1) : value.toFixed(0);
    case 'count': return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case 'bytes': return Math.round(value).toLocaleString('en-US');
    case 'MiB': return (value / 2 ** 20).toFixed(2);
    case 'score': return value.toFixed(4);
    default: return String(value);
  }
}

function cell(s, unit) {
  if (!s) return 'n/a';
  if (!s.n) return '—';
  const median = format(s.median, unit);
  if (s.min === s.max) return median;
  return `${median} (${format(s.min, unit)}–${format(s.max, unit)})`;
}

function ratioCell(s) {
  if (!s) return 'n/a';
  // A ratio exists only where the peer's figure is not 0; with too few, the median means little.
  if (s.n * 2 < s.runs.length) return `— (peer 0 in ${s.runs.length - s.n} of ${s.runs.length})`;
  const f = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  return s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

function delta(figure, previous) {
  const before = previous?.figures?.find((f) => f.id === figure.id && f.size === figure.size)?.kabar?.median;
  const now = figure.kabar.median;
  if (before === undefined || before === null || now === null) return '';
  if (figure.unit === 'count' || figure.unit === 'score' || before === 0) {
    const d = now - before;
    return d === 0 ? '=' : `${d > 0 ? '+' : ''}${format(Math.abs(d), figure.unit) === '0' ? d.toFixed(2) : (d > 0 ? '' : '-') + format(Math.abs(d), figure.unit)}`;
  }
  const pct = ((now - before) / before) * 100;
  return Math.abs(pct) < 0.5 ? '=' : `${pct > 0 ? '+' : ''}${pct.toFixed(0)}%`;
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' │ ').trimEnd();
  const out = [line(rows[0]), widths.map((w) => '─'.repeat(w)).join('─┼─')];
  for (const r of rows.slice(1)) out.push(r === null ? '' : line(r));
  return out.join('\n');
}

/** Prints the figures table, the per-file sizes and the targets. */
export function printReport(result, previous) {
  const { figures, transfer, settings } = result;
  const units = { ms: 'ms', count: '', bytes: 'B', MiB: 'MiB', score: '' };
  const header = ['figure', 'feed', 'Kabar median (min–max)', 'rss-items median (min–max)', 'Kabar / peer', ...(previous ? ['Δ Kabar vs previous'] : [])];
  const rows = [header];
  // Transfer does not depend on the feed: one row when every size loaded the same files.
  const transferIds = [...new Set(figures.filter((f) => f.group === 'transfer').map((f) => f.id))];
  for (const id of transferIds) {
    const all = figures.filter((f) => f.id === id);
    const same = all.every((f) => f.kabar.median === all[0].kabar.median && f.peer.median === all[0].peer.median);
    for (const f of same ? [all[0]] : all) {
      rows.push([`${f.label} (${units[f.unit]})`, same ? 'all' : String(f.size), cell(f.kabar, f.unit), cell(f.peer, f.unit), ratioCell(f.ratio), ...(previous ? [delta(f, previous)] : [])]);
    }
  }
  const ids = [...new Set(figures.filter((f) => f.group !== 'transfer').map((f) => f.id))];
  for (const id of ids) {
    for (const f of figures.filter((x) => x.id === id)) {
      const unit = units[f.unit] ? ` (${units[f.unit]})` : '';
      rows.push([`${f.label}${unit}`, String(f.size), cell(f.kabar, f.unit), cell(f.peer, f.unit), ratioCell(f.ratio), ...(previous ? [delta(f, previous)] : [])]);
    }
  }
  console.log(`\nKabar vs rss-items 4.0.4 — ${settings.runs} alternating runs per widget and feed size, ${settings.limit} cards shown; Chromium ${result.chromium}, ${result.machine.cpus} CPUs`);
  console.log('Times: from the widget script\'s fetch start to the first card painted / from the click to the reader painted.');
  console.log(`Long tasks, TBT and layout shift: from navigation to ${settings.settleMs} ms after the first card, on the cold visit. Ratio = median of run-by-run Kabar/peer.`);
  const { loadAtStart, loadAtEnd, cpus } = result.machine;
  const busy = Math.max(loadAtStart ?? 0, loadAtEnd ?? 0) > cpus;
  console.log(`Load average (1 min) at start ${loadAtStart?.toFixed(1)}, at end ${loadAtEnd?.toFixed(1)} on ${cpus} CPUs${busy ? ': the machine was busy with other work, so times are noisier than usual' : ''}.\n`);
  console.log(table(rows));

  console.log('\nFiles each widget loaded in its last run (feed and images excluded), bytes raw / gzip -9 / brotli 11:');
  for (const key of ['kabar', 'peer']) {
    const first = Object.entries(transfer[key] || {}).filter(([size]) => size !== 'versions').at(-1)?.[1];
    if (!first) continue;
    for (const f of first.files) console.log(`  ${key === 'kabar' ? 'Kabar    ' : 'rss-items'}  ${f.path.padEnd(24)} ${format(f.raw, 'bytes').padStart(9)} ${format(f.gzip, 'bytes').padStart(9)} ${format(f.brotli, 'bytes').padStart(9)}`);
  }
  // Where the layout shift comes from: each shift of the first cold visit, in ms after t0.
  for (const [size, pairs] of Object.entries(result.runs || {})) {
    const line = ['kabar', 'peer'].map((key) => {
      const shifts = pairs[key].find(Boolean)?.cold.shifts;
      return shifts ? `${key === 'kabar' ? 'Kabar' : 'rss-items'} ${shifts.map(([t, v]) => `${v} at ${t} ms`).join(', ') || 'none'}` : null;
    }).filter(Boolean).join('; ');
    console.log(`Layout shifts, first cold visit, ${size} articles: ${line}.`);
  }
  // What the widgets said in the console (each distinct message once).
  const said = new Map();
  for (const [size, pairs] of Object.entries(result.runs || {})) {
    for (const key of ['kabar', 'peer']) {
      for (const run of pairs[key].filter(Boolean)) {
        for (const visit of [run.cold, run.warm, run.throttled]) {
          for (const text of [...(visit.console || []), ...(visit.pageErrors || [])]) {
            const k = `${key === 'kabar' ? 'Kabar' : 'rss-items'}: ${text}`;
            if (!said.has(k)) said.set(k, new Set());
            said.get(k).add(size);
          }
        }
      }
    }
  }
  for (const [text, sizes] of said) console.log(`Console (${[...sizes].join(', ')} articles) ${text.slice(0, 200)}`);
  const feeds = Object.entries(result.feeds || {}).map(([size, b]) => `${size}: JSON ${format(b.json, 'bytes')} B, RSS ${format(b.rss, 'bytes')} B`).join('; ');
  if (feeds) console.log(`Feeds (not counted above): ${feeds}.`);
  for (const note of result.notes || []) console.log(`Note: ${note}`);
  if (result.failures?.length) {
    const lost = result.failures.filter((f) => !f.retried).length;
    console.log(`\n${result.failures.length} attempt(s) failed (each retried once; ${lost} run(s) left out):`);
    for (const f of result.failures) console.log(`  ${f.key} ${f.size} run ${f.run}, attempt ${f.attempt}: ${f.error}`);
  }

  console.log('\nTargets:');
  for (const t of result.targets) {
    const mark = t.met === null ? 'not measured' : t.met ? 'met' : 'NOT MET';
    console.log(`  ${mark.padEnd(12)} ${t.label.padEnd(44)} ${t.value}`);
  }
}

/** Prints the Lighthouse scores and every failing audit. */
export function printLighthouse(lighthouse) {
  console.log('\nLighthouse (www/index.html):');
  if (lighthouse.error) {
    console.log(`  failed: ${lighthouse.error}`);
    return;
  }
  console.log(`  Lighthouse ${lighthouse.version}, ${lighthouse.seconds} s; reports: ${lighthouse.reports.html}`);
  if (lighthouse.runtimeError) console.log(`  runtime error: ${lighthouse.runtimeError}`);
  for (const [id, score] of Object.entries(lighthouse.scores)) console.log(`  ${id.padEnd(15)} ${score === null ? '—' : score}`);
  if (!lighthouse.failing.length) {
    console.log('  every scored audit passes');
    return;
  }
  console.log('  failing audits:');
  for (const f of lighthouse.failing) {
    // Weight 0 audits show as failures in Lighthouse's report but do not change the score.
    const note = [f.weight === 0 ? 'weight 0: not in the score' : '', f.error ? `error: ${f.error}` : ''].filter(Boolean).join('; ');
    console.log(`    [${f.category}] ${f.id}: ${f.title}${note ? ` (${note})` : ''}`);
    for (const item of f.items) console.log(`        ${String(item).replace(/\s+/g, ' ').slice(0, 140)}`);
  }
}
