/**
 * The page context menu: "Add this page to Backstory as an analysis" (opens the side panel on the
 * add form) and "Save this page for later".
 */
import { browser } from 'wxt/browser';
import { isFirefoxBuild } from './browser-target';

export interface MenuActions {
  openPanel: (tabId: number) => Promise<boolean>;
  /** Leaves a note the side panel reads when it opens (which form to show). */
  setPanelAction: (tabId: number, action: 'add-analysis') => Promise<void>;
  saveForLater: (tabId: number) => Promise<unknown>;
}

const ADD_ANALYSIS = 'backstory-add-analysis';
const SAVE_FOR_LATER = 'backstory-save-for-later';

export function setupMenus(actions: MenuActions): void {
  const create = () => {
    const documentUrlPatterns = ['http://*/*', 'https://*/*'];
    browser.contextMenus.create({
      id: ADD_ANALYSIS,
      title: 'Add this page to Backstory as an analysis…',
      contexts: ['page'],
      documentUrlPatterns,
    });
    browser.contextMenus.create({
      id: SAVE_FOR_LATER,
      title: 'Save this page for later (Backstory)',
      contexts: ['page'],
      documentUrlPatterns,
    });
  };
  // Chrome keeps an extension's menus across restarts: made once, on install. Firefox forgets
  // them when it quits: its background page makes them at every start.
  if (isFirefoxBuild) create();
  else browser.runtime.onInstalled.addListener(create);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === ADD_ANALYSIS) {
      // Opened first, straight from the click, while the browser still sees the reader's gesture.
      void actions.openPanel(tab.id);
      void actions.setPanelAction(tab.id, 'add-analysis');
    } else if (info.menuItemId === SAVE_FOR_LATER) {
      void actions
        .saveForLater(tab.id)
        .catch((error: unknown) => console.warn('Backstory: save failed', error));
    }
  });
}
