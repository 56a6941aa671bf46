/** What an import did, per table. Shared with the message protocol. */
export interface ImportReport {
  added: { analyses: number; entities: number; sources: number };
  updated: { analyses: number; entities: number; sources: number };
  unchanged: number;
}
