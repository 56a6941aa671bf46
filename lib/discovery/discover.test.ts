import { describe, expect, it } from 'vitest';
import { lexiconData } from '../db/test-helpers';
import { discover, type Discovery } from './discover';
import { Lexicon } from './lexicon';

const lexicon = new Lexicon(lexiconData());
const run = (text: string, title = '') => discover(title, text, lexicon);
const names = (found: Discovery[]) => found.map((d) => d.name).sort();
const named = (found: Discovery[], name: string) => found.find((d) => d.name === name);

describe('discover', () => {
  it('cuts titles and descriptions off names: "Secretary of State John Kerry" is John Kerry, "the Turkish town of Kilis" is Kilis', () => {
    const found = run(
      'Secretary of State John Kerry flew to the Turkish town of Kilis on Monday. Kerry met officials in Kilis and later in Gaziantep.',
    );
    expect(names(found)).toEqual(expect.arrayContaining(['John Kerry', 'Kilis']));
    expect(names(found)).not.toContain('Secretary of State John Kerry');
    expect(names(found).some((n) => /Turkish|State John/.test(n))).toBe(false);
    const kerry = named(found, 'John Kerry')!;
    expect(kerry).toMatchObject({ kind: 'actor', category: 'person', certain: true });
    expect(kerry.aliases.find((a) => a.text === 'Kerry')?.ambiguous).toBe(true);
    expect(kerry.quote).toBe('Secretary of State John Kerry');
  });

  it('finds nothing in page furniture and sentence-start words', () => {
    const found = run(
      'Back to Top\nClick here to subscribe.\nUnfortunately the plan failed. Readers wrote to us in their thousands about it, and readers were right.',
    );
    expect(found).toEqual([]);
  });

  it('a capitalised word the text also uses in lower case is not a name', () => {
    const found = run('Reform was promised. The minister said reform would come, and Reform came.');
    expect(names(found)).not.toContain('Reform');
  });

  it('makes an acronym defined in brackets an alias of its name, and certain', () => {
    const found = run(
      'The Patriotic Front for Renewal (PFR) rejected the deal. Leaders of the PFR met in the capital.',
    );
    const front = named(found, 'Patriotic Front for Renewal')!;
    expect(front.certain).toBe(true);
    expect(front.aliases.map((a) => a.text)).toContain('PFR');
    expect(found.filter((d) => d.name === 'PFR')).toEqual([]);
  });

  it('reads an appositive as what a person is', () => {
    const found = run(
      'Ama Mensah, the regional envoy for the Sahel, said the talks would resume. Mensah left early.',
    );
    const envoy = named(found, 'Ama Mensah')!;
    expect(envoy).toMatchObject({ category: 'person', certain: true });
    expect(envoy.quote).toBe('Ama Mensah, the regional envoy for the Sahel');
  });

  it('merges the forms of one actor: a full name and its lone surname, "U.N." and "United Nations"', () => {
    const found = run(
      'President Bashar al-Assad spoke on Sunday. Bashar Assad has ruled since 2000, and Assad will not step down, the U.N. said. The United Nations disagreed.',
    );
    const assad = found.filter((d) => /Assad/.test(d.name));
    expect(assad).toHaveLength(1);
    expect(assad[0]!.name).toBe('Bashar al-Assad');
    const un = found.filter((d) => d.name === 'United Nations');
    expect(un).toHaveLength(1);
    expect(un[0]!.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['U.N.', 'UN']));
  });

  it('finds events: a name before an event word, "talks in <place>", a modifier before one', () => {
    const found = run(
      'The Astana talks stalled. Diplomats gathered for talks in Doha. The refugee crisis deepened as the refugee crisis spread, and the Munich Security Conference ended.',
    );
    expect(named(found, 'Astana talks')).toMatchObject({ kind: 'event', category: 'talks', certain: true });
    expect(named(found, 'Doha talks')?.aliases.map((a) => a.text)).toContain('talks in Doha');
    expect(named(found, 'refugee crisis')).toMatchObject({ kind: 'event', category: 'crisis' });
    expect(named(found, 'Munich Security Conference')).toMatchObject({ kind: 'event', certain: true });
  });

  it('proposes what it is unsure of and adds states at once with their names in other languages', () => {
    const found = run('Talks between Mali and Wagner stalled, Wagner said.');
    expect(named(found, 'Mali')).toMatchObject({ category: 'state', certain: true });
    expect(named(found, 'Mali')!.aliases.map((a) => a.text)).toContain('République du Mali');
    expect(named(found, 'Wagner')?.certain).toBe(false);
  });

  it('finds states named in French', () => {
    const found = run("La Syrie et les États-Unis ont signé l'accord, a déclaré la Russie.");
    expect(names(found)).toEqual(expect.arrayContaining(['Syria', 'United States', 'Russia']));
  });

  it('discovers a 2,000-word analysis quickly', () => {
    const paragraph =
      'Russian President Vladimir Putin met Turkish officials in Ankara as the Geneva talks resumed. The United Nations envoy, Staffan de Mistura, warned of the refugee crisis in Aleppo. ';
    const text = paragraph.repeat(Math.ceil(2000 / paragraph.split(' ').length));
    run(text); // warm up
    const started = performance.now();
    run(text);
    // A generous bound for a loaded CI machine; `npm run bench` measures it in Chromium.
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('knows a family name that comes first: "Xi Jinping" is "Xi" alone', () => {
    const found = run('President Xi Jinping met envoys in Beijing. Xi said little, and Xi left early.');
    const xi = found.filter((d) => /Xi/.test(d.name));
    expect(xi).toHaveLength(1);
    expect(xi[0]!.aliases.find((a) => a.text === 'Xi')?.ambiguous).toBe(true);
  });

  it('leaves out who reported the story', () => {
    const found = run(
      'The talks in Doha stalled again on Monday.\nAma Mensah reported from Accra, and Kofi Boateng from Lagos.',
    );
    expect(names(found)).not.toContain('Ama Mensah');
    expect(names(found)).not.toContain('Kofi Boateng');
  });

  it('a name of plain words, then its last word alone, is a person: "Tovrik Vasquatl ... Vasquatl said"', () => {
    const found = run(
      'Late that night, Tovrik Vasquatl arrived in the capital. Talks stalled, and Vasquatl blamed both camps.',
    );
    const person = named(found, 'Tovrik Vasquatl')!;
    expect(person).toMatchObject({ category: 'person', certain: true });
    expect(person.evidence).toContain('a full name, then its surname alone');
    expect(person.aliases.find((a) => a.text === 'Vasquatl')?.ambiguous).toBe(true);
    // The same words once, never alone: only proposed.
    expect(
      named(run('Late that night, Tovrik Vasquatl arrived in the capital.'), 'Tovrik Vasquatl')?.certain,
    ).toBe(false);
  });

  it('a name of plain words quoted as a speaker or given an age is a person, and certain', () => {
    const quoted = named(run('The river is rising, Tamsin Okorafor said on Friday.'), 'Tamsin Okorafor');
    expect(quoted).toMatchObject({ category: 'person', certain: true });
    const aged = named(run('Among the dead was Ilunga Mbeki-Roux, 34, a teacher.'), 'Ilunga Mbeki-Roux');
    expect(aged).toMatchObject({ category: 'person', certain: true });
    // An organisation's word keeps it an organisation, quoted or not.
    const body = named(run('The aid was late, Ulundi Relief Council said.'), 'Ulundi Relief Council');
    expect(body?.category).not.toBe('person');
  });

  it('a headline capitalises every word: a known town named like a common word is not read there', () => {
    const found = run(
      "The board will vote on the sale on Tuesday, Yahoo's owners said.",
      "Yahoo's Sale to Verizon Leaves Owners Waiting",
    );
    expect(names(found)).not.toContain('Sale');
  });

  it("reads newsroom credits and an author's bio line as credits: only known names count there", () => {
    const found = run(
      [
        'The ministers met in Geneva on Monday and agreed to meet again.',
        'Reporting by Tamsin Okorafor; Editing by Tovrik Vasquatl',
        'Follow Ilunga Brevard on Twitter.',
        'Marek Dunsany is a senior correspondent for the paper, based in Geneva.',
      ].join('\n'),
    );
    expect(names(found)).toContain('Geneva');
    expect(names(found).filter((n) => /Okorafor|Vasquatl|Brevard|Dunsany/.test(n))).toEqual([]);
  });

  it('demonyms joined by a hyphen name nothing on their own: "Israeli-Palestinian"', () => {
    const found = run(
      'The summit on Israeli-Palestinian peace failed. The Israeli-Palestinian conflict went on, and Israeli-Palestinian talks were shelved. Russian-Iranian ties grew.',
    );
    expect(names(found)).toContain('Israeli-Palestinian conflict');
    expect(names(found)).not.toContain('Israeli-Palestinian');
    expect(names(found)).not.toContain('Russian-Iranian');
  });

  it('keeps a common first word at a sentence start when the text writes the same name inside sentences', () => {
    const found = run(
      'Prices fell as Whole Foods lowered them, on the whole. Whole Foods said the cuts would last. Whole Foods has forty shops.',
    );
    const store = named(found, 'Whole Foods')!;
    // Not cut to "Foods" where a sentence starts: no lone "Foods" form, alias or entity.
    expect(store.aliases.map((a) => a.text)).toEqual(['Whole Foods']);
    expect(store.mentions).toBe(3);
    expect(names(found)).not.toContain('Foods');
  });
});
