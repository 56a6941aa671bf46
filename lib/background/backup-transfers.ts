/**
 * The background's side of backups travelling in parts (lib/protocol/backup-parts.ts): the one
 * upload being received and the one export being collected, held in memory. A new upload drops an
 * unfinished one (and a new export the last), and a part that comes over a minute after the one
 * before is refused and its transfer dropped (an idle service worker is stopped by the browser
 * anyway, which drops both). Nothing here writes to the library: a backup is parsed, validated and
 * written only once every part has arrived.
 */
import { MAX_BACKUP_CHARS, PART_SIZE } from '../protocol/backup-parts';
import { InvalidInputError } from '../protocol/dispatch';

/** How long an upload or export waits for its next part before it is dropped. */
export const TRANSFER_IDLE_MS = 60_000;

const UPLOAD_LOST =
  'The file stopped arriving before all of it was read (another backup was chosen, or it waited over a minute). Choose the file again; nothing was changed.';
const EXPORT_LOST =
  'The backup stopped arriving before all of it was saved (another export started, or it waited over a minute). Export it again.';
const TOO_LARGE = `This file is larger than the largest backup Backstory can read (${Math.round(MAX_BACKUP_CHARS / 1_000_000)} MB). Nothing was changed.`;

interface Upload {
  id: string;
  fileName: string;
  parts: number;
  texts: string[];
  chars: number;
  touchedAt: number;
}

interface Export {
  id: string;
  texts: string[];
  touchedAt: number;
}

export class BackupTransfers {
  private upload: Upload | null = null;
  private export: Export | null = null;

  constructor(
    private readonly now: () => number,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Starts receiving a file of `parts` parts; an upload still unfinished is dropped. */
  startUpload(fileName: string, parts: number): string {
    if (parts > Math.ceil(MAX_BACKUP_CHARS / PART_SIZE)) throw new InvalidInputError(TOO_LARGE);
    this.upload = { id: this.newId(), fileName, parts, texts: [], chars: 0, touchedAt: this.now() };
    return this.upload.id;
  }

  /** Adds the next part of an upload; answers how many parts have arrived. */
  receive(uploadId: string, part: number, text: string): number {
    const upload = this.current(uploadId);
    if (part !== upload.texts.length || part >= upload.parts) {
      this.upload = null;
      throw new InvalidInputError(UPLOAD_LOST);
    }
    upload.chars += text.length;
    if (upload.chars > MAX_BACKUP_CHARS) {
      this.upload = null;
      throw new InvalidInputError(TOO_LARGE);
    }
    upload.texts.push(text);
    upload.touchedAt = this.now();
    return upload.texts.length;
  }

  /** The whole file, once every part has arrived; the upload is then forgotten. */
  take(uploadId: string): { fileName: string; text: string } {
    const upload = this.current(uploadId);
    this.upload = null;
    if (upload.texts.length !== upload.parts) throw new InvalidInputError(UPLOAD_LOST);
    return { fileName: upload.fileName, text: upload.texts.join('') };
  }

  /** Holds an export's parts for the page to collect; an export still being collected is dropped. */
  startExport(texts: string[]): string {
    this.export = { id: this.newId(), texts, touchedAt: this.now() };
    return this.export.id;
  }

  /** One part of an export; after the last one the export is forgotten. */
  exportPart(exportId: string, part: number): string {
    const held = this.export;
    if (!held || held.id !== exportId || this.now() - held.touchedAt > TRANSFER_IDLE_MS) {
      this.export = null;
      throw new InvalidInputError(EXPORT_LOST);
    }
    const text = held.texts[part];
    if (text === undefined) throw new InvalidInputError(EXPORT_LOST);
    if (part === held.texts.length - 1) this.export = null;
    else held.touchedAt = this.now();
    return text;
  }

  private current(uploadId: string): Upload {
    const upload = this.upload;
    if (!upload || upload.id !== uploadId || this.now() - upload.touchedAt > TRANSFER_IDLE_MS) {
      if (upload && upload.id === uploadId) this.upload = null;
      throw new InvalidInputError(UPLOAD_LOST);
    }
    return upload;
  }
}
