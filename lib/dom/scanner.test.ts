// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { starterPack } from '../db/test-helpers';
import { EntityMatcher } from '../entities/matcher';
import { countMentions, PageScanner, selectForHighlight } from './scanner';

const pack = starterPack();
const kinds = new Map(pack.entities.map((e) => [e.id, e.kind]));
const newScanner = () =>
  new PageScanner(new EntityMatcher(pack.entities), { includeNavigation: false, includeLinks: false }, (id) =>
    kinds.get(id),
  );
const unpaced = { budgetMs: Infinity, yieldToBrowser: async () => {} };

describe('PageScanner', () => {
  it('finds mentions split across inline elements, in document order', async () => {
    document.body.innerHTML =
      '<p>Syrian President <em>Bashar</em> <span>Assad</span> met envoys.</p><p>Putin and the Geneva talks.</p>';
    const scanner = newScanner();
    await scanner.scan([document.body], unpaced);
    const mentions = scanner.mentions();
    expect(mentions.map((m) => [m.range.toString(), m.entityId, m.kind])).toEqual([
      ['Syrian President Bashar Assad', 'bashar-al-assad', 'actor'],
      ['Putin', 'vladimir-putin', 'actor'],
      ['Geneva talks', 'geneva-talks-2016', 'event'],
    ]);
  });

  it('keeps document order when the roots come out of order', async () => {
    document.body.innerHTML = '<article><p>Putin spoke.</p></article><h1>Iran and Hezbollah</h1>';
    const scanner = newScanner();
    await scanner.scan([document.querySelector('h1')!, document.querySelector('article')!], unpaced);
    expect(scanner.mentions().map((m) => m.entityId)).toEqual(['vladimir-putin', 'iran', 'hezbollah']);
  });

  it('yields between chunks when asked to', async () => {
    document.body.innerHTML = '<p>Putin</p>'.repeat(10);
    let yields = 0;
    const scanner = newScanner();
    await scanner.scan([document.body], { budgetMs: 0, yieldToBrowser: async () => void yields++ });
    expect(yields).toBe(10);
    expect(scanner.mentions()).toHaveLength(10);
  });

  it('says whether a rescan changed the mentions, and keeps the mentions nothing changed', async () => {
    document.body.innerHTML = '<p>Putin spoke.</p><div id="ticker"></div>';
    const scanner = newScanner();
    await scanner.scan([document.body], unpaced);
    const [putin] = scanner.mentions();
    const ticker = document.querySelector('#ticker')!;
    const item = (text: string) => {
      const p = document.createElement('p');
      p.textContent = text;
      ticker.append(p);
      return p;
    };
    // A ticker naming nothing: added, then removed, changes no mention.
    const quiet = item('Markets closed higher on Tuesday.');
    expect(await scanner.rescan([quiet], unpaced)).toBe(false);
    quiet.remove();
    expect(await scanner.rescan([], unpaced)).toBe(false);
    // The same mention object as before: an open card on it stays open.
    expect(scanner.mentions()[0]).toBe(putin);
    const named = item('Hezbollah said so.');
    expect(await scanner.rescan([named], unpaced)).toBe(true);
    named.remove();
    expect(await scanner.rescan([], unpaced)).toBe(true);
    expect(scanner.mentions()).toEqual([putin]);
  });

  it('rescans only added or changed content and forgets removed content', async () => {
    document.body.innerHTML = '<p id="a">Putin spoke.</p><p id="b">Nothing here.</p>';
    const scanner = newScanner();
    await scanner.scan([document.body], unpaced);
    expect(scanner.mentions()).toHaveLength(1);

    const added = document.createElement('p');
    added.textContent = 'Later, Staffan de Mistura paused the talks.';
    document.body.append(added);
    await scanner.rescan([added], unpaced);
    expect(scanner.mentions().map((m) => m.entityId)).toEqual(['vladimir-putin', 'staffan-de-mistura']);

    const b = document.querySelector('#b')!;
    b.firstChild!.textContent = 'Now Hezbollah is here.';
    await scanner.rescan([b], unpaced);
    expect(scanner.mentions().map((m) => m.entityId)).toEqual([
      'vladimir-putin',
      'hezbollah',
      'staffan-de-mistura',
    ]);

    document.querySelector('#a')!.remove();
    expect(scanner.mentions().map((m) => m.entityId)).toEqual(['hezbollah', 'staffan-de-mistura']);
  });

  it('counts mentions and selects the first of each for highlighting', async () => {
    document.body.innerHTML = '<p>Putin, then Putin again, and Iran.</p>';
    const scanner = newScanner();
    await scanner.scan([document.body], unpaced);
    const mentions = scanner.mentions();
    expect(countMentions(mentions)).toEqual([
      { entityId: 'vladimir-putin', count: 2 },
      { entityId: 'iran', count: 1 },
    ]);
    expect(selectForHighlight(mentions, 'first').map((m) => m.range.startOffset)).toEqual([0, 29]);
    expect(selectForHighlight(mentions, 'every')).toHaveLength(3);
  });
});
