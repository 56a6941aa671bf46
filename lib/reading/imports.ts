/**
 * Reading-list imports: the export files of Pocket, Instapaper, browsers (Netscape bookmark HTML)
 * and Omnivore, turned into validated `ReadingItem`s. Rows that cannot be used are reported with
 * their position and reason; a file that is not one of these formats, or has nothing usable,
 * fails with a `ReadingImportError` that says what is wrong. Nothing here writes anywhere.
 */
import Papa from 'papaparse';
import {
  readingItemSchema,
  type ReadingImportFormat,
  type ReadingItem,
  type ReadingStatus,
} from '../model/reading';
import { articleKey } from './url';

/** Largest import accepted: more is almost certainly the wrong file, and would stall the worker. */
export const READING_IMPORT_LIMITS = { maxItems: 100_000, maxBytes: 50 * 1024 * 1024 } as const;

const MAX_TITLE = 1000;
const MAX_TAG = 100;
const MAX_TAGS = 100;
const MAX_EXCERPT = 5000;

/** A row of the file that was not imported. */
export interface SkippedRow {
  /**
   * Where it is: for CSV the row number a spreadsheet shows (the header is 1); for bookmark HTML
   * and Omnivore JSON the entry's position in the file, from 1.
   */
  line: number;
  reason: string;
}

/** What an import file holds. */
export interface ReadingImportResult {
  format: ReadingImportFormat;
  /** Valid items, one per article (duplicates merged), in the order they first appear. */
  items: ReadingItem[];
  skipped: SkippedRow[];
}

/** Options of `parseReadingImport`. */
export interface ReadingImportOptions {
  /** `savedAt` for items whose file has no date (old Instapaper exports), ms since epoch. */
  now?: number;
}

/** The file cannot be imported at all; `message` is written for the reader. */
export class ReadingImportError extends Error {
  override name = 'ReadingImportError';

  constructor(
    message: string,
    /** Rows that were rejected, when the file had rows but none of them was usable. */
    readonly skipped: SkippedRow[] = [],
  ) {
    super(message);
  }
}

/** A candidate item before validation, with where it came from. */
interface RawEntry {
  line: number;
  url: string;
  title: string;
  tags: string[];
  status: ReadingStatus;
  savedAt: number;
  excerpt?: string;
}

type Outcome = RawEntry | SkippedRow;

const FORMAT_NAMES: Record<ReadingImportFormat, string> = {
  'pocket-csv': 'Pocket export (CSV)',
  'instapaper-csv': 'Instapaper export (CSV)',
  'netscape-html': 'bookmarks file (HTML)',
  'omnivore-json': 'Omnivore export (JSON)',
};

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function csvHeader(text: string): string[] {
  const { data } = Papa.parse<string[]>(text, { preview: 1, skipEmptyLines: true });
  return (data[0] ?? []).map(normaliseHeader);
}

function normaliseHeader(name: string): string {
  return name.trim().toLowerCase();
}

/** Which CSV export a header row belongs to, or why it belongs to none. */
function csvFormat(header: string[]): { format: 'pocket-csv' | 'instapaper-csv' } | { problem: string } {
  if (!header.includes('url')) {
    return { problem: 'This CSV has no url column — expected a Pocket or Instapaper export.' };
  }
  if (header.includes('time_added')) return { format: 'pocket-csv' };
  if (header.includes('selection') || header.includes('folder')) return { format: 'instapaper-csv' };
  return {
    problem:
      `This CSV has the columns ${header.join(', ')} — expected a Pocket export (title, url, time_added, ` +
      'tags, status) or an Instapaper export (URL, Title, Selection, Folder).',
  };
}

/**
 * Recognises an import file by its content (the file name only helps when the content does not
 * decide). Returns `null` when it is none of the formats.
 */
export function detectFormat(text: string, fileName?: string): ReadingImportFormat | null {
  const head = stripBom(text).slice(0, 4096).trimStart();
  const extension = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (head.startsWith('[') || head.startsWith('{')) return 'omnivore-json';
  if (/NETSCAPE-Bookmark-file/i.test(head) || (/<dl[\s>]/i.test(head) && /<dt[\s>]/i.test(head))) {
    return 'netscape-html';
  }
  if (head.startsWith('<')) return extension === 'html' || extension === 'htm' ? 'netscape-html' : null;
  const csv = csvFormat(csvHeader(head));
  return 'format' in csv ? csv.format : null;
}

function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function checkEntryCount(count: number): void {
  if (count > READING_IMPORT_LIMITS.maxItems) {
    throw new ReadingImportError(
      `This file has ${count.toLocaleString('en')} entries; at most ` +
        `${READING_IMPORT_LIMITS.maxItems.toLocaleString('en')} can be imported at once. Split it into smaller files.`,
    );
  }
}

/** Papaparse's export escape: a quote before `=`, `+`, `-`, `@`, tab or CR keeps spreadsheets from running it. */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function cleanTags(tags: Iterable<string>): string[] {
  const unique = new Set<string>();
  for (const tag of tags) {
    const trimmed = tag.trim().slice(0, MAX_TAG).trim();
    if (trimmed) unique.add(trimmed);
  }
  return [...unique].slice(0, MAX_TAGS);
}

function secondsToMs(value: string | undefined): number | undefined {
  const seconds = Number(value?.trim());
  return value?.trim() && Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
}

/** Data rows with their spreadsheet row numbers (blank rows are dropped but still counted). */
function parseCsvRows(text: string): Array<{ line: number; row: Record<string, string | undefined> }> {
  const { data } = Papa.parse<Record<string, string | undefined>>(text, {
    header: true,
    transformHeader: normaliseHeader,
  });
  const rows = data
    .map((row, index) => ({ line: index + 2, row }))
    .filter(({ row }) => Object.values(row).some((cell) => cell?.trim()));
  checkEntryCount(rows.length);
  return rows;
}

function requireCsvFormat(text: string, expected: 'pocket-csv' | 'instapaper-csv'): void {
  const csv = csvFormat(csvHeader(text));
  if ('problem' in csv) throw new ReadingImportError(csv.problem);
  if (csv.format !== expected) {
    const named = { 'pocket-csv': 'a Pocket export', 'instapaper-csv': 'an Instapaper export' };
    throw new ReadingImportError(`This CSV is ${named[csv.format]}, not ${named[expected]}.`);
  }
}

const POCKET_STATUS: Record<string, ReadingStatus> = {
  unread: 'unread',
  archive: 'archived',
  archived: 'archived',
  // Not written by Pocket: our own CSV export keeps "read" apart from "archived".
  read: 'read',
};

function pocketEntries(text: string, now: number): Outcome[] {
  requireCsvFormat(text, 'pocket-csv');
  return parseCsvRows(text).map(({ line, row }) => ({
    line,
    url: row.url?.trim() ?? '',
    title: unescapeFormula(row.title ?? ''),
    tags: cleanTags(unescapeFormula(row.tags ?? '').split('|')),
    status: POCKET_STATUS[row.status?.trim().toLowerCase() ?? ''] ?? 'unread',
    savedAt: secondsToMs(row.time_added) ?? now,
  }));
}

/** Instapaper's Tags column: a JSON array of names in newer exports, else comma-separated names. */
function instapaperTags(cell: string | undefined): string[] {
  const trimmed = cell?.trim() ?? '';
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.filter((tag): tag is string => typeof tag === 'string');
    } catch {
      // Not JSON after all: read it as a list of names.
    }
  }
  return trimmed.split(',');
}

function instapaperEntries(text: string, now: number): Outcome[] {
  requireCsvFormat(text, 'instapaper-csv');
  return parseCsvRows(text).map(({ line, row }) => {
    const folder = row.folder?.trim() ?? '';
    const folderKey = folder.toLowerCase();
    const status: ReadingStatus = folderKey === 'archive' ? 'archived' : 'unread';
    // Unread and Archive are states; Starred and the reader's own folders are labels.
    const folderTag = folderKey === 'unread' || folderKey === 'archive' ? [] : [folder];
    const excerpt = row.selection?.trim();
    return {
      line,
      url: row.url?.trim() ?? '',
      title: row.title ?? '',
      tags: cleanTags([...folderTag, ...instapaperTags(row.tags)]),
      status,
      savedAt: secondsToMs(row.timestamp) ?? now,
      ...(excerpt ? { excerpt } : {}),
    };
  });
}

/** Folders a bookmark is in, outermost first, without the browsers' own root folders. */
function bookmarkFolders(link: Element): string[] {
  const folders: string[] = [];
  for (let node = link.parentElement; node; node = node.parentElement) {
    if (node.tagName !== 'DL') continue;
    // A folder is `<DT><H3>name</H3><DL>…</DL>`: the list's heading is the H3 just before it.
    const heading = node.previousElementSibling;
    if (heading?.tagName !== 'H3') continue;
    if (heading.hasAttribute('personal_toolbar_folder') || heading.hasAttribute('unfiled_bookmarks_folder')) {
      continue;
    }
    const name = heading.textContent?.trim();
    if (name) folders.unshift(name);
  }
  return folders;
}

/** The `<DD>` description that follows a bookmark's `<DT>`, if any. */
function bookmarkDescription(link: Element): string | undefined {
  const next = link.parentElement?.nextElementSibling;
  const text = next?.tagName === 'DD' ? next.textContent?.trim() : undefined;
  return text || undefined;
}

const READING_STATUSES: ReadonlySet<string> = new Set(['unread', 'read', 'archived']);

function netscapeEntries(text: string, parseHtml: (html: string) => Document, now: number): Outcome[] {
  const links = [...parseHtml(text).querySelectorAll('dt > a')];
  if (links.length === 0) {
    throw new ReadingImportError('This HTML file has no bookmarks (<DT><A HREF=…> entries) in it.');
  }
  checkEntryCount(links.length);
  return links.map((link, index) => {
    // STATUS is not part of the format: our own export writes it so read and archived survive.
    const status = link.getAttribute('status')?.toLowerCase() ?? '';
    const excerpt = bookmarkDescription(link);
    return {
      line: index + 1,
      url: link.getAttribute('href')?.trim() ?? '',
      title: link.textContent ?? '',
      tags: cleanTags([...bookmarkFolders(link), ...(link.getAttribute('tags') ?? '').split(',')]),
      status: READING_STATUSES.has(status) ? (status as ReadingStatus) : 'unread',
      savedAt: secondsToMs(link.getAttribute('add_date') ?? undefined) ?? now,
      ...(excerpt ? { excerpt } : {}),
    };
  });
}

function omnivoreLabels(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels.flatMap((label: unknown) => {
    if (typeof label === 'string') return [label];
    const name = (label as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? [name] : [];
  });
}

function omnivoreEntry(value: unknown, line: number, now: number): Outcome {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, reason: 'not a saved item (expected an object with a url)' };
  }
  const entry = value as Record<string, unknown>;
  const state = typeof entry.state === 'string' ? entry.state.toUpperCase() : '';
  if (state === 'DELETED') return { line, reason: 'deleted in Omnivore' };
  // Omnivore's API says readingProgressPercent; its export tool wrote readingProgress.
  const progress = Number(entry.readingProgressPercent ?? entry.readingProgress ?? 0);
  const savedAt = typeof entry.savedAt === 'string' ? Date.parse(entry.savedAt) : Number.NaN;
  const excerpt = typeof entry.description === 'string' ? entry.description.trim() : '';
  return {
    line,
    url: typeof entry.url === 'string' ? entry.url.trim() : '',
    title: typeof entry.title === 'string' ? entry.title : '',
    tags: cleanTags(omnivoreLabels(entry.labels)),
    status: state === 'ARCHIVED' ? 'archived' : progress >= 100 ? 'read' : 'unread',
    savedAt: Number.isFinite(savedAt) && savedAt >= 0 ? savedAt : now,
    ...(excerpt ? { excerpt } : {}),
  };
}

function omnivoreEntries(text: string, now: number): Outcome[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ReadingImportError(`This JSON file cannot be read: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) {
    throw new ReadingImportError(
      'This JSON file is not a list of saved items — expected an Omnivore export (metadata_*.json).',
    );
  }
  checkEntryCount(parsed.length);
  return parsed.map((value, index) => omnivoreEntry(value, index + 1, now));
}

/** The entry as a valid item, or why not: its first problem, e.g. "url: must be an http(s) URL". */
function validate(entry: RawEntry): ReadingItem | SkippedRow {
  if (!entry.url) return { line: entry.line, reason: 'no URL' };
  const result = readingItemSchema.safeParse({
    url: entry.url,
    title: entry.title.trim().slice(0, MAX_TITLE),
    tags: entry.tags,
    status: entry.status,
    savedAt: entry.savedAt,
    ...(entry.excerpt ? { excerpt: entry.excerpt.slice(0, MAX_EXCERPT) } : {}),
  });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  return { line: entry.line, reason: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid' };
}

/** Folds a repeated article into the first copy: the earliest save wins, tags are pooled. */
function merge(first: ReadingItem, again: ReadingItem): ReadingItem {
  const [earlier, later] = again.savedAt < first.savedAt ? [again, first] : [first, again];
  const excerpt = earlier.excerpt ?? later.excerpt;
  return {
    ...earlier,
    title: earlier.title || later.title,
    tags: cleanTags([...first.tags, ...again.tags]),
    ...(excerpt ? { excerpt } : {}),
  };
}

function entriesOf(
  text: string,
  format: ReadingImportFormat,
  parseHtml: (html: string) => Document,
  now: number,
): Outcome[] {
  switch (format) {
    case 'pocket-csv':
      return pocketEntries(text, now);
    case 'instapaper-csv':
      return instapaperEntries(text, now);
    case 'netscape-html':
      return netscapeEntries(text, parseHtml, now);
    case 'omnivore-json':
      return omnivoreEntries(text, now);
  }
}

function describeUnknown(text: string): string {
  if (text.trimStart().startsWith('<')) {
    return 'This HTML file is not a bookmarks export — expected a Netscape bookmark file (<!DOCTYPE NETSCAPE-Bookmark-file-1>).';
  }
  const csv = csvFormat(csvHeader(text));
  return 'problem' in csv
    ? csv.problem
    : 'This file is not a Pocket, Instapaper, Omnivore or bookmarks export.';
}

/**
 * Reads an import file into reading-list items.
 *
 * @param format the file's format, or `'auto'` to recognise it with `detectFormat`.
 * @param parseHtml parses bookmark HTML (a `DOMParser` in the extension, jsdom in tests).
 * @throws ReadingImportError when the file is too large, not in a known format, or has no usable item.
 */
export function parseReadingImport(
  text: string,
  format: ReadingImportFormat | 'auto',
  parseHtml: (html: string) => Document,
  options: ReadingImportOptions = {},
): ReadingImportResult {
  const bytes = utf8ByteLength(text);
  if (bytes > READING_IMPORT_LIMITS.maxBytes) {
    const megabytes = (size: number) => `${Math.ceil(size / 1024 / 1024)} MB`;
    throw new ReadingImportError(
      `This file is ${megabytes(bytes)}; at most ${megabytes(READING_IMPORT_LIMITS.maxBytes)} can be imported at once.`,
    );
  }
  const body = stripBom(text);
  if (!body.trim()) throw new ReadingImportError('This file is empty.');
  const resolved = format === 'auto' ? detectFormat(body) : format;
  if (!resolved) throw new ReadingImportError(describeUnknown(body));

  const byKey = new Map<string, ReadingItem>();
  const skipped: SkippedRow[] = [];
  for (const entry of entriesOf(body, resolved, parseHtml, options.now ?? Date.now())) {
    const outcome = 'reason' in entry ? entry : validate(entry);
    if ('reason' in outcome) {
      skipped.push(outcome);
      continue;
    }
    const key = articleKey(outcome.url);
    const seen = byKey.get(key);
    byKey.set(key, seen ? merge(seen, outcome) : outcome);
  }
  if (byKey.size === 0) {
    const first = skipped[0];
    const detail = first ? ` (line ${first.line}: ${first.reason})` : '';
    throw new ReadingImportError(
      `No item in this ${FORMAT_NAMES[resolved]} could be imported: ${skipped.length} skipped${detail}.`,
      skipped,
    );
  }
  return { format: resolved, items: [...byKey.values()], skipped };
}
