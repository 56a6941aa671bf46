/**
 * Highlights drawn by Backstory itself: translucent boxes laid over each mention's text, inside a
 * closed shadow root. The page's `CSS.highlights` registry is shared with the page's own scripts,
 * which could plant candidate names and read back which of them the reader's library holds. A page
 * cannot reach into a closed root; the boxes ignore the pointer (hit testing never finds them) and
 * are clipped to what the page itself shows (they never grow its scrollable size), so the one thing
 * a page sees is an empty element that is there whatever the library holds.
 */
import type { EntityKind } from '../model/schema';

/** The tag of the layer's host element, appended to `<html>`. */
export const MARKS_HOST_TAG = 'backstory-marks';

export type MarkKind = EntityKind | 'focus';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A mention as the layer draws it. */
export interface MarkedRange {
  kind: EntityKind;
  range: Range;
}

/** The part of `rect` inside `clip` (null: nothing clips it), or null when nothing is left. */
export function clipBox(rect: Box, clip: Box | null): Box | null {
  const box = clip
    ? {
        left: Math.max(rect.left, clip.left),
        top: Math.max(rect.top, clip.top),
        right: Math.min(rect.right, clip.right),
        bottom: Math.min(rect.bottom, clip.bottom),
      }
    : rect;
  return box.right - box.left > 0.5 && box.bottom - box.top > 0.5 ? box : null;
}

/** What an element does to the text inside it: the viewport box it clips to, and whether it moves on scroll. */
interface Containment {
  clip: Box | null;
  /** Inside a fixed or sticky element: its text moves against the document as the page scrolls. */
  moves: boolean;
  /** visibility: hidden or collapse, or opacity 0: the text is not seen. */
  unseen: boolean;
}

const CLIPPING = new Set(['hidden', 'clip', 'auto', 'scroll']);

const NONE: Containment = { clip: null, moves: false, unseen: false };

const parentOf = (element: Element): Element | null =>
  element.parentElement ?? (element.parentNode instanceof ShadowRoot ? element.parentNode.host : null);

/**
 * Clip, movement and visibility of the text in `element`, from its ancestors' computed styles
 * (memoised for one paint: the mentions of one article share their ancestors).
 */
function containmentOf(element: Element | null, memo: Map<Element, Containment>): Containment {
  if (!element) return NONE;
  const known = memo.get(element);
  if (known) return known;
  const doc = element.ownerDocument;
  const up = containmentOf(parentOf(element), memo);
  const style = doc.defaultView!.getComputedStyle(element);
  const fixed = style.position === 'fixed';
  // A fixed element escapes its ancestors' clips (the viewport is its container).
  let clip = fixed ? null : up.clip;
  // (The shorthand for engines that do not compute the longhands.)
  const clipsX = CLIPPING.has(style.overflowX || style.overflow);
  const clipsY = CLIPPING.has(style.overflowY || style.overflow);
  // The root's and the body's overflow belong to the viewport, which scrolls instead of clipping.
  if ((clipsX || clipsY) && element !== doc.documentElement && element !== doc.body) {
    const own = element.getBoundingClientRect();
    const bound: Box = {
      left: clipsX ? own.left : -Infinity,
      right: clipsX ? own.right : Infinity,
      top: clipsY ? own.top : -Infinity,
      bottom: clipsY ? own.bottom : Infinity,
    };
    clip = clip ? (clipBox(bound, clip) ?? { left: 0, top: 0, right: 0, bottom: 0 }) : bound;
  }
  const result: Containment = {
    clip,
    moves: up.moves || fixed || style.position === 'sticky',
    unseen:
      up.unseen || style.opacity === '0' || style.visibility === 'hidden' || style.visibility === 'collapse',
  };
  memo.set(element, result);
  return result;
}

const STYLE = `
:host { all: initial; }
.mark { position: absolute; pointer-events: none; border-radius: 2px; box-sizing: border-box; }
.mark[hidden] { display: none; }
.mark--actor { background: rgba(240, 163, 112, 0.3); border-bottom: 2px solid rgba(196, 92, 28, 0.95); }
.mark--event { background: rgba(110, 200, 160, 0.28); border-bottom: 2px dotted rgba(35, 130, 90, 0.95); }
.mark--focus { background: rgba(11, 92, 173, 0.28); border-bottom: 3px solid rgb(11, 92, 173); }
@media print { .mark { display: none; } }
@media (forced-colors: active) { .mark { background: none; border-bottom-color: Highlight; } }
`;

/** The host's own style, inline and `!important`: a page's CSS for `html > *` must not move or show it. */
const HOST_STYLE: Array<[string, string]> = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'absolute'],
  ['left', '0'],
  ['top', '0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['pointer-events', 'none'],
  ['z-index', '2147483646'],
];

interface DrawnBox {
  kind: MarkKind;
  /** In the layer's coordinates (the document's, unless `<html>` is offset). */
  left: number;
  top: number;
  width: number;
  height: number;
  /** The element whose text it covers, for the occlusion test. */
  anchor: Element;
  /** On a mention's first box: its text (inside the closed root, for devtools and the e2e tests). */
  text?: string;
}

/**
 * One document's layer of marks. `show` and `setFocus` paint at once; the layer repaints itself
 * (in the next frame) when the page's layout may have moved the text: a resize, a scroll inside an
 * element, a web font, a scroll that moves fixed or sticky text. Boxes whose text the page covers
 * with something else (a sticky header scrolled over it) are hidden.
 */
export class MarkLayer {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private readonly elements: HTMLElement[] = [];
  /** The style string each element was last given, so a repaint only writes what moved. */
  private readonly written: string[] = [];
  private mentions: readonly MarkedRange[] = [];
  private focus: MarkedRange | null = null;
  private drawn: DrawnBox[] = [];
  private moving = false;
  private frameRequested = false;
  private listening = false;

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    private readonly requestFrame: (callback: () => void) => void = (callback) =>
      doc.defaultView!.requestAnimationFrame(callback),
  ) {
    signal.addEventListener('abort', () => this.remove(), { once: true });
  }

  /** Replaces the marked mentions. */
  show(mentions: readonly MarkedRange[]): void {
    this.mentions = mentions;
    if (this.focus && !mentions.includes(this.focus)) this.focus = null;
    this.paint();
  }

  /** Marks one mention as the keyboard's current one, or none. */
  setFocus(mention: MarkedRange | null): void {
    this.focus = mention;
    this.paint();
  }

  /** Removes every mark (the layer stays, empty). */
  clear(): void {
    this.show([]);
  }

  private ensureHost(): ShadowRoot {
    if (this.host && this.root) {
      // A page that rewrites <html>'s children drops the host; it comes back with the next paint.
      if (!this.host.isConnected) this.doc.documentElement.append(this.host);
      return this.root;
    }
    const host = this.doc.createElement(MARKS_HOST_TAG);
    for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = STYLE;
    root.append(style);
    this.doc.documentElement.append(host);
    this.host = host;
    this.root = root;
    this.listen();
    return root;
  }

  private listen() {
    if (this.listening) return;
    this.listening = true;
    const view = this.doc.defaultView!;
    const options = { passive: true, signal: this.signal };
    view.addEventListener('resize', () => this.repaintSoon(), options);
    this.doc.addEventListener(
      'scroll',
      (event) => {
        // The document's own scroll carries the marks with it; only fixed text, text in a
        // scrolled element and what covers what need another look.
        if (event.target === this.doc && !this.moving) this.checkCoveredSoon();
        else this.repaintSoon();
      },
      { ...options, capture: true },
    );
    this.doc.fonts?.addEventListener('loadingdone', () => this.repaintSoon(), options);
    if (typeof ResizeObserver !== 'undefined') {
      const observer = new ResizeObserver(() => this.repaintSoon());
      observer.observe(this.doc.documentElement);
      if (this.doc.body) observer.observe(this.doc.body);
      this.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    }
  }

  private repaintSoon() {
    this.inNextFrame('paint');
  }

  private checkCoveredSoon() {
    this.inNextFrame('covered');
  }

  /** What the next frame does; a repaint also checks what is covered, so the larger job wins. */
  private pending: 'none' | 'covered' | 'paint' = 'none';
  private inNextFrame(work: 'covered' | 'paint') {
    if (this.pending !== 'paint') this.pending = work;
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.requestFrame(() => {
      this.frameRequested = false;
      const next = this.pending;
      this.pending = 'none';
      if (this.signal.aborted || !this.host) return;
      if (next === 'paint') this.paint();
      else if (next === 'covered') this.applyCovered();
    });
  }

  private paint() {
    if (this.signal.aborted) return;
    const root = this.ensureHost();
    const origin = this.host!.getBoundingClientRect();
    const memo = new Map<Element, Containment>();
    const drawn: DrawnBox[] = [];
    let moving = false;
    const add = (kind: MarkKind, range: Range) => {
      const anchor =
        range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
      if (!anchor) return;
      const containment = containmentOf(anchor, memo);
      if (containment.unseen) return;
      moving ||= containment.moves;
      let first = true;
      for (const rect of range.getClientRects()) {
        const box = clipBox(rect, containment.clip);
        if (!box) continue;
        drawn.push({
          ...(first ? { text: range.toString() } : {}),
          kind,
          left: box.left - origin.left,
          top: box.top - origin.top,
          width: box.right - box.left,
          height: box.bottom - box.top,
          anchor,
        });
        first = false;
      }
    };
    for (const mention of this.mentions) add(mention.kind, mention.range);
    if (this.focus) add('focus', this.focus.range);
    this.moving = moving;
    this.drawn = drawn;

    drawn.forEach(({ kind, left, top, width, height, text }, i) => {
      let element = this.elements[i];
      if (!element) {
        element = this.doc.createElement('div');
        this.elements.push(element);
        root.append(element);
      }
      const style =
        `left:${left.toFixed(1)}px;top:${top.toFixed(1)}px;` +
        `width:${width.toFixed(1)}px;height:${height.toFixed(1)}px`;
      const className = `mark mark--${kind}`;
      if (element.className !== className) element.className = className;
      if (text === undefined) delete element.dataset.text;
      else if (element.dataset.text !== text) element.dataset.text = text;
      if (this.written[i] !== style) {
        element.style.cssText = style;
        this.written[i] = style;
      }
    });
    for (const surplus of this.elements.splice(drawn.length)) surplus.remove();
    this.written.length = drawn.length;
    this.applyCovered();
  }

  /** Hides the boxes in view whose text the page covers with another element. */
  private applyCovered() {
    const view = this.doc.defaultView!;
    const viewportWidth = view.innerWidth;
    const viewportHeight = view.innerHeight;
    // Viewport coordinates now: the document may have scrolled since the paint.
    const origin = this.host!.getBoundingClientRect();
    this.drawn.forEach(({ left, top, width, height, anchor }, i) => {
      const element = this.elements[i]!;
      const x = origin.left + left + width / 2;
      const y = origin.top + top + height / 2;
      if (x < 0 || y < 0 || x >= viewportWidth || y >= viewportHeight) {
        element.hidden = false;
        return;
      }
      const hit = this.doc.elementFromPoint(x, y);
      element.hidden = hit !== null && !related(hit, anchor);
    });
  }

  private remove() {
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.elements.length = 0;
    this.written.length = 0;
    this.drawn = [];
  }
}

/** Whether the element hit at a point is the text's own element, inside it, or one of its ancestors. */
function related(hit: Element, anchor: Element): boolean {
  if (hit === anchor || anchor.contains(hit) || hit.contains(anchor)) return true;
  // Text in a page's shadow tree: the hit is retargeted to a host on the way out.
  for (let node: Node = anchor.getRootNode(); node instanceof ShadowRoot; node = node.host.getRootNode()) {
    if (node.host === hit || hit.contains(node.host)) return true;
  }
  return false;
}
