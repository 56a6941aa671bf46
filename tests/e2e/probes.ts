/** What a page script can see of Backstory, read from outside with page.evaluate. */
import type { Page } from 'playwright-core';

export interface SeenHighlight {
  text: string;
  x: number;
  y: number;
  /** Inside a link, navigation, aside, or a page-level header or footer. */
  inChrome: boolean;
}

/** The ranges of one named highlight, in registry order. */
export function highlights(page: Page, name: string): Promise<SeenHighlight[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return [];
    return [...highlight].map((range) => {
      const rect = (range as Range).getClientRects()[0] ?? (range as Range).getBoundingClientRect();
      const element = range.startContainer.parentElement;
      const chrome = element?.closest('a[href], nav, aside, [role="navigation"], header, footer');
      const pageLevel =
        chrome != null &&
        !(
          (chrome.tagName === 'HEADER' || chrome.tagName === 'FOOTER') &&
          chrome.parentElement?.closest('article, main, section')
        );
      return {
        text: range.toString(),
        x: rect.left + Math.min(6, rect.width / 2),
        y: rect.top + rect.height / 2,
        inChrome: pageLevel,
      };
    });
  }, name);
}

/** Texts of all highlighted mentions, actors then events. */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return [...(await highlights(page, 'backstory-actor')), ...(await highlights(page, 'backstory-event'))].map(
    (h) => h.text,
  );
}

/** The open hover card's text, or null. */
export function cardText(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('backstory-card')?.shadowRoot?.querySelector('.card')?.textContent ?? null,
  );
}

/** Waits until the page has Backstory highlights. */
export function waitForHighlights(page: Page, timeout = 15_000) {
  return page.waitForFunction(
    () => CSS.highlights.has('backstory-actor') || CSS.highlights.has('backstory-event'),
    null,
    {
      timeout,
    },
  );
}
