/** The flows' driver for Firefox: puppeteer-core over WebDriver BiDi with the Firefox build (scripts/firefox.mjs). */
import type { Browser, Page } from 'puppeteer-core';
import { GECKO_ID, launchFirefoxWithExtension } from '../../../scripts/firefox.mjs';
import { pollInPage } from './poll';
import type { DriverBrowser, DriverPage, InPage } from './types';

/** The parts of puppeteer's BiDi objects used here; puppeteer does not export their types. */
interface BidiSession {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}
interface BidiContext {
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
  const driverPage: DriverPage = {
    url: () => page.url(),
    goto: (url) => navigate(page, url, driverPage),
    evaluate: <R, A>(fn: InPage<A, R>, arg?: A) => page.evaluate(fn as never, arg as never) as Promise<R>,
    waitForFunction: (fn, arg, timeoutMs = 15_000) => pollInPage(driverPage, fn, arg, timeoutMs),
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseClick: (x, y) => page.mouse.click(x, y),
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

/**
 * Fires the key binding Firefox made for one of the extension's commands in the browser window
 * (its own `<key>` element: the same path as the reader pressing the keys). Needs the BiDi
 * session's system access (--remote-allow-system-access) to reach the browser window.
 */
async function fireKeyBinding(page: Page, key: string) {
  const session = contextOf(page).userContext.browser.session;
  const tree = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const [window] = tree.result.contexts as Array<{ context: string }>;
  if (!window) throw new Error('No browser window to send the shortcut to.');
  const keyset = `ext-keyset-id-${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;
  const { result } = await session.send('script.evaluate', {
    expression: `(() => {
      const binding = document.querySelector('#${keyset} key[key="${key}"][modifiers="alt,shift"]');
      if (!binding) return false;
      binding.dispatchEvent(new Event('command'));
      return true;
    })()`,
    target: { context: window.context },
    awaitPromise: false,
  });
  if ((result as { result?: { value?: unknown } }).result?.value !== true) {
    throw new Error(`Firefox has no key binding Alt+Shift+${key} for Backstory.`);
  }
}

export async function launchFirefoxDriver(profileDir: string): Promise<DriverBrowser> {
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
      const [target] = await Promise.all([
        current().waitForTarget((t) => t.url().includes(urlPart), { timeout: 15_000 }),
        action(),
      ]);
      const page = await target.page();
      if (!page) throw new Error(`The new tab at ${target.url()} is not a page.`);
      const driverPage = track(page);
      await pollInPage(driverPage, () => document.readyState !== 'loading', undefined, 15_000);
      return driverPage;
    },
    runCommand: async (page, command) => {
      const tab = pages.get(page);
      if (!tab) throw new Error('Not a page of this browser.');
      await tab.bringToFront();
      await fireKeyBinding(tab, COMMAND_KEYS[command]);
    },
    relaunch: async () => {
      await browser.close();
      ({ browser, extensionOrigin } = await launchFirefoxWithExtension({ profileDir }));
    },
    close: () => browser.close(),
  };
}
