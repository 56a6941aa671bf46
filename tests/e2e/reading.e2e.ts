import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePocketCsv } from '../fixtures/reading/make-pocket-csv';
import { ask, countRows, openExtensionPage, tabIdFor, waitFor, useBrowser } from './harness';
import { waitForHighlights } from './probes';

describe('the reading list in real Chromium', () => {
  const browser = useBrowser();

  const readingList = async () => {
    const list = await openExtensionPage(browser.session, 'reading.html');
    await list.locator('ul[aria-label="Saved articles"]').waitFor();
    return list;
  };

  it('imports a Pocket export of 500 articles and searches saved articles by a word from the body', async () => {
    // One article saved from a page, with its full text (the flows in flows/reading.flow.ts save by hand).
    const bbc = await browser.session.context.newPage();
    await bbc.goto(`${browser.pages!.origin}/corpus/bbc-1/source.html`);
    await waitForHighlights(bbc);
    const options = await openExtensionPage(browser.session, 'options.html');
    await ask(options, 'article.save', { tabId: await tabIdFor(browser.session.worker, bbc) });
    await options.close();
    await bbc.close();
    const list = await readingList();
    const before = await countRows(browser.session.worker, 'articles');
    expect(before).toBe(1);
    await list.locator('input[type=file]').setInputFiles({
      name: 'ril_export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(makePocketCsv(500, 'https://news.example')),
    });
    await list.getByText(/500 articles added/).waitFor({ timeout: 30_000 });
    expect(await countRows(browser.session.worker, 'articles')).toBe(before + 500);
    await list.getByRole('button', { name: 'All', exact: true }).click();
    await expect.poll(() => list.getByText(/of 501 articles|501 articles/).count()).toBeGreaterThan(0);
    // The list is virtualised: a box at most 70% of the window tall, holding only the rows in view.
    const rows = list.locator('ul[aria-label="Saved articles"] > li');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    expect(await rows.count()).toBeLessThan(40);
    const { box, window } = await list.evaluate(() => ({
      box: document.querySelector('.reading-list__viewport')!.getBoundingClientRect().height,
      window: innerHeight,
    }));
    expect(box).toBeLessThanOrEqual(window * 0.7 + 1);
    // A word only in the saved BBC article's body, not in any title.
    await list.getByRole('searchbox').fill('Louisiana');
    await expect
      .poll(() => list.locator('ul[aria-label="Saved articles"] li').allInnerTexts())
      .toEqual([expect.stringMatching(/Obama/)]);
    await list.getByRole('searchbox').fill('');
    // A bad file writes nothing and says why.
    await list.locator('input[type=file]').setInputFiles({
      name: 'notes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name,comment\nfoo,bar\n'),
    });
    await list
      .getByRole('alert')
      .filter({ hasText: /notes\.csv/ })
      .waitFor();
    expect(await countRows(browser.session.worker, 'articles')).toBe(before + 500);
    await list.close();
  });
});

describe('imported articles and new analyses in real Chromium', () => {
  const browser = useBrowser();

  it('downloads imported articles for offline reading when asked, and marks new analyses', async () => {
    const list = await openExtensionPage(browser.session, 'reading.html');
    const csv = [
      'title,url,time_added,tags,status',
      `Mugabe,${browser.pages!.origin}/corpus/telegraph/source.html,1511300000,africa|politics,unread`,
      `Obama,${browser.pages!.origin}/corpus/bbc-1/source.html,1437700000,,archive`,
      `Gone,${browser.pages!.origin}/corpus/no-such-page/source.html,1437600000,,unread`,
    ].join('\n');
    await list.locator('input[type=file]').setInputFiles({
      name: 'ril_export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await list.getByText(/3 articles added/).waitFor();
    // The browser's permission prompt cannot be answered in automation: stand in for "Allow".
    await list.evaluate(() => {
      chrome.permissions.request = (async () => true) as unknown as typeof chrome.permissions.request;
    });
    await list.getByRole('button', { name: /Download 3 articles for offline reading/ }).click();
    await waitFor(
      async () => (await countRows(browser.session.worker, 'articleContents')) === 2,
      'two downloads',
    );
    await list.getByRole('button', { name: 'All', exact: true }).click();
    const rows = list.locator('ul[aria-label="Saved articles"] li');
    await expect.poll(() => rows.filter({ hasText: /offline/i }).count()).toBe(2);
    // The failed one stays, waiting for another try.
    await list.getByRole('button', { name: /Download 1 article for offline reading/ }).waitFor();

    // An analysis added now that discusses Obama marks the BBC article.
    await list.evaluate(() =>
      chrome.runtime.sendMessage({
        protocol: 'backstory/1',
        type: 'analysis.save',
        data: {
          draft: {
            url: 'https://analysis.example/obama-guns',
            title: 'Why Obama lost on guns',
            authors: [{ name: 'A. Scholar' }],
            outlet: 'Policy Review',
            publishedAt: '2015-08-01',
            summary: 'Congress, not the president, decides.',
            keyPoints: [],
            entityIds: ['barack-obama'],
          },
        },
      }),
    );
    await expect
      .poll(() => rows.filter({ hasText: /1 new analysis/ }).allInnerTexts())
      .toEqual([expect.stringMatching(/Obama/)]);
    await list.close();
  });
});

export type { Page };
