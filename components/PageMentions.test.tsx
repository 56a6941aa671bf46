// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { PageState } from '@/lib/protocol/messages';
import { PageMentions, type PageMentionsProps } from './PageMentions';
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

const props = (overrides: Partial<PageMentionsProps> = {}): PageMentionsProps => ({
  page,
  focus: null,
  onReveal: vi.fn(),
  onFocus: vi.fn(),
  onEnableSite: vi.fn(),
  ...overrides,
});

describe('PageMentions', () => {
  it('groups by kind, most mentioned first, with counts', () => {
    const root = mount(<PageMentions {...props()} />);
    const names = (group: string) =>
      [...root.querySelectorAll(`ul[aria-label=${group}] li`)].map(
        (li) =>
          `${li.querySelector('.entity__name')?.textContent} ${li.querySelector('.count')?.textContent}`,
      );
    expect(names('Actors')).toEqual(['Bashar al-Assad ×5', 'Vladimir Putin ×2']);
    expect(names('Events')).toEqual(['Geneva talks ×1']);
  });

  it('reveals an entity on the page and toggles the filter', () => {
    const p = props();
    const root = mount(<PageMentions {...p} />);
    const row = root.querySelector('[data-entity-id=geneva]')!;
    act(() => (row.querySelector('.entity__name') as HTMLButtonElement).click());
    expect(p.onReveal).toHaveBeenCalledWith('geneva');
    act(() => (row.querySelector('.entity__filter') as HTMLButtonElement).click());
    expect(p.onFocus).toHaveBeenCalledWith('geneva');
    const focused = props({ focus: 'geneva' });
    const again = mount(<PageMentions {...focused} />);
    const button = again.querySelector('[data-entity-id=geneva] .entity__filter') as HTMLButtonElement;
    expect(button.getAttribute('aria-pressed')).toBe('true');
    act(() => button.click());
    expect(focused.onFocus).toHaveBeenCalledWith(null);
  });

  it('explains an unread page, a page without mentions, and a site that is off (with the switch)', () => {
    expect(mount(<PageMentions {...props({ page: null })} />).textContent).toMatch(/has not read this page/);
    expect(mount(<PageMentions {...props({ page: { ...page, mentions: [] } })} />).textContent).toMatch(
      /No actors or events/,
    );
    const off = props({ page: { ...page, active: false } });
    const root = mount(<PageMentions {...off} />);
    expect(root.textContent).toMatch(/off on this site/);
    act(() => root.querySelector('button')!.click());
    expect(off.onEnableSite).toHaveBeenCalled();
  });

  it('has no serious accessibility violations', async () => {
    expect(await seriousViolations(mount(<PageMentions {...props({ focus: 'putin' })} />))).toEqual([]);
  });
});
