/**
 * Per-tab page state. The service worker can be stopped at any time, so the state lives in a
 * store that outlives it (`storage.session` in the extension; a Map in tests).
 */
import type { PageState } from '../protocol/messages';

export interface TabStateStore {
  get(tabId: number): Promise<PageState | null>;
  set(tabId: number, state: PageState): Promise<void>;
  delete(tabId: number): Promise<void>;
  /** The actor or event the side panel is focused on for a tab. */
  getFocus(tabId: number): Promise<string | null>;
  setFocus(tabId: number, entityId: string | null): Promise<void>;
}

/** The storage area subset we use; `browser.storage.session` satisfies it. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const keyFor = (tabId: number) => `tab:${tabId}`;
const focusKeyFor = (tabId: number) => `focus:${tabId}`;

/** A TabStateStore over a storage area such as `browser.storage.session`. */
export function createTabStateStore(area: KeyValueArea): TabStateStore {
  return {
    async get(tabId) {
      const items = await area.get(keyFor(tabId));
      return (items[keyFor(tabId)] as PageState | undefined) ?? null;
    },
    set: (tabId, state) => area.set({ [keyFor(tabId)]: state }),
    async delete(tabId) {
      await area.remove(keyFor(tabId));
      await area.remove(focusKeyFor(tabId));
    },
    async getFocus(tabId) {
      const items = await area.get(focusKeyFor(tabId));
      return (items[focusKeyFor(tabId)] as string | undefined) ?? null;
    },
    setFocus: (tabId, entityId) =>
      entityId === null ? area.remove(focusKeyFor(tabId)) : area.set({ [focusKeyFor(tabId)]: entityId }),
  };
}

/** An in-memory area, for tests and for browsers without `storage.session`. */
export function createMemoryArea(): KeyValueArea {
  const map = new Map<string, unknown>();
  return {
    get: async (key) => (map.has(key) ? { [key]: map.get(key) } : {}),
    set: async (items) => {
      for (const [key, value] of Object.entries(items)) map.set(key, value);
    },
    remove: async (key) => {
      map.delete(key);
    },
  };
}
