/**
 * Backups of any size travel in parts (lib/protocol/backup-parts.ts, ./backup-transfers.ts),
 * through the real dispatcher and handlers over fake-indexeddb.
 */
import { describe, expect, it } from 'vitest';
import type { BackstoryDatabase } from '../db/database';
import { freshDatabase } from '../db/test-helpers';
import { downloadBackup, PART_SIZE, uploadBackup } from '../protocol/backup-parts';
import { createRequester } from '../protocol/client';
import { createDispatcher, type SenderContext } from '../protocol/dispatch';
import { exportBackup } from './backup';
import { TRANSFER_IDLE_MS } from './backup-transfers';
import { createHandlers } from './handlers';
import { createMemoryArea, createTabStateStore } from './tab-state';

const extensionPage: SenderContext = { kind: 'extension', url: 'chrome-extension://abc/options.html' };
/** Chrome refuses a runtime message whose JSON is larger. */
const MESSAGE_LIMIT = 64 * 1024 * 1024;

/** Saved articles with `charsEach` characters of content each: quotes, accents and emoji in it. */
async function libraryOfArticles(articles: number, charsEach: number): Promise<BackstoryDatabase> {
  const db = freshDatabase();
  const piece = 'Ein “Zitat” über Aleppo 🇸🇾 <p class="x">and the talks</p>\n';
  const body = piece.repeat(Math.ceil(charsEach / piece.length)).slice(0, charsEach);
  await db.articles.bulkAdd(
    Array.from({ length: articles }, (_, i) => ({
      id: `article-${i}`,
      url: `https://news.example/${i}`,
      key: `https://news.example/${i}`,
      title: `Story ${i}`,
      entityIds: [],
      tags: [],
      status: 'unread' as const,
      savedAt: i,
      updatedAt: i,
      contentState: 'saved' as const,
    })),
  );
  await db.articleContents.bulkAdd(
    Array.from({ length: articles }, (_, i) => ({
      id: `article-${i}`,
      contentHtml: `${i}${body}`,
      text: `${i}`,
    })),
  );
  return db;
}

/** The options page's requester for `db`, noting the size of every message and reply on the way. */
function pageOf(db: BackstoryDatabase, { sizes = [] as number[], now = (): number => 42 } = {}) {
  const dispatch = createDispatcher(
    createHandlers({ db, tabs: createTabStateStore(createMemoryArea()), now }),
  );
  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  return createRequester(async (envelope) => {
    sizes.push(bytes(envelope));
    const reply = await dispatch(envelope, extensionPage);
    sizes.push(bytes(reply));
    return reply;
  });
}

describe('backups of any size', () => {
  it('a backup over 64 MB is exported and restored with no message over 64 MiB (one export reply was 87 MB before)', async () => {
    const source = await libraryOfArticles(400, 170_000);
    const sizes: number[] = [];
    const { file, fileName } = await downloadBackup(pageOf(source, { sizes }));
    expect(file.size).toBeGreaterThan(MESSAGE_LIMIT);

    const target = freshDatabase();
    const page = pageOf(target, { sizes });
    const started = performance.now();
    const preview = await page('backup.preview', { uploadId: await uploadBackup(page, file, fileName) });
    expect(preview.counts.articleContents).toEqual({ add: 400, update: 0 });
    await page('backup.import', { uploadId: await uploadBackup(page, file, fileName) });
    console.info(
      `backup of ${file.size} bytes; preview and import took ${Math.round(performance.now() - started)} ms; largest message ${Math.max(...sizes)} bytes`,
    );
    expect(Math.max(...sizes)).toBeLessThan(MESSAGE_LIMIT);
    expect(await target.articleContents.toArray()).toEqual(await source.articleContents.toArray());
    expect(await target.articles.toArray()).toEqual(await source.articles.toArray());
  }, 120_000);

  it('never cuts a part between the two halves of an emoji', async () => {
    const db = await libraryOfArticles(3, 500);
    const whole = (await exportBackup(db, 1)).join('');
    for (const size of [7, 8, 9, 64]) {
      const parts = await exportBackup(db, 1, size);
      expect(parts.join('')).toBe(whole);
      for (const part of parts) expect(part).toBe(new TextDecoder().decode(new TextEncoder().encode(part)));
    }
  });

  it('writes nothing until the whole file is in: an upload missing a part is refused, the library unchanged', async () => {
    const db = await libraryOfArticles(2, 100);
    const page = pageOf(db);
    const text = await (await downloadBackup(page)).file.text();
    await db.articles.clear();
    const { uploadId } = await page('backup.uploadStart', { fileName: 'b.json', parts: 2 });
    await page('backup.uploadPart', { uploadId, part: 0, text: text.slice(0, 100) });
    await expect(page('backup.import', { uploadId })).rejects.toThrow(
      /Choose the file again; nothing was changed/,
    );
    expect(await db.articles.count()).toBe(0);
  });

  it('parts out of order, a new upload or a minute without a part drop an unfinished upload', async () => {
    let now = 0;
    const page = pageOf(freshDatabase(), { now: () => now });
    const start = () => page('backup.uploadStart', { fileName: 'b.json', parts: 3 });

    const skipped = await start();
    await expect(page('backup.uploadPart', { ...skipped, part: 1, text: 'x' })).rejects.toThrow(
      /stopped arriving/,
    );

    const first = await start();
    await page('backup.uploadPart', { ...first, part: 0, text: 'x' });
    const second = await start();
    await expect(page('backup.uploadPart', { ...first, part: 1, text: 'x' })).rejects.toThrow(
      /stopped arriving/,
    );

    await page('backup.uploadPart', { ...second, part: 0, text: 'x' });
    now += TRANSFER_IDLE_MS + 1;
    await expect(page('backup.uploadPart', { ...second, part: 1, text: 'x' })).rejects.toThrow(
      /stopped arriving/,
    );
  });

  it('refuses a file larger than a backup can be read, before any of it is sent', async () => {
    const page = pageOf(freshDatabase());
    const parts = Math.ceil((600 * 1024 * 1024) / PART_SIZE);
    await expect(page('backup.uploadStart', { fileName: 'huge.json', parts })).rejects.toThrow(
      /larger than the largest backup Backstory can read \(524 MB\)/,
    );
  });

  it('an export not collected within a minute, or replaced by another, is refused', async () => {
    let now = 0;
    const page = pageOf(await libraryOfArticles(1, 10), { now: () => now });
    const first = await page('backup.export', {});
    const second = await page('backup.export', {});
    await expect(page('backup.exportPart', { exportId: first.exportId, part: 0 })).rejects.toThrow(
      /Export it again/,
    );
    now += TRANSFER_IDLE_MS + 1;
    await expect(page('backup.exportPart', { exportId: second.exportId, part: 0 })).rejects.toThrow(
      /Export it again/,
    );
  });
});
