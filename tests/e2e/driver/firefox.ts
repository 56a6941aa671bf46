/** The flows' driver for Firefox: puppeteer-core over WebDriver BiDi with the Firefox build (scripts/firefox.mjs). */
import type { Browser, Page } from 'puppeteer-core';
import { GECKO_ID, launchFirefoxWithExtension } from '../../../scripts/firefox.mjs';
import { firefoxShadowReader } from '../../../scripts/closed-shadow.mjs';
import { pollInPage } from './poll';
import type { DriverBrowser, DriverPage, InPage } from './types';

/** The parts of puppeteer's BiDi objects used here; puppeteer does not export their types. */
interface BidiSession {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}
interface BidiContext {
  id: string;
  navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void>;
  userContext: { browser: { session: BidiSession } };
}
const contextOf = (page: Page) =>
  (page.mainFrame() as unknown as { browsingContext: BidiContext }).browsingContext;

/**
 * Navigates with BiDi itself and waits for the new document. puppeteer's `goto` waits on BiDi's
 * navigation events, which never come for moz-extension:// pages, and which fail a news page whose
 * remote frames load error pages ("Address rejected") although the page itself loaded.
 */
async function navigate(page: Page, url: string, driverPage: DriverPage) {
  await contextOf(page).navigate(url, 'none');
  await pollInPage(
    driverPage,
    (target) => document.URL === target && document.readyState !== 'loading',
    url,
    30_000,
  );
}

function wrap(page: Page): DriverPage {
  const shadows = firefoxShadowReader(contextOf(page).userContext.browser.session, () => contextOf(page).id);
  const driverPage: DriverPage = {
    inShadow: (host, fn, arg) => shadows.inShadow(host, fn, arg),
    url: () => page.url(),
    goto: (url) => navigate(page, url, driverPage),
    evaluate: <R, A>(fn: InPage<A, R>, arg?: A) => page.evaluate(fn as never, arg as never) as Promise<R>,
    waitForFunction: (fn, arg, timeoutMs = 15_000) => pollInPage(driverPage, fn, arg, timeoutMs),
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseClick: (x, y, button = 'left') => page.mouse.click(x, y, { button }),
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
  return driverPage;
}

/** The keys of the manifest's commands (wxt.config.ts), as Firefox's key bindings spell them. */
const COMMAND_KEYS = { 'next-mention': 'J', 'previous-mention': 'K' } as const;

/** Firefox's id for the add-on in its browser-window markup (its "widget id"). */
export const WIDGET_ID = GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');

/**
 * Evaluates `expression` in the browser window itself (browser.xhtml), where the toolbar button,
 * the sidebar and the add-on's key bindings live. Needs the BiDi session's system access
 * (--remote-allow-system-access). The value must be JSON-like.
 */
async function inBrowserWindow(page: Page, expression: string): Promise<unknown> {
  const session = contextOf(page).userContext.browser.session;
  const tree = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const [window] = tree.result.contexts as Array<{ context: string }>;
  if (!window) throw new Error('No browser window.');
  const { result } = await session.send('script.evaluate', {
    expression: `JSON.stringify(${expression})`,
    target: { context: window.context },
    awaitPromise: true,
  });
  const outcome = result as {
    type: string;
    result?: { value?: string };
    exceptionDetails?: { text?: string };
  };
  if (outcome.type !== 'success') throw new Error(`In the browser window: ${outcome.exceptionDetails?.text}`);
  return JSON.parse(outcome.result?.value ?? 'null');
}

/**
 * Fires the key binding Firefox made for one of the add-on's commands (its own `<key>` element:
 * the same path as the reader pressing the keys).
 */
async function fireKeyBinding(page: Page, key: string) {
  const fired = await inBrowserWindow(
    page,
    `(() => {
      const binding = document.querySelector('#ext-keyset-id-${WIDGET_ID} key[key="${key}"][modifiers="alt,shift"]');
      if (!binding) return false;
      binding.dispatchEvent(new Event('command'));
      return true;
    })()`,
  );
  if (fired !== true) throw new Error(`Firefox has no key binding Alt+Shift+${key} for Backstory.`);
}

/** The Firefox driver, with what only Firefox has: its browser window. */
export interface FirefoxDriver extends DriverBrowser {
  /** Evaluates an expression in the browser window (see inBrowserWindow). */
  inBrowserWindow(expression: string): Promise<unknown>;
}

export async function launchFirefoxDriver(profileDir: string): Promise<FirefoxDriver> {
  let { browser, extensionOrigin } = await launchFirefoxWithExtension({ profileDir });
  const current = (): Browser => browser;
  const pages = new WeakMap<DriverPage, Page>();
  const track = (page: Page) => {
    const driverPage = wrap(page);
    pages.set(driverPage, page);
    return driverPage;
  };
  return {
    name: 'firefox',
    extensionOrigin,
    profileDir,
    grantsPermissionPrompts: true,
    newPage: async (initScript) => {
      const page = await current().newPage();
      if (initScript) await page.evaluateOnNewDocument(initScript);
      return track(page);
    },
    openExtensionPage: async (path) => {
      const page = await current().newPage();
      const driverPage = track(page);
      await navigate(page, `${extensionOrigin}/${path}`, driverPage);
      return driverPage;
    },
    waitForNewPage: async (urlPart, action) => {
      // BiDi reports no navigation of a new tab to a moz-extension:// page, so its target keeps
      // the URL about:blank: look for new tabs and ask each where it is.
      const before = new Set(await current().pages());
      await action();
      const end = Date.now() + 15_000;
      while (Date.now() < end) {
        for (const page of await current().pages()) {
          if (before.has(page)) continue;
          const url = await page.evaluate(() => document.URL).catch(() => '');
          if (url.includes(urlPart)) {
            const driverPage = track(page);
            await pollInPage(driverPage, () => document.readyState !== 'loading', undefined, 15_000);
            return driverPage;
          }
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`No new tab at an address with ${urlPart}`);
    },
    runCommand: async (page, command) => {
      const tab = pages.get(page);
      if (!tab) throw new Error('Not a page of this browser.');
      await tab.bringToFront();
      await fireKeyBinding(tab, COMMAND_KEYS[command]);
    },
    inBrowserWindow: async (expression) => inBrowserWindow((await current().pages())[0]!, expression),
    relaunch: async () => {
      await browser.close();
      ({ browser, extensionOrigin } = await launchFirefoxWithExtension({ profileDir }));
    },
    close: () => browser.close(),
  };
}
