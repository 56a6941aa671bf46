/** Display helpers shared by components. */

/** "9 Feb 2016" from an ISO date or date-time; the input unchanged when it is not a date. */
export function formatDate(iso: string, locale?: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "Nicholas Burns and James Jeffrey", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The first sentence of a text, at most `max` characters (cut at a word, with an ellipsis). */
export function oneLine(text: string, max = 160): string {
  // A sentence ends at . ! or ? before a capital (or the end), not after an initial or title ("U.S.", "Mr.").
  const end = /^.*?(?<!\b[A-Z])(?<!\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Prof|Amb))[.!?](?=\s+["“‘(]?[A-Z]|\s*$)/s;
  const sentence = end.exec(text.trim())?.[0] ?? text.trim();
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
