import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ask, countRows, GENERATED_DIR, openExtensionPage, tabIdFor, waitFor, useBrowser } from './harness';
import { highlightedTexts, waitForHighlights } from './probes';

const SEED_DIGEST = readFileSync('../shared/seed/digest-2016-02-11.txt', 'utf8');

/** The library's backup as the options page collects it, part by part. */
async function exportedBackup(options: Page): Promise<string> {
  const { exportId, parts } = await ask<{ exportId: string; parts: number }>(options, 'backup.export', {});
  let text = '';
  for (let part = 0; part < parts; part++) {
    text += (await ask<{ text: string }>(options, 'backup.exportPart', { exportId, part })).text;
  }
  return text;
}

/** Writes saved articles with long contents straight into the database (run in the service worker). */
function addLongArticlesHere({
  articles,
  charsEach,
}: {
  articles: number;
  charsEach: number;
}): Promise<void> {
  const piece = 'Ein “Zitat” über Aleppo 🇸🇾 <p class="x">and the talks</p>\n';
  const body = piece.repeat(Math.ceil(charsEach / piece.length)).slice(0, charsEach);
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('backstory');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['articles', 'articleContents'], 'readwrite');
      for (let i = 0; i < articles; i++) {
        const id = `long-${i}`;
        const url = `https://long.example/${i}`;
        tx.objectStore('articles').put({
          ...{ id, url, key: url, title: `Long story ${i}`, entityIds: [], tags: [], status: 'unread' },
          ...{ savedAt: i, updatedAt: i, contentState: 'saved' },
        });
        tx.objectStore('articleContents').put({ id, contentHtml: `${i}${body}`, text: `${i}` });
      }
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Clears stores of the database (run in the service worker). */
function clearStoresHere(stores: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('backstory');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(stores, 'readwrite');
      for (const store of stores) tx.objectStore(store).clear();
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('growing the library in real Chromium', () => {
  const browser = useBrowser();

  const openPage = async (path: string) => {
    const page = await browser.session.context.newPage();
    await page.goto(`${browser.pages!.origin}${path}`);
    await waitForHighlights(page);
    return page;
  };
  const panelFor = async (page: Page) => {
    const panel = await browser.session.context.newPage();
    await panel.goto(
      `chrome-extension://${browser.session.extensionId}/sidepanel.html?tabId=${await tabIdFor(browser.session.worker, page)}`,
    );
    await panel.locator('main[data-ready=true]').waitFor();
    return panel;
  };

  it('adds the demo page as an analysis after the reader reviews it, and the side panel lists it', async () => {
    const page = await openPage('/demo/index.html');
    const panel = await panelFor(page);
    await panel.getByRole('button', { name: 'Add as analysis' }).click();
    const title = panel.getByLabel('Title', { exact: true });
    await title.waitFor();
    // Read from the page's own metadata, editable before saving.
    expect(await title.inputValue()).toMatch(/\S/);
    expect(await panel.getByLabel('Summary').inputValue()).toMatch(/.{40,}/);
    expect(await panel.locator('input[type=checkbox]:checked').count()).toBeGreaterThan(2);
    await title.fill('Demo: the Syria talks, reviewed');
    // Names the library lacks: the certain ones ticked, the rest only proposed.
    const offered = await panel.locator('.candidate-list li').evaluateAll((rows) =>
      rows.map((row) => ({
        name: row.querySelector('strong')!.textContent!,
        ticked: row.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked,
      })),
    );
    expect(offered.some((c) => c.ticked)).toBe(true);
    expect(offered.some((c) => !c.ticked)).toBe(true);
    await panel.getByRole('button', { name: 'Save analysis' }).click();
    await panel.getByText('Added to your library.').waitFor();
    expect(await countRows(browser.session.worker, 'analyses')).toBe(4);
    const stored = await ask<Array<{ name: string; discovery?: { state: string } }>>(
      panel,
      'entities.list',
      {},
    );
    for (const { name, ticked } of offered) {
      const entity = stored.find((e) => e.name === name);
      expect(entity, name).toBeDefined();
      expect(entity!.discovery?.state, name).toBe(ticked ? undefined : 'proposed');
    }
    await expect
      .poll(() =>
        panel.locator('[data-testid=ranked] article h3, [data-testid=ranked] article h4').allInnerTexts(),
      )
      .toContain('Demo: the Syria talks, reviewed');
    // Adding the same page again updates it.
    await panel.getByRole('button', { name: 'Add as analysis' }).click();
    await panel.getByText(/already in your library/).waitFor();
    await page.close();
    await panel.close();
  });

  it('imports the seed digest: its three pieces, matched to the ones already in the library', async () => {
    const options = await openExtensionPage(browser.session, 'options.html');
    const before = await countRows(browser.session.worker, 'analyses');
    await options.getByLabel('Digest text').fill(SEED_DIGEST);
    await options.getByRole('button', { name: 'Import digest' }).click();
    await expect
      .poll(() => options.getByTestId('digest-report').innerText())
      .toBe('0 analyses added, 3 updated.');
    expect(await countRows(browser.session.worker, 'analyses')).toBe(before);
    await options.close();
  });

  it('a corrupt backup is refused with a clear message and leaves the library unchanged', async () => {
    const options = await openExtensionPage(browser.session, 'options.html');
    const before = await countRows(browser.session.worker, 'analyses');
    const backup = { text: await exportedBackup(options) };
    const damaged = backup.text.replace(
      '"format":"backstory-backup"',
      '"format":"backstory-backup","extra":1',
    );
    await options.locator('#backup input[type=file]').setInputFiles({
      name: 'damaged.json',
      mimeType: 'application/json',
      buffer: Buffer.from(damaged),
    });
    await expect
      .poll(() => options.locator('#backup [role=alert]').innerText())
      .toMatch(/damaged\.json: .*damaged/);
    await options.locator('#backup input[type=file]').setInputFiles({
      name: 'cut.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup.text.slice(0, 1000)),
    });
    await expect.poll(() => options.locator('#backup [role=alert]').innerText()).toMatch(/not JSON/);
    expect(await countRows(browser.session.worker, 'analyses')).toBe(before);
    // A sound backup shows what it would change before anything is written.
    await options.locator('#backup input[type=file]').setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup.text),
    });
    await options.locator('#backup table').waitFor();
    expect(await options.locator('#backup table').innerText()).toMatch(/Analyses/);
    await options.locator('#backup').getByRole('button', { name: 'Import', exact: true }).click();
    await options.locator('#backup [role=status]', { hasText: 'Imported good.json' }).waitFor();
    expect(await countRows(browser.session.worker, 'analyses')).toBe(before);
    await options.close();
  });

  it('a backup over 64 MB is exported by the page and restored from the file (one message of it was refused before)', async () => {
    const { worker } = browser.session;
    await worker.evaluate(addLongArticlesHere, { articles: 400, charsEach: 170_000 });
    const options = await openExtensionPage(browser.session, 'options.html');
    const downloaded = options.waitForEvent('download', { timeout: 120_000 });
    const exportStarted = Date.now();
    await options.getByRole('button', { name: 'Export a backup' }).click();
    const path = join(GENERATED_DIR, 'long-backup.json');
    await (await downloaded).saveAs(path);
    const exportMs = Date.now() - exportStarted;
    const bytes = statSync(path).size;
    expect(bytes).toBeGreaterThan(64 * 1024 * 1024);

    await worker.evaluate(clearStoresHere, ['articleContents']);
    const importStarted = Date.now();
    await options.locator('#backup input[type=file]').setInputFiles(path);
    await options.locator('#backup table').waitFor({ timeout: 120_000 });
    expect(await options.locator('#backup table').innerText()).toMatch(/Saved articles\s+0\s+400/);
    await options.locator('#backup').getByRole('button', { name: 'Import', exact: true }).click();
    await options
      .locator('#backup [role=status]', { hasText: 'Imported long-backup.json' })
      .waitFor({ timeout: 120_000 });
    console.info(
      `backup of ${bytes} bytes: exported in ${exportMs} ms, previewed and imported in ${Date.now() - importStarted} ms`,
    );
    expect(await countRows(worker, 'articleContents')).toBe(400);
    await worker.evaluate(clearStoresHere, ['articles', 'articleContents']);
    rmSync(path);
    await options.close();
  }, 300_000);

  it('an alias added in the manager is highlighted on an open page without reloading it', async () => {
    const options = await openExtensionPage(browser.session, 'options.html');
    // Every mention, not only the first: the Vienna process is named earlier on the page.
    await ask(options, 'settings.set', { changes: { highlightMode: 'every' } });
    const page = await openPage('/demo/index.html');
    const has = async (text: string) => (await highlightedTexts(page)).includes(text);
    // A phrase of the demo page that no alias matches yet.
    const phrase = 'Munich plan';
    expect(await page.evaluate(() => document.body.innerText)).toContain(phrase);
    expect(await has(phrase)).toBe(false);
    await options.bringToFront();
    await options.locator('#entities').getByLabel('Find').fill('Vienna');
    await options.locator('#entities [data-entity-id=vienna-process]').click();
    await options.getByRole('button', { name: 'Add alias' }).click();
    await options
      .locator('#entities')
      .getByLabel(/^Alias \d+$/)
      .last()
      .fill(phrase);
    await options.locator('#entities').getByRole('button', { name: 'Save', exact: true }).click();
    await options.locator('#entities [role=status]', { hasText: /Saved/ }).waitFor();
    await waitFor(() => has(phrase), 'the new alias highlighted');
    await ask(options, 'settings.set', { changes: { highlightMode: 'first' } });
    await page.close();
    await options.close();
  });
});
