/**
 * The reader's display settings, with their defaults. Stored in the `settings` table under
 * `DISPLAY_SETTINGS_KEY`; unknown or missing fields fall back to the defaults.
 */
import { z } from 'zod';

export const displaySettingsSchema = z.strictObject({
  /** Highlight the first mention of each actor or event, or every mention. */
  highlightMode: z.enum(['first', 'every']),
  /** Also read navigation, page header and footer, and asides. */
  includeNavigation: z.boolean(),
  /** Also read link text. */
  includeLinks: z.boolean(),
  /** Backstory is paused on every site. */
  paused: z.boolean(),
});

export type DisplaySettings = z.infer<typeof displaySettingsSchema>;

export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = {
  highlightMode: 'first',
  includeNavigation: false,
  includeLinks: false,
  paused: false,
};

export const DISPLAY_SETTINGS_KEY = 'display';

/** Reads stored settings leniently: a damaged field falls back to its default, the rest is kept. */
export function readDisplaySettings(stored: unknown): DisplaySettings {
  const settings = { ...DEFAULT_DISPLAY_SETTINGS };
  if (typeof stored !== 'object' || stored === null) return settings;
  const shape = displaySettingsSchema.shape;
  for (const key of Object.keys(shape) as Array<keyof DisplaySettings>) {
    const parsed = shape[key].safeParse((stored as Record<string, unknown>)[key]);
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data;
  }
  return settings;
}

/** The host a site setting applies to: `www.` dropped, lower case. Null for non-web URLs. */
export function siteKey(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}
