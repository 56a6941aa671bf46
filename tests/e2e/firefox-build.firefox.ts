/**
 * What only the Firefox build has: a Manifest V2 toolbar button, Firefox's sidebar opened from it
 * and from Alt+Shift+B, and the background page as the DOM host. The reader's flows themselves are
 * shared with Chromium (reader-flows.firefox.ts).
 */
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../scripts/firefox.mjs';
import { launchFirefoxDriver, WIDGET_ID } from './driver/firefox';
import { countRows, tabIdFor, texts } from './driver/actions';
import { useDriver } from './flows/fixture';
import { clickCardButton, highlights, inCard, waitForCard } from './probes';

const sidebar = (browser: { inBrowserWindow(expression: string): Promise<unknown> }) =>
  browser.inBrowserWindow(
    `({ open: SidebarController.isOpen, id: SidebarController.currentID })`,
  ) as Promise<{ open: boolean; id: string }>;
const BACKSTORY_SIDEBAR = `${WIDGET_ID}-sidebar-action`;

describe('the Firefox build in real Firefox', () => {
  const fixture = useDriver(launchFirefoxDriver);

  it('declares a Manifest V2 toolbar button, the sidebar and its command, and no offscreen document', async () => {
    const manifest = await fixture.control.evaluate(() =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime.getManifest(),
    );
    expect(manifest.manifest_version).toBe(2);
    expect(manifest).toMatchObject({
      browser_action: { default_title: 'Open Backstory' },
      sidebar_action: { default_panel: expect.stringMatching(/\/sidepanel\.html$/) },
    });
    expect(manifest.commands).toHaveProperty('_execute_sidebar_action.suggested_key.default', 'Alt+Shift+B');
    expect(manifest.commands).not.toHaveProperty('_execute_action');
    expect(manifest.permissions).not.toContain('offscreen');
  });

  it('toggles the sidebar from the toolbar button', async () => {
    const page = await fixture.openHighlighted('/demo/index.html');
    await page.bringToFront();
    await fixture.browser.inBrowserWindow(`(SidebarController.hide(), true)`);
    await expect.poll(async () => (await sidebar(fixture.browser)).open).toBe(false);
    // The button lives in Firefox's extensions panel; trigger it as a click on it does.
    const clickButton = () =>
      fixture.browser.inBrowserWindow(
        `(() => {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const extension = ExtensionParent.GlobalManager.getExtension('${GECKO_ID}');
          ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
          return true;
        })()`,
      );
    expect(await clickButton()).toBe(true);
    await expect
      .poll(() => sidebar(fixture.browser), { timeout: 5_000 })
      .toEqual({ open: true, id: BACKSTORY_SIDEBAR });
    expect(await clickButton()).toBe(true);
    await expect.poll(async () => (await sidebar(fixture.browser)).open, { timeout: 5_000 }).toBe(false);
    await page.close();
  });

  it('opens the sidebar with Alt+Shift+B', async () => {
    const page = await fixture.openHighlighted('/demo/index.html');
    await page.bringToFront();
    await fixture.browser.inBrowserWindow(`(SidebarController.hide(), true)`);
    await expect.poll(async () => (await sidebar(fixture.browser)).open).toBe(false);
    const fired = await fixture.browser.inBrowserWindow(
      `(() => { const key = document.getElementById('ext-key-id-${WIDGET_ID}-sidebar-action'); if (!key) return false; key.dispatchEvent(new Event('command')); return true; })()`,
    );
    expect(fired).toBe(true);
    await expect
      .poll(() => sidebar(fixture.browser), { timeout: 5_000 })
      .toEqual({ open: true, id: BACKSTORY_SIDEBAR });
    await fixture.browser.inBrowserWindow(`(SidebarController.hide(), true)`);
    await page.close();
  });

  it('"Open in side panel" on a hover card says how to open the sidebar, which then shows that actor', async () => {
    await fixture.browser.inBrowserWindow(`(SidebarController.hide(), true)`);
    const page = await fixture.openHighlighted('/demo/index.html');
    const target = (await highlights(page, 'backstory-actor')).find((h) => h.y > 0 && h.y < 800)!;
    await page.mouseMove(target.x, target.y);
    await waitForCard(page, '.card__analyses li');
    await clickCardButton(page, 'Open in side panel');
    // Firefox refuses sidebarAction.open() outside its own user-input handlers (a page's click
    // reaches the background as a message): the card says what to do instead.
    await expect
      .poll(async () => (await inCard(page, (root) => root.textContent ?? '', null)) ?? '')
      .toMatch(/press Alt\+Shift\+B/);
    expect((await sidebar(fixture.browser)).open).toBe(false);
    // The panel, once open, is focused on the actor whose card asked for it.
    const panel = await fixture.panelFor(page);
    await expect
      .poll(() => texts(panel, '#ranked-heading'))
      .toEqual([expect.stringMatching(/^Analyses about /)]);
    await panel.close();
    await fixture.browser.inBrowserWindow(`(SidebarController.hide(), true)`);
    await page.close();
  });

  it('reads a page for "Add as analysis" in the background page (no offscreen document)', async () => {
    const page = await fixture.openHighlighted('/demo/index.html');
    const tabId = await tabIdFor(fixture.control, page);
    const draft = await fixture.control.evaluate(
      (id) =>
        (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({
          protocol: 'backstory/1',
          type: 'page.extract',
          data: { tabId: id },
        }),
      tabId,
    );
    // Readability and DOMPurify ran on the page's copy, in the background page's own DOM.
    const { value } = draft as {
      value: {
        extract: { metadata: { title: string }; contentHtml: string; wordCount: number };
        entityIds: string[];
      };
    };
    expect(value.extract.metadata.title).toMatch(/Syria talks stall/);
    expect(value.extract.contentHtml).toContain('<p');
    expect(value.extract.wordCount).toBeGreaterThan(300);
    expect(value.entityIds).toContain('staffan-de-mistura');
    expect(await countRows(fixture.control, 'analyses')).toBe(3);
    await page.close();
  });

  it('keeps its page menu after a relaunch, and saves the page from it', async () => {
    await fixture.relaunch();
    const page = await fixture.openHighlighted('/demo/index.html');
    const before = await countRows(fixture.control, 'articles');
    await page.bringToFront();
    await page.mouseClick(600, 850, 'right');
    const menu = `document.getElementById('contentAreaContextMenu')`;
    const item = `document.getElementById('${WIDGET_ID}-menuitem-_backstory-save-for-later')`;
    await expect
      .poll(() => fixture.browser.inBrowserWindow(`${menu}.state === 'open' && ${item}?.label`))
      .toBe('Save this page for later (Backstory)');
    expect(
      await fixture.browser.inBrowserWindow(
        `document.getElementById('${WIDGET_ID}-menuitem-_backstory-add-analysis')?.label`,
      ),
    ).toBe('Add this page to Backstory as an analysis…');
    await fixture.browser.inBrowserWindow(`(${item}.doCommand(), ${menu}.hidePopup(), true)`);
    await expect.poll(() => countRows(fixture.control, 'articles'), { timeout: 15_000 }).toBe(before + 1);
    await page.close();
  });
});
