/**
 * Finds the library's actors and events in a text (a page added as an analysis, a feed item, a
 * saved article) with the same matcher the content script uses on pages. The compiled matcher is
 * kept until a write to the entities or the hidden aliases commits, whoever makes it.
 */
import { isHighlighted, type BackstoryDatabase } from '../db/database';
import { EntityMatcher } from '../entities/matcher';
import { keptUntilChanged } from './table-cache';

export class EntityTagger {
  private readonly matcher: () => Promise<EntityMatcher>;

  constructor(db: BackstoryDatabase) {
    this.matcher = keptUntilChanged(db, ['entities', 'hiddenAliases'], async () => {
      const [entities, hidden] = await Promise.all([
        db.entities.filter(isHighlighted).toArray(),
        db.hiddenAliases.where('host').equals('*').toArray(),
      ]);
      return new EntityMatcher(entities, hidden);
    });
  }

  /** Ids of the actors and events the text mentions, most mentioned first. */
  async tag(text: string): Promise<string[]> {
    return (await this.ready())(text);
  }

  /**
   * The tagging function itself, once the catalog is compiled: synchronous, so a caller tagging
   * many texts decides itself when to yield to other work.
   */
  async ready(): Promise<(text: string) => string[]> {
    const matcher = await this.matcher();
    return (text) => {
      const counts = new Map<string, number>();
      for (const mention of matcher.mentions(text)) {
        counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
    };
  }
}

/** A readable id from a name: folded to lowercase ASCII letters, digits and single hyphens. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug || 'item';
}
