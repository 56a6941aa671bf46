/**
 * Finds mentions of the library's actors and events in text, by the rules of docs/matching.md:
 * whole words, folded case and diacritics (except case-sensitive aliases), leftmost-longest and
 * non-overlapping, ambiguous aliases only with context, hidden aliases skipped.
 */
import type { Alias, EntityKind } from '../model/schema';
import { Automaton } from './automaton';
import { aliasKey, fold, isWordCode, sourceSpan } from './fold';

/** What the matcher needs of an entity. */
export interface MatchableEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: readonly Alias[];
  related: readonly string[];
}

/** An alias the reader hid ("Not this"), already narrowed to the current site. */
export interface HiddenAlias {
  entityId: string;
  /** The alias text as shown; compared folded. */
  alias: string;
}

/** One entity that an alias may stand for. */
export interface AliasOwner {
  entityId: string;
  caseSensitive: boolean;
  /** Marked ambiguous, or shared with another entity. */
  ambiguous: boolean;
  /** The alias folded without lower-casing, for case-sensitive checks (empty when case-free). */
  casedKey: string;
}

/** A place in a text where an alias occurs; `start`/`end` are offsets in the source text. */
export interface Candidate {
  start: number;
  end: number;
  owners: AliasOwner[];
}

/** A candidate whose entity is decided. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
}

/**
 * The matching key of an alias: folded, and without a leading "the" before a name of two or more
 * words (so "the Assad regime" cannot steal the start of "the Islamic State group"; the highlight
 * covers the name). One-word names keep it: "The Pas" is a town, "The Times" a paper.
 */
export function matchKey(alias: string, lower = true): string {
  const key = aliasKey(alias, lower);
  const rest = key.replace(/^(?:the|The|THE) /, '');
  return rest !== key && rest.includes(' ') ? rest : key;
}

export class EntityMatcher {
  private readonly automaton: Automaton;
  private readonly owners: AliasOwner[][];
  /** Entity id → ids it is related to, in both directions. */
  private readonly context = new Map<string, Set<string>>();
  readonly aliasCount: number;

  constructor(entities: readonly MatchableEntity[], hidden: readonly HiddenAlias[] = []) {
    const hiddenKeys = new Set(hidden.map((h) => `${h.entityId}\u0000${matchKey(h.alias)}`));
    const byKey = new Map<string, AliasOwner[]>();
    for (const entity of entities) {
      // The name is an alias too, unless an alias spells it out with its own rules ("Turkey").
      const forms: Alias[] = entity.aliases.some((a) => a.text === entity.name)
        ? [...entity.aliases]
        : [{ text: entity.name }, ...entity.aliases];
      for (const alias of forms) {
        const key = matchKey(alias.text);
        if (!key || hiddenKeys.has(`${entity.id}\u0000${key}`)) continue;
        const list = byKey.get(key) ?? [];
        if (list.some((o) => o.entityId === entity.id && o.caseSensitive === !!alias.caseSensitive)) continue;
        list.push({
          entityId: entity.id,
          caseSensitive: !!alias.caseSensitive,
          ambiguous: !!alias.ambiguous,
          casedKey: alias.caseSensitive ? matchKey(alias.text, false) : '',
        });
        byKey.set(key, list);
      }
      for (const other of entity.related) {
        this.relate(entity.id, other);
        this.relate(other, entity.id);
      }
    }
    const keys = [...byKey.keys()];
    this.owners = keys.map((key) => {
      const list = byKey.get(key)!;
      // A word shared by two entities is ambiguous for both.
      const shared = new Set(list.map((o) => o.entityId)).size > 1;
      return shared ? list.map((o) => ({ ...o, ambiguous: true })) : list;
    });
    this.aliasCount = keys.length;
    this.automaton = new Automaton(keys);
  }

  private relate(from: string, to: string) {
    const set = this.context.get(from) ?? new Set<string>();
    set.add(to);
    this.context.set(from, set);
  }

  /** Alias occurrences in `text`: whole words, case rules applied, leftmost-longest, non-overlapping. */
  find(text: string): Candidate[] {
    const folded = fold(text);
    const haystack = folded.text;
    const found: Array<{ start: number; end: number; owners: AliasOwner[] }> = [];
    const lengths = this.automaton.patternLengths;
    this.automaton.search(haystack, (pattern, end) => {
      const start = end - lengths[pattern]!;
      if (start > 0 && isWordCode(haystack.charCodeAt(start - 1))) return;
      if (end < haystack.length && isWordCode(haystack.charCodeAt(end))) return;
      let owners = this.owners[pattern]!;
      if (owners.some((o) => o.caseSensitive)) {
        const span = sourceSpan(text, folded, start, end);
        const cased = aliasKey(text.slice(span.start, span.end), false);
        owners = owners.filter((o) => !o.caseSensitive || o.casedKey === cased);
        if (owners.length === 0) return;
      }
      found.push({ start, end, owners });
    });
    // Leftmost first; at one start, the longest wins; nothing overlaps what was taken.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const taken: Candidate[] = [];
    let reach = 0;
    for (const match of found) {
      if (match.start < reach) continue;
      reach = match.end;
      const span = sourceSpan(text, folded, match.start, match.end);
      taken.push({ start: span.start, end: span.end, owners: match.owners });
    }
    return taken;
  }

  /**
   * Decides each candidate's entity for a whole page: an unambiguous alias counts; an ambiguous one
   * counts only when its entity, or an entity related to it, is named unambiguously on the page.
   * Returns, for each candidate, the entity id or null (dropped).
   */
  resolve(candidates: readonly Candidate[]): Array<string | null> {
    const certain = new Map<string, number>();
    for (const candidate of candidates) {
      const [only, ...rest] = candidate.owners;
      if (only && rest.length === 0 && !only.ambiguous) {
        certain.set(only.entityId, (certain.get(only.entityId) ?? 0) + 1);
      }
    }
    const hasContext = (id: string) =>
      certain.has(id) || [...(this.context.get(id) ?? [])].some((other) => certain.has(other));
    return candidates.map(({ owners }) => {
      if (owners.length === 1 && !owners[0]!.ambiguous) return owners[0]!.entityId;
      const plausible = owners.filter((o) => hasContext(o.entityId));
      if (plausible.length === 0) return null;
      plausible.sort((a, b) => (certain.get(b.entityId) ?? 0) - (certain.get(a.entityId) ?? 0));
      return plausible[0]!.entityId;
    });
  }

  /** Finds and resolves in one text (tests, single-block pages). */
  mentions(text: string): Mention[] {
    const candidates = this.find(text);
    const ids = this.resolve(candidates);
    return candidates.flatMap((c, i) => (ids[i] ? [{ start: c.start, end: c.end, entityId: ids[i] }] : []));
  }
}
