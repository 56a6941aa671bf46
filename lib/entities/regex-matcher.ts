/**
 * Finds entity mentions in plain text with one RegExp alternation per case mode, longest alias
 * first, whole words only. Simple and correct for small libraries; it is also the "RegExp
 * alternation" reference the highlighting benchmark compares against.
 */
import type { CatalogEntity } from '../protocol/messages';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alias as a pattern: any run of whitespace in the page stands for its spaces. */
const aliasPattern = (text: string) => text.trim().split(/\s+/).map(escapeRegExp).join('\\s+');

/** The key under which a matched text finds its alias: case-folded unless case-sensitive. */
const keyOf = (text: string, caseSensitive: boolean) =>
  caseSensitive ? `=${text.split(/\s+/).join(' ')}` : `~${text.toLocaleLowerCase().split(/\s+/).join(' ')}`;

/** Letters and digits on either side mean the alias is part of a longer word. */
const wrap = (alternatives: string[]) => `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`;

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
    // The name is an alias too, unless an alias spells it out with its own rules ("Turkey").
    const listsName = entity.aliases.some((alias) => alias.text === entity.name);
    const forms = listsName ? entity.aliases : [{ text: entity.name }, ...entity.aliases];
    for (const alias of forms) {
      const caseSensitive = 'caseSensitive' in alias && alias.caseSensitive === true;
      const key = keyOf(alias.text, caseSensitive);
      if (owners.has(key)) continue;
      owners.set(key, entity.id);
      (caseSensitive ? sensitive : insensitive).push(alias.text);
    }
  }
  const byLengthDesc = (a: string, b: string) => b.length - a.length;
  const compile = (aliases: string[], flags: string) =>
    aliases.length ? new RegExp(wrap(aliases.sort(byLengthDesc).map(aliasPattern)), flags) : null;
  const patterns = [
    { regex: compile(insensitive, 'giu'), caseSensitive: false },
    { regex: compile(sensitive, 'gu'), caseSensitive: true },
  ];

  return (text) => {
    const taken: Array<[number, number]> = [];
    const counts = new Map<string, number>();
    for (const { regex, caseSensitive } of patterns) {
      if (!regex) continue;
      for (const match of text.matchAll(regex)) {
        const start = match.index;
        const end = start + match[0].length;
        // A case-insensitive match already covering this span wins ("Islamic State group" over "IS").
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        const id = owners.get(keyOf(match[0], caseSensitive));
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    return [...counts].map(([entityId, count]) => ({ entityId, count }));
  };
}
