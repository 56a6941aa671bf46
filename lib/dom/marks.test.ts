// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clipBox, MARKS_HOST_TAG, MarkLayer, type MarkedRange } from './marks';

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, right: left + width, bottom: top + height, width, height, x: left, y: top }) as DOMRect;

/** jsdom has no layout: each range and element gets the boxes a test gives it. */
const setRects = (range: Range, rects: DOMRect[]) =>
  Object.defineProperty(range, 'getClientRects', { value: () => rects, configurable: true });
const elementBoxes = new Map<Element, DOMRect>();
let hit: (x: number, y: number) => Element | null = () => null;

function mention(kind: MarkedRange['kind'], text: string, ...rects: DOMRect[]): MarkedRange {
  const node = [...document.querySelectorAll('p, span, div')]
    .flatMap((element) => [...element.childNodes])
    .find((child) => child.nodeType === 3 && child.textContent!.includes(text))!;
  const range = document.createRange();
  const start = node.textContent!.indexOf(text);
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  setRects(range, rects);
  return { kind, range };
}

/** The marks as a privileged reader (this test) sees them through the layer's closed root. */
function drawn(): Array<{ className: string; style: string; hidden: boolean }> {
  const host = document.querySelector(MARKS_HOST_TAG)!;
  const root = attachedRoots.get(host)!;
  return [...root.querySelectorAll('div')].map((div) => ({
    className: div.className,
    style: div.style.cssText,
    hidden: div.hidden,
  }));
}

const attachedRoots = new WeakMap<Element, ShadowRoot>();
const realAttach = Element.prototype.attachShadow;
let controller: AbortController;
const frames: Array<() => void> = [];

beforeEach(() => {
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const root = realAttach.call(this, init);
    attachedRoots.set(this, root);
    return root;
  });
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return elementBoxes.get(this) ?? rect(0, 0, 0, 0);
  });
  document.elementFromPoint = (x: number, y: number) => hit(x, y);
  controller = new AbortController();
  frames.length = 0;
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  hit = () => null;
  document.body.innerHTML = '';
});

const newLayer = () => new MarkLayer(document, controller.signal, (callback) => void frames.push(callback));

describe('clipBox', () => {
  it('keeps the part inside the clip and drops what is left empty', () => {
    expect(clipBox(rect(0, 0, 50, 10), null)).toMatchObject({ left: 0, right: 50 });
    expect(clipBox(rect(0, 0, 50, 10), { left: 20, top: -Infinity, right: 40, bottom: Infinity })).toEqual({
      left: 20,
      top: 0,
      right: 40,
      bottom: 10,
    });
    expect(clipBox(rect(0, 0, 50, 10), { left: 60, top: 0, right: 90, bottom: 90 })).toBeNull();
  });
});

describe('MarkLayer', () => {
  it('draws one box per line of a mention in a closed shadow root, and nothing in the page registry', () => {
    document.body.innerHTML = '<p>Putin and the Geneva talks.</p>';
    const layer = newLayer();
    layer.show([
      mention('actor', 'Putin', rect(10, 20, 40, 16)),
      mention('event', 'Geneva talks', rect(100, 20, 60, 16), rect(0, 40, 30, 16)),
    ]);
    const host = document.querySelector(MARKS_HOST_TAG) as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    expect(host.style.getPropertyPriority('position')).toBe('important');
    expect(host.style.getPropertyValue('pointer-events')).toBe('none');
    expect(drawn().map((d) => d.className)).toEqual([
      'mark mark--actor',
      'mark mark--event',
      'mark mark--event',
    ]);
    expect(drawn()[0]!.style).toBe('left: 10px; top: 20px; width: 40px; height: 16px;');
  });

  it('places boxes against the host, wherever the page put it', () => {
    document.body.innerHTML = '<p>Putin</p>';
    const layer = newLayer();
    layer.show([]);
    elementBoxes.set(document.querySelector(MARKS_HOST_TAG)!, rect(8, -300, 0, 0));
    layer.show([mention('actor', 'Putin', rect(10, 20, 40, 16))]);
    expect(drawn()[0]!.style).toBe('left: 2px; top: 320px; width: 40px; height: 16px;');
  });

  it('clips boxes to an element that hides its overflow, and skips text the page hides', () => {
    document.body.innerHTML =
      '<div id="carousel" style="overflow: hidden"><span>Putin</span> and <span>Erdogan</span></div>' +
      '<div style="visibility: hidden"><span>Assad</span></div>';
    elementBoxes.set(document.getElementById('carousel')!, rect(0, 0, 100, 50));
    const layer = newLayer();
    layer.show([
      mention('actor', 'Putin', rect(80, 10, 40, 16)),
      mention('actor', 'Erdogan', rect(200, 10, 40, 16)),
      mention('actor', 'Assad', rect(10, 100, 40, 16)),
    ]);
    expect(drawn().map((d) => d.style)).toEqual(['left: 80px; top: 10px; width: 20px; height: 16px;']);
  });

  it('hides a box whose text the page covers (a sticky header), and shows it again once uncovered', () => {
    document.body.innerHTML = '<header>Site</header><p>Putin</p>';
    const header = document.querySelector('header')!;
    hit = () => header;
    const layer = newLayer();
    layer.show([mention('actor', 'Putin', rect(10, 20, 40, 16))]);
    expect(drawn()[0]!.hidden).toBe(true);
    hit = () => document.querySelector('p');
    document.dispatchEvent(new Event('scroll'));
    frames.splice(0).forEach((frame) => frame());
    expect(drawn()[0]!.hidden).toBe(false);
  });

  it('marks the focused mention on top, and forgets it when the mentions change', () => {
    document.body.innerHTML = '<p>Putin</p>';
    const layer = newLayer();
    const putin = mention('actor', 'Putin', rect(10, 20, 40, 16));
    layer.show([putin]);
    layer.setFocus(putin);
    expect(drawn().map((d) => d.className)).toEqual(['mark mark--actor', 'mark mark--focus']);
    layer.show([]);
    expect(drawn()).toEqual([]);
  });

  it('repaints in the next frame after an element scrolls, and comes back if the page removes it', () => {
    document.body.innerHTML = '<div id="list" style="overflow: auto"><p>Putin</p></div>';
    elementBoxes.set(document.getElementById('list')!, rect(0, 0, 500, 500));
    const layer = newLayer();
    const putin = mention('actor', 'Putin', rect(10, 20, 40, 16));
    layer.show([putin]);
    setRects(putin.range, [rect(10, 5, 40, 16)]);
    document.getElementById('list')!.dispatchEvent(new Event('scroll'));
    expect(drawn()[0]!.style).toContain('top: 20px');
    frames.splice(0).forEach((frame) => frame());
    expect(drawn()[0]!.style).toContain('top: 5px');
    document.querySelector(MARKS_HOST_TAG)!.remove();
    layer.show([putin]);
    expect(document.querySelector(MARKS_HOST_TAG)).not.toBeNull();
  });

  it('leaves nothing behind when its context ends', () => {
    document.body.innerHTML = '<p>Putin</p>';
    newLayer().show([mention('actor', 'Putin', rect(10, 20, 40, 16))]);
    controller.abort();
    expect(document.querySelector(MARKS_HOST_TAG)).toBeNull();
  });
});
