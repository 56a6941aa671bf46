/**
 * Finds entity mentions in plain text with one RegExp alternation per case mode, longest alias
 * first, whole words only. Simple and correct for small libraries; it is also the "RegExp
 * alternation" reference the highlighting benchmark compares against.
 */
import type { CatalogEntity } from '../protocol/messages';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Letters and digits on either side mean the alias is part of a longer word. */
const wrap = (alternatives: string[]) =>
  `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`;

export interface MentionCount {
  entityId: string;
  count: number;
}

/** Compiles the catalog once; the returned function counts mentions per entity in a text. */
export function compileRegexMatcher(entities: readonly CatalogEntity[]): (text: string) => MentionCount[] {
  const owners = new Map<string, string>(); // alias key -> entity id
  const insensitive: string[] = [];
  const sensitive: string[] = [];
  for (const entity of entities) {
    const forms = [{ text: entity.name }, ...entity.aliases];
    for (const alias of forms) {
      const caseSensitive = 'caseSensitive' in alias && alias.caseSensitive === true;
      const key = caseSensitive ? `=${alias.text}` : `~${alias.text.toLocaleLowerCase()}`;
      if (owners.has(key)) continue;
      owners.set(key, entity.id);
      (caseSensitive ? sensitive : insensitive).push(alias.text);
    }
  }
  const byLengthDesc = (a: string, b: string) => b.length - a.length;
  const patterns = [
    { regex: insensitive.length ? new RegExp(wrap(insensitive.sort(byLengthDesc).map(escapeRegExp)), 'giu') : null, prefix: '~' },
    { regex: sensitive.length ? new RegExp(wrap(sensitive.sort(byLengthDesc).map(escapeRegExp)), 'gu') : null, prefix: '=' },
  ];

  return (text) => {
    const taken: Array<[number, number]> = [];
    const counts = new Map<string, number>();
    for (const { regex, prefix } of patterns) {
      if (!regex) continue;
      for (const match of text.matchAll(regex)) {
        const start = match.index;
        const end = start + match[0].length;
        // A case-insensitive match already covering this span wins ("Islamic State group" over "IS").
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        const key = prefix === '~' ? `~${match[0].toLocaleLowerCase()}` : `=${match[0]}`;
        const id = owners.get(key);
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    return [...counts].map(([entityId, count]) => ({ entityId, count }));
  };
}
