import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DigestParseError, parseDigest, type DigestParse } from './parse';

const here = dirname(fileURLToPath(import.meta.url));
const seed = readFileSync(resolve(here, '../../../shared/seed/digest-2016-02-11.txt'), 'utf8');
const harbour = readFileSync(
  resolve(here, '../../tests/fixtures/digests/harbour-letter-2024-03-03.txt'),
  'utf8',
);

/** The same text as a Windows clipboard gives it, with the stray spacing of a careless paste. */
function messyPaste(text: string): string {
  return text
    .split('\n')
    .map((line, i) =>
      i % 3 === 0 ? `  ${line}\t ` : i % 3 === 1 ? `${line}\u00a0` : line.replace(/ /, '  '),
    )
    .join('\r\n');
}

const names = (digest: DigestParse) =>
  digest.pieces.map((piece) => piece.authors.map((author) => author.name));

describe('parseDigest on the AIJAC seed digest', () => {
  const digest = parseDigest(seed);

  it('reads the digest header', () => {
    expect(digest.title).toBe('Syrian peace talks fail as Assad makes military gains');
    expect(digest.publisher).toBe('AIJAC');
    expect(digest.publishedAt).toBe('2016-02-11');
  });

  it('finds exactly the three pieces, with outlets and dates', () => {
    expect(digest.pieces).toHaveLength(3);
    expect(digest.pieces.map((piece) => piece.outlet)).toEqual([
      'Los Angeles Times',
      'Israel Hayom',
      'Washington Post',
    ]);
    // "Feb. 9" and "February 4" take the digest's year.
    expect(digest.pieces.map((piece) => piece.publishedAt)).toEqual([
      '2016-02-09',
      '2016-02-09',
      '2016-02-04',
    ]);
  });

  it('reads the titles, and names the piece whose title the paste lost', () => {
    expect(digest.pieces.map((piece) => piece.title)).toEqual([
      'Untitled (Dennis Ross, Los Angeles Times)',
      'Peace summits: More harm than good',
      'The diplomatic case for America to create a safe zone in Syria',
    ]);
    expect(digest.warnings).toContainEqual(expect.stringMatching(/^Piece 1 has no title line/));
  });

  it('finds the authors in a byline, a bare name line and a closing biography', () => {
    expect(names(digest)).toEqual([['Dennis Ross'], ['Eyal Zisser'], ['Nicholas Burns', 'James Jeffrey']]);
    const [ross, zisser, safeZone] = digest.pieces;
    expect(ross!.authors[0]!.credentials).toMatch(/^the counselor and William Davidson Distinguished Fellow/);
    expect(ross!.authors[0]!.credentials).toMatch(/”$/); // the dangling "(" of a lost link is gone
    expect(zisser!.authors[0]!.credentials).toBeUndefined();
    expect(safeZone!.authors[0]!.credentials).toMatch(/^a professor at Harvard University.*2005 to 2008$/);
    expect(safeZone!.authors[1]!.credentials).toMatch(/^a fellow at the Washington Institute.*2010 to 2012$/);
  });

  it("gives each piece the editor's paragraph about it, without the lost links", () => {
    const [ross, zisser, safeZone] = digest.pieces;
    expect(ross!.summary).toMatch(/^We lead with veteran American diplomat Amb\. Dennis Ross\b/);
    expect(ross!.summary).toMatch(/safe haven in northern Syria\.$/);
    expect(zisser!.summary).toMatch(
      /^Next up is top Israeli academic specialist on Syria Prof\. Eyal Zisser\b/,
    );
    expect(safeZone!.summary).toMatch(/^Finally, two further former senior American diplomats/);
    for (const piece of digest.pieces) {
      expect(piece.summary).not.toMatch(/click here|is here\./i);
    }
  });

  it('keeps the general opening paragraph as the introduction', () => {
    expect(digest.intro).toMatch(/^In the Syrian civil war, the Assad regime/);
    expect(digest.intro).toMatch(/nexus between these two pieces of news\.$/);
    expect(digest.intro.split('\n\n')).toHaveLength(1);
  });

  it('cuts each text at its end: no biography, "Back to Top" or the site links after the last piece', () => {
    const [ross, zisser, safeZone] = digest.pieces;
    expect(ross!.text).toMatch(/^Secretary of State John F\. Kerry/);
    expect(ross!.text).toMatch(/little prospect of diplomacy working\.$/);
    expect(ross!.text.split('\n\n')).toHaveLength(10);
    expect(zisser!.text).toMatch(/^France’s renewed threats/);
    expect(zisser!.text.split('\n\n')).toHaveLength(9);
    expect(safeZone!.text).toMatch(/^Of the critical global challenges/);
    expect(safeZone!.text).toMatch(/eventual peace in the years ahead\.$/);
    expect(safeZone!.text.split('\n\n')).toHaveLength(16);
    for (const piece of digest.pieces) expect(piece.text).not.toMatch(/Back to Top|Hamas|Skip to content/);
    expect(digest.warnings).toContainEqual(
      expect.stringMatching(/^Ignored \d+ paragraph\(s\) after the last piece/),
    );
  });
});

describe('parseDigest on a digest with a markdown-like layout', () => {
  const digest = parseDigest(harbour);

  it('reads the header fields', () => {
    expect(digest.title).toBe('The Harbour Letter — Week 9: Who keeps the sea lanes open?');
    expect(digest.publisher).toBe('Meridian Policy Circle');
    expect(digest.publishedAt).toBe('2024-03-03');
    expect(digest.intro).toMatch(
      /^Dear readers, three months of attacks .* southern Red Sea could look like\.$/,
    );
  });

  it('finds the four pieces whatever their header style', () => {
    expect(digest.pieces.map((piece) => piece.title)).toEqual([
      'Insurers are redrawing the map of world trade',
      'Why sanctions alone will not reopen the strait',
      'A short history of the convoy',
      'Asia should pay its share for safe passage',
    ]);
    expect(digest.pieces.map((piece) => piece.outlet)).toEqual([
      'The Northern Ledger',
      'The Continental Review',
      'The Quarterdeck',
      'Harbour Policy Notes',
    ]);
    expect(digest.pieces.map((piece) => piece.publishedAt)).toEqual([
      '2024-02-28',
      '2024-02-26',
      '2024-03-01',
      '2024-02-29',
    ]);
    expect(digest.pieces.map((piece) => piece.url)).toEqual([
      'https://example.org/northern-ledger/insurers-redraw-trade-map',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads authors and credentials from "Author:" lines, "By" and a biography', () => {
    expect(digest.pieces.map((piece) => piece.authors)).toEqual([
      [{ name: 'Hana Okafor', credentials: 'Senior Fellow, Institute for Maritime Security' }],
      [
        {
          name: 'Tomas Lindqvist',
          credentials: 'professor of international economics at Uppsala Lakeside University',
        },
        { name: 'Amira Haddad', credentials: 'Gulf Research Forum' },
      ],
      [
        {
          name: 'Luis Ortega',
          credentials: 'a retired naval planner who teaches strategy at the Coastal Defence College',
        },
      ],
      [{ name: 'Mei Sato' }],
    ]);
  });

  it('takes each bullet of the introduction as the summary of its piece', () => {
    expect(digest.pieces.map((piece) => piece.summary)).toEqual([
      'Hana Okafor of the Institute for Maritime Security opens with a warning in The Northern Ledger: ' +
        'insurers, not admirals, now decide which routes ships take, and governments have been slow to notice.',
      'Writing in The Continental Review, Tomas Lindqvist and Amira Haddad doubt that sanctions on the ' +
        "militia's suppliers will change its calculations, and call for a regional compact of coastal states instead.",
      "Luis Ortega explains how wartime convoys actually worked and why the model is back on planners' desks, " +
        'with all its costs.',
      'Finally, Mei Sato argues that the Asian economies with the most cargo at stake should pay for a share ' +
        'of the escorts.',
    ]);
  });

  it('joins hard-wrapped paragraphs and leaves out the biography and the footer', () => {
    const [insurers, , convoy, asia] = digest.pieces;
    expect(insurers!.text.split('\n\n')).toHaveLength(4);
    expect(insurers!.text).toMatch(
      /^When a tanker operator decides whether to send a ship through the southern Red Sea, /,
    );
    expect(convoy!.text).not.toMatch(/retired naval planner/);
    expect(convoy!.text.split('\n\n')).toHaveLength(4);
    expect(asia!.text).toMatch(/underwrite the insurance pool that others have proposed\.$/);
    expect(digest.warnings).toEqual(['Ignored 1 paragraph(s) after the last piece (page footer or links).']);
  });

  it('matches summaries by content, not by position', () => {
    const lines = harbour.split('\n');
    const first = lines.findIndex((line) => line.startsWith('- '));
    const last = lines.findIndex((line, i) => i > first && line === '');
    const bullets: string[][] = [];
    for (const line of lines.slice(first, last)) {
      if (line.startsWith('- ')) bullets.push([line]);
      else bullets[bullets.length - 1]!.push(line);
    }
    const reversed = [...lines.slice(0, first), ...bullets.reverse().flat(), ...lines.slice(last)].join('\n');
    const again = parseDigest(reversed);
    expect(again.pieces.map((piece) => piece.summary)).toEqual(digest.pieces.map((piece) => piece.summary));
  });
});

describe('parseDigest on pasted text', () => {
  it.each([
    ['the seed digest', seed],
    ['the markdown-like digest', harbour],
  ])('reads %s pasted with Windows line endings and stray spaces the same way', (_, text) => {
    expect(parseDigest(messyPaste(text))).toEqual(parseDigest(text));
  });

  it('reads a paste with one line break between paragraphs (no blank lines) the same way', () => {
    const single = seed.replace(/\n{2,}/g, '\n');
    expect(single).not.toMatch(/\n\n/);
    expect(parseDigest(single)).toEqual(parseDigest(seed));
  });

  it('resolves relative links against the digest address and drops non-web ones', () => {
    const text = [
      'Weekly notes',
      '',
      'Two pieces on wartime diplomacy this week.',
      '',
      'Jane Roe looks at grain corridors across the Black Sea. Harvest season is here. Her full article is here.',
      '',
      'Grain corridors under fire',
      'By Jane Roe',
      'Source: The Example Review — 4 March 2024',
      'URL: /reviews/grain',
      '',
      'The corridor has survived three winters of war.',
      '',
      '***',
      '',
      'Do mediators still matter?',
      'By Sam Poe',
      'Source: Example Weekly — 5 March 2024',
      'Link: javascript:alert(1)',
      '',
      'Mediation is slow work.',
    ].join('\n');
    const digest = parseDigest(text, { url: 'https://news.example.com/digest/12' });
    expect(digest.pieces.map((piece) => piece.url)).toEqual([
      'https://news.example.com/reviews/grain',
      undefined,
    ]);
    expect(digest.pieces.map((piece) => piece.summary)).toEqual([
      'Jane Roe looks at grain corridors across the Black Sea. Harvest season is here.',
      '',
    ]);
    expect(digest.intro).toBe('Two pieces on wartime diplomacy this week.');
    expect(digest.warnings).toContain(
      'Piece 2 (“Do mediators still matter?”) has no paragraph about it in the introduction.',
    );
  });

  it('shares trailing credentials among the names just before them, and warns on a yearless date', () => {
    const text = [
      'Why the ceasefire frayed',
      'By Ana Ruiz and Omar Nasser, fellows at the Example Centre',
      'Example Times, March 2',
      '',
      'Both sides kept their artillery within range.',
    ].join('\n');
    const digest = parseDigest(text);
    expect(digest.pieces[0]!.authors).toEqual([
      { name: 'Ana Ruiz', credentials: 'fellows at the Example Centre' },
      { name: 'Omar Nasser', credentials: 'fellows at the Example Centre' },
    ]);
    expect(digest.pieces[0]!.publishedAt).toBeUndefined();
    expect(digest.warnings).toContain(
      'Piece 1 (“Why the ceasefire frayed”) has a date without a year, and the digest has no date.',
    );
  });

  it('reads "Title:" fields and takes a lone capitalised line above the outlet as the title', () => {
    const text = [
      'Subject: Notes from the northern flank',
      '',
      'Title: Finland one year into the alliance',
      'Author: Sara Virtanen',
      'Source: Example Quarterly, 2 April 2024',
      '',
      'Membership changed the planning more than the politics.',
      '',
      '---',
      '',
      'Sweden Joins Last',
      'Example Daily — 3 April 2024',
      '',
      'The last ratification came after months of bargaining.',
    ].join('\n');
    const digest = parseDigest(text);
    expect(digest.title).toBe('Notes from the northern flank');
    expect(digest.pieces.map((piece) => [piece.title, piece.outlet, piece.publishedAt])).toEqual([
      ['Finland one year into the alliance', 'Example Quarterly', '2024-04-02'],
      ['Sweden Joins Last', 'Example Daily', '2024-04-03'],
    ]);
    expect(names(digest)).toEqual([['Sara Virtanen'], []]);
    expect(digest.warnings).toContain('Piece 2 (“Sweden Joins Last”) names no author.');
  });

  it('throws a DigestParseError that says what a piece needs', () => {
    expect(() => parseDigest(' \r\n \n')).toThrow(DigestParseError);
    expect(() => parseDigest(' \r\n \n')).toThrow(/empty/);
    const prose = 'Talks resumed in Geneva on Monday.\n\nNo side expected a breakthrough this week.';
    expect(() => parseDigest(prose)).toThrow(DigestParseError);
    expect(() => parseDigest(prose)).toThrow(/No articles were found.*byline.*outlet and date/);
  });
});
