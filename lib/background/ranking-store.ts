/**
 * The ranking index (lib/ranking/index.ts) of the library: held in memory, saved in the database
 * so a restarted service worker loads it instead of re-reading every analysis, and rebuilt after
 * the library changes (`invalidate`, called by every write path: imports, the starter pack).
 */
import type { BackstoryDatabase } from '../db/database';
import { buildRankingIndex, type RankingIndex } from '../ranking/index';

const SETTING_KEY = 'rankingIndex';
/** Analyses read per query while building (bounds memory with large libraries). */
const BATCH = 5000;

export class RankingIndexStore {
  private current: Promise<RankingIndex> | null = null;

  constructor(private readonly db: BackstoryDatabase) {}

  /** The index, from memory, from the database, or built from the analyses. */
  get(): Promise<RankingIndex> {
    this.current ??= this.load().catch((error: unknown) => {
      this.current = null;
      throw error;
    });
    return this.current;
  }

  /** Forgets the index; the next `get` rebuilds it. */
  async invalidate(): Promise<void> {
    this.current = null;
    await this.db.settings.delete(SETTING_KEY);
  }

  private async load(): Promise<RankingIndex> {
    const stored = (await this.db.settings.get(SETTING_KEY))?.value as RankingIndex | undefined;
    if (stored?.version === 1) return stored;
    const index = buildRankingIndex(await this.readAll());
    await this.db.settings.put({ key: SETTING_KEY, value: index });
    return index;
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
