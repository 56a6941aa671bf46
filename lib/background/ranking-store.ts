/**
 * The ranking index (lib/ranking/index.ts) of the library: held in memory, saved in the database
 * so a restarted service worker loads it instead of re-reading every analysis, and rebuilt after
 * any write to the analyses (Dexie's `storagemutated`, whoever writes).
 */
import type { BackstoryDatabase } from '../db/database';
import { buildRankingIndex, type RankingIndex } from '../ranking/index';
import { savedUntilChanged } from './table-cache';

const SETTING_KEY = 'rankingIndex';
/** Analyses read per query while building (bounds memory with large libraries). */
const BATCH = 5000;

export class RankingIndexStore {
  /** The index, from memory, from the database, or built from the analyses. */
  readonly get: () => Promise<RankingIndex>;

  constructor(private readonly db: BackstoryDatabase) {
    this.get = savedUntilChanged(db, ['analyses'], SETTING_KEY, {
      build: async () => buildRankingIndex(await this.readAll()),
      save: (index) => index,
      revive: (saved) => ((saved as RankingIndex).version === 1 ? (saved as RankingIndex) : undefined),
    });
  }

  private async readAll() {
    const all: Array<{ id: string; entityIds: string[]; publishedAt: string }> = [];
    let last = '';
    for (;;) {
      const batch = await this.db.analyses.where(':id').above(last).limit(BATCH).toArray();
      for (const { id, entityIds, publishedAt } of batch) all.push({ id, entityIds, publishedAt });
      if (batch.length < BATCH) return all;
      last = batch[batch.length - 1]!.id;
    }
  }
}
