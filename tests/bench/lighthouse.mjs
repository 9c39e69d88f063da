// Lighthouse (accessibility and best practices) on the demo page www/index.html, in Debian's
// Chromium with a fresh profile: the scores and every audit that does not pass.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(here, 'node_modules/lighthouse/cli/index.js');
/** The categories this section checks. */
export const CATEGORIES = ['accessibility', 'best-practices'];

/**
 * Runs the Lighthouse CLI against `url` with the same headless flags as the e2e harness and
 * writes its reports next to `outBase` (`.report.json` and `.report.html`). Returns the scores
 * (0–100), the failing audits and the report paths.
 */
export async function runLighthouse({ url, chromeFlags, outBase, chromePath, categories: only = CATEGORIES }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-lighthouse-'));
  const args = [
    CLI, url,
    `--only-categories=${only.join(',')}`,
    // Headless Chromium as the harness runs it; the profile is fresh so nothing is cached. It is
    // passed after chrome-launcher's own temporary one, and Chromium takes the last switch.
    `--chrome-flags=--headless ${chromeFlags.join(' ')} --user-data-dir=${profile}`,
    '--output=json', '--output=html', `--output-path=${outBase}`,
    '--quiet',
  ];
  const started = Date.now();
  try {
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        env: { ...process.env, CHROME_PATH: chromePath },
        stdio: ['ignore', 'inherit', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => { stderr += chunk; });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code}:\n${stderr.slice(-2000)}`))));
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const reportPath = `${outBase}.report.json`;
  const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
  const categories = {};
  const failing = [];
  for (const id of only) {
    const category = report.categories[id];
    categories[id] = category.score === null ? null : Math.round(category.score * 100);
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id];
      // Manual checks, informative notes and audits that do not apply have no pass/fail.
      if (['manual', 'notApplicable', 'informative'].includes(audit.scoreDisplayMode)) continue;
      if (audit.scoreDisplayMode === 'error' || (audit.score !== null && audit.score < 1)) {
        failing.push({
          category: id,
          id: ref.id,
          title: audit.title,
          score: audit.score,
          weight: ref.weight,
          ...(audit.scoreDisplayMode === 'error' ? { error: audit.errorMessage } : {}),
          items: (audit.details?.items || []).slice(0, 5).map((item) => item.node?.snippet || item.scriptUrl || item.source?.url || item.url || item.description || undefined).filter(Boolean),
        });
      }
    }
  }
  return {
    version: report.lighthouseVersion,
    url,
    userAgent: report.environment?.hostUserAgent,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    scores: categories,
    audits: Object.fromEntries(['largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'first-contentful-paint']
      .map((id) => [id, { numericValue: report.audits[id]?.numericValue ?? null }])),
    failing,
    runtimeError: report.runtimeError?.message,
    warnings: report.runWarnings,
    reports: { json: reportPath, html: `${outBase}.report.html` },
  };
}
