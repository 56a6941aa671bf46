/**
 * What a page script can see of Backstory, read from outside with evaluate: the shared highlight
 * registry and the card's shadow root. They take anything that evaluates in a page: a driver page
 * of the shared flows (either browser) or a playwright page of the Chromium-only tests.
 */
import { pollInPage } from './driver/poll';

export interface Evaluates {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface SeenHighlight {
  text: string;
  x: number;
  y: number;
  /** Inside a link, navigation, aside, or a page-level header or footer. */
  inChrome: boolean;
}

/** The ranges of one named highlight, in registry order. */
export function highlights(page: Evaluates, name: string): Promise<SeenHighlight[]> {
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
export async function highlightedTexts(page: Evaluates): Promise<string[]> {
  return [...(await highlights(page, 'backstory-actor')), ...(await highlights(page, 'backstory-event'))].map(
    (h) => h.text,
  );
}

/** The open hover card's text, or null. */
export function cardText(page: Evaluates): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('backstory-card')?.shadowRoot?.querySelector('.card')?.textContent ?? null,
    undefined,
  );
}

/** Waits until the page has Backstory highlights. */
export function waitForHighlights(page: Evaluates, timeoutMs = 15_000) {
  return pollInPage(
    page,
    () => CSS.highlights.has('backstory-actor') || CSS.highlights.has('backstory-event'),
    undefined,
    timeoutMs,
  );
}

/** Waits until the hover card shows an element matching `selector` (e.g. its list of analyses). */
export function waitForCard(page: Evaluates, selector = '.card', timeoutMs = 5_000) {
  return pollInPage(
    page,
    (css) => document.querySelector('backstory-card')?.shadowRoot?.querySelector(css) != null,
    selector,
    timeoutMs,
  );
}

/** The centre of the hover card's button labelled `label`, in viewport coordinates, or null. */
export function cardButton(page: Evaluates, label: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((text) => {
    const buttons = [
      ...(document.querySelector('backstory-card')?.shadowRoot?.querySelectorAll('button') ?? []),
    ];
    const button = buttons.find((b) => b.textContent === text);
    if (!button) return null;
    const rect = button.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, label);
}

/** Moves the real pointer onto the hover card's button labelled `label` and clicks it. */
export async function clickCardButton(
  page: Evaluates & {
    mouseMove(x: number, y: number, steps?: number): Promise<void>;
    mouseClick(x: number, y: number): Promise<void>;
  },
  label: string,
): Promise<void> {
  await pollInPage(
    page,
    (text) =>
      [...(document.querySelector('backstory-card')?.shadowRoot?.querySelectorAll('button') ?? [])].some(
        (b) => b.textContent === text,
      ),
    label,
    5_000,
  );
  const at = (await cardButton(page, label))!;
  await page.mouseMove(at.x, at.y, 3);
  await page.mouseClick(at.x, at.y);
}
