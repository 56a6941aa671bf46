/**
 * An inverted index for ranking: for each actor or event, the analyses that discuss it, as arrays
 * of small integers, plus each analysis's publication day. Ranking a page then touches only the
 * postings of the page's entities, in memory, and reads just the top analyses from the database.
 * Same score as `rankAnalyses` (docs/ranking.md).
 */
import { dateBadge, dayOf, entityWeights, timeFactor, type DateBadge, type PageProfile } from './rank';

export interface RankingIndex {
  version: 1;
  /** Analysis id of each slot. */
  ids: string[];
  /** Publication day of each slot (days since 1970), or UNKNOWN_DAY. */
  days: Int32Array;
  /** Row of each entity id in `offsets`. */
  entities: string[];
  /** Postings of entity row r are `postings[offsets[r]..offsets[r + 1])`. */
  offsets: Int32Array;
  postings: Int32Array;
}

export const UNKNOWN_DAY = -0x80000000;

/** Builds the index from analyses (only their ids, entity ids and dates are read). */
export function buildRankingIndex(
  analyses: Iterable<{ id: string; entityIds: readonly string[]; publishedAt: string }>,
): RankingIndex {
  const ids: string[] = [];
  const days: number[] = [];
  const lists = new Map<string, number[]>();
  for (const analysis of analyses) {
    const slot = ids.length;
    ids.push(analysis.id);
    days.push(dayOf(analysis.publishedAt) ?? UNKNOWN_DAY);
    for (const entityId of new Set(analysis.entityIds)) {
      const list = lists.get(entityId);
      if (list) list.push(slot);
      else lists.set(entityId, [slot]);
    }
  }
  const entities = [...lists.keys()];
  const offsets = new Int32Array(entities.length + 1);
  let total = 0;
  entities.forEach((id, row) => {
    offsets[row] = total;
    total += lists.get(id)!.length;
  });
  offsets[entities.length] = total;
  const postings = new Int32Array(total);
  entities.forEach((id, row) => postings.set(lists.get(id)!, offsets[row]!));
  return { version: 1, ids, days: Int32Array.from(days), entities, offsets, postings };
}

/** Row lookup, cached per index object. */
const rowMaps = new WeakMap<RankingIndex, Map<string, number>>();
function rowOf(index: RankingIndex, entityId: string): number | undefined {
  let rows = rowMaps.get(index);
  if (!rows) {
    rows = new Map(index.entities.map((id, row) => [id, row]));
    rowMaps.set(index, rows);
  }
  return rows.get(entityId);
}

/** The slots of analyses discussing an entity. */
export function postingsOf(index: RankingIndex, entityId: string): Int32Array {
  const row = rowOf(index, entityId);
  return row === undefined
    ? new Int32Array(0)
    : index.postings.subarray(index.offsets[row]!, index.offsets[row + 1]!);
}

export interface IndexRanked {
  id: string;
  score: number;
  badge: DateBadge;
}

/**
 * The `limit` best analyses for a page (optionally only those discussing `focus`), best first,
 * newer first on ties; analyses sharing nothing with the page are left out.
 */
export function rankWithIndex(
  index: RankingIndex,
  page: PageProfile,
  { focus = null, limit }: { focus?: string | null; limit: number },
): { ranked: IndexRanked[]; weights: Map<string, number> } {
  const total = index.ids.length;
  const weights = entityWeights(page, (id) => postingsOf(index, id).length, total);
  const scores = new Float64Array(total);
  const touched: number[] = [];
  for (const [entityId, weight] of weights) {
    for (const slot of postingsOf(index, entityId)) {
      if (scores[slot] === 0) touched.push(slot);
      scores[slot]! += weight;
    }
  }
  let candidates = touched;
  if (focus) {
    const allowed = new Uint8Array(total);
    for (const slot of postingsOf(index, focus)) allowed[slot] = 1;
    candidates = touched.filter((slot) => allowed[slot] === 1);
  }
  const pageDay = page.publishedAt ? dayOf(page.publishedAt) : null;
  const known = (day: number) => (day === UNKNOWN_DAY ? null : day);
  const final = new Float64Array(total);
  for (const slot of candidates) final[slot] = scores[slot]! * timeFactor(known(index.days[slot]!), pageDay);
  candidates.sort((a, b) => final[b]! - final[a]! || index.days[b]! - index.days[a]!);
  const ranked = candidates.slice(0, limit).map((slot) => ({
    id: index.ids[slot]!,
    score: final[slot]!,
    badge: dateBadge(known(index.days[slot]!), pageDay),
  }));
  return { ranked, weights };
}
