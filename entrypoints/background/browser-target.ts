/**
 * Where the Chrome (Manifest V3) and Firefox (Manifest V2) builds differ, decided by the build
 * target WXT compiles in (`import.meta.env`), never by probing a `browser.*` API that happens to
 * exist. Every such call in the background goes through this module.
 */
import { browser } from 'wxt/browser';

/** Firefox's sidebar API; WXT's types follow Chrome's, which lack it. */
interface SidebarAction {
  open(): Promise<void>;
  toggle(): Promise<void>;
}

/** The toolbar button: `action` in Manifest V3, `browserAction` in Manifest V2. */
type ToolbarButton = Pick<
  typeof browser.action,
  'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle' | 'onClicked'
>;

export const isFirefoxBuild = import.meta.env.FIREFOX;

function toolbarButton(): ToolbarButton {
  return import.meta.env.MANIFEST_VERSION === 2
    ? (browser as unknown as { browserAction: ToolbarButton }).browserAction
    : browser.action;
}

function sidebarAction(): SidebarAction {
  return (browser as unknown as { sidebarAction: SidebarAction }).sidebarAction;
}

/**
 * Opens Backstory's panel beside `tabId`: Chrome's side panel for that tab, Firefox's sidebar of
 * its window. Both need the reader's gesture, so call it straight from a click's message; false
 * when the browser refused (the caller then tells the reader to use the toolbar button).
 */
export async function openPanelBeside(tabId: number): Promise<boolean> {
  try {
    if (isFirefoxBuild) await sidebarAction().open();
    else await browser.sidePanel.open({ tabId });
    return true;
  } catch {
    return false;
  }
}

/** The toolbar button opens the side panel (Chrome) or toggles the sidebar (Firefox). */
export function makeToolbarOpenPanel(): void {
  if (isFirefoxBuild) {
    // A click on the button is a user action, which `sidebarAction.toggle` requires.
    toolbarButton().onClicked.addListener(() => void sidebarAction().toggle());
    return;
  }
  browser.sidePanel
    .setPanelBehavior({ openPanelOnActionClick: true })
    .catch((error: unknown) => console.error('Backstory: side panel behaviour', error));
}

/** The ✓ badge and title that say this tab's page is in the reading list. */
export async function showSavedOnToolbar(tabId: number, saved: boolean): Promise<void> {
  const button = toolbarButton();
  await button.setBadgeText({ tabId, text: saved ? '✓' : '' }).catch(() => {});
  await button
    .setTitle({
      tabId,
      title: saved ? 'Open Backstory (this page is in your reading list)' : 'Open Backstory',
    })
    .catch(() => {});
}

export function setToolbarBadgeColour(color: string): void {
  void toolbarButton()
    .setBadgeBackgroundColor({ color })
    .catch(() => {});
}
