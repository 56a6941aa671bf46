import { describe, expect, it } from 'vitest';
import { splitSentences, summarize } from './summarize';

describe('splitSentences', () => {
  it('does not break after titles, initials or dotted acronyms', () => {
    expect(
      splitSentences(
        'Mr. Obama met Dr. Smith and J. K. Rowling in the U.S. Senate. It cost $3.5 million. Talks ended.',
      ),
    ).toEqual([
      'Mr. Obama met Dr. Smith and J. K. Rowling in the U.S. Senate.',
      'It cost $3.5 million.',
      'Talks ended.',
    ]);
  });

  it('keeps quotations whole, including a lower-case attribution after them', () => {
    expect(
      splitSentences(
        '"It is less than 100. It is in the tens of thousands," he said. "Is it?" she asked. Done.',
      ),
    ).toEqual([
      '"It is less than 100. It is in the tens of thousands," he said.',
      '"Is it?" she asked.',
      'Done.',
    ]);
    expect(splitSentences('Il a dit : « Non. Jamais. » Puis il est parti.')).toEqual([
      'Il a dit : « Non. Jamais. »',
      'Puis il est parti.',
    ]);
  });

  it('keeps paragraphs apart and French and Spanish titles with their names', () => {
    expect(
      splitSentences(
        'M. Hollande a parlé. Mme Taubira aussi\n\nLa Sra. Pérez llegó a las 8 p.m. (hora local).',
        'fr',
      ),
    ).toEqual([
      'M. Hollande a parlé.',
      'Mme Taubira aussi',
      'La Sra. Pérez llegó a las 8 p.m. (hora local).',
    ]);
  });
});

/** How many of `text`'s own passages, joined by single spaces, make up `summary` (null if it is not verbatim). */
function verbatimPieces(summary: string, text: string): number | null {
  let pieces = 0;
  for (let start = 0; start < summary.length;) {
    // The longest stretch from `start` to a space (or the end) that the text contains.
    let end = summary.length;
    while (!text.includes(summary.slice(start, end))) {
      end = summary.lastIndexOf(' ', end - 1);
      if (end <= start) return null;
    }
    pieces++;
    start = end + 1;
  }
  return pieces;
}

const ARTICLE = [
  'The city council approved the new flood defence budget on Tuesday after a long debate about river levels.',
  'Sign up to our newsletter for the latest flood defence budget news from the council.',
  'Council members said the flood defence budget would pay for new walls along the river and pumps in the old town.',
  'Photograph: a new river wall and pumps in the old town, paid for by the flood defence budget.',
  'Will the flood defence budget pay for the new river walls and pumps in the old town before winter?',
  'Engineers warned that river levels have risen every winter for a decade and the old walls are failing.',
  'The mayor thanked volunteers.',
  'Residents of the old town, where the river flooded homes twice last year, welcomed the flood defence budget.',
  'Work on the walls and pumps will start in spring and last three years, the council said.',
  'The council will borrow part of the flood defence budget and repay it over twenty years.',
  'Insurers had raised premiums in the old town after the river flooded homes last winter.',
  'The engineers said the new pumps could move the river water out of the old town within hours.',
  'Opposition members argued that the flood defence budget should also cover villages upstream on the river.',
  'The debate also covered parking fees, which were left unchanged.',
].join(' ');

describe('summarize', () => {
  it('picks central sentences, verbatim and in order, within the bounds', () => {
    const { summary, keyPoints } = summarize(ARTICLE);
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(600);
    expect(verbatimPieces(summary, ARTICLE)).toBeGreaterThanOrEqual(1);
    expect(summary).toMatch(/^The city council approved the new flood defence budget/);
    expect(keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(keyPoints.length).toBeLessThanOrEqual(5);
    for (const point of keyPoints) {
      expect(ARTICLE).toContain(point);
      expect(point.length).toBeLessThanOrEqual(300);
      expect(summary).not.toContain(point);
    }
    const positions = keyPoints.map((point) => ARTICLE.indexOf(point));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('leaves out sign-up prompts, picture credits, questions and fragments', () => {
    const { summary, keyPoints } = summarize(ARTICLE);
    const chosen = [summary, ...keyPoints].join('\n');
    expect(chosen).not.toMatch(
      /Sign up|Photograph:|Will the flood defence budget pay|The mayor thanked volunteers\./,
    );
  });

  it('is deterministic', () => {
    expect(summarize(ARTICLE)).toEqual(summarize(ARTICLE));
  });

  it('honours the limits it is given', () => {
    const { summary, keyPoints } = summarize(ARTICLE, {
      summarySentences: 1,
      keyPoints: 2,
      maxKeyPointChars: 110,
    });
    expect(splitSentences(summary)).toHaveLength(1);
    expect(ARTICLE).toContain(summary);
    expect(keyPoints).toHaveLength(2);
    for (const point of keyPoints) expect(point.length).toBeLessThanOrEqual(110);
  });

  it('works on French and Spanish text', () => {
    const french =
      'Les députés ont adopté le projet de loi sur le renseignement mardi. Le texte sera examiné par le Sénat. ' +
      'M. Valls a défendu le projet de loi devant les députés. Les opposants au projet de loi dénoncent une surveillance de masse. ' +
      'Le Conseil constitutionnel sera saisi du projet de loi.';
    const spanish =
      'Los pueblos indígenas reclaman derechos que permanecen incumplidos. El Sr. Ocalan pidió asilo político en Italia. ' +
      'El gobierno italiano dudaba sobre el asilo político. La protesta de los pueblos indígenas continúa en el sur.';
    for (const [text, language] of [
      [french, 'fr'],
      [spanish, 'es'],
    ] as const) {
      const { summary, keyPoints } = summarize(text, { language });
      expect(summary.length).toBeGreaterThan(0);
      expect(verbatimPieces(summary, text)).toBeGreaterThanOrEqual(1);
      for (const point of [...splitSentences(summary, language), ...keyPoints]) {
        expect(text).toContain(point);
        // "M." and "Sr." are titles, not sentences.
        expect(point).toMatch(/\p{L}{3,}/u);
      }
    }
  });

  it('gives nothing for empty text and copes with an invalid language tag', () => {
    expect(summarize('')).toEqual({ summary: '', keyPoints: [] });
    expect(summarize(ARTICLE, { language: 'not a tag!' })).toEqual(summarize(ARTICLE));
  });
});
