/**
 * Finds the library's actors and events in a text (a page added as an analysis, a feed item, a
 * saved article) with the same matcher the content script uses on pages.
 */
import { isHighlighted, type BackstoryDatabase } from '../db/database';
import { EntityMatcher } from '../entities/matcher';

export class EntityTagger {
  private matcher: Promise<EntityMatcher> | null = null;

  constructor(private readonly db: BackstoryDatabase) {}

  /** Forgets the compiled catalog; call after entities change. */
  invalidate(): void {
    this.matcher = null;
  }

  private async load(): Promise<EntityMatcher> {
    const [entities, hidden] = await Promise.all([
      this.db.entities.filter(isHighlighted).toArray(),
      this.db.hiddenAliases.where('host').equals('*').toArray(),
    ]);
    return new EntityMatcher(entities, hidden);
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
    this.matcher ??= this.load().catch((error: unknown) => {
      this.matcher = null;
      throw error;
    });
    const matcher = await this.matcher;
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
