/**
 * Scores a document's discovered actors and events against a hand-made gold list
 * (tests/fixtures/discovery-gold/). A discovered name is right when it is one of the forms the
 * document uses for a gold entity (compared folded: case, accents, possessives); a second name for
 * a gold entity already found is a near-duplicate and counts against precision, as a wrong
 * boundary ("Secretary of State John Kerry") or a non-name ("Click here") does.
 */
import { aliasKey } from '../../lib/entities/fold';

export interface GoldEntity {
  name: string;
  kind: 'actor' | 'event';
  type: string;
  forms: string[];
  central: boolean;
}

export interface GoldDocument {
  document: string;
  source: string;
  language?: string;
  /** Made after the rules were written and never tuned on: the held-out set. */
  heldOut?: boolean;
  /** Held out and scored only once, after the last rule was written (its errors never read before). */
  blind?: boolean;
  entities: GoldEntity[];
}

/** What a discoverer found: a name, its other forms, and whether it called it an actor or an event. */
export interface Found {
  name: string;
  kind: 'actor' | 'event';
  /** Other forms of the same entity; the name is tried first. */
  aliases?: readonly string[];
}

export interface Score {
  found: number;
  right: number;
  /** Names that are no gold entity's form. */
  wrong: string[];
  /** Names for a gold entity another name already found. */
  duplicates: string[];
  gold: number;
  recalled: number;
  central: number;
  centralRecalled: number;
  events: { gold: number; recalled: number; found: number; right: number };
  /** Gold entities nobody found. */
  missed: string[];
}

export function scoreDocument(gold: GoldDocument, found: readonly Found[]): Score {
  const owner = new Map<string, number>();
  gold.entities.forEach((entity, index) => {
    for (const form of [entity.name, ...entity.forms]) owner.set(aliasKey(form), index);
  });
  /** Gold entity → the kind the discoverer gave the name that found it. */
  const matched = new Map<number, Found['kind']>();
  const score: Score = {
    found: found.length,
    right: 0,
    wrong: [],
    duplicates: [],
    gold: gold.entities.length,
    recalled: 0,
    central: gold.entities.filter((e) => e.central).length,
    centralRecalled: 0,
    events: { gold: gold.entities.filter((e) => e.kind === 'event').length, recalled: 0, found: 0, right: 0 },
    missed: [],
  };
  for (const item of found) {
    const index = [item.name, ...(item.aliases ?? [])]
      .map((form) => owner.get(aliasKey(form)))
      .find((i) => i !== undefined);
    if (item.kind === 'event') score.events.found++;
    if (index === undefined) score.wrong.push(item.name);
    else if (matched.has(index)) score.duplicates.push(item.name);
    else {
      matched.set(index, item.kind);
      score.right++;
      if (item.kind === 'event' && gold.entities[index]!.kind === 'event') score.events.right++;
    }
  }
  gold.entities.forEach((entity, index) => {
    if (!matched.has(index)) {
      score.missed.push(entity.name);
      return;
    }
    score.recalled++;
    if (entity.central) score.centralRecalled++;
    // An event found but called an actor is not an event found.
    if (entity.kind === 'event' && matched.get(index) === 'event') score.events.recalled++;
  });
  return score;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Precision and recalls of one score (null where there is nothing to divide by). */
export function rates(score: Score) {
  return {
    precision: ratio(score.right, score.found),
    recall: ratio(score.recalled, score.gold),
    centralRecall: ratio(score.centralRecalled, score.central),
    eventRecall: ratio(score.events.recalled, score.events.gold),
    eventPrecision: ratio(score.events.right, score.events.found),
  };
}

/** The scores of several documents added up (micro-averaged rates). */
export function total(scores: readonly Score[]): Score {
  const sum = (pick: (s: Score) => number) => scores.reduce((n, s) => n + pick(s), 0);
  return {
    found: sum((s) => s.found),
    right: sum((s) => s.right),
    wrong: scores.flatMap((s) => s.wrong),
    duplicates: scores.flatMap((s) => s.duplicates),
    gold: sum((s) => s.gold),
    recalled: sum((s) => s.recalled),
    central: sum((s) => s.central),
    centralRecalled: sum((s) => s.centralRecalled),
    events: {
      gold: sum((s) => s.events.gold),
      recalled: sum((s) => s.events.recalled),
      found: sum((s) => s.events.found),
      right: sum((s) => s.events.right),
    },
    missed: scores.flatMap((s) => s.missed),
  };
}
