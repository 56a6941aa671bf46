/**
 * Ranks analyses by relevance to a page (docs/ranking.md): the actors and events they share with
 * the page, each weighted by how rare it is in the library (idf) and how prominent it is on the page
 * (mentions, headline, lead), times a decay with the time between the analysis and the page.
 */

/** One actor or event found on the page. */
export interface PageEntity {
  entityId: string;
  count: number;
  inTitle?: boolean;
  inLead?: boolean;
}

export interface PageProfile {
  entities: readonly PageEntity[];
  /** The page's publication date (ISO), when it declares one. */
  publishedAt?: string;
}

export interface Rankable {
  entityIds: readonly string[];
  publishedAt: string;
}

/** Why an analysis's date deserves a warning next to this page. */
export type DateBadge = 'older' | 'later' | null;

export interface Ranked<T> {
  analysis: T;
  score: number;
  /** The page's actors and events this analysis discusses, most weighty first. */
  matched: string[];
  badge: DateBadge;
}

/** Weights, exported for the documentation and tests. */
export const WEIGHTS = {
  title: 1,
  lead: 0.5,
  /** Days over which the time factor halves. */
  halfLifeDays: 365,
  /** An analysis older than this (days before the page) gets the "older" badge. */
  olderThanDays: 183,
} as const;

const DAY = 86_400_000;
/** The day number (days since 1970) of an ISO date or date-time, or null. */
export const dayOf = (iso: string) => {
  const time = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(time) ? null : Math.floor(time / DAY);
};

/** How prominent an entity is on the page: more mentions, the headline and the lead weigh more. */
export function prominence(entity: PageEntity): number {
  return (
    1 +
    Math.log(Math.max(1, entity.count)) +
    (entity.inTitle ? WEIGHTS.title : 0) +
    (entity.inLead ? WEIGHTS.lead : 0)
  );
}

/** Inverse document frequency: rare entities in the library tell more about a page. */
export function idf(documentFrequency: number, totalAnalyses: number): number {
  return Math.log(1 + totalAnalyses / Math.max(1, documentFrequency));
}

/** 1 for the same day, 1/2 a half-life apart, 1/3 two half-lives apart; 1 when a date is unknown. */
export function timeFactor(analysisDay: number | null, pageDay: number | null): number {
  if (analysisDay === null || pageDay === null) return 1;
  return 1 / (1 + Math.abs(analysisDay - pageDay) / WEIGHTS.halfLifeDays);
}

export function dateBadge(analysisDay: number | null, pageDay: number | null): DateBadge {
  if (analysisDay === null || pageDay === null) return null;
  if (analysisDay > pageDay) return 'later';
  if (pageDay - analysisDay > WEIGHTS.olderThanDays) return 'older';
  return null;
}

/**
 * Scores and sorts `analyses` (best first, newer first on ties). Analyses sharing nothing with the
 * page score 0 and come last. `documentFrequency(id)` is how many analyses in the library discuss it.
 */
/** Each page entity's weight: idf × prominence. */
export function entityWeights(
  page: PageProfile,
  documentFrequency: (entityId: string) => number,
  totalAnalyses: number,
): Map<string, number> {
  const weights = new Map<string, number>();
  for (const entity of page.entities) {
    weights.set(entity.entityId, idf(documentFrequency(entity.entityId), totalAnalyses) * prominence(entity));
  }
  return weights;
}

/** The page's entities an analysis discusses, weightiest first. */
export function matchedEntities(
  entityIds: readonly string[],
  weights: ReadonlyMap<string, number>,
): string[] {
  return [...new Set(entityIds)]
    .filter((id) => weights.has(id))
    .sort((a, b) => weights.get(b)! - weights.get(a)!);
}

export function rankAnalyses<T extends Rankable>(
  page: PageProfile,
  analyses: readonly T[],
  documentFrequency: (entityId: string) => number,
  totalAnalyses: number,
): Array<Ranked<T>> {
  const weights = entityWeights(page, documentFrequency, totalAnalyses);
  const pageDay = page.publishedAt ? dayOf(page.publishedAt) : null;
  const ranked = analyses.map((analysis) => {
    const matched = matchedEntities(analysis.entityIds, weights);
    const relevance = matched.reduce((sum, id) => sum + weights.get(id)!, 0);
    const analysisDay = dayOf(analysis.publishedAt);
    return {
      analysis,
      score: relevance * timeFactor(analysisDay, pageDay),
      matched,
      badge: dateBadge(analysisDay, pageDay),
      day: analysisDay ?? 0,
    };
  });
  ranked.sort((a, b) => b.score - a.score || b.day - a.day);
  return ranked.map(({ day: _day, ...rest }) => rest);
}
