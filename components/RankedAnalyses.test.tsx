// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { AnalysisView } from '@/lib/protocol/messages';
import { RankedAnalyses } from './RankedAnalyses';
import { mount, seriousViolations } from './test-utils';

const make = (id: string): AnalysisView => ({
  id,
  url: `https://example.com/${id}`,
  title: `Title ${id}`,
  authors: [{ name: 'A. Author', credentials: 'Fellow.' }],
  outlet: 'Outlet',
  publishedAt: '2016-02-09',
  summary: 'Summary.',
  keyPoints: ['One.', 'Two.', 'Three.'],
  entityIds: ['syria', 'turkey'],
  addedAt: 1,
});
const names = new Map([
  ['syria', 'Syria'],
  ['turkey', 'Turkey'],
]);

describe('RankedAnalyses', () => {
  it('lists ranked analyses with the page’s entities and date badges, then the rest', () => {
    const root = mount(
      <RankedAnalyses
        ranked={[
          { analysis: make('a'), score: 2, matched: ['turkey'], badge: 'older' },
          { analysis: make('b'), score: 1, matched: ['syria'], badge: 'later' },
        ]}
        others={[make('c')]}
        focusName={null}
        entityNames={names}
      />,
    );
    const ranked = [...root.querySelectorAll('[data-testid=ranked] article')];
    expect(ranked.map((a) => a.getAttribute('data-analysis-id'))).toEqual(['a', 'b']);
    expect(ranked[0]!.querySelector('.badge')?.textContent).toBe('Older than 6 months');
    expect(ranked[1]!.querySelector('.badge')?.textContent).toBe('Written after');
    expect(ranked[0]!.querySelector('.analysis-card__entities')?.textContent).toBe('On this page: Turkey');
    expect(root.querySelectorAll('[data-testid=others] article')).toHaveLength(1);
  });

  it('shows at most six entity chips and counts the rest', () => {
    const many = Array.from({ length: 9 }, (_, i) => `e${i}`);
    const root = mount(
      <RankedAnalyses
        ranked={[{ analysis: make('a'), score: 1, matched: many, badge: null }]}
        others={[]}
        focusName={null}
        entityNames={new Map(many.map((id) => [id, id.toUpperCase()]))}
      />,
    );
    const chips = [...root.querySelectorAll('.chip')].map((c) => c.textContent);
    expect(chips).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5', '+3 more']);
  });

  it('names the focus and says when nothing matches', () => {
    const root = mount(<RankedAnalyses ranked={[]} others={[]} focusName="Turkey" entityNames={names} />);
    expect(root.querySelector('h2')?.textContent).toBe('Analyses about Turkey (0)');
    expect(root.textContent).toMatch(/No analysis in your library discusses/);
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(
      <RankedAnalyses
        ranked={[{ analysis: make('a'), score: 1, matched: ['turkey'], badge: null }]}
        others={[make('c')]}
        focusName={null}
        entityNames={names}
      />,
    );
    expect(await seriousViolations(root)).toEqual([]);
  });
});
