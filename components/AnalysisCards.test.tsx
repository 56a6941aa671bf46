// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { AnalysisView } from '@/lib/protocol/messages';
import { AnalysisCards } from './AnalysisCards';
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

describe('AnalysisCards', () => {
  it('lists one card per analysis with the names of known entities only', () => {
    const root = mount(
      <AnalysisCards analyses={[make('a'), make('b')]} entityNames={new Map([['syria', 'Syria']])} />,
    );
    expect(root.querySelectorAll('article')).toHaveLength(2);
    expect([...root.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['Syria', 'Syria']);
  });

  it('has no serious accessibility violations', async () => {
    expect(
      await seriousViolations(mount(<AnalysisCards analyses={[make('a')]} entityNames={new Map()} />)),
    ).toEqual([]);
  });
});
