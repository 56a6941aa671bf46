/**
 * Reading-list exports, each in a format other services read and `parseReadingImport` reads back:
 * Omnivore-style JSON, Pocket-style CSV and a Netscape bookmark file. CSV and HTML keep save times
 * to the second, as those formats do.
 */
import Papa from 'papaparse';
import type { ReadingStatus } from '../model/reading';

/** What an export holds of a saved article (a `ReadingItem` or a stored article record). */
export interface ExportableReadingItem {
  url: string;
  title: string;
  tags: readonly string[];
  status: ReadingStatus;
  /** ms since epoch */
  savedAt: number;
  excerpt?: string;
}

/**
 * A JSON array in the shape of Omnivore's export (title, url, description, labels, savedAt,
 * state, readingProgressPercent), so tools that took Omnivore exports take this one. Archived is
 * state `ARCHIVED`; read is progress 100.
 */
export function toJson(items: readonly ExportableReadingItem[]): string {
  const entries = items.map((item) => ({
    title: item.title,
    url: item.url,
    ...(item.excerpt ? { description: item.excerpt } : {}),
    labels: [...item.tags],
    savedAt: new Date(item.savedAt).toISOString(),
    state: item.status === 'archived' ? 'ARCHIVED' : 'SUCCEEDED',
    readingProgressPercent: item.status === 'read' ? 100 : 0,
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}

const POCKET_STATUS: Record<ReadingStatus, string> = {
  unread: 'unread',
  archived: 'archive',
  // Pocket has no separate "read"; Backstory's import reads this back.
  read: 'read',
};

/**
 * What a spreadsheet runs as a formula: a cell starting with one of these, whatever follows, over any
 * number of lines (Papa's own default, `/^[=+\-@\t\r].*$/`, misses a multi-line cell).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV with Pocket's export columns (title, url, time_added in seconds, tags joined by `|`,
 * status `unread`/`archive`/`read`). Cells a spreadsheet would run as formulas get a leading quote,
 * which the import removes again.
 */
export function toCsv(items: readonly ExportableReadingItem[]): string {
  const rows = items.map((item) => ({
    title: item.title,
    url: item.url,
    time_added: Math.floor(item.savedAt / 1000),
    tags: item.tags.join('|'),
    status: POCKET_STATUS[item.status],
  }));
  return `${Papa.unparse(rows, { columns: ['title', 'url', 'time_added', 'tags', 'status'], escapeFormulae: FORMULA_START })}\r\n`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * A Netscape bookmark file, as browsers import and export: one `<DT><A>` per article with
 * ADD_DATE (seconds) and TAGS (comma-separated), the excerpt as `<DD>`. TOREAD marks unread items
 * (Pinboard's and linkding's convention); STATUS, which browsers ignore, keeps read and archived
 * apart for Backstory.
 */
export function toNetscapeHtml(items: readonly ExportableReadingItem[]): string {
  const entries = items.map((item) => {
    const attributes = [
      `HREF="${escapeHtml(item.url)}"`,
      `ADD_DATE="${Math.floor(item.savedAt / 1000)}"`,
      ...(item.tags.length > 0 ? [`TAGS="${escapeHtml(item.tags.join(','))}"`] : []),
      ...(item.status === 'unread' ? ['TOREAD="1"'] : []),
      `STATUS="${item.status}"`,
    ];
    const description = item.excerpt ? `\n    <DD>${escapeHtml(item.excerpt)}` : '';
    return `    <DT><A ${attributes.join(' ')}>${escapeHtml(item.title)}</A>${description}\n`;
  });
  return [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n',
    '<!-- Reading list exported by Backstory. -->\n',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n',
    '<TITLE>Reading list</TITLE>\n',
    '<H1>Reading list</H1>\n',
    '<DL><p>\n',
    ...entries,
    '</DL><p>\n',
  ].join('');
}
