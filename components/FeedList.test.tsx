// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { FeedList, type FeedListProps, type FeedRow } from './FeedList';
import { mount, seriousViolations } from './test-utils';

const checkedAt = Date.UTC(2016, 1, 11, 9, 30);

const feeds: FeedRow[] = [
  {
    id: 'feed-1',
    url: 'https://review.example/middle-east/rss',
    title: 'Example Review: Middle East',
    intervalMinutes: 60,
    lastFetchedAt: checkedAt,
    nextPollAt: checkedAt + 60 * 60_000,
    failures: 0,
    itemCount: 12,
  },
  {
    id: 'feed-2',
    url: 'https://blog.example/atom.xml',
    intervalMinutes: 120,
    lastError: 'The server answered 503.',
    failures: 3,
    itemCount: 1,
  },
];

function setup(overrides: Partial<FeedListProps> = {}) {
  const props = {
    feeds,
    onSubscribe: vi.fn(),
    onUnsubscribe: vi.fn(),
    onIntervalChange: vi.fn(),
    onPollNow: vi.fn(),
    onImportOpml: vi.fn(),
    onExportOpml: vi.fn(),
    ...overrides,
  };
  return { root: mount(<FeedList {...props} />), ...props };
}

const button = (root: HTMLElement, text: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
};

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function subscribeTo(root: HTMLElement, url: string, interval?: string) {
  const form = root.querySelector('.feed-list__subscribe') as HTMLFormElement;
  const input = form.querySelector('input') as HTMLInputElement;
  act(() => {
    input.value = url;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  if (interval) choose(form.querySelector('select')!, interval);
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  return input;
}

const row = (root: HTMLElement, id: string) => root.querySelector(`[data-feed-id="${id}"]`) as HTMLElement;

describe('FeedList', () => {
  it('subscribes to an address at the chosen interval, checking hourly by default', () => {
    const { root, onSubscribe } = setup();
    const select = root.querySelector('.feed-list__subscribe select') as HTMLSelectElement;
    expect(select.value).toBe('60');
    expect([...select.options].map((option) => option.textContent)).toEqual([
      '15 minutes',
      '30 minutes',
      '1 hour',
      '3 hours',
      '12 hours',
      '1 day',
    ]);
    const input = subscribeTo(root, ' https://news.example/feed ', '180');
    expect(onSubscribe).toHaveBeenCalledWith('https://news.example/feed', 180);
    expect(input.value).toBe('');
  });

  it('refuses addresses that are not web links or are already followed', () => {
    const { root, onSubscribe } = setup();
    const input = subscribeTo(root, 'feed://news.example/rss');
    expect(root.querySelector('.field-problem')?.textContent).toBe(
      'Enter the feed’s web address, starting with http:// or https://.',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    subscribeTo(root, 'https://blog.example/atom.xml');
    expect(root.querySelector('.field-problem')?.textContent).toBe('You already follow this feed.');
    expect(onSubscribe).not.toHaveBeenCalled();
  });

  it('offers the page’s own feeds, except those already followed', () => {
    const { root, onSubscribe } = setup({
      advertised: [
        { url: 'https://review.example/middle-east/rss', title: 'Middle East' },
        { url: 'https://review.example/all/rss' },
      ],
    });
    const offered = root.querySelector('.feed-list__advertised')!;
    expect(offered.querySelectorAll('button')).toHaveLength(1);
    expect(offered.textContent).toContain('Subscribed');
    act(() => offered.querySelector('button')!.click());
    expect(onSubscribe).toHaveBeenCalledWith('https://review.example/all/rss', 60);
  });

  it('shows each feed’s items, check times and failures', () => {
    const { root } = setup();
    const first = row(root, 'feed-1');
    expect(first.querySelector('.feed__title')?.textContent).toBe('Example Review: Middle East');
    expect(first.textContent).toContain('12 items · last checked');
    expect([...first.querySelectorAll('time')].map((time) => time.dateTime)).toEqual([
      '2016-02-11T09:30:00.000Z',
      '2016-02-11T10:30:00.000Z',
    ]);
    expect(first.querySelector('time')?.textContent).toMatch(/2016/);
    expect(first.querySelector('.feed__error')).toBeNull();
    const second = row(root, 'feed-2');
    expect(second.querySelector('.feed__title')?.textContent).toBe('https://blog.example/atom.xml');
    expect(second.textContent).toContain('1 item · not checked yet');
    expect(second.querySelector('.feed__error')?.textContent).toBe(
      'Last check failed (3 times in a row): The server answered 503.',
    );
  });

  it('changes a feed’s interval, checks it now or unsubscribes', () => {
    const { root, onIntervalChange, onPollNow, onUnsubscribe } = setup();
    const second = row(root, 'feed-2');
    const select = second.querySelector('select')!;
    expect(select.value).toBe('120');
    expect(select.selectedOptions[0]?.textContent).toBe('2 hours');
    choose(select, '1440');
    expect(onIntervalChange).toHaveBeenCalledWith('feed-2', 1440);
    act(() => button(second, 'Check now: https://blog.example/atom.xml').click());
    expect(onPollNow).toHaveBeenCalledWith('feed-2');
    act(() => button(second, 'Unsubscribe from https://blog.example/atom.xml').click());
    expect(onUnsubscribe).toHaveBeenCalledWith('feed-2');
  });

  it('imports the text of a chosen OPML file and exports on request', async () => {
    const { root, onImportOpml, onExportOpml } = setup();
    const opml = '<opml version="2.0"><body><outline xmlUrl="https://a.example/rss"/></body></opml>';
    const input = root.querySelector('input[type=file]') as HTMLInputElement;
    // jsdom's File lacks text(); browsers have it.
    const file = Object.assign(new File([opml], 'feeds.opml'), { text: async () => opml });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(onImportOpml).toHaveBeenCalledWith(opml);
    act(() => button(root, 'Export as OPML').click());
    expect(onExportOpml).toHaveBeenCalledOnce();
  });

  it('says when there are no feeds, and has nothing to export then', () => {
    const { root } = setup({ feeds: [] });
    expect(root.querySelector('.empty-state')?.textContent).toContain('No feeds yet');
    expect(button(root, 'Export as OPML').disabled).toBe(true);
  });

  it('disables actions while busy and reports errors and notices', () => {
    const { root } = setup({ busy: true, error: 'The feed could not be read.', notice: 'Imported 3 feeds.' });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('The feed could not be read.');
    expect(root.querySelector('[role=status]')?.textContent).toBe('Imported 3 feeds.');
    expect([...root.querySelectorAll('button')].every((b) => b.disabled)).toBe(true);
    expect((root.querySelector('input[type=file]') as HTMLInputElement).disabled).toBe(true);
  });

  it('has no serious accessibility violations', async () => {
    const { root } = setup({ advertised: [{ url: 'https://review.example/all/rss' }], error: 'Failed.' });
    subscribeTo(root, 'not a url');
    expect(await seriousViolations(root)).toEqual([]);
  });
});

describe('FeedList: feed sites still to allow', () => {
  it('offers one button that asks for the sites, only when some are waiting', () => {
    const onAllowSites = vi.fn();
    const { root } = setup({ sitesToAllow: 3, onAllowSites });
    expect(root.querySelector('.feed-list__allow')?.textContent).toMatch(
      /cannot read these 3 feed sites yet/,
    );
    act(() => button(root, 'Allow reading them').click());
    expect(onAllowSites).toHaveBeenCalledOnce();
    const none = setup({ sitesToAllow: 0, onAllowSites });
    expect(none.root.querySelector('.feed-list__allow')).toBeNull();
  });
});
