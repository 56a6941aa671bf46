/**
 * Browser-neutral steps for the shared flows, built on DriverPage. The "control" page is an
 * extension page (options.html) kept open: it has the extension's APIs and database origin in
 * both browsers, so it stands in for Chromium's service worker and Firefox's background page.
 */
import type { PageState } from '../../../lib/protocol/messages';
import type { DriverPage } from './types';

/** The extension API object inside an extension page: `browser` in Firefox, `chrome` in Chromium. */
type ExtensionApi = typeof chrome;

/**
 * Counts the rows of one store of the extension's database. Runs inside an extension context (an
 * extension page, or Chromium's service worker), so it is exported for both to evaluate.
 */
export function countRowsHere(storeName: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('backstory');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(storeName)) {
        db.close();
        resolve(0);
        return;
      }
      const request = db.transaction(storeName).objectStore(storeName).count();
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/** Counts the rows of one store of the extension's database, read in the control page. */
export const countRows = (control: DriverPage, store: string): Promise<number> =>
  control.evaluate(countRowsHere, store);

/**
 * Makes the permission prompt answer "Allow" in an extension page where the browser's own prompt
 * cannot be answered by automation (Chromium: it is browser UI); Firefox's test profile grants by itself.
 */
export async function standInForPermissionPrompt(
  browser: { grantsPermissionPrompts: boolean },
  page: DriverPage,
) {
  if (browser.grantsPermissionPrompts) return;
  await page.evaluate(() => {
    chrome.permissions.request = (async () => true) as unknown as typeof chrome.permissions.request;
  });
}

/** Sends one protocol message from an extension page (as the side panel or options would). */
export async function ask<T = unknown>(control: DriverPage, type: string, data: unknown): Promise<T> {
  const reply = await control.evaluate(
    ([messageType, messageData]) => {
      const api = ((globalThis as { browser?: ExtensionApi }).browser ?? chrome) as ExtensionApi;
      return api.runtime.sendMessage({ protocol: 'backstory/1', type: messageType, data: messageData });
    },
    [type, data] as const,
  );
  const answer = reply as { ok: boolean; value?: T; error?: { message: string; details?: string[] } };
  if (!answer.ok)
    throw new Error(`${type}: ${answer.error?.message} ${answer.error?.details?.join('; ') ?? ''}`);
  return answer.value as T;
}

/**
 * The browser's tab id for `page`: brought to the front, it is the active tab. (Without the
 * "tabs" permission, which Backstory does not ask for, tabs cannot be queried by URL.)
 */
export async function tabIdFor(control: DriverPage, page: DriverPage): Promise<number> {
  await page.bringToFront();
  return control.evaluate(async () => {
    const api = ((globalThis as { browser?: ExtensionApi }).browser ?? chrome) as ExtensionApi;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Sends a background → content script message to a tab, as the background would. */
export function sendToTab(control: DriverPage, tabId: number, message: unknown): Promise<unknown> {
  return control.evaluate(
    ([id, body]) => {
      const api = ((globalThis as { browser?: ExtensionApi }).browser ?? chrome) as ExtensionApi;
      return api.tabs.sendMessage(id, body);
    },
    [tabId, message] as const,
  );
}

/** Backstory's page state for a tab once it has reported its scan (with its task statistics). */
export async function scannedState(control: DriverPage, tabId: number): Promise<PageState> {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    const state = await ask<PageState | null>(control, 'tab.state', { tabId });
    if (state?.stats != null) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Timed out waiting for the page’s scan statistics');
}

/** Waits until `probe` returns true, polling; fails with `what` after `timeoutMs`. */
export async function waitFor(probe: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A text to look for: exact (after trimming) for a string, a search for a pattern. */
export type TextPattern = string | RegExp;
type WireText = { exact: string } | { source: string; flags: string };
const toWire = (text: TextPattern): WireText =>
  typeof text === 'string' ? { exact: text } : { source: text.source, flags: text.flags };

/**
 * The centre of the first element matching `selector` (with `text`, if given), scrolled into view,
 * in viewport coordinates; null when there is none. Runs in the page.
 */
function locate([selector, text]: readonly [string, WireText | null]) {
  const matches = (element: Element) => {
    if (!text) return true;
    const content = (element.textContent ?? '').trim();
    return 'exact' in text ? content === text.exact : new RegExp(text.source, text.flags).test(content);
  };
  const element = [...document.querySelectorAll(selector)].find(matches);
  if (!element) return null;
  element.scrollIntoView({ block: 'center', inline: 'nearest' });
  const rect = element.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** Waits for the element matching `selector` (and `text`), then clicks it with the real mouse. */
export async function click(page: DriverPage, selector: string, text?: TextPattern): Promise<void> {
  const args = [selector, text === undefined ? null : toWire(text)] as const;
  await page.waitForFunction(locate, args);
  const point = await page.evaluate(locate, args);
  if (!point) throw new Error(`Nothing to click at ${selector}`);
  await page.mouseClick(point.x, point.y);
}

/** Waits until an element matching `selector` exists (with `text`, if given). */
export async function waitForElement(
  page: DriverPage,
  selector: string,
  text?: TextPattern,
  timeoutMs?: number,
): Promise<void> {
  const wire = text === undefined ? null : toWire(text);
  try {
    await page.waitForFunction(
      ([css, expected]) =>
        [...document.querySelectorAll(css)].some((element) => {
          if (!expected) return true;
          const content = (element.textContent ?? '').trim();
          return 'exact' in expected
            ? content === expected.exact
            : new RegExp(expected.source, expected.flags).test(content);
        }),
      [selector, wire] as const,
      timeoutMs,
    );
  } catch (error) {
    // Say what is there instead: the failure then explains itself.
    const seen = await texts(page, selector).catch(() => []);
    throw new Error(`No ${selector} with ${String(text ?? 'any text')}; seen: ${JSON.stringify(seen)}`, {
      cause: error,
    });
  }
}

/** The trimmed text of every element matching `selector`. */
export function texts(page: DriverPage, selector: string): Promise<string[]> {
  return page.evaluate(
    (css) => [...document.querySelectorAll(css)].map((element) => (element.textContent ?? '').trim()),
    selector,
  );
}

/** The value of an attribute on every element matching `selector`. */
export function attributes(page: DriverPage, selector: string, name: string): Promise<Array<string | null>> {
  return page.evaluate(
    ([css, attribute]) =>
      [...document.querySelectorAll(css)].map((element) => element.getAttribute(attribute)),
    [selector, name] as const,
  );
}

/** Types `value` into the field matching `selector` as the reader would (input events included). */
export async function fill(page: DriverPage, selector: string, value: string): Promise<void> {
  await waitForElement(page, selector);
  await page.evaluate(
    ([css, text]) => {
      const field = document.querySelector(css) as HTMLInputElement | HTMLTextAreaElement;
      field.focus();
      // The prototype's setter, so a framework's own value tracking sees the change.
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')!.set!;
      setter.call(field, text);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [selector, value] as const,
  );
}

/** Chooses a file for the file input matching `selector`, as the file picker would. */
export async function chooseFile(
  page: DriverPage,
  selector: string,
  file: { name: string; type: string; text: string },
): Promise<void> {
  await waitForElement(page, selector);
  await page.evaluate(
    ([css, chosen]) => {
      const input = document.querySelector(css) as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([chosen.text], chosen.name, { type: chosen.type }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [selector, file] as const,
  );
}
