/**
 * The background's handler map: one handler per protocol message, over the library database.
 */
import type { AnalysisRecord, BackstoryDatabase } from '../db/database';
import { importPack } from '../db/import';
import { parsePackText } from '../pack/pack';
import { InvalidInputError, type HandlerMap } from '../protocol/dispatch';
import type { AnalysisView, PageState, SiteStatus } from '../protocol/messages';
import { DISPLAY_SETTINGS_KEY, readDisplaySettings, siteKey, type DisplaySettings } from '../model/settings';
import { rankAnalyses } from '../ranking/rank';
import type { LibrarySearch } from './search';
import type { TabStateStore } from './tab-state';

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
  now?: () => number;
}

/** Every visible entity, as the matcher and the panel need it. */
async function catalog(db: BackstoryDatabase) {
  const records = await db.entities.toArray();
  return records
    .filter((entity) => !entity.hidden)
    .map(({ id, kind, category, name, aliases, related }) => ({
      id,
      kind,
      category,
      name,
      aliases,
      related,
    }));
}

async function displaySettings(db: BackstoryDatabase): Promise<DisplaySettings> {
  return readDisplaySettings((await db.settings.get(DISPLAY_SETTINGS_KEY))?.value);
}

async function siteStatus(db: BackstoryDatabase, url: string): Promise<SiteStatus> {
  const host = siteKey(url);
  const [site, settings] = await Promise.all([host ? db.sites.get(host) : undefined, displaySettings(db)]);
  return { host, enabled: host !== null && (site?.enabled ?? true), paused: settings.paused };
}

const toView = ({ updatedAt: _updatedAt, ...view }: AnalysisView & { updatedAt: number }): AnalysisView =>
  view;

export function createHandlers({
  db,
  tabs,
  notifyPages = async () => {},
  openPanel = async () => false,
  revealOnPage = async () => false,
  libraryChanged = async () => {},
  search,
  now = Date.now,
}: HandlerDeps): HandlerMap {
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

    'entities.catalog': async () => ({ entities: await catalog(db) }),

    'page.setup': async ({ url }) => {
      const [status, settings, entities] = await Promise.all([
        siteStatus(db, url),
        displaySettings(db),
        catalog(db),
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

    'page.report': async ({ url, title, publishedAt, active, mentions, stats }, sender) => {
      if (sender.tabId === undefined) throw new InvalidInputError('A page report needs a tab.');
      const known = await db.entities.bulkGet(mentions.map((m) => m.entityId));
      const state: PageState = {
        url,
        title,
        ...(publishedAt ? { publishedAt } : {}),
        active,
        ...(stats ? { stats } : {}),
        mentions: mentions.flatMap((mention, index) => {
          const entity = known[index];
          return entity ? [{ ...mention, entityId: entity.id, name: entity.name, kind: entity.kind }] : [];
        }),
        reportedAt: now(),
      };
      await tabs.set(sender.tabId, state);
      return state;
    },

    'tab.state': ({ tabId }) => tabs.get(tabId),

    'entity.card': async ({ entityId, pageEntityIds }, sender) => {
      const entity = await db.entities.get(entityId);
      if (!entity) throw new InvalidInputError(`No actor or event "${entityId}" in the library.`);
      const [about, page, totalAnalyses] = await Promise.all([
        db.analyses.where('entityIds').equals(entityId).toArray(),
        sender.tabId === undefined ? null : tabs.get(sender.tabId),
        db.analyses.count(),
      ]);
      // The best three for this page, by the side panel's ranking (docs/ranking.md).
      const profile = page?.active
        ? { entities: page.mentions, publishedAt: page.publishedAt }
        : { entities: [...new Set([entityId, ...pageEntityIds])].map((id) => ({ entityId: id, count: 1 })) };
      const ids = profile.entities.map((e) => e.entityId);
      const frequencies = await Promise.all(
        ids.map((id) => db.analyses.where('entityIds').equals(id).count()),
      );
      const df = new Map(ids.map((id, i) => [id, frequencies[i]!]));
      const top = rankAnalyses(profile, about, (id) => df.get(id) ?? 0, totalAnalyses)
        .slice(0, 3)
        .map(({ analysis }) => toView(analysis));
      const { id, kind, category, name, description } = entity;
      return { entity: { id, kind, category, name, description }, analysisCount: about.length, top };
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
      const [page, focus, totalAnalyses] = await Promise.all([
        tabs.get(tabId),
        tabs.getFocus(tabId),
        db.analyses.count(),
      ]);
      const site = page ? await siteStatus(db, page.url) : null;
      const entityIds = page?.active ? page.mentions.map((m) => m.entityId) : [];
      let ranked: ReturnType<typeof rankAnalyses<AnalysisRecord>> = [];
      if (entityIds.length > 0) {
        // Only analyses sharing an actor or event with the page can score; the index finds them.
        const [candidates, frequencies] = await Promise.all([
          db.analyses.where('entityIds').anyOf(entityIds).distinct().toArray(),
          Promise.all(entityIds.map((id) => db.analyses.where('entityIds').equals(id).count())),
        ]);
        const df = new Map(entityIds.map((id, i) => [id, frequencies[i]!]));
        ranked = rankAnalyses(
          { entities: page!.mentions, publishedAt: page!.publishedAt },
          candidates,
          (id) => df.get(id) ?? 0,
          totalAnalyses,
        );
        if (focus) ranked = ranked.filter((r) => r.analysis.entityIds.includes(focus));
      }
      const shown = new Set(ranked.map((r) => r.analysis.id));
      const others =
        focus === null
          ? (
              await db.analyses
                .orderBy('publishedAt')
                .reverse()
                .limit(limit + shown.size)
                .toArray()
            )
              .filter((a) => !shown.has(a.id))
              .slice(0, Math.max(0, limit - Math.min(ranked.length, limit)))
          : [];
      return {
        page,
        site,
        focus,
        ranked: ranked.slice(0, limit).map((r) => ({ ...r, analysis: toView(r.analysis) })),
        others: others.map(toView),
        totalAnalyses,
      };
    },

    'page.reveal': async ({ tabId, entityId }) => ({ sent: await revealOnPage(tabId, entityId) }),

    'library.search': async ({ query, limit }) => {
      if (!search) throw new Error('Search is not available.');
      const ids = await search.search(query);
      const records = await db.analyses.bulkGet(ids.slice(0, limit));
      return { total: ids.length, items: records.flatMap((r) => (r ? [toView(r)] : [])) };
    },

    'pack.import': async ({ text }) => {
      const known = new Set(await db.entities.toCollection().primaryKeys());
      const parsed = parsePackText(text, known);
      if (!parsed.ok) {
        throw new InvalidInputError('This pack cannot be imported; nothing was changed.', parsed.errors);
      }
      const report = await importPack(db, parsed.pack, now());
      search?.invalidate();
      await libraryChanged();
      await notifyPages();
      return report;
    },
  };
}
