// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { LibraryStatsView } from './LibraryStatsView';
import { mount, seriousViolations } from './test-utils';

describe('LibraryStatsView', () => {
  it('shows each count, or loading', () => {
    const root = mount(<LibraryStatsView stats={{ analyses: 3, entities: 40, sources: 2, articles: 0 }} />);
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '3 analyses',
      '40 actors and events',
      '2 sources',
      '0 saved articles',
    ]);
    expect(mount(<LibraryStatsView stats={null} />).textContent).toContain('Loading');
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(<LibraryStatsView stats={{ analyses: 1, entities: 1, sources: 1, articles: 1 }} />);
    expect(await seriousViolations(root)).toEqual([]);
  });
});
