import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLibraries } from '../../bench/aliases.mjs';
import {
  ask,
  launch,
  newProfileDir,
  openExtensionPage,
  removeProfileDir,
  startPages,
  tabIdFor,
  waitForStarter,
  type Session,
} from './harness';
import { highlights, waitForHighlights } from './probes';
import type { PageState } from '../../lib/protocol/messages';

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
  const profileDir = newProfileDir();
  let session: Session;
  let pages: Awaited<ReturnType<typeof startPages>>;

  beforeAll(async () => {
    pages = await startPages();
    session = await launch(profileDir);
    await waitForStarter(session);
    const extensionPage = await openExtensionPage(session);
    const report = await ask<{ added: Record<string, number> }>(extensionPage, 'pack.import', {
      text: largePack(),
    });
    expect(report.added.entities).toBe(SIZE);
    await extensionPage.close();
  }, 120_000);

  afterAll(async () => {
    await session?.context.close();
    await pages?.close();
    removeProfileDir(profileDir);
  });

  it('highlights corpus pages without any piece of its work taking 50 ms', async () => {
    const extensionPage = await openExtensionPage(session);
    /** One load: Backstory's longest piece of work there, and how many mentions it highlighted. */
    const load = async (name: string) => {
      const page = await session.context.newPage();
      await page.goto(`${pages.origin}/corpus/${name}/source.html`, { waitUntil: 'domcontentloaded' });
      await waitForHighlights(page);
      const tabId = await tabIdFor(session.worker, page);
      await expect
        .poll(async () => (await ask<PageState | null>(extensionPage, 'tab.state', { tabId }))?.stats, {
          timeout: 20_000,
        })
        .toBeDefined();
      const state = await ask<PageState>(extensionPage, 'tab.state', { tabId });
      const highlighted = (await highlights(page, 'backstory-actor')).length;
      await page.close();
      return { longestTaskMs: state.stats!.longestTaskMs, highlighted };
    };
    const longest: Record<string, number> = {};
    for (const name of PAGES) {
      let result = await load(name);
      expect(result.highlighted).toBeGreaterThan(0);
      // Wall-clock time includes the OS pausing the renderer on a busy machine; work that really
      // takes 50 ms takes it on every load, so a page gets up to three loads.
      for (let attempt = 1; attempt < 3 && result.longestTaskMs >= 50; attempt++) {
        const again = await load(name);
        if (again.longestTaskMs < result.longestTaskMs) result = again;
      }
      longest[name] = Math.round(result.longestTaskMs * 10) / 10;
    }
    console.log(`Longest Backstory task with ${SIZE} names (ms):`, longest);
    expect(Object.entries(longest).filter(([, ms]) => ms >= 50)).toEqual([]);
  }, 180_000);
});
