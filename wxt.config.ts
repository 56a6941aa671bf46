import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: the layering rules in eslint.config.js can then see every dependency.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'Expert commentary beside the news: highlights the actors and events your library of analyses discusses.',
    // The toolbar button opens the side panel (Chrome) or toggles the sidebar (Firefox); no popup.
    action: { default_title: 'Open Backstory' },
    // storage: settings; alarms: feed polling; contextMenus: "Add/Save this page";
    // offscreen (Chrome): a DOM for Readability and DOMPurify, which the service worker lacks.
    permissions: ['storage', 'alarms', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Asked per feed origin when the reader subscribes, and when downloading imported articles.
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    commands: {
      // Manifest V2 (Firefox) opens the sidebar with its own reserved command.
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+B' },
        description: browser === 'firefox' ? 'Open the Backstory sidebar' : 'Open the Backstory side panel',
      },
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next highlighted actor or event and show its card',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous highlighted actor or event and show its card',
      },
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save this page for later',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
