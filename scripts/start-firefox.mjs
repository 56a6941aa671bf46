// `npm start -- --firefox` (`npm run start:firefox`): builds the Firefox version, serves the demo
// page on 127.0.0.1 and opens Firefox with Backstory installed in a fresh profile, on that page.
// With --headless: no window; writes Firefox screenshots of what a reader sees to screenshots/.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchFirefoxWithExtension, openExtensionUrl } from './firefox.mjs';
import { firefoxShadowReader } from './closed-shadow.mjs';
import { CARD_HOST, hasMarks, MARKS_HOST, readCard, readMarks } from './page-probes.mjs';
import { startStaticServer } from './static-server.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` in `page` until it returns something truthy. */
async function until(page, fn, arg, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await page.evaluate(fn, arg).catch(() => null);
    if (value) return value;
    await sleep(100);
  }
  throw new Error(`Timed out waiting for ${fn.toString().slice(0, 80)}`);
}

/** Polls `check` (run here, not in a page) until it is truthy. @param {() => Promise<unknown>} check */
async function untilTrue(check, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${check.toString().slice(0, 80)}`);
    await sleep(100);
  }
}

/** Backstory's closed shadow roots in `page`, read over BiDi. @param {import('puppeteer-core').Page} page */
function shadowsOf(page) {
  const context = /** @type {any} */ (page.mainFrame()).browsingContext;
  return firefoxShadowReader(context.userContext.browser.session, () => context.id);
}

/** @param {{ headless: boolean, skipBuild: boolean, outDir: string }} options */
export async function startFirefox({ headless, skipBuild, outDir }) {
  if (!skipBuild) execSync('npx wxt build -b firefox', { stdio: 'inherit' });
  const server = await startStaticServer({ '/demo/': 'demo' });
  const demoUrl = `${server.origin}/demo/index.html`;
  const profileDir = mkdtempSync(join(tmpdir(), 'backstory-start-firefox-'));
  const { browser, extensionOrigin } = await launchFirefoxWithExtension({ profileDir, headless });
  console.log(`Backstory loaded in ${await browser.version()}; demo page: ${demoUrl}`);

  // The starter library is imported on install; wait for it before opening the demo page.
  const control = await browser.newPage();
  await openExtensionUrl(control, `${extensionOrigin}/options.html`);
  await until(control, async () => {
    const stats = await browser.runtime.sendMessage({
      protocol: 'backstory/1',
      type: 'library.stats',
      data: {},
    });
    return stats?.ok && stats.value.analyses > 0;
  });
  const page = await browser.newPage();
  await page.goto(demoUrl, { waitUntil: 'domcontentloaded' }).catch(() => {});
  if (!headless) {
    await control.close();
    console.log('Close the browser window to stop.');
    browser.on('disconnected', () => void server.close());
    return;
  }

  mkdirSync(outDir, { recursive: true });
  const shadows = shadowsOf(page);
  await untilTrue(() => shadows.inShadow(MARKS_HOST, hasMarks, null));
  await page.screenshot({ path: `${outDir}/firefox-demo-page.png` });
  const [target] = ((await shadows.inShadow(MARKS_HOST, readMarks, 'actor')) ?? []).filter(
    (h) => h.y > 80 && h.y < 800,
  );
  if (target) {
    await page.mouse.move(target.x, target.y);
    await untilTrue(async () => {
      const card = await shadows.inShadow(CARD_HOST, readCard, null);
      return card !== null && !card.includes('Loading');
    });
    await page.screenshot({ path: `${outDir}/firefox-hover-card.png` });
  }
  // The sidebar's page, in a tab of the sidebar's width, following the demo page's tab.
  await page.bringToFront();
  const tabId = await control.evaluate(
    async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  const panel = await browser.newPage();
  await panel.setViewport({ width: 400, height: 900 });
  await openExtensionUrl(panel, `${extensionOrigin}/sidepanel.html?tabId=${tabId}`);
  await until(panel, () => document.querySelector('.analysis-card') !== null);
  await panel.screenshot({ path: `${outDir}/firefox-side-panel.png`, fullPage: true });
  console.log(
    `Screenshots written to ${outDir}/: firefox-demo-page.png, firefox-hover-card.png, firefox-side-panel.png`,
  );
  await browser.close();
  await server.close();
}
