import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { BackstoryDatabase } from '@/lib/db/database';
import { createHandlers } from '@/lib/background/handlers';
import { RankingIndexStore } from '@/lib/background/ranking-store';
import { LibrarySearch } from '@/lib/background/search';
import { installStarterPack } from '@/lib/background/starter';
import { createTabStateStore } from '@/lib/background/tab-state';
import { classifySender, createDispatcher } from '@/lib/protocol/dispatch';
import { PROTOCOL_ID } from '@/lib/protocol/envelope';
import type { PageSnapshot, ToContentMessage } from '@/lib/protocol/messages';
import { EntityTagger } from '@/lib/background/tagging';
import { Vocabulary } from '@/lib/background/vocabulary';
import type { LexiconData } from '@/lib/discovery/lexicon';
import { FeedService } from '@/lib/background/feeds';
import { ReadingService } from '@/lib/background/reading';
import {
  isFirefoxBuild,
  makeToolbarOpenPanel,
  openPanelBeside,
  setToolbarBadgeColour,
  showSavedOnToolbar,
} from './browser-target';
import { createDomHost } from './dom-host';
import { fetchPageHtml } from './fetch-page';
import { setupMenus } from './menus';

/** The alarm that wakes the worker when a feed is due. */
const FEED_ALARM = 'poll-feeds';

const STARTER_PACK_PATH = '/packs/starter-syria-2016.json';
/** The lexicons discovery reads (scripts/build-lexicon.mjs), loaded when first needed. */
const DISCOVERY_LEXICON_PATH = '/discovery-lexicon.json';

export default defineBackground({
  type: 'module',
  main() {
    const db = new BackstoryDatabase();
    const tabs = createTabStateStore(browser.storage.session);
    const sendToTab = (tabId: number, message: ToContentMessage) =>
      browser.tabs.sendMessage(tabId, message).catch(() => {
        // Tabs without Backstory's content script (extension pages, browser pages) cannot answer.
      });
    const notifyPages = async () => {
      const open = await browser.tabs.query({});
      await Promise.all(
        open.flatMap((tab) =>
          tab.id === undefined ? [] : [sendToTab(tab.id, { protocol: PROTOCOL_ID, type: 'config.changed' })],
        ),
      );
    };
    // Called straight from the message of a click, so the browser sees the reader's gesture.
    const openPanel = (tabId: number) => openPanelBeside(tabId);
    const revealOnPage = async (tabId: number, entityId: string) => {
      try {
        await browser.tabs.sendMessage(tabId, { protocol: PROTOCOL_ID, type: 'mentions.reveal', entityId });
        return true;
      } catch {
        return false;
      }
    };
    // Extension pages (the side panel) watch this key to refresh when the library changes.
    const libraryChanged = () => browser.storage.session.set({ libraryVersion: Date.now() });
    const search = new LibrarySearch(db);
    const ranking = new RankingIndexStore(db);
    const dom = createDomHost();
    const tagger = new EntityTagger(db);
    // Every analysis written, by any path, teaches the library its actors and events.
    const vocabulary = new Vocabulary({
      db,
      tagger,
      loadLexicon: async () =>
        (await fetch(browser.runtime.getURL(DISCOVERY_LEXICON_PATH))).json() as Promise<LexiconData>,
      changed: async () => {
        await libraryChanged();
        await notifyPages();
      },
    });
    vocabulary.subscribe();
    const feeds = new FeedService({
      db,
      dom,
      tagger,
      fetchPage: fetchPageHtml,
      fetchOptions: { revalidation: isFirefoxBuild ? 'http-cache' : 'headers' },
    });
    const reading = new ReadingService({ db, dom, tagger, fetchPage: fetchPageHtml });
    const snapshotTab = async (tabId: number) => {
      const snapshot = (await browser.tabs.sendMessage(
        tabId,
        { protocol: PROTOCOL_ID, type: 'page.snapshot' } satisfies ToContentMessage,
        { frameId: 0 },
      )) as PageSnapshot | undefined;
      if (!snapshot || typeof snapshot.html !== 'string' || typeof snapshot.url !== 'string') {
        throw new Error('The page did not answer.');
      }
      return snapshot;
    };
    // One alarm, set to the earliest time any feed is due (alarms survive the worker stopping).
    const feedsChanged = async () => {
      const due = await feeds.nextDueAt();
      if (due === null) await browser.alarms.clear(FEED_ALARM);
      else await browser.alarms.create(FEED_ALARM, { when: Math.max(due, Date.now() + 1000) });
    };
    const handlers = createHandlers({
      db,
      tabs,
      notifyPages,
      openPanel,
      revealOnPage,
      libraryChanged,
      search,
      ranking,
      snapshotTab,
      dom,
      fetchPage: fetchPageHtml,
      showSaved: showSavedOnToolbar,
      openTabIds: async () =>
        (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
      feedsChanged,
      tagger,
      vocabulary,
      feeds,
      reading,
    });
    const dispatch = createDispatcher(handlers);
    setToolbarBadgeColour('#2f6f4f');

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== FEED_ALARM) return;
      void feeds
        .pollDue()
        .then(async (polled) => {
          if (polled > 0) {
            await libraryChanged();
          }
        })
        .catch((error: unknown) => console.error('Backstory: feed polling', error))
        .finally(() => void feedsChanged());
    });
    void feedsChanged();

    setupMenus({
      openPanel,
      setPanelAction: (tabId, action) => browser.storage.session.set({ [`panelAction:${tabId}`]: action }),
      saveForLater: async (tabId) => handlers['article.save']({ tabId }, { kind: 'extension' }),
    });
    const extensionOrigin = browser.runtime.getURL('/');

    // One listener for the whole protocol. Returning the promise makes the polyfill send its
    // value as the reply; dispatch never rejects, so every message gets an answer.
    browser.runtime.onMessage.addListener((message, sender) =>
      dispatch(message, classifySender(sender, browser.runtime.id, extensionOrigin)),
    );

    const loadStarterPack = async () =>
      (await fetch(browser.runtime.getURL(STARTER_PACK_PATH))).json() as Promise<unknown>;
    // On install, and again on later starts if a first attempt was interrupted.
    const ensureStarterPack = () =>
      installStarterPack(db, loadStarterPack)
        .then(async (report) => {
          if (!report) return;
          await libraryChanged();
        })
        .catch((error: unknown) => console.error('Backstory: could not install the starter library', error));
    browser.runtime.onInstalled.addListener(() => void ensureStarterPack());
    browser.runtime.onStartup.addListener(() => void ensureStarterPack());

    browser.tabs.onRemoved.addListener((tabId) => void tabs.delete(tabId));

    // Keyboard commands: step through the mentions of the active tab.
    browser.commands.onCommand.addListener((command, tab) => {
      if (command === 'save-page' && tab?.id !== undefined) {
        void Promise.resolve(handlers['article.save']({ tabId: tab.id }, { kind: 'extension' })).catch(
          (error: unknown) => console.warn('Backstory: could not save this page', error),
        );
        return;
      }
      const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
      if (direction === 0 || tab?.id === undefined) return;
      void sendToTab(tab.id, { protocol: PROTOCOL_ID, type: 'mentions.step', direction });
    });

    makeToolbarOpenPanel();
  },
});
