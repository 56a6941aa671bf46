/** Highlights, the hover card, the keyboard walk and "Not this": the same bodies in both browsers. */
import { mkdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask, scannedState, tabIdFor } from '../driver/actions';
import type { DriverPage, LaunchDriver } from '../driver/types';
import {
  cardText,
  clickCardButton,
  highlightedTexts,
  highlights,
  inCard,
  waitForCard,
  waitForHighlights,
} from '../probes';
import { useDriver } from './fixture';

/** Corpus pages and mentions that must be highlighted there (entities from the test pack). */
export const CORPUS_MENTIONS: Array<[string, string[]]> = [
  ['bbc-1', ['Obama', 'gun laws']],
  ['telegraph', ['Zimbabwe', 'Robert Mugabe']],
  ['schema-org-context-object', ['Yoon Suk Yeol', 'SEOUL']],
  ['guardian-1', ['Māori', 'New Zealand']],
  ['nytimes-2', ['Yahoo', 'Verizon']],
  ['breitbart', ['Snopes']],
  ['la-nacion', ['mapuche']],
];

/** Records the body as the page's own script saw it when it loaded, to compare with later. */
function recordBodyAtLoad() {
  document.addEventListener('DOMContentLoaded', () => {
    (window as unknown as { bodyAtLoad: string }).bodyAtLoad = document.body.innerHTML;
  });
}
const bodyUnchanged = (page: DriverPage) =>
  page.evaluate(() => document.body.innerHTML === (window as unknown as { bodyAtLoad: string }).bodyAtLoad);

export function highlightFlows(launch: LaunchDriver, browserName: string) {
  describe(`highlights and hover cards in ${browserName}`, () => {
    const fixture = useDriver(launch);
    mkdirSync('screenshots', { recursive: true });

    beforeAll(async () => {
      await ask(fixture.control, 'pack.import', {
        text: readFileSync('tests/fixtures/packs/corpus-entities.json', 'utf8'),
      });
    });

    const openDemo = async () => {
      const page = await fixture.browser.newPage(recordBodyAtLoad);
      await page.goto(`${fixture.origin()}/demo/index.html`);
      await waitForHighlights(page);
      return page;
    };
    /** Scrolls `text`'s first highlight to the middle of the view and returns where it is. */
    const scrollToHighlight = async (page: DriverPage, text: string) => {
      const find = async () => (await highlights(page, 'backstory-actor')).find((h) => h.text === text);
      const first = await find();
      if (!first) throw new Error(`${text} is not highlighted`);
      await page.evaluate((y) => window.scrollBy(0, y - 300), first.y);
      return (await find())!;
    };

    it('highlights the demo page’s actors and events, never in links or navigation, DOM untouched', async () => {
      const page = await openDemo();
      const texts = await highlightedTexts(page);
      for (const expected of [
        'Syria',
        'Bashar al-Assad',
        'Staffan de Mistura',
        'Russian President Vladimir Putin',
        'Secretary of State John Kerry',
        'Hezbollah',
        'UN Security Council',
        'safe zone in northern Syria',
        'no-fly zone',
        'Resolution 2254',
      ]) {
        expect(texts, expected).toContain(expected);
      }
      const all = [
        ...(await highlights(page, 'backstory-actor')),
        ...(await highlights(page, 'backstory-event')),
      ];
      expect(all.filter((h) => h.inChrome)).toEqual([]);
      // First mention of each by default: no entity twice.
      expect(new Set(texts).size).toBe(texts.length);
      expect(await bodyUnchanged(page)).toBe(true);
      await page.screenshot(`screenshots/${browserName.toLowerCase()}-demo-page.png`);
      await page.close();
    });

    for (const [name, expected] of CORPUS_MENTIONS) {
      it(`highlights ${expected.join(', ')} on the corpus page ${name}, within the 50 ms task budget`, async () => {
        const page = await fixture.browser.newPage(recordBodyAtLoad);
        await page.goto(`${fixture.origin()}/corpus/${name}/source.html`);
        await waitForHighlights(page);
        const all = [
          ...(await highlights(page, 'backstory-actor')),
          ...(await highlights(page, 'backstory-event')),
        ];
        expect(all.map((h) => h.text)).toEqual(expect.arrayContaining(expected));
        expect(all.filter((h) => h.inChrome)).toEqual([]);
        const longest = async (tab: DriverPage) =>
          (await scannedState(fixture.control, await tabIdFor(fixture.control, tab))).stats!.longestTaskMs;
        let measured = await longest(page);
        await page.close();
        // A wall-clock budget on a shared two-core machine: one load may catch a garbage collection
        // or the OS inside a chunk (seen: 105 ms once, 8 ms on every other load). A second load
        // decides; a chunk that is really too long fails both.
        if (measured >= 50) {
          const again = await fixture.browser.newPage();
          await again.goto(`${fixture.origin()}/corpus/${name}/source.html`);
          await waitForHighlights(again);
          measured = Math.min(measured, await longest(again));
          await again.close();
        }
        expect(measured).toBeLessThan(50);
      });
    }

    it('shows a card after a short dwell, keeps it while the pointer is on it, closes on Escape', async () => {
      const page = await openDemo();
      const target = await scrollToHighlight(page, 'Staffan de Mistura');
      await page.mouseMove(target.x, target.y);
      expect(await cardText(page)).toBeNull(); // not before the dwell
      await waitForCard(page, '.card__analyses li');
      const text = (await cardText(page))!;
      expect(text).toContain('Staffan de Mistura');
      expect(text).toMatch(/Actor · person/);
      expect(text).toMatch(/\d analys[ie]s in your library discuss/);
      expect(text).toContain('What Vladimir Putin is really up to in Syria');
      expect(text).toContain('Los Angeles Times');

      // Hoverable: move onto the card and wait past the grace period.
      const box = (await inCard(
        page,
        (root) => {
          const rect = root.querySelector('.card')!.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + 20 };
        },
        null,
      ))!;
      await page.mouseMove(box.x, box.y, 5);
      await new Promise((r) => setTimeout(r, 900));
      expect(await cardText(page)).not.toBeNull();
      await page.screenshot(`screenshots/${browserName.toLowerCase()}-hover-card.png`);

      await page.press('Escape');
      await expect.poll(() => cardText(page)).toBeNull();
      expect(await bodyUnchanged(page)).toBe(true);
      await page.close();
    });

    it('walks the mentions with the keyboard command and shows each card', async () => {
      const page = await openDemo();
      const ordered = (await highlights(page, 'backstory-mention')).map((h) => h.text);
      // The commands Alt+Shift+J and Alt+Shift+K.
      const step = (direction: 1 | -1) =>
        fixture.browser.runCommand(page, direction === 1 ? 'next-mention' : 'previous-mention');
      const focused = () => highlights(page, 'backstory-focus').then((h) => h[0]?.text);
      await step(1);
      await expect.poll(focused).toBe(ordered[0]);
      await step(1);
      await expect.poll(focused).toBe(ordered[1]);
      await expect.poll(() => cardText(page)).toContain(ordered[1]!.split(' ').at(-1));
      await step(-1);
      await expect.poll(focused).toBe(ordered[0]);
      // The last mention is in view after stepping back past the first.
      await step(-1);
      await expect.poll(focused).toBe(ordered.at(-1));
      const viewportHeight = await page.evaluate(() => innerHeight);
      await expect
        .poll(async () => {
          const [focus] = await highlights(page, 'backstory-focus');
          return focus !== undefined && focus.y >= 0 && focus.y <= viewportHeight;
        })
        .toBe(true);
      await page.bringToFront();
      await page.press('Escape');
      await expect.poll(async () => (await highlights(page, 'backstory-focus')).length).toBe(0);
      await page.close();
    });

    it('lets the reader say "Not this" for an alias on this site', async () => {
      const page = await openDemo();
      const target = await scrollToHighlight(page, 'Hezbollah');
      await page.mouseMove(target.x, target.y);
      await waitForCard(page, '.card__analyses li');
      await clickCardButton(page, 'Not this');
      await clickCardButton(page, 'Not on this site');
      await expect.poll(() => highlightedTexts(page)).not.toContain('Hezbollah');
      // A new load of the page keeps it hidden: the choice is stored.
      const again = await openDemo();
      expect(await highlightedTexts(again)).not.toContain('Hezbollah');
      expect(await highlightedTexts(again)).toContain('Staffan de Mistura');
      await again.close();
      await page.close();
    });

    it('keeps the library private: a page that probes a hundred names learns nothing of which ones it holds', async () => {
      const rows = await ask<
        Array<{ name: string; hidden?: boolean; discovery?: unknown; caseSensitive?: boolean }>
      >(fixture.control, 'entities.list', {});
      // Names the library holds (the page does not know which) and names no library holds.
      const held = rows
        .map((row) => row.name)
        .filter((name) => /^[A-Z][\p{L} .'-]+$/u.test(name))
        .slice(0, 50);
      const unheld = Array.from(
        { length: 100 - held.length },
        (_, i) => `Velmora Ostrakh ${String.fromCharCode(65 + (i % 26))}${i}`,
      );
      const page = await fixture.browser.newPage();
      await page.goto(`${fixture.origin()}/demo/index.html`);
      await waitForHighlights(page);
      // The page's own script: plant every name, give Backstory time to read them, then look with
      // everything a page has (the highlight registry, styles, hit testing, mutations, sizes).
      const probe = await page.evaluate(
        async (names) => {
          const seen: string[] = [];
          const observer = new MutationObserver((records) => {
            for (const record of records) {
              const target =
                record.target instanceof Element ? record.target.tagName : record.target.nodeName;
              seen.push(`${record.type}:${target}:${record.attributeName ?? ''}`);
            }
          });
          const container = document.createElement('section');
          container.id = 'probe';
          for (const name of names) {
            const p = document.createElement('p');
            p.dataset.name = name;
            p.textContent = `${name} said on Tuesday that talks would go on.`;
            container.append(p);
          }
          (document.querySelector('article') ?? document.body).prepend(container);
          observer.observe(document, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          observer.disconnect();
          const registry: string[] = [];
          CSS.highlights?.forEach((highlight, key) =>
            highlight.forEach((range) => registry.push(`${key}:${(range as Range).toString()}`)),
          );
          const openRoots = [...document.querySelectorAll('*')]
            .filter((e) => e.shadowRoot)
            .map((e) => e.tagName);
          const perName = [...container.querySelectorAll('p')].map((p) => {
            const text = p.firstChild!;
            const range = document.createRange();
            range.setStart(text, 0);
            range.setEnd(text, p.dataset.name!.length);
            const rect = range.getBoundingClientRect();
            const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
            const style = getComputedStyle(p);
            return {
              name: p.dataset.name!,
              hitOwnText: hit === null || hit === p,
              style: [
                style.color,
                style.backgroundColor,
                style.textDecorationLine,
                style.outlineStyle,
              ].join(),
            };
          });
          return {
            registry,
            adoptedSheets: document.adoptedStyleSheets.length,
            openRoots,
            mutations: [...new Set(seen)],
            perName,
          };
        },
        [...held, ...unheld],
      );
      // Backstory did read and mark held names (seen from the privileged side only; some are
      // proposals, ambiguous or named elsewhere first, and stay unmarked)...
      const marked = new Set(await highlightedTexts(page));
      expect(held.filter((name) => marked.has(name)).length).toBeGreaterThanOrEqual(10);
      expect(unheld.filter((name) => marked.has(name))).toEqual([]);
      // ...and the page saw the same for every name, held or not.
      expect(probe.registry).toEqual([]);
      expect(probe.adoptedSheets).toBe(0);
      expect(probe.openRoots).toEqual([]);
      const signature = (name: string) => {
        const { name: _name, ...seen } = probe.perName.find((row) => row.name === name)!;
        return JSON.stringify(seen);
      };
      expect(new Set([...held, ...unheld].map(signature)).size).toBe(1);
      // Nothing Backstory did after the names appeared is visible as a change to the page.
      expect(probe.mutations).toEqual([]);
      await page.close();
    });

    it("cannot be driven by the page's own script: no extension id posted, no card from pretend pointers, no button pressed by script", async () => {
      const page = await fixture.browser.newPage(() => {
        const seen: string[] = [];
        (window as unknown as { postedToPage: string[] }).postedToPage = seen;
        window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data) ?? ''));
      });
      await page.goto(`${fixture.origin()}/demo/index.html`);
      await waitForHighlights(page);
      // Chromium's id is its origin's host; Firefox's runtime id is the add-on's id (wxt.config.ts).
      const ids = [new URL(fixture.browser.extensionOrigin).host, 'backstory@backstory.invalid'];
      const posted = await page.evaluate(
        () => (window as unknown as { postedToPage: string[] }).postedToPage,
      );
      expect(posted.filter((data) => ids.some((id) => data.includes(id)))).toEqual([]);

      const target = await scrollToHighlight(page, 'Staffan de Mistura');
      // The page's script moves a pretend pointer onto the mention and rests there.
      await page.evaluate(
        ({ x, y }) => {
          for (const type of ['pointerover', 'pointermove'])
            document
              .elementFromPoint(x, y)!
              .dispatchEvent(
                new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true }),
              );
        },
        { x: target.x, y: target.y },
      );
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(await cardText(page)).toBeNull();

      // The reader opens the card; the page's script then presses its buttons.
      await page.mouseMove(target.x, target.y);
      await waitForCard(page, '.card__analyses li');
      // The card's root is closed: the page's script cannot find its buttons at all.
      expect(
        await page.evaluate(() => document.querySelector('backstory-card')?.shadowRoot ?? null),
      ).toBeNull();
      // Even a script that held the root (the harness stands in for it) presses nothing: its
      // clicks are not the reader's.
      const pressed = await inCard(
        page,
        (root) => {
          const labels: string[] = [];
          for (const label of ['Not this', 'Save page for later', 'Open in side panel']) {
            const button = [...root.querySelectorAll('button')].find((b) => b.textContent === label);
            if (button) {
              button.click();
              labels.push(label);
            }
          }
          [...root.querySelectorAll('button')].find((b) => /everywhere/i.test(b.textContent ?? ''))?.click();
          return labels;
        },
        null,
      );
      expect(pressed).toContain('Not this');
      await new Promise((resolve) => setTimeout(resolve, 600));
      const text = (await cardText(page))!;
      expect(text).not.toMatch(/Hidden|Saving|Saved|Not on this site/);
      expect(await highlightedTexts(page)).toContain('Staffan de Mistura');
      const saved = await ask(fixture.control, 'reading.list', { view: 'all' });
      expect(JSON.stringify(saved)).not.toContain(`${fixture.origin()}/demo/index.html`);
      await page.close();
    });
  });
}
