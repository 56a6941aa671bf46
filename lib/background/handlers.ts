/**
 * The background's handler map: one handler per protocol message, over the library database.
 */
import type { BackstoryDatabase } from '../db/database';
import { importPack } from '../db/import';
import { parsePackText } from '../pack/pack';
import { InvalidInputError, type HandlerMap } from '../protocol/dispatch';
import type { PageState } from '../protocol/messages';
import type { TabStateStore } from './tab-state';

export interface HandlerDeps {
  db: BackstoryDatabase;
  tabs: TabStateStore;
  now?: () => number;
}

export function createHandlers({ db, tabs, now = Date.now }: HandlerDeps): HandlerMap {
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
      const items = records.map(({ updatedAt: _updatedAt, ...view }) => view);
      return { total, items };
    },

    'entities.catalog': async () => {
      const records = await db.entities.toArray();
      const entities = records
        .filter((entity) => !entity.hidden)
        .map(({ id, kind, category, name, aliases, related }) => ({
          id,
          kind,
          category,
          name,
          aliases,
          related,
        }));
      return { entities };
    },

    'page.report': async ({ url, title, mentions }, sender) => {
      if (sender.tabId === undefined) throw new InvalidInputError('A page report needs a tab.');
      const known = await db.entities.bulkGet(mentions.map((m) => m.entityId));
      const state: PageState = {
        url,
        title,
        mentions: mentions.flatMap((mention, index) => {
          const entity = known[index];
          return entity
            ? [{ entityId: entity.id, name: entity.name, kind: entity.kind, count: mention.count }]
            : [];
        }),
        reportedAt: now(),
      };
      await tabs.set(sender.tabId, state);
      return state;
    },

    'tab.state': ({ tabId }) => tabs.get(tabId),

    'pack.import': async ({ text }) => {
      const parsed = parsePackText(text);
      if (!parsed.ok) {
        throw new InvalidInputError('This pack cannot be imported; nothing was changed.', parsed.errors);
      }
      return importPack(db, parsed.pack, now());
    },
  };
}
