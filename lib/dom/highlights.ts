/**
 * Highlights with the CSS Custom Highlight API: ranges are registered by name and styled by the
 * content script's stylesheet (`::highlight(backstory-actor)`); the page's DOM is never touched.
 */
import type { EntityKind } from '../model/schema';
import type { PageMention } from './scanner';

export const HIGHLIGHT_NAMES: Record<EntityKind, string> = {
  actor: 'backstory-actor',
  event: 'backstory-event',
};
/** The mention the keyboard moved to. */
export const FOCUS_HIGHLIGHT = 'backstory-focus';

/** The browser's registry (`CSS.highlights`) and Highlight constructor, passed in for testability. */
export interface HighlightApi {
  registry: { set(name: string, highlight: unknown): unknown; delete(name: string): boolean };
  create: (ranges: Range[]) => unknown;
}

/** The browser's own API, or null where the Custom Highlight API is missing. */
export function browserHighlightApi(): HighlightApi | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return null;
  return { registry: CSS.highlights, create: (ranges) => new Highlight(...ranges) };
}

/** Replaces Backstory's highlights with `mentions`, one highlight per kind. */
export function showHighlights(api: HighlightApi, mentions: readonly PageMention[]): void {
  const byKind: Record<EntityKind, Range[]> = { actor: [], event: [] };
  for (const { kind, range } of mentions) byKind[kind].push(range);
  for (const kind of Object.keys(HIGHLIGHT_NAMES) as EntityKind[]) {
    const ranges = byKind[kind];
    if (ranges.length > 0) api.registry.set(HIGHLIGHT_NAMES[kind], api.create(ranges));
    else api.registry.delete(HIGHLIGHT_NAMES[kind]);
  }
}

/** Marks one mention as the keyboard's current one, or none. */
export function showFocus(api: HighlightApi, mention: PageMention | null): void {
  if (mention) api.registry.set(FOCUS_HIGHLIGHT, api.create([mention.range]));
  else api.registry.delete(FOCUS_HIGHLIGHT);
}

/** Removes every Backstory highlight at once. */
export function clearHighlights(api: HighlightApi): void {
  for (const name of [...Object.values(HIGHLIGHT_NAMES), FOCUS_HIGHLIGHT]) api.registry.delete(name);
}
