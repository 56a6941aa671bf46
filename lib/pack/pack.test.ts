import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePack, parsePackText } from './pack';

const starterText = readFileSync(
  new URL('../../public/packs/starter-syria-2016.json', import.meta.url),
  'utf8',
);
const starter = () =>
  JSON.parse(starterText) as Record<string, unknown> & {
    analyses: Array<Record<string, unknown>>;
    entities: Array<Record<string, unknown>>;
  };

describe('the starter pack', () => {
  it('is valid', () => {
    const result = parsePackText(starterText);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('holds the three analyses the seed digest presents, with 3–5 key points each', () => {
    const result = parsePackText(starterText);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const byAuthor = result.pack.analyses.map((a) => [
      a.authors.map((x) => x.name).join(' & '),
      a.outlet,
      a.publishedAt,
    ]);
    expect(byAuthor).toEqual(
      expect.arrayContaining([
        ['Dennis Ross', 'Los Angeles Times', '2016-02-09'],
        ['Eyal Zisser', 'Israel Hayom', '2016-02-09'],
        ['Nicholas Burns & James Jeffrey', 'Washington Post', '2016-02-04'],
      ]),
    );
    for (const analysis of result.pack.analyses) {
      expect(analysis.keyPoints.length).toBeGreaterThanOrEqual(3);
      expect(analysis.keyPoints.length).toBeLessThanOrEqual(5);
      expect(analysis.authors.every((a) => (a.credentials ?? '').length > 10)).toBe(true);
      expect(analysis.sourceId).toBe('aijac-update-2016-02-11');
    }
  });

  it('names the actors and events the issue lists, with the aliases news pages use', () => {
    const result = parsePackText(starterText);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const aliases = (id: string) => {
      const entity = result.pack.entities.find((e) => e.id === id);
      if (!entity) throw new Error(`missing entity ${id}`);
      return entity.aliases.map((a) => a.text);
    };
    expect(aliases('bashar-al-assad')).toEqual(
      expect.arrayContaining(['Assad', 'Bashar Assad', 'President Assad', 'the Assad regime']),
    );
    expect(aliases('islamic-state')).toEqual(
      expect.arrayContaining(['ISIS', 'ISIL', 'Daesh', 'Islamic State group']),
    );
    for (const id of [
      'vladimir-putin',
      'john-kerry',
      'barack-obama',
      'staffan-de-mistura',
      'russia',
      'iran',
      'hezbollah',
      'turkey',
      'saudi-arabia',
      'jordan',
      'qatar',
      'syria',
      'aleppo',
      'latakia',
      'syrian-opposition',
      'kurdish-forces',
      'nato',
      'un-security-council',
      'geneva-talks-2016',
      'vienna-process',
      'northern-syria-safe-zone',
      'northern-syria-no-fly-zone',
      'refugee-crisis',
    ]) {
      expect(
        result.pack.entities.some((e) => e.id === id),
        id,
      ).toBe(true);
    }
    const turkey = result.pack.entities.find((e) => e.id === 'turkey');
    expect(turkey?.aliases.find((a) => a.text === 'Turkey')?.caseSensitive).toBe(true);
  });

  it('shares no sentence with the seed digest (summaries are ours)', () => {
    const digest = readFileSync(
      new URL('../../../shared/seed/digest-2016-02-11.txt', import.meta.url),
      'utf8',
    );
    const normalise = (s: string) =>
      s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    const digestText = normalise(digest);
    const result = parsePackText(starterText);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const ours = [
      ...result.pack.analyses.flatMap((a) => [
        a.summary,
        ...a.keyPoints,
        ...a.authors.map((x) => x.credentials ?? ''),
      ]),
      ...result.pack.entities.map((e) => e.description),
    ];
    // Any run of eight words copied from the digest counts as a copied sentence.
    for (const text of ours) {
      const words = normalise(text).split(' ');
      for (let i = 0; i + 8 <= words.length; i++) {
        const run = words.slice(i, i + 8).join(' ');
        expect(digestText.includes(run), `copied: "${run}" in "${text}"`).toBe(false);
      }
    }
  });
});

describe('bad packs get clear errors', () => {
  it('refuses text that is not JSON', () => {
    const result = parsePackText('{"format": "backstory.pack",');
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.errors[0]).toMatch(/not a JSON file/);
  });

  it('refuses a JSON array or a wrong format marker', () => {
    expect(parsePackText('[]')).toMatchObject({ ok: false, errors: [expect.stringMatching(/JSON object/)] });
    const wrong = { ...starter(), format: 'something-else' };
    const result = parsePack(wrong);
    expect(!result.ok && result.errors.join('\n')).toMatch(/format: "format" must be "backstory.pack"/);
  });

  it('refuses a newer format version', () => {
    const result = parsePack({ ...starter(), formatVersion: 2 });
    expect(!result.ok && result.errors.join('\n')).toMatch(/formatVersion.*reads no other/);
  });

  it('points at the field that is wrong', () => {
    const pack = starter();
    pack.analyses[1] = { ...pack.analyses[1], url: 'javascript:alert(1)' };
    const result = parsePack(pack);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContain('analyses[1].url: must be an http(s) URL');
  });

  it('refuses references to entities or sources the pack does not define', () => {
    const pack = starter();
    pack.analyses[0] = { ...pack.analyses[0], entityIds: ['no-such-entity'], sourceId: 'nowhere' };
    const result = parsePack(pack);
    expect(!result.ok && result.errors).toEqual(
      expect.arrayContaining([
        'analyses[0].entityIds[0]: unknown entity "no-such-entity"',
        'analyses[0].sourceId: unknown source "nowhere"',
      ]),
    );
  });

  it('accepts references to entities the library already holds', () => {
    const pack = { ...starter(), entities: [] as unknown[] };
    const known = new Set(starter().entities.map((e) => e.id as string));
    expect(parsePack(pack).ok).toBe(false);
    expect(parsePack(pack, known)).toMatchObject({ ok: true });
  });

  it('refuses duplicate ids and URLs', () => {
    const pack = starter();
    pack.entities.push({ ...pack.entities[0] });
    pack.analyses.push({ ...pack.analyses[0], id: 'another-id' });
    const result = parsePack(pack);
    expect(!result.ok && result.errors.join('\n')).toMatch(/duplicate entity id/);
    expect(!result.ok && result.errors.join('\n')).toMatch(/duplicate analysis url/);
  });

  it('refuses an event with an actor category and unknown fields', () => {
    const pack = starter();
    pack.entities[0] = { ...pack.entities[0], kind: 'event', category: 'person', colour: 'red' };
    const result = parsePack(pack);
    expect(!result.ok && result.errors.join('\n')).toMatch(/entities\[0\]/);
  });

  it('caps the number of errors it lists', () => {
    const pack = starter();
    pack.analyses = Array.from({ length: 40 }, (_, i) => ({ id: `bad-${i}` }));
    const result = parsePack(pack);
    expect(!result.ok && result.errors.length).toBe(21);
    expect(!result.ok && result.errors.at(-1)).toMatch(/more problems/);
  });
});
