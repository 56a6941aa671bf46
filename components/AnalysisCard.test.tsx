// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { AnalysisView } from '@/lib/protocol/messages';
import { AnalysisCard } from './AnalysisCard';
import { mount, seriousViolations } from './test-utils';

const analysis: AnalysisView = {
  id: 'burns-jeffrey',
  url: 'https://example.com/safe-zone',
  title: 'A case for a safe zone',
  authors: [
    { name: 'Nicholas Burns', credentials: 'Former under secretary of state.' },
    { name: 'James Jeffrey' },
  ],
  outlet: 'Washington Post',
  publishedAt: '2016-02-04',
  summary: 'Two diplomats argue for a protected zone.',
  keyPoints: ['Point one.', 'Point two.', 'Point three.'],
  entityIds: ['turkey'],
  addedAt: 1,
};

describe('AnalysisCard', () => {
  it('shows title link, authors, outlet, date, summary, key points and credentials', () => {
    const root = mount(<AnalysisCard analysis={analysis} entityNames={['Turkey']} />);
    const link = root.querySelector('h3 a') as HTMLAnchorElement;
    expect(link.href).toBe('https://example.com/safe-zone');
    expect(link.rel).toContain('noopener');
    expect(root.querySelector('.analysis-card__meta')?.textContent).toMatch(
      /^Nicholas Burns and James Jeffrey · Washington Post · .*4.*2016$/,
    );
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2016-02-04');
    expect(root.querySelectorAll('.analysis-card__points li')).toHaveLength(3);
    expect(root.querySelector('dl')?.textContent).toContain('Former under secretary of state.');
    expect(root.querySelector('dl')?.textContent).toContain('No credentials recorded.');
    expect(root.querySelector('.chip')?.textContent).toBe('Turkey');
    expect(root.querySelector('.badge')).toBeNull();
  });

  it('renders text from the library as text, never as markup', () => {
    const root = mount(<AnalysisCard analysis={{ ...analysis, summary: '<img src=x onerror=alert(1)>' }} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.analysis-card__summary')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('has no serious accessibility violations', async () => {
    expect(
      await seriousViolations(mount(<AnalysisCard analysis={analysis} entityNames={['Turkey']} />)),
    ).toEqual([]);
  });
});
