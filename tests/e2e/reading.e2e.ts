import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePocketCsv } from '../fixtures/reading/make-pocket-csv';
import {
  countRows,
  launch,
  openExtensionPage,
  startPages,
  tabIdFor,
  waitFor,
  useBrowser,
  type Session,
} from './harness';
import { highlightedTexts, highlights, waitForHighlights } from './probes';

const badgeOf = (current: Session, tabId: number) =>
  current.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

describe('the reading list in real Chromium', () => {
  const browser = useBrowser();

  const readingList = async () => {
    const list = await openExtensionPage(browser.session, 'reading.html');
    await list.locator('ul[aria-label="Saved articles"]').waitFor();
    return list;
  };

  it('saves a corpus page, survives a restart, and opens it offline with its highlights', async () => {
    const url = `${browser.pages!.origin}/corpus/bbc-1/source.html`;
    const page = await browser.session.context.newPage();
    await page.goto(url);
    await waitForHighlights(page);
    const tabId = await tabIdFor(browser.session.worker, page);
    const panel = await browser.session.context.newPage();
    await panel.goto(`chrome-extension://${browser.session.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.locator('main[data-ready=true]').waitFor();
    await panel.getByRole('button', { name: 'Save for later' }).click();
    await panel.getByRole('button', { name: /Saved/ }).waitFor();
    expect(await countRows(browser.session.worker, 'articles')).toBe(1);
    expect(await badgeOf(browser.session, tabId)).toBe('✓');
    // Saving again (with a campaign parameter) keeps one article.
    await page.goto(`${url}?utm_source=newsletter`);
    await waitForHighlights(page);
    await panel.bringToFront();
    await waitFor(async () => (await badgeOf(browser.session, tabId)) === '✓', 'the saved badge');
    await panel.close();

    // Restart the browser on the same profile, with the test server stopped: offline.
    await browser.session.context.close();
    await browser.pages!.close();
    browser.pages = null;
    browser.session = await launch(browser.profileDir);
    const list = await readingList();
    const title = list.locator('ul[aria-label="Saved articles"] li').first();
    expect(await title.innerText()).toMatch(/Obama/);
    expect(await title.innerText()).toMatch(/offline/i);
    const [reader] = await Promise.all([
      browser.session.context.waitForEvent('page'),
      title.getByRole('button').first().click(),
    ]);
    await reader.waitForLoadState();
    expect(reader.url()).toMatch(/reader\.html\?id=/);
    await reader.getByText(/gun/i).first().waitFor();
    await waitForHighlights(reader);
    expect(await highlightedTexts(reader)).toContain('Obama');
    await reader.close();
    await list.close();
  });

  it('saves the page from a hover card', async () => {
    const page = await browser.session.context.newPage();
    await page.goto(`chrome-extension://${browser.session.extensionId}/options.html`);
    const before = await countRows(browser.session.worker, 'articles');
    const demo = await browser.session.context.newPage();
    // The server is down since the restart: a fresh one serves the demo page.
    browser.pages = await startPages();
    await demo.goto(`${browser.pages!.origin}/demo/index.html`);
    await waitForHighlights(demo);
    const target = (await highlights(demo, 'backstory-actor'))[0]!;
    await demo.mouse.move(target.x, target.y);
    await demo.waitForFunction(() =>
      document.querySelector('backstory-card')?.shadowRoot?.querySelector('.card'),
    );
    await demo.evaluate(() => {
      const button = [
        ...document.querySelector('backstory-card')!.shadowRoot!.querySelectorAll('button'),
      ].find((b) => b.textContent === 'Save page for later')!;
      button.click();
    });
    await demo.waitForFunction(() =>
      document
        .querySelector('backstory-card')
        ?.shadowRoot?.textContent?.includes('Saved to your reading list.'),
    );
    expect(await countRows(browser.session.worker, 'articles')).toBe(before + 1);
    expect(await badgeOf(browser.session, await tabIdFor(browser.session.worker, demo))).toBe('✓');
    await demo.close();
    await page.close();
  });

  it('imports a Pocket export of 500 articles and searches saved articles by a word from the body', async () => {
    const list = await readingList();
    const before = await countRows(browser.session.worker, 'articles');
    await list.locator('input[type=file]').setInputFiles({
      name: 'ril_export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(makePocketCsv(500, 'https://news.example')),
    });
    await list.getByText(/500 articles added/).waitFor({ timeout: 30_000 });
    expect(await countRows(browser.session.worker, 'articles')).toBe(before + 500);
    await list.getByRole('button', { name: 'All', exact: true }).click();
    await expect.poll(() => list.getByText(/of 502 articles|502 articles/).count()).toBeGreaterThan(0);
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
