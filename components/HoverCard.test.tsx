// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { EntityCard } from '@/lib/protocol/messages';
import { HoverCard } from './HoverCard';
import { mount, seriousViolations } from './test-utils';

const card: EntityCard = {
  entity: {
    id: 'turkey',
    kind: 'actor',
    category: 'state',
    name: 'Turkey',
    description: 'A NATO member bordering Syria.',
  },
  analysisCount: 4,
  top: [
    {
      id: 'a',
      url: 'https://example.com/a',
      title: 'A safe zone',
      authors: [{ name: 'N. Burns' }, { name: 'J. Jeffrey' }],
      outlet: 'Washington Post',
      publishedAt: '2016-02-04',
      summary: 'They argue for a zone. More detail follows.',
      keyPoints: [],
      entityIds: ['turkey'],
      addedAt: 1,
    },
  ],
};

const handlers = () => ({ onOpenPanel: vi.fn(), onHide: vi.fn(), onClose: vi.fn() });

describe('HoverCard', () => {
  it('shows name, kind, description, count and the analyses with a one-line summary', () => {
    const root = mount(<HoverCard alias="Turkey" card={card} error={null} notice={null} {...handlers()} />);
    expect(root.querySelector('h2')?.textContent).toBe('Turkey');
    expect(root.querySelector('.card__kind')?.textContent).toBe('Actor · state');
    expect(root.querySelector('.card__count')?.textContent).toBe('4 analyses in your library discuss it');
    expect(root.querySelector('.card__meta')?.textContent).toMatch(
      /^N\. Burns and J\. Jeffrey · Washington Post · /,
    );
    expect(root.querySelector('.card__summary')?.textContent).toBe('They argue for a zone.');
  });

  it('shows loading and errors', () => {
    expect(
      mount(<HoverCard alias="Turkey" card={null} error={null} notice={null} {...handlers()} />).textContent,
    ).toContain('Loading');
    const root = mount(
      <HoverCard alias="Turkey" card={null} error="Background not answering" notice={null} {...handlers()} />,
    );
    expect(root.querySelector('.card__error')?.textContent).toBe('Background not answering');
  });

  it('offers "Not this" on this site or everywhere, and the side panel', () => {
    const h = handlers();
    const root = mount(<HoverCard alias="Turkey" card={card} error={null} notice={null} {...h} />);
    const button = (label: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === label)!;
    act(() => button('Open in side panel').click());
    expect(h.onOpenPanel).toHaveBeenCalled();
    act(() => button('Not this').click());
    act(() => button('Not on this site').click());
    expect(h.onHide).toHaveBeenCalledWith('site');
    act(() => button('Not anywhere').click());
    expect(h.onHide).toHaveBeenCalledWith('everywhere');
    act(() => (root.querySelector('[aria-label=Close]') as HTMLButtonElement).click());
    expect(h.onClose).toHaveBeenCalled();
  });

  it('offers saving the page only where the page can be saved, and says when it is saved', () => {
    expect(
      mount(<HoverCard alias="Turkey" card={card} error={null} notice={null} {...handlers()} />).textContent,
    ).not.toMatch(/Save page/);
    const onSave = vi.fn();
    const root = mount(
      <HoverCard alias="Turkey" card={card} error={null} notice={null} {...handlers()} onSave={onSave} />,
    );
    const save = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save page for later')!;
    act(() => save.click());
    expect(onSave).toHaveBeenCalledOnce();
    const done = mount(
      <HoverCard
        alias="Turkey"
        card={card}
        error={null}
        notice={null}
        {...handlers()}
        onSave={onSave}
        saved
      />,
    );
    const button = [...done.querySelectorAll('button')].find((b) => b.textContent === 'Saved for later')!;
    expect(button.disabled).toBe(true);
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(
      <HoverCard alias="Turkey" card={card} error={null} notice="Hidden." {...handlers()} />,
    );
    expect(await seriousViolations(root)).toEqual([]);
  });
});
