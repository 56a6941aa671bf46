// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { PageState } from '@/lib/protocol/messages';
import { PageMentions } from './PageMentions';
import { mount, seriousViolations } from './test-utils';

const page: PageState = {
  url: 'https://news.example/a',
  title: 'A',
  reportedAt: 1,
  active: true,
  mentions: [
    { entityId: 'putin', name: 'Vladimir Putin', kind: 'actor', count: 2 },
    { entityId: 'assad', name: 'Bashar al-Assad', kind: 'actor', count: 5 },
    { entityId: 'geneva', name: 'Geneva talks', kind: 'event', count: 1 },
  ],
};

describe('PageMentions', () => {
  it('groups by kind, most mentioned first, with counts', () => {
    const root = mount(<PageMentions page={page} />);
    const actors = [...root.querySelectorAll('ul[aria-label=Actors] li')].map((li) => li.textContent);
    expect(actors).toEqual(['Bashar al-Assad ×5', 'Vladimir Putin ×2']);
    expect(root.querySelector('ul[aria-label=Events] li')?.textContent).toBe('Geneva talks ×1');
  });

  it('explains an unread page and a page without mentions', () => {
    expect(mount(<PageMentions page={null} />).textContent).toMatch(/has not read this page/);
    expect(mount(<PageMentions page={{ ...page, mentions: [] }} />).textContent).toMatch(
      /No actors or events/,
    );
  });

  it('has no serious accessibility violations', async () => {
    expect(await seriousViolations(mount(<PageMentions page={page} />))).toEqual([]);
  });
});
