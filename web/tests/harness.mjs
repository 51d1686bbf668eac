// A tiny sequential test runner for the browser scenario: each step is a named test; a failing
// step fails alone and later steps still run (they see whatever state the app is in).
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const BASE_URL = (process.env.UPNEST_URL ?? 'http://127.0.0.1:5080').replace(/\/$/, '');
export const SHOTS = process.env.UPNEST_SCREENSHOTS ?? new URL('../../artifacts/screenshots/', import.meta.url).pathname;
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

const results = [];
const people = [];
export async function test(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false, error });
    mkdirSync(SHOTS, { recursive: true });
    for (const [i, page] of people.entries()) {
      await page.screenshot({ path: `${SHOTS}/failed-${results.length}-person${i + 1}.png`, fullPage: true }).catch(() => undefined);
    }
    console.log(`  ✗ ${name}\n      ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n      ')}`);
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function report() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A fresh browser profile (its own storage), phone-sized, that records console errors and CSP violations. */
export async function newPerson(browser, viewport = PHONE) {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport, acceptDownloads: true, reducedMotion: 'reduce' });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  page.consoleErrors = [];
  people.push(page);
  page.on('console', (m) => {
    // An API problem the app shows to the parent is logged by Chromium as a failed resource; that is expected.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) page.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  page.on('dialog', (d) => d.accept());
  return { context, page };
}

/** axe-core on the page as it is now, under the app's own CSP (axe is evaluated through the debugger, not a script tag). */
export async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    window.__axePasses = r.passes.length;
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result;
}

export const axeLog = [];

/** Screenshots at phone and desktop width plus an axe scan at each; fails on serious or critical findings or sideways scrolling. */
export async function lookAt(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const original = page.viewportSize();
  const serious = [];
  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(viewport);
    await page.waitForFunction(() => !document.querySelector('.loading') && [...document.images].every((i) => i.complete));
    await page.screenshot({ path: `${SHOTS}/${name}-${size}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) serious.push(`${size}: the page scrolls sideways by ${overflow} px`);
    const violations = await axe(page);
    axeLog.push({ page: name, size, violations });
    serious.push(...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${size}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.join(', ')}`));
  }
  await page.setViewportSize(original);
  assert(serious.length === 0, `${name}: serious/critical axe violations or sideways scrolling:\n${serious.join('\n')}`);
}
