import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibraries } from '../../bench/aliases.mjs';
import {
  ask,
  leastLongestTask,
  longestTaskFromTrace,
  openExtensionPage,
  scannedState,
  tabIdFor,
  useBrowser,
} from './harness';
import { highlights, waitForHighlights } from './probes';

/** The benchmark's largest library: 20,000 real names (people, places, countries, corpus names). */
const SIZE = 20_000;
/** Pages of different kinds: English article, long page with teasers, Spanish article. */
const PAGES = ['bbc-1', 'nytimes-2', 'la-nacion'];

/** The library as a pack: one place per alias, as the benchmark builds it. */
function largePack(): string {
  const texts = PAGES.map((name) =>
    readFileSync(`../shared/corpus/${name}/source.html`, 'utf8').replace(/<[^>]*>/g, ' '),
  );
  const aliases = buildLibraries([SIZE], texts).libraries.get(SIZE) as string[];
  return JSON.stringify({
    format: 'backstory.pack',
    formatVersion: 1,
    id: 'test-large-library',
    title: 'A library of 20,000 names',
    description: 'Names from the benchmark, to check that a large library keeps every task short.',
    sources: [],
    entities: aliases.map((name, index) => ({
      id: `large-${index}`,
      kind: 'actor',
      category: 'place',
      name,
      description: 'A name from the benchmark library.',
      aliases: [],
      related: [],
    })),
  });
}

describe('a library of 20,000 names in real Chromium', () => {
  const browser = useBrowser();

  beforeAll(async () => {
    const extensionPage = await openExtensionPage(browser.session);
    const report = await ask<{ added: Record<string, number> }>(extensionPage, 'pack.import', {
      text: largePack(),
    });
    expect(report.added.entities).toBe(SIZE);
    await extensionPage.close();
  }, 120_000);

  it('highlights corpus pages without any piece of its work taking 50 ms', async () => {
    const { session, pages } = browser;
    const extensionPage = await openExtensionPage(session);
    /** One load: Backstory's longest piece of work there (after it highlighted something). */
    const load = async (name: string) => {
      const page = await session.context.newPage();
      await page.goto(`${pages!.origin}/corpus/${name}/source.html`, { waitUntil: 'domcontentloaded' });
      await waitForHighlights(page);
      expect((await highlights(page, 'backstory-actor')).length).toBeGreaterThan(0);
      const state = await scannedState(extensionPage, await tabIdFor(session.worker, page));
      await page.close();
      return state.stats!.longestTaskMs;
    };
    const longest: Record<string, number> = {};
    for (const name of PAGES) longest[name] = await leastLongestTask(() => load(name));
    console.log(`Longest Backstory task with ${SIZE} names (ms):`, longest);
    expect(Object.entries(longest).filter(([, ms]) => ms >= 50)).toEqual([]);
  }, 180_000);

  it('keeps every task on the page under 50 ms, as a trace of the page shows', async () => {
    const { session, pages } = browser;
    const extensionPage = await openExtensionPage(session);
    /** One load of a page with no scripts of its own: the longest task once Backstory starts there. */
    const load = async (name: string) => {
      const page = await session.context.newPage();
      const longest = await longestTaskFromTrace(session, page, async () => {
        await page.goto(`${pages!.origin}/corpus/${name}/source.html`, { waitUntil: 'domcontentloaded' });
        await waitForHighlights(page);
        await scannedState(extensionPage, await tabIdFor(session.worker, page));
      });
      await page.close();
      return longest;
    };
    // la-nacion runs no scripts of its own, so its tasks after Backstory starts are Backstory's or rendering.
    const longest = await leastLongestTask(() => load('la-nacion'));
    console.log(`Longest task on la-nacion with ${SIZE} names, from a trace: ${longest} ms`);
    expect(longest).toBeLessThan(50);
  }, 120_000);
});
