/**
 * One small browser-neutral surface for the end-to-end flows that run in both Chromium
 * (playwright-core) and Firefox (puppeteer-core over WebDriver BiDi). A flow written against it
 * runs in both browsers; what only one browser can do (a Chromium trace, a service worker) stays
 * in that browser's own suite.
 */

/** Which browser a driver drives. */
export type BrowserName = 'chromium' | 'firefox';

/** A function evaluated inside a page; it is serialised, so it may use only its argument. */
export type InPage<A, R> = (arg: A) => R | Promise<R>;

/**
 * Reads inside Backstory's closed shadow roots, as the automation can and no page script can
 * (scripts/closed-shadow.mjs): `fn(root, arg)` on the shadow root of the first `host` element.
 */
export interface ShadowReader {
  inShadow<R, A>(host: string, fn: (root: ShadowRoot, arg: A) => R, arg: A): Promise<R | null>;
}

export interface DriverPage extends ShadowReader {
  url(): string;
  /** Loads a web page (http://127.0.0.1/...), resolving when its DOM is ready. */
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: InPage<A, R>, arg?: A): Promise<R>;
  /** Resolves when `fn(arg)` returns a truthy value in the page; fails after `timeoutMs`. */
  waitForFunction<A>(fn: InPage<A, unknown>, arg?: A, timeoutMs?: number): Promise<void>;
  /** Real pointer input, in the page's viewport coordinates. */
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  mouseClick(x: number, y: number, button?: 'left' | 'right'): Promise<void>;
  /** A real key press (e.g. 'Escape'). */
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Makes this the active tab of its window. */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface DriverBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://ID` or `moz-extension://UUID`. */
  readonly extensionOrigin: string;
  /** The profile the browser runs on; a relaunch reuses it. */
  readonly profileDir: string;
  /**
   * A new tab. `initScript` runs in every document it loads before the page's own scripts (to
   * record what the page looked like before Backstory read it).
   */
  newPage(initScript?: () => void): Promise<DriverPage>;
  /**
   * Whether the browser's own permission prompt answers "Allow" by itself (Firefox, by a pref of the
   * test profile). Chromium's prompt is browser UI automation cannot answer: flows stand in for it.
   */
  readonly grantsPermissionPrompts: boolean;
  /** A new tab on an extension page (`options.html`, `sidepanel.html?tabId=…`), once it has loaded. */
  openExtensionPage(path: string): Promise<DriverPage>;
  /** Runs `action` and resolves with the tab it opened whose URL contains `urlPart`. */
  waitForNewPage(urlPart: string, action: () => Promise<unknown>): Promise<DriverPage>;
  /**
   * Runs one of the extension's keyboard commands (`next-mention`, …) with `page` as the active tab,
   * as the reader's shortcut would. Firefox fires the browser's own key binding for it; headless
   * Chromium has no way to, so its driver sends the tab what the background's command handler sends.
   */
  runCommand(page: DriverPage, command: 'next-mention' | 'previous-mention'): Promise<void>;
  /** Closes the browser and starts it again on the same profile (pages of before are gone). */
  relaunch(): Promise<void>;
  close(): Promise<void>;
}

/** Launches a browser with Backstory's build for that browser on `profileDir`. */
export type LaunchDriver = (profileDir: string) => Promise<DriverBrowser>;
