/**
 * Backups travel between the options page and the background in parts, never as one message: the
 * browser refuses a message over 64 MiB, and a library with a few hundred saved articles is larger.
 * The page side of that exchange lives here (the background's is lib/background/backup-transfers.ts).
 */
import type { Requester } from './client';

/** The bytes of a file the page reads for one part, and the characters of a backup one export part holds. */
export const PART_SIZE = 4 * 1024 * 1024;

/**
 * The most characters one upload part carries: PART_SIZE bytes decode to at most that many, plus
 * the few of a character whose bytes the part before ended in the middle of.
 */
export const MAX_PART_CHARS = PART_SIZE + 4;

/**
 * The largest backup the background can read: it parses the whole file as one string, and a
 * JavaScript engine holds at most about 512 million characters in one (V8's limit, the lower).
 */
export const MAX_BACKUP_CHARS = 500 * 1024 * 1024;

/** Asks the background for a backup part by part and assembles the file. */
export async function downloadBackup(request: Requester): Promise<{ file: Blob; fileName: string }> {
  const { exportId, parts, fileName } = await request('backup.export', {});
  const texts: string[] = [];
  for (let part = 0; part < parts; part++) {
    texts.push((await request('backup.exportPart', { exportId, part })).text);
  }
  return { file: new Blob(texts, { type: 'application/json' }), fileName };
}

/**
 * Sends a backup file to the background part by part, in order, and answers the upload's id for
 * `backup.preview` or `backup.import`. The file is read a part at a time (UTF-8, a character cut
 * between two parts decoded whole), so the page never holds it all either.
 */
export async function uploadBackup(request: Requester, file: Blob, fileName: string): Promise<string> {
  const parts = Math.max(1, Math.ceil(file.size / PART_SIZE));
  const { uploadId } = await request('backup.uploadStart', { fileName, parts });
  const decoder = new TextDecoder('utf-8');
  for (let part = 0; part < parts; part++) {
    const bytes = await readPart(file.slice(part * PART_SIZE, (part + 1) * PART_SIZE), fileName);
    const text = decoder.decode(bytes, { stream: part < parts - 1 });
    await request('backup.uploadPart', { uploadId, part, text });
  }
  return uploadId;
}

async function readPart(slice: Blob, fileName: string): Promise<ArrayBuffer> {
  try {
    return await slice.arrayBuffer();
  } catch {
    // NotReadableError: the file changed, moved or lost its permission after it was chosen.
    throw new Error(
      `Backstory could not read ${fileName}: it may have changed or moved since you chose it. Choose it again; nothing was changed.`,
    );
  }
}
