/**
 * The starter library: the built-in pack imported once, on first install.
 */
import type { BackstoryDatabase } from '../db/database';
import { importPack, type ImportReport } from '../db/import';
import { parsePack } from '../pack/pack';

/** Settings key recording which starter pack was installed, so a reader's deletions stick. */
export const STARTER_SETTING = 'starterPackInstalled';

/**
 * Imports the starter pack unless it was installed before. `loadPack` reads the bundled file.
 * Returns null when there was nothing to do.
 */
export async function installStarterPack(
  db: BackstoryDatabase,
  loadPack: () => Promise<unknown>,
): Promise<ImportReport | null> {
  const installed = await db.settings.get(STARTER_SETTING);
  if (installed) return null;
  const parsed = parsePack(await loadPack());
  if (!parsed.ok) throw new Error(`The built-in starter pack is invalid: ${parsed.errors.join('; ')}`);
  const report = await importPack(db, parsed.pack);
  await db.settings.put({ key: STARTER_SETTING, value: { id: parsed.pack.id, at: Date.now() } });
  return report;
}
