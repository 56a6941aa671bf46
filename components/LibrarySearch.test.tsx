// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { LibrarySearch } from './LibrarySearch';
import { mount, seriousViolations } from './test-utils';

const item = {
  id: 'z',
  url: 'https://example.com/z',
  title: 'Peace summits',
  authors: [{ name: 'Eyal Zisser' }],
  outlet: 'Israel Hayom',
  publishedAt: '2016-02-09',
  summary: 'S.',
  keyPoints: [],
  entityIds: [],
  addedAt: 1,
};

describe('LibrarySearch', () => {
  it('reports typing and shows results with their count', () => {
    const onQuery = vi.fn();
    const root = mount(
      <LibrarySearch
        query="zisser"
        onQuery={onQuery}
        results={{ total: 1, items: [item] }}
        entityNames={new Map()}
      />,
    );
    const input = root.querySelector('input')!;
    act(() => {
      input.value = 'zisse';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onQuery).toHaveBeenCalledWith('zisse');
    expect(root.textContent).toContain('1 analysis matches “zisser”');
    expect(root.querySelector('article h3')?.textContent).toBe('Peace summits');
  });

  it('says when nothing matches', () => {
    const root = mount(
      <LibrarySearch
        query="xyz"
        onQuery={() => {}}
        results={{ total: 0, items: [] }}
        entityNames={new Map()}
      />,
    );
    expect(root.textContent).toContain('Nothing in your library matches “xyz”.');
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(
      <LibrarySearch
        query="z"
        onQuery={() => {}}
        results={{ total: 1, items: [item] }}
        entityNames={new Map()}
      />,
    );
    expect(await seriousViolations(root)).toEqual([]);
  });
});
