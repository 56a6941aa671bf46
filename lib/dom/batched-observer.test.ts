// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockContainer, observeTextChanges, outermost } from './batched-observer';

// Mutation records arrive in a microtask, then the flush is scheduled: wait past both.
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('observeTextChanges', () => {
  it('batches added and changed text into their block containers, once per tick', async () => {
    document.body.innerHTML = '<article><p id="p">Old <em>text</em></p></article><div id="own"></div>';
    const calls: Array<[string[], boolean]> = [];
    const controller = new AbortController();
    observeTextChanges(
      document.body,
      (containers, removed) => calls.push([containers.map((c) => c.id || c.tagName), removed]),
      {
        signal: controller.signal,
        schedule: (callback) => setTimeout(callback, 0),
        isOwn: (node) => (node as Element).id === 'own' || node.parentElement?.id === 'own',
      },
    );
    const added = document.createElement('p');
    added.id = 'added';
    added.innerHTML = 'New <span>Putin</span>';
    document.querySelector('article')!.append(added);
    document.querySelector('em')!.firstChild!.textContent = 'changed';
    document.querySelector('#own')!.textContent = 'our own UI';
    await tick();
    expect(calls).toEqual([[['added', 'p'], false]]);

    document.querySelector('#added')!.remove();
    await tick();
    expect(calls[1]).toEqual([[], true]);

    controller.abort();
    document.querySelector('article')!.append(document.createElement('p'));
    await tick();
    expect(calls).toHaveLength(2);
  });

  it('hands over only what is still in the page when the batch is read', async () => {
    document.body.innerHTML = '<div id="ticker"></div>';
    const calls: string[][] = [];
    const controller = new AbortController();
    observeTextChanges(document.body, (containers) => calls.push(containers.map((c) => c.id)), {
      signal: controller.signal,
      schedule: (callback) => setTimeout(callback, 0),
      isOwn: () => false,
    });
    const ticker = document.querySelector('#ticker')!;
    for (let i = 0; i < 100; i++) {
      const p = document.createElement('p');
      p.id = `item-${i}`;
      p.textContent = `Headline ${i}`;
      ticker.append(p);
      if (ticker.childElementCount > 3) ticker.firstElementChild!.remove();
    }
    await tick();
    expect(calls).toEqual([['item-97', 'item-98', 'item-99']]);
    controller.abort();
  });
});

describe('helpers', () => {
  it('finds the block container of inline content and drops nested containers', () => {
    document.body.innerHTML = '<div id="d"><p id="p"><a><b id="b">x</b></a></p></div>';
    expect(blockContainer(document.querySelector('#b')!.firstChild!)?.id).toBe('p');
    const d = document.querySelector('#d')!;
    const p = document.querySelector('#p')!;
    expect(outermost([p, d, p])).toEqual([d]);
  });
});
