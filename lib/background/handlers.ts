/**
 * The background's handler map: one handler per protocol message, over the library database.
 */
import { isHighlighted, type BackstoryDatabase } from '../db/database';
import type { AnalysisRecord } from '../model/records';
import { importPack } from '../db/import';
import { parsePackText } from '../pack/pack';
import { InvalidInputError, type HandlerMap } from '../protocol/dispatch';
import type {
  AnalysisView,
  CatalogEntity,
  PageMention,
  PageSnapshot,
  PageState,
  RankedAnalysis,
  SiteStatus,
} from '../protocol/messages';
import { DISPLAY_SETTINGS_KEY, readDisplaySettings, siteKey, type DisplaySettings } from '../model/settings';
import { postingsOf, rankWithIndex } from '../ranking/index';
import { matchedEntities } from '../ranking/rank';
import { RankingIndexStore } from './ranking-store';
import { LibrarySearch } from './search';
import type { TabStateStore } from './tab-state';
import { exportBackup, importBackup, previewBackup } from './backup';
import { BackupTransfers } from './backup-transfers';
import type { DomHost } from './dom-host';
import { FeedService } from './feeds';
import { LibraryEditor } from './library-edit';
import { ReadingService } from './reading';
import { EntityTagger } from './tagging';
import type { Vocabulary } from './vocabulary';
import { keptUntilChanged } from './table-cache';

export interface HandlerDeps {
  db: BackstoryDatabase;
  tabs: TabStateStore;
  /** Tells every open page that its setup changed (settings, sites, hidden aliases). */
  notifyPages?: () => Promise<void>;
  /** Opens the side panel on a tab; false when the browser refused. */
  openPanel?: (tabId: number, entityId?: string) => Promise<boolean>;
  /** Asks a tab's page to scroll to an entity's first mention; false when no page answered. */
  revealOnPage?: (tabId: number, entityId: string) => Promise<boolean>;
  /** Tells extension pages (the side panel) that analyses or entities changed. */
  libraryChanged?: () => Promise<void>;
  search?: LibrarySearch;
  ranking?: RankingIndexStore;
  /** Asks a tab's top frame for a copy of its HTML; throws when the page cannot answer. */
  snapshotTab?: (tabId: number) => Promise<PageSnapshot>;
  /** Readability, DOMPurify and HTML parsing (an offscreen document in Chrome). */
  dom?: DomHost;
  /** Downloads a page for offline reading (imported articles). */
  fetchPage?: (url: string) => Promise<{ url: string; html: string }>;
  /** Shows on the toolbar button whether a tab's page is in the reading list. */
  showSaved?: (tabId: number, saved: boolean) => Promise<void>;
  /** The ids of the open tabs (to mark on the toolbar which pages are in the reading list). */
  openTabIds?: () => Promise<number[]>;
  /** Tells the background the feeds' polling times changed (to set the next alarm). */
  feedsChanged?: () => Promise<void>;
  tagger?: EntityTagger;
  /** Discovery: learns actors and events from analyses, tags the library again. */
  vocabulary?: Vocabulary;
  feeds?: FeedService;
  reading?: ReadingService;
  /** Backup files travelling in parts between the options page and the background. */
  transfers?: BackupTransfers;
  now?: () => number;
}

const unavailable = (what: string) => () =>
  Promise.reject(new InvalidInputError(`${what} is not available here.`));
const noDom: DomHost = { extract: unavailable('Reading pages'), htmlToText: unavailable('Reading feeds') };

/**
 * Every visible entity, as a page's matcher needs it: every page load receives it (1.7 MB of
 * messaging for 20,000 names), so nothing else rides along.
 */
async function readCatalog(db: BackstoryDatabase): Promise<CatalogEntity[]> {
  const records = await db.entities.toArray();
  return records
    .filter(isHighlighted)
    .map(({ id, kind, name, aliases, related }) => ({ id, kind, name, aliases, related }));
}

async function displaySettings(db: BackstoryDatabase): Promise<DisplaySettings> {
  return readDisplaySettings((await db.settings.get(DISPLAY_SETTINGS_KEY))?.value);
}

async function siteStatus(db: BackstoryDatabase, url: string): Promise<SiteStatus> {
  const host = siteKey(url);
  const [site, settings] = await Promise.all([host ? db.sites.get(host) : undefined, displaySettings(db)]);
  return { host, enabled: host !== null && (site?.enabled ?? true), paused: settings.paused };
}

/** Display names of the entities the given analyses discuss (only those, not the whole catalog). */
async function namesFor(db: BackstoryDatabase, analyses: ReadonlyArray<{ entityIds: string[] }>) {
  const ids = [...new Set(analyses.flatMap((a) => a.entityIds))];
  const entities = await db.entities.bulkGet(ids);
  return Object.fromEntries(entities.flatMap((e) => (e ? [[e.id, e.name]] : [])));
}

/** The top page's mentions with its frames' added: one row per entity, counts summed. */
function withFrames(top: PageMention[], frames: Record<string, PageMention[]> | undefined): PageMention[] {
  if (!frames) return top;
  const merged = new Map(top.map((mention) => [mention.entityId, { ...mention }]));
  for (const mentions of Object.values(frames)) {
    for (const { inTitle: _title, inLead: _lead, ...mention } of mentions) {
      const seen = merged.get(mention.entityId);
      if (seen) seen.count += mention.count;
      else merged.set(mention.entityId, mention);
    }
  }
  return [...merged.values()];
}

const toView = ({ updatedAt: _updatedAt, ...view }: AnalysisRecord): AnalysisView => view;

export function createHandlers({
  db,
  tabs,
  notifyPages = async () => {},
  openPanel = async () => false,
  revealOnPage = async () => false,
  libraryChanged = async () => {},
  search = new LibrarySearch(db),
  ranking = new RankingIndexStore(db),
  snapshotTab = unavailable('Reading this tab'),
  dom = noDom,
  fetchPage = unavailable('Downloading pages'),
  showSaved = async () => {},
  openTabIds = async () => [],
  feedsChanged = async () => {},
  now = Date.now,
  tagger = new EntityTagger(db),
  vocabulary,
  feeds = new FeedService({ db, dom, tagger, fetchPage, now }),
  reading = new ReadingService({ db, dom, tagger, fetchPage, now }),
  transfers = new BackupTransfers(now),
}: HandlerDeps): HandlerMap {
  const editor = new LibraryEditor(db, tagger, now);
  // Every page load asks for it; it changes only with the library.
  const catalog = keptUntilChanged(db, 'entities', () => readCatalog(db));

  /** A tab's state, with whether its page is in the reading list as it is now (never stored). */
  const tabState = async (tabId: number): Promise<PageState | null> => {
    const state = await tabs.get(tabId);
    if (!state) return null;
    return { ...state, saved: state.url !== '' && !!(await reading.findByUrl(state.url)) };
  };
  /** Marks on the toolbar, for every open tab, whether its page is in the reading list. */
  const refreshSavedMarks = async () => {
    for (const tabId of await openTabIds()) {
      const state = await tabState(tabId);
      if (state) await showSaved(tabId, state.saved ?? false);
    }
  };

  /** Page reports in flight per tab, so a tab's frames are merged one report at a time. */
  const reporting = new Map<number, Promise<unknown>>();
  const oneAtATime = <T>(tabId: number, work: () => Promise<T>): Promise<T> => {
    const run = (reporting.get(tabId) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    reporting.set(tabId, settled);
    void settled.then(() => {
      if (reporting.get(tabId) === settled) reporting.delete(tabId);
    });
    return run;
  };

  /** After analyses changed: the side panel refreshes (indexes follow their tables themselves). */
  const analysesChanged = async () => {
    await libraryChanged();
  };
  /** After actors or events changed: the same, plus every open page rescans. */
  const entitiesChanged = async () => {
    await analysesChanged();
    await notifyPages();
  };

  /** Reads a tab's page into an extract (Readability on a copy, in a DOM document). */
  const extractTab = async (tabId: number) => {
    let snapshot: PageSnapshot;
    try {
      snapshot = await snapshotTab(tabId);
    } catch {
      throw new InvalidInputError(
        'Backstory cannot read this tab. Reload the page, or open a web page (http or https).',
      );
    }
    return dom.extract(snapshot.html, snapshot.url);
  };

  /** The page profile the ranking uses, from a tab's report. */
  const profileOf = (page: PageState) => ({ entities: page.mentions, publishedAt: page.publishedAt });

  return {
    'library.stats': async () => {
      const [analyses, entities, sources, articles] = await Promise.all([
        db.analyses.count(),
        db.entities.count(),
        db.sources.count(),
        db.articles.count(),
      ]);
      return { analyses, entities, sources, articles };
    },

    'analyses.list': async ({ limit, offset }) => {
      const [total, records] = await Promise.all([
        db.analyses.count(),
        db.analyses.orderBy('publishedAt').reverse().offset(offset).limit(limit).toArray(),
      ]);
      return { total, items: records.map(toView) };
    },

    'page.setup': async ({ url }) => {
      const [status, settings, entities] = await Promise.all([
        siteStatus(db, url),
        displaySettings(db),
        catalog(),
      ]);
      const hidden = await db.hiddenAliases
        .where('host')
        .anyOf(status.host ? ['*', status.host] : ['*'])
        .toArray();
      return {
        active: status.enabled && !settings.paused,
        siteEnabled: status.enabled,
        settings,
        entities,
        hidden: hidden.map(({ entityId, alias }) => ({ entityId, alias })),
      };
    },

    'page.report': async (
      { url, title, publishedAt, active, mentions, stats, feeds: advertised },
      sender,
    ) => {
      if (sender.tabId === undefined) throw new InvalidInputError('A page report needs a tab.');
      const tabId = sender.tabId;
      // A tab's frames report at once: one after another, so none overwrites what another added.
      return oneAtATime(tabId, async () => {
        const known = await db.entities.bulkGet(mentions.map((m) => m.entityId));
        const found: PageMention[] = mentions.flatMap((mention, index) => {
          const entity = known[index];
          return entity ? [{ ...mention, entityId: entity.id, name: entity.name, kind: entity.kind }] : [];
        });
        const stored = await tabs.get(tabId);
        const frameId = sender.frameId ?? 0;
        if (frameId !== 0) {
          // A frame (an ad, an embed) adds its mentions to the tab's; the top page's report stays.
          const frames = { ...stored?.frames, [String(frameId)]: found };
          const base: PageState = stored ?? { url: '', title: '', active, mentions: [], reportedAt: now() };
          const top = base.topMentions ?? (base.frames ? [] : base.mentions);
          const state = { ...base, frames, topMentions: top, mentions: withFrames(top, frames) };
          await tabs.set(tabId, state);
          return state;
        }
        // The same document reporting again keeps its frames' mentions; a new document starts afresh.
        const frames = stored && (stored.url === url || stored.url === '') ? stored.frames : undefined;
        const state: PageState = {
          url,
          title,
          ...(publishedAt ? { publishedAt } : {}),
          active,
          ...(stats ? { stats } : {}),
          ...(advertised && advertised.length > 0 ? { feeds: advertised } : {}),
          mentions: withFrames(found, frames),
          ...(frames ? { frames, topMentions: found } : {}),
          reportedAt: now(),
        };
        await tabs.set(tabId, state);
        // Whether the page is saved is read when asked for, never stored with the report.
        const saved = !!(await reading.findByUrl(url));
        await showSaved(tabId, saved);
        return { ...state, saved };
      });
    },

    'tab.state': ({ tabId }) => tabState(tabId),

    'entity.card': async ({ entityId, pageEntityIds }, sender) => {
      const entity = await db.entities.get(entityId);
      if (!entity) throw new InvalidInputError(`No actor or event "${entityId}" in the library.`);
      const [index, page] = await Promise.all([
        ranking.get(),
        sender.tabId === undefined ? null : tabs.get(sender.tabId),
      ]);
      // The best three for this page, by the side panel's ranking (docs/ranking.md).
      const profile = page?.active
        ? profileOf(page)
        : { entities: [...new Set([entityId, ...pageEntityIds])].map((id) => ({ entityId: id, count: 1 })) };
      const { ranked } = rankWithIndex(index, profile, { focus: entityId, limit: 3 });
      const records = await db.analyses.bulkGet(ranked.map((r) => r.id));
      const { id, kind, category, name, description } = entity;
      return {
        entity: { id, kind, category, name, description },
        analysisCount: postingsOf(index, entityId).length,
        top: records.flatMap((record) => (record ? [toView(record)] : [])),
      };
    },

    'alias.hide': async ({ entityId, alias, scope, url }) => {
      const host = scope === 'everywhere' ? '*' : siteKey(url);
      if (!host)
        throw new InvalidInputError('This page is not on a web site; hide the alias everywhere instead.');
      if (!(await db.entities.get(entityId))) throw new InvalidInputError(`No actor or event "${entityId}".`);
      const existing = await db.hiddenAliases.where({ entityId, alias, host }).first();
      if (!existing) await db.hiddenAliases.add({ entityId, alias, host, createdAt: now() });
      await notifyPages();
      return { hidden: true };
    },

    'site.status': ({ url }) => siteStatus(db, url),

    'site.set': async ({ url, enabled }) => {
      const host = siteKey(url);
      if (!host) throw new InvalidInputError('Backstory reads web pages (http and https) only.');
      await db.sites.put({ host, enabled, updatedAt: now() });
      await notifyPages();
      return siteStatus(db, url);
    },

    'settings.get': () => displaySettings(db),

    'settings.set': async ({ changes }) => {
      const settings = { ...(await displaySettings(db)), ...changes };
      await db.settings.put({ key: DISPLAY_SETTINGS_KEY, value: settings });
      await notifyPages();
      return settings;
    },

    'panel.open': async ({ entityId }, sender) => {
      if (sender.tabId === undefined) throw new InvalidInputError('The side panel opens beside a tab.');
      const opened = openPanel(sender.tabId, entityId);
      if (entityId) await tabs.setFocus(sender.tabId, entityId);
      return { opened: await opened };
    },

    'panel.view': async ({ tabId, focus: requestedFocus, limit }) => {
      if (requestedFocus !== undefined) await tabs.setFocus(tabId, requestedFocus);
      const [page, focus, index] = await Promise.all([tabState(tabId), tabs.getFocus(tabId), ranking.get()]);
      const site = page ? await siteStatus(db, page.url) : null;
      let ranked: RankedAnalysis[] = [];
      if (page?.active && page.mentions.length > 0) {
        // Scored in memory from the index; only the shown analyses are read from the database.
        const result = rankWithIndex(index, profileOf(page), { focus, limit });
        const records = await db.analyses.bulkGet(result.ranked.map((r) => r.id));
        ranked = result.ranked.flatMap(({ score, badge }, i) => {
          const record = records[i];
          return record
            ? [
                {
                  analysis: toView(record),
                  score,
                  badge,
                  matched: matchedEntities(record.entityIds, result.weights),
                },
              ]
            : [];
        });
      }
      const shown = new Set(ranked.map((r) => r.analysis.id));
      const room = focus === null ? limit - ranked.length : 0;
      const others =
        room > 0
          ? (
              await db.analyses
                .orderBy('publishedAt')
                .reverse()
                .limit(room + shown.size)
                .toArray()
            )
              .filter((a) => !shown.has(a.id))
              .slice(0, room)
          : [];
      const names = await namesFor(db, [...ranked.map((r) => r.analysis), ...others]);
      return {
        page,
        site,
        focus,
        ranked,
        others: others.map(toView),
        totalAnalyses: index.ids.length,
        names,
      };
    },

    'page.reveal': async ({ tabId, entityId }) => ({ sent: await revealOnPage(tabId, entityId) }),

    'library.search': async ({ query, limit }) => {
      const ids = await search.search(query);
      const records = await db.analyses.bulkGet(ids.slice(0, limit));
      const items = records.flatMap((r) => (r ? [toView(r)] : []));
      return { total: ids.length, items, names: await namesFor(db, items) };
    },

    'pack.import': async ({ text }) => {
      const known = new Set(await db.entities.toCollection().primaryKeys());
      const parsed = parsePackText(text, known);
      if (!parsed.ok) {
        throw new InvalidInputError('This pack cannot be imported; nothing was changed.', parsed.errors);
      }
      const report = await importPack(db, parsed.pack, now());
      await entitiesChanged();
      return report;
    },

    'page.extract': async ({ tabId }) => {
      const extract = await extractTab(tabId);
      const title = extract.metadata.title ?? '';
      const entityIds = await tagger.tag(`${title}\n${extract.text}`);
      return {
        extract,
        entityIds,
        candidates: vocabulary ? await vocabulary.candidatesFor(title, extract.text) : [],
        existing: await editor.existingFor(extract.metadata.canonicalUrl ?? extract.url),
      };
    },

    'analysis.save': async ({ draft, newActors, proposals, text }) => {
      const saved = await editor.saveDraft(draft, newActors, proposals, text);
      if (newActors.length + proposals.length > 0) await entitiesChanged();
      else await analysesChanged();
      return saved;
    },

    'analysis.delete': async ({ id }) => {
      const deleted = await editor.deleteAnalysis(id);
      await analysesChanged();
      return { deleted };
    },

    'digest.import': async ({ text, url }) => {
      const report = await editor.importDigest(text, url);
      await analysesChanged();
      return report;
    },

    'entities.list': () => editor.listEntities(),

    'entity.save': async ({ entity }) => {
      const row = await editor.saveEntity(entity);
      await entitiesChanged();
      return row;
    },

    'entity.hide': async ({ id, hidden }) => {
      const row = await editor.hideEntity(id, hidden);
      await entitiesChanged();
      return row;
    },

    'entity.accept': async ({ id }) => {
      const row = await editor.acceptEntity(id);
      await entitiesChanged();
      // Pages highlight it from now on, so analyses that name it are tagged with it.
      if (vocabulary) void vocabulary.retagLibrary();
      return row;
    },

    'entity.reject': async ({ id }) => {
      const rejected = await editor.rejectEntity(id);
      await entitiesChanged();
      return { rejected };
    },

    'entity.delete': async ({ id }) => {
      const deleted = await editor.deleteEntity(id);
      await entitiesChanged();
      return { deleted };
    },

    'entity.merge': async ({ keepId, mergeId }) => {
      const row = await editor.mergeEntities(keepId, mergeId);
      await entitiesChanged();
      return row;
    },

    'feeds.list': () => feeds.list(),

    'feed.subscribe': async ({ url, intervalMinutes }) => {
      const row = await feeds.subscribe(url, intervalMinutes);
      await Promise.all([feedsChanged(), row.itemCount > 0 ? analysesChanged() : undefined]);
      return row;
    },

    'feed.update': async ({ id, intervalMinutes }) => {
      const row = await feeds.update(id, intervalMinutes);
      await feedsChanged();
      return row;
    },

    'feed.unsubscribe': async ({ id }) => {
      const removed = await feeds.unsubscribe(id);
      await feedsChanged();
      return { removed };
    },

    'feed.poll': async ({ id }) => {
      const row = await feeds.poll(id);
      await Promise.all([feedsChanged(), analysesChanged()]);
      return row;
    },

    'opml.import': async ({ text }) => {
      const result = await feeds.importOpml(text);
      await feedsChanged();
      return result;
    },

    'opml.export': async () => ({ text: await feeds.exportOpml() }),

    'backup.export': async () => {
      const stamp = new Date(now()).toISOString().slice(0, 10);
      const parts = await exportBackup(db, now());
      return {
        exportId: transfers.startExport(parts),
        parts: parts.length,
        fileName: `backstory-backup-${stamp}.json`,
      };
    },

    'backup.exportPart': ({ exportId, part }) => ({ text: transfers.exportPart(exportId, part) }),

    'backup.uploadStart': ({ fileName, parts }) => ({ uploadId: transfers.startUpload(fileName, parts) }),

    'backup.uploadPart': ({ uploadId, part, text }) => ({
      received: transfers.receive(uploadId, part, text),
    }),

    'backup.preview': ({ uploadId }) => {
      const { text, fileName } = transfers.take(uploadId);
      return previewBackup(db, text, fileName);
    },

    'backup.import': async ({ uploadId }) => {
      const preview = await importBackup(db, transfers.take(uploadId).text);
      await entitiesChanged();
      await feedsChanged();
      return preview;
    },

    'article.save': async ({ tabId: requestedTab }, sender) => {
      const tabId = requestedTab ?? sender.tabId;
      if (tabId === undefined) throw new InvalidInputError('Saving needs a tab with a web page.');
      const saved = await reading.saveExtract(await extractTab(tabId));
      await showSaved(tabId, true);
      await libraryChanged();
      return saved;
    },

    'reading.list': (options) => reading.list(options),

    'reading.get': async ({ id }) => {
      const { row, contentHtml, newAnalyses } = await reading.get(id);
      return { row, contentHtml, newAnalyses, names: await namesFor(db, newAnalyses) };
    },

    'reading.update': async ({ id, ...changes }) => {
      const row = await reading.update(id, changes);
      if (changes.status || changes.tags) await libraryChanged();
      return row;
    },

    'reading.delete': async ({ id, undo }) => {
      const result = await reading.remove(id, undo);
      await libraryChanged();
      await refreshSavedMarks();
      return result;
    },

    'reading.renameTag': async ({ from, to }) => {
      const changed = await reading.renameTag(from, to);
      await libraryChanged();
      return { changed };
    },

    'reading.import': async ({ items, skipped }) => {
      const report = await reading.importItems(items, skipped);
      await libraryChanged();
      return report;
    },

    'reading.export': async () => ({ items: await reading.exportAll() }),

    'reading.fetchPending': async ({ limit }) => ({ queued: await reading.fetchPending(limit) }),
  };
}
