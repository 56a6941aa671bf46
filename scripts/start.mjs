#!/usr/bin/env node
// `npm start`: builds the extension, serves the demo page on 127.0.0.1 and opens Chromium with
// the extension and its starter library on that page.
// `npm run start:headless` (or `npm start -- --headless`): no window; writes screenshots of what a
// reader sees to screenshots/ and exits. `--firefox` does the same in Firefox (start-firefox.mjs).
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';
import { chromiumShadowReader } from './closed-shadow.mjs';
import { CARD_HOST, hasMarks, MARKS_HOST, readCard, readMarks } from './page-probes.mjs';
import { startFirefox } from './start-firefox.mjs';

const headless = process.argv.includes('--headless');
const skipBuild = process.argv.includes('--no-build');
const outDir = 'screenshots';

if (process.argv.includes('--firefox')) {
  await startFirefox({ headless, skipBuild, outDir });
  process.exit(0);
}

if (!skipBuild) execSync('npx wxt build', { stdio: 'inherit' });

const server = await startStaticServer({ '/demo/': 'demo' });
const demoUrl = `${server.origin}/demo/index.html`;
const profileDir = mkdtempSync(join(tmpdir(), 'backstory-start-'));
const { context, worker, extensionId } = await launchWithExtension({ profileDir, headless });
console.log(`Backstory ${extensionId} loaded; demo page: ${demoUrl}`);

// The starter library is imported on install; wait for it before opening the demo page.
await worker.evaluate(async () => {
  for (let i = 0; i < 100; i++) {
    const count = await new Promise((resolve) => {
      const open = indexedDB.open('backstory');
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('analyses')) return resolve(0);
        const request = db.transaction('analyses').objectStore('analyses').count();
        request.onsuccess = () => resolve(request.result);
      };
      open.onerror = () => resolve(0);
    });
    if (count > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
});

/** Polls `check` until it is truthy, for at most 15 s. @param {() => Promise<unknown>} check */
async function until(check) {
  const end = Date.now() + 15_000;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${check.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);

if (headless) {
  mkdirSync(outDir, { recursive: true });
  // Backstory's marks and card are in closed shadow roots: read through the DevTools protocol.
  const shadows = chromiumShadowReader(page, undefined);
  await until(() => shadows.inShadow(MARKS_HOST, hasMarks, null));
  await page.screenshot({ path: `${outDir}/demo-page.png` });
  // Hover the first highlighted actor in view and wait for its card.
  const [target] = ((await shadows.inShadow(MARKS_HOST, readMarks, 'actor')) ?? []).filter(
    (h) => h.y > 80 && h.y < 800,
  );
  if (target) {
    await page.mouse.move(target.x, target.y);
    await until(async () => {
      const card = await shadows.inShadow(CARD_HOST, readCard, null);
      return card !== null && !card.includes('Loading');
    });
    await page.screenshot({ path: `${outDir}/hover-card.png` });
  }
  await page.bringToFront();
  const tabId = await worker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.locator('.analysis-card').first().waitFor();
  await panel.screenshot({ path: `${outDir}/side-panel.png`, fullPage: true });

  // "Add as analysis": the draft read from the page, before the reader edits it.
  await panel.getByRole('button', { name: 'Add as analysis' }).click();
  await panel.getByLabel('Title', { exact: true }).waitFor({ timeout: 15_000 });
  await panel.screenshot({ path: `${outDir}/add-analysis.png`, fullPage: true });
  await panel.getByRole('button', { name: 'Cancel' }).click();

  // Save for later, then the reading list and the reader view (offline copy with highlights).
  await panel.getByRole('button', { name: 'Save for later' }).click();
  await panel.getByRole('button', { name: /Saved/ }).waitFor({ timeout: 15_000 });
  const list = await context.newPage();
  await list.setViewportSize({ width: 1000, height: 700 });
  await list.goto(`chrome-extension://${extensionId}/reading.html`);
  await list.locator('ul[aria-label="Saved articles"] li').first().waitFor();
  await list.screenshot({ path: `${outDir}/reading-list.png` });
  const [reader] = await Promise.all([
    context.waitForEvent('page'),
    list.locator('ul[aria-label="Saved articles"] li button').first().click(),
  ]);
  await reader.setViewportSize({ width: 1000, height: 900 });
  await until(() => chromiumShadowReader(reader, undefined).inShadow(MARKS_HOST, hasMarks, null));
  await reader.screenshot({ path: `${outDir}/reader-view.png` });
  console.log(
    `Screenshots written to ${outDir}/: demo-page.png, hover-card.png, side-panel.png, add-analysis.png, reading-list.png, reader-view.png`,
  );
  await context.close();
  await server.close();
} else {
  console.log('Close the browser window to stop.');
  context.on('close', () => void server.close());
}
