/** One browser (either) with the extension, its starter library and a page server, for one describe block. */
import { afterAll, beforeAll } from 'vitest';
import { startPages, newProfileDir, removeProfileDir } from '../harness';
import { countRows, tabIdFor, waitFor, waitForElement } from '../driver/actions';
import { waitForHighlights } from '../probes';
import type { DriverBrowser, DriverPage } from '../driver/types';

export interface FlowFixture<B extends DriverBrowser = DriverBrowser> {
  browser: B;
  /** An extension page kept open to send messages and read the database from. */
  control: DriverPage;
  /** Null after a test stopped the server (to read offline). */
  pages: Awaited<ReturnType<typeof startPages>> | null;
  /** The page server's origin (it must be running). */
  origin(): string;
  /** Closes the browser and starts it again on the same profile, with a new control page. */
  relaunch(): Promise<void>;
  /** Opens a web page from the server and waits until it has highlights. */
  openHighlighted(path: string): Promise<DriverPage>;
  /** The side panel as a tab, following the tab of `page`. */
  panelFor(page: DriverPage): Promise<DriverPage>;
}

export const waitForStarter = (control: DriverPage) =>
  waitFor(async () => (await countRows(control, 'analyses')) >= 3, 'the starter library', 30_000);

export function useDriver<B extends DriverBrowser>(
  launch: (profileDir: string) => Promise<B>,
): FlowFixture<B> {
  const profileDir = newProfileDir();
  const fixture = { pages: null } as FlowFixture<B>;
  fixture.origin = () => {
    if (!fixture.pages) throw new Error('The page server is stopped.');
    return fixture.pages.origin;
  };
  fixture.relaunch = async () => {
    await fixture.browser.relaunch();
    fixture.control = await fixture.browser.openExtensionPage('options.html');
  };
  fixture.openHighlighted = async (path) => {
    const page = await fixture.browser.newPage();
    await page.goto(`${fixture.origin()}${path}`);
    await waitForHighlights(page);
    return page;
  };
  fixture.panelFor = async (page) => {
    const tabId = await tabIdFor(fixture.control, page);
    const panel = await fixture.browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await waitForElement(panel, 'main[data-ready=true]');
    return panel;
  };
  beforeAll(async () => {
    fixture.pages = await startPages();
    fixture.browser = await launch(profileDir);
    fixture.control = await fixture.browser.openExtensionPage('options.html');
    await waitForStarter(fixture.control);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.pages?.close();
    removeProfileDir(profileDir);
  });
  return fixture;
}
