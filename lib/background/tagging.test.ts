import { describe, expect, it } from 'vitest';
import { installStarterPack } from './starter';
import { freshDatabase, starterPack } from '../db/test-helpers';
import { EntityTagger } from './tagging';

describe('EntityTagger', () => {
  it('follows the hidden aliases and entities as they change, with nobody telling it', async () => {
    const db = freshDatabase();
    await installStarterPack(db, async () => starterPack());
    const tagger = new EntityTagger(db);
    const text = 'Secretary Kerry warned that Kilis could not take more refugees.';
    const before = await tagger.tag(text);
    expect(before).toContain('john-kerry');
    // "Not this → everywhere" on the alias: the next analysis is not tagged through it.
    await db.hiddenAliases.add({ entityId: 'john-kerry', alias: 'Secretary Kerry', host: '*', createdAt: 1 });
    expect(await tagger.tag(text)).not.toContain('john-kerry');
    // A new entity is found at once.
    await db.entities.add({
      id: 'kilis',
      kind: 'actor',
      category: 'place',
      name: 'Kilis',
      description: 'A Turkish town on the Syrian border.',
      aliases: [],
      related: [],
      updatedAt: 1,
    });
    expect(await tagger.tag(text)).toContain('kilis');
  });
});
