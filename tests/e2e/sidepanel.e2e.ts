import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ask,
  countRows,
  launch,
  newProfileDir,
  openExtensionPage,
  removeProfileDir,
  startPages,
  tabIdFor,
  waitForStarter,
  type Session,
} from './harness';
import { cardButton, highlights, waitForCard, waitForHighlights } from './probes';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** axe-core violations of impact serious or critical on a page. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: extension pages forbid inline scripts (CSP).
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; help: string }> }> };
      }
    ).axe;
    const { violations } = await axe.run();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`);
  });
}

const rankedIds = (panel: Page) =>
  panel
    .locator('[data-testid=ranked] article')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-analysis-id')));

describe('the side panel in real Chromium', () => {
  const profileDir = newProfileDir();
  let session: Session;
  let pages: Awaited<ReturnType<typeof startPages>>;

  beforeAll(async () => {
    pages = await startPages();
    session = await launch(profileDir);
    await waitForStarter(session);
  });

  afterAll(async () => {
    await session?.context.close();
    await pages?.close();
    removeProfileDir(profileDir);
  });

  const open = async (path: string) => {
    const page = await session.context.newPage();
    await page.goto(`${pages.origin}${path}`);
    await waitForHighlights(page);
    return page;
  };
  const panelFor = async (query: string) => {
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?${query}`);
    await panel.locator('main[data-ready=true]').waitFor();
    return panel;
  };

  it('follows the active tab of its window', async () => {
    const safeZone = await open('/fixtures/pages/safe-zone.html');
    const summits = await open('/fixtures/pages/peace-summits.html');
    const windowId = await session.worker.evaluate(
      async (tabId) => (await chrome.tabs.get(tabId)).windowId,
      await tabIdFor(session.worker, safeZone),
    );
    // The panel in a window of its own, following the window of the pages.
    const [panel] = await Promise.all([
      session.context.waitForEvent('page'),
      session.worker.evaluate(
        (url) => chrome.windows.create({ url, focused: false }),
        `chrome-extension://${session.extensionId}/sidepanel.html?windowId=${windowId}`,
      ),
    ]);
    await panel.locator('main[data-ready=true]').waitFor();
    await safeZone.bringToFront();
    await expect.poll(async () => (await rankedIds(panel))[0]).toBe('burns-jeffrey-2016-02-04');
    const started = Date.now();
    await summits.bringToFront();
    await expect.poll(async () => (await rankedIds(panel))[0], { interval: 20 }).toBe('zisser-2016-02-09');
    expect(Date.now() - started).toBeLessThan(1500); // generous for CI; typically well under 200 ms
    await panel.close();
    await safeZone.close();
    await summits.close();
  });

  it('scrolls the page to an actor’s first mention and flashes it when clicked', async () => {
    const page = await open('/demo/index.html');
    const panel = await panelFor(`tabId=${await tabIdFor(session.worker, page)}`);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await panel.locator('[data-entity-id=nato] .entity__name').click();
    await expect.poll(() => highlights(page, 'backstory-focus').then((h) => h[0]?.text)).toBe('NATO');
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(300);
    const focus = (await highlights(page, 'backstory-focus'))[0]!;
    expect(focus.y).toBeGreaterThan(0);
    expect(focus.y).toBeLessThan(900);
    await page.close();
    await panel.close();
  });

  it('focuses the panel on the actor whose hover card asked to open it', async () => {
    const page = await open('/demo/index.html');
    const tabId = await tabIdFor(session.worker, page);
    const find = async () =>
      (await highlights(page, 'backstory-actor')).find((h) => h.text === 'Staffan de Mistura')!;
    await page.evaluate((y) => window.scrollBy(0, y - 300), (await find()).y);
    const target = await find();
    await page.mouse.move(target.x, target.y);
    await waitForCard(page, '.card__analyses li');
    // A real click: the card ignores clicks a script dispatches.
    const button = (await cardButton(page, 'Open in side panel'))!;
    await page.mouse.move(button.x, button.y, { steps: 3 });
    await page.mouse.click(button.x, button.y);
    const panel = await panelFor(`tabId=${tabId}`);
    await expect
      .poll(() => panel.locator('#ranked-heading').innerText())
      .toMatch(/^Analyses about Staffan de Mistura/);
    expect(
      await panel.locator('[data-entity-id=staffan-de-mistura] .entity__filter').getAttribute('aria-pressed'),
    ).toBe('true');
    await page.close();
    await panel.close();
  });

  it('filters the analyses to an actor with its chip', async () => {
    const page = await open('/demo/index.html');
    const panel = await panelFor(`tabId=${await tabIdFor(session.worker, page)}`);
    await expect.poll(() => rankedIds(panel)).toHaveLength(3);
    await panel.locator('[data-entity-id=northern-syria-no-fly-zone] .entity__filter').click();
    await expect.poll(() => rankedIds(panel)).toEqual(['burns-jeffrey-2016-02-04']);
    expect(await panel.locator('#ranked-heading').innerText()).toMatch(/^Analyses about /);
    await panel.locator('[data-entity-id=northern-syria-no-fly-zone] .entity__filter').click();
    await expect.poll(() => rankedIds(panel)).toHaveLength(3);
    await page.close();
    await panel.close();
  });

  it('shows analyses added elsewhere without reloading', async () => {
    const page = await open('/demo/index.html');
    const panel = await panelFor(`tabId=${await tabIdFor(session.worker, page)}`);
    await expect.poll(() => rankedIds(panel)).toHaveLength(3);
    const options = await openExtensionPage(session);
    const pack = JSON.parse(readFileSync('public/packs/starter-syria-2016.json', 'utf8'));
    pack.id = 'live-test';
    pack.sources = [];
    pack.entities = [];
    pack.analyses = [
      {
        ...pack.analyses[0],
        id: 'live-analysis',
        url: 'https://example.com/live',
        title: 'A newly added analysis of the Geneva pause',
        sourceId: undefined,
      },
    ];
    await ask(options, 'pack.import', { text: JSON.stringify(pack) });
    await expect.poll(() => rankedIds(panel)).toContain('live-analysis');
    await options.close();
    await page.close();
    await panel.close();
  });

  it('keeps each tab’s page state when the service worker is stopped', async () => {
    const page = await open('/fixtures/pages/safe-zone.html');
    const tabId = await tabIdFor(session.worker, page);
    // A marker in the worker's globals: a restarted worker does not have it.
    await session.worker.evaluate(() => ((self as unknown as { marker: number }).marker = 1));
    const cdp = await session.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) =>
      versions.forEach((v) => statuses.push(v.runningStatus)),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1)).toBe('stopped');
    const panel = await panelFor(`tabId=${tabId}`); // its first message wakes the worker
    await expect.poll(async () => (await rankedIds(panel))[0]).toBe('burns-jeffrey-2016-02-04');
    expect(statuses.at(-1)).toBe('running');
    session.worker = session.context.serviceWorkers()[0]!;
    expect(
      await session.worker.evaluate(() => (self as unknown as { marker?: number }).marker),
    ).toBeUndefined();
    expect(await countRows(session.worker, 'analyses')).toBeGreaterThanOrEqual(3);
    await page.close();
    await panel.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious accessibility violations and works by keyboard (${scheme})`, async () => {
      const page = await open('/demo/index.html');
      const tabId = await tabIdFor(session.worker, page);
      const panel = await session.context.newPage();
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.setViewportSize({ width: 400, height: 900 });
      await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${tabId}`);
      await expect.poll(async () => (await rankedIds(panel)).length).toBeGreaterThanOrEqual(3);
      expect(await seriousViolations(panel)).toEqual([]);
      // Keyboard only: tab to the first actor's filter and press Enter.
      for (let i = 0; i < 40; i++) {
        await panel.keyboard.press('Tab');
        if (await panel.evaluate(() => document.activeElement?.classList.contains('entity__filter'))) break;
      }
      await panel.keyboard.press('Enter');
      await expect.poll(() => panel.locator('.entity__filter[aria-pressed=true]').count()).toBe(1);
      await panel.keyboard.press('Enter');
      await expect.poll(() => panel.locator('.entity__filter[aria-pressed=true]').count()).toBe(0);
      await panel.screenshot({ path: `screenshots/side-panel-${scheme}.png`, fullPage: true });
      await page.close();
      await panel.close();
    });
  }
});
