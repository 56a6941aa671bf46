/** Save for later, the reading list and the offline reader view, across a relaunch: both browsers. */
import { describe, expect, it } from 'vitest';
import { click, countRows, tabIdFor, texts, waitFor, waitForElement } from '../driver/actions';
import type { DriverPage, LaunchDriver } from '../driver/types';
import {
  clickCardButton,
  highlightedTexts,
  highlights,
  waitForCard,
  waitForCardText,
  waitForHighlights,
} from '../probes';
import { startPages } from '../harness';
import { useDriver } from './fixture';

/** The toolbar button's badge on a tab: `action` (Manifest V3) or `browserAction` (V2). */
const badgeOf = (control: DriverPage, tabId: number) =>
  control.evaluate(async (id) => {
    const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome & {
      browserAction?: typeof chrome.action;
    };
    return (api.action ?? api.browserAction)!.getBadgeText({ tabId: id });
  }, tabId);

export function readingFlows(launch: LaunchDriver, browserName: string) {
  describe(`the reading list in ${browserName}`, () => {
    const fixture = useDriver(launch);

    it('saves a corpus page, survives a relaunch, and opens it offline with its highlights', async () => {
      const url = `${fixture.origin()}/corpus/bbc-1/source.html`;
      const page = await fixture.openHighlighted('/corpus/bbc-1/source.html');
      const tabId = await tabIdFor(fixture.control, page);
      const panel = await fixture.panelFor(page);
      await click(panel, '.save-button button', 'Save for later');
      await waitForElement(panel, '.save-button button', /^Saved/);
      expect(await countRows(fixture.control, 'articles')).toBe(1);
      expect(await badgeOf(fixture.control, tabId)).toBe('✓');
      // Saving again (with a campaign parameter) keeps one article.
      await page.goto(`${url}?utm_source=newsletter`);
      await waitForHighlights(page);
      await waitFor(async () => (await badgeOf(fixture.control, tabId)) === '✓', 'the saved badge');
      await panel.close();

      // Relaunch the browser on the same profile, with the page server stopped: offline.
      await fixture.pages!.close();
      fixture.pages = null;
      await fixture.relaunch();
      expect(await countRows(fixture.control, 'articles')).toBe(1);
      const list = await fixture.browser.openExtensionPage('reading.html');
      await waitForElement(list, 'ul[aria-label="Saved articles"] li');
      const [row] = await texts(list, 'ul[aria-label="Saved articles"] li');
      expect(row).toMatch(/Obama/);
      expect(row).toMatch(/offline/i);
      await list.setViewport(1000, 700);
      await list.screenshot(`screenshots/${browserName.toLowerCase()}-reading-list.png`);
      const reader = await fixture.browser.waitForNewPage('reader.html?id=', () =>
        click(list, 'ul[aria-label="Saved articles"] li .reading-item__open'),
      );
      await waitForElement(reader, 'article, main', /gun/i);
      await waitForHighlights(reader);
      expect(await highlightedTexts(reader)).toContain('Obama');
      // Saved content is inert: the article's photos (remote) are neither shown nor fetched.
      expect(
        await reader.evaluate(() => ({
          images: document.querySelectorAll('img').length,
          fetched: performance
            .getEntriesByType('resource')
            .filter((entry) => !entry.name.startsWith(location.origin)).length,
        })),
      ).toEqual({ images: 0, fetched: 0 });
      await reader.screenshot(`screenshots/${browserName.toLowerCase()}-reader-view.png`);
      await reader.close();
      await list.close();
    });

    it('saves the page from a hover card', async () => {
      // The server is down since the relaunch: a fresh one serves the demo page.
      fixture.pages = await startPages();
      const before = await countRows(fixture.control, 'articles');
      const demo = await fixture.openHighlighted('/demo/index.html');
      const target = (await highlights(demo, 'backstory-actor')).find((h) => h.y > 0 && h.y < 800)!;
      await demo.mouseMove(target.x, target.y);
      await waitForCard(demo, '.card__analyses li');
      await clickCardButton(demo, 'Save page for later');
      await waitForCardText(demo, 'Saved to your reading list.', 15_000);
      expect(await countRows(fixture.control, 'articles')).toBe(before + 1);
      expect(await badgeOf(fixture.control, await tabIdFor(fixture.control, demo))).toBe('✓');
      await demo.close();
    });
  });
}
