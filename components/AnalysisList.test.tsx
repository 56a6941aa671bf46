// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { AnalysisView } from '@/lib/protocol/messages';
import { AnalysisList } from './AnalysisList';
import { mount, seriousViolations } from './test-utils';

const make = (id: string): AnalysisView => ({
  id,
  url: `https://example.com/${id}`,
  title: `Title ${id}`,
  authors: [{ name: 'A. Author' }],
  outlet: 'Outlet',
  publishedAt: '2016-02-09',
  summary: 'Summary.',
  keyPoints: [],
  entityIds: ['syria', 'unknown-id'],
  addedAt: 1,
});

describe('AnalysisList', () => {
  it('lists one card per analysis with the names of known entities only', () => {
    const root = mount(
      <AnalysisList
        analyses={[make('a'), make('b')]}
        total={2}
        entityNames={new Map([['syria', 'Syria']])}
      />,
    );
    expect(root.querySelectorAll('article')).toHaveLength(2);
    expect([...root.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['Syria', 'Syria']);
    expect(root.querySelector('h2')?.textContent).toBe('Analyses in your library (2)');
  });

  it('tells the reader what to do when the library is empty', () => {
    const root = mount(<AnalysisList analyses={[]} total={0} entityNames={new Map()} />);
    expect(root.querySelector('[role=status]')?.textContent).toMatch(/library is empty\. Import a pack/);
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(<AnalysisList analyses={[make('a')]} total={1} entityNames={new Map()} />);
    expect(await seriousViolations(root)).toEqual([]);
  });
});
