/**
 * What Backstory shows on a page, read by the automation from inside Backstory's closed shadow
 * roots (its marks and its card), which no page script can read (scripts/closed-shadow.mjs). They
 * take a driver page of the shared flows (either browser), or a playwright page or frame of the
 * Chromium-only tests.
 */
import type { Frame, Page } from 'playwright-core';
import { chromiumShadowReader } from '../../scripts/closed-shadow.mjs';
import { CARD_HOST, hasMarks, MARKS_HOST, readMarks } from '../../scripts/page-probes.mjs';
import type { ShadowReader } from './driver/types';

/** A driver page (it reads shadow roots itself), or a playwright page or frame (read over CDP). */
export type Probed = ShadowReader | Page | Frame;

export interface SeenHighlight {
  text: string;
  x: number;
  y: number;
  /** Inside a link, navigation, aside, or a page-level header or footer. */
  inChrome: boolean;
}

const cdpReaders = new WeakMap<object, ShadowReader>();

function readerOf(page: Probed): ShadowReader {
  if ('inShadow' in page) return page;
  let reader = cdpReaders.get(page);
  if (!reader) {
    const frame = 'parentFrame' in page ? page : null;
    reader = frame
      ? chromiumShadowReader(frame.page(), frame.parentFrame() ? frame.url() : undefined)
      : chromiumShadowReader(page as Page, undefined);
    cdpReaders.set(page, reader);
  }
  return reader;
}

/** Runs `fn` on the shadow root of Backstory's `host` element; null when there is none. */
export function inShadow<R, A>(
  page: Probed,
  host: string,
  fn: (root: ShadowRoot, arg: A) => R,
  arg: A,
): Promise<R | null> {
  return readerOf(page).inShadow(host, fn, arg);
}

/** Polls `check` until it is truthy; a page that is navigating fails a read for a moment. */
async function until(check: () => Promise<unknown>, what: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < end) {
    try {
      if (await check()) return;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}` +
      (lastError ? ` (last error: ${String(lastError)})` : ''),
  );
}

const KINDS = {
  'backstory-actor': 'actor',
  'backstory-event': 'event',
  'backstory-focus': 'focus',
  /** Actors and events together, in document order (the keyboard's order). */
  'backstory-mention': 'mention',
} as const;
export type MarkName = keyof typeof KINDS;

/** The marked mentions of one kind, in document order. */
export async function highlights(page: Probed, name: MarkName): Promise<SeenHighlight[]> {
  return (await inShadow(page, MARKS_HOST, readMarks, KINDS[name])) ?? [];
}

/** Texts of all highlighted mentions, actors then events. */
export async function highlightedTexts(page: Probed): Promise<string[]> {
  return [...(await highlights(page, 'backstory-actor')), ...(await highlights(page, 'backstory-event'))].map(
    (h) => h.text,
  );
}

/** Waits until the page has Backstory highlights. */
export function waitForHighlights(page: Probed, timeoutMs = 15_000) {
  return until(async () => await inShadow(page, MARKS_HOST, hasMarks, null), 'highlights', timeoutMs);
}

/** Waits until `check` holds of the page's marked mentions (all kinds, focus included). */
export function waitForMarks(
  page: Probed,
  check: (marks: { actor: SeenHighlight[]; event: SeenHighlight[]; focus: SeenHighlight[] }) => boolean,
  what: string,
  timeoutMs = 15_000,
) {
  return until(
    async () =>
      check({
        actor: await highlights(page, 'backstory-actor'),
        event: await highlights(page, 'backstory-event'),
        focus: await highlights(page, 'backstory-focus'),
      }),
    what,
    timeoutMs,
  );
}

/** Runs `fn` on the hover card's shadow root; null when no card was made. */
export function inCard<R, A>(page: Probed, fn: (root: ShadowRoot, arg: A) => R, arg: A): Promise<R | null> {
  return inShadow(page, CARD_HOST, fn, arg);
}

/** The open hover card's text, or null. */
export async function cardText(page: Probed): Promise<string | null> {
  return (await inCard(page, (root) => root.querySelector('.card')?.textContent ?? null, null)) ?? null;
}

/** Waits until the hover card shows an element matching `selector` (e.g. its list of analyses). */
export function waitForCard(page: Probed, selector = '.card', timeoutMs = 5_000) {
  return until(
    async () => await inCard(page, (root, css) => root.querySelector(css) !== null, selector),
    `the card's ${selector}`,
    timeoutMs,
  );
}

/** Waits until the hover card's text includes `text`. */
export function waitForCardText(page: Probed, text: string, timeoutMs = 5_000) {
  return until(
    async () => await inCard(page, (root, t) => root.textContent?.includes(t) ?? false, text),
    `the card to say "${text}"`,
    timeoutMs,
  );
}

/** The centre of the hover card's button labelled `label`, in viewport coordinates, or null. */
export async function cardButton(page: Probed, label: string): Promise<{ x: number; y: number } | null> {
  return (
    (await inCard(
      page,
      (root, text) => {
        const button = [...root.querySelectorAll('button')].find((b) => b.textContent === text);
        if (!button) return null;
        const rect = button.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      },
      label,
    )) ?? null
  );
}

/** Moves the real pointer onto the hover card's button labelled `label` and clicks it. */
export async function clickCardButton(
  page: ShadowReader & {
    mouseMove(x: number, y: number, steps?: number): Promise<void>;
    mouseClick(x: number, y: number): Promise<void>;
  },
  label: string,
): Promise<void> {
  await until(async () => (await cardButton(page, label)) !== null, `the card's "${label}" button`, 5_000);
  const at = (await cardButton(page, label))!;
  await page.mouseMove(at.x, at.y, 3);
  await page.mouseClick(at.x, at.y);
}
