/**
 * Collects the readable text of a page as blocks: each block is the text of consecutive inline
 * content (so a name split across <em>, <a> or <span> still reads as one), never crossing a block
 * boundary (paragraph, list item, heading...). Offsets in a block map back to DOM ranges.
 */

export interface ScanOptions {
  /** Also read page-level navigation, header, footer and aside. */
  includeNavigation: boolean;
  /** Also read link text. */
  includeLinks: boolean;
  /** True for elements of Backstory's own UI (never read). */
  isOwnUi?: (element: Element) => boolean;
}

/** Text of consecutive inline content, with the text nodes it came from. */
export interface TextBlock {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  starts: number[];
}

/** Elements whose content is never prose. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'PRE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'SVG',
  'MATH',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  'KBD',
  'SAMP',
  'VAR',
  'DATALIST',
  'DIALOG',
]);

/** Elements that flow inside a line: their text joins the surrounding block. */
export const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'WBR',
  'LABEL',
  'NOBR',
  'BIG',
  'TT',
]);

const NAVIGATION_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
]);

/** Page-level chrome: nav and aside anywhere; header and footer outside an article or main. */
function isNavigation(element: Element): boolean {
  const tag = element.tagName;
  if (tag === 'NAV' || tag === 'ASIDE') return true;
  const role = element.getAttribute('role');
  if (role && NAVIGATION_ROLES.has(role)) return true;
  if (tag === 'HEADER' || tag === 'FOOTER') {
    return element.parentElement?.closest('article, main, [role="main"], section') == null;
  }
  return false;
}

/** Whether the element (not its ancestors) stops reading of its subtree. */
export function isSkipped(element: Element, options: ScanOptions): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return true;
  if (
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    element.hasAttribute('inert')
  ) {
    return true;
  }
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (!options.includeLinks && tag === 'A' && element.hasAttribute('href')) return true;
  if (!options.includeNavigation && isNavigation(element)) return true;
  if (options.isOwnUi?.(element)) return true;
  // Only a browser can tell what is rendered; jsdom and friends lack checkVisibility.
  if (
    typeof element.checkVisibility === 'function' &&
    !element.checkVisibility({ visibilityProperty: true })
  ) {
    return true;
  }
  return false;
}

/** Whether text under `node` may be read: no ancestor up to `root` is skipped. */
export function isReadable(node: Node, root: Node, options: ScanOptions): boolean {
  for (let current: Node | null = node; current && current !== root;) {
    if (current.nodeType === 1 && isSkipped(current as Element, options)) return false;
    const parent: Node | null = current.parentNode;
    // Step out of a shadow root to its host.
    current = parent ?? (current as ShadowRoot).host ?? null;
  }
  return true;
}

/**
 * Yields the text blocks under `root` in document order, entering open shadow roots. A generator,
 * so the caller can stop after a time budget and resume later.
 */
export function* iterateBlocks(root: Node, options: ScanOptions): Generator<TextBlock> {
  let block: TextBlock = { text: '', nodes: [], starts: [] };
  const flush = function* () {
    if (block.nodes.length > 0 && /\S/.test(block.text)) yield block;
    block = { text: '', nodes: [], starts: [] };
  };
  // An explicit stack instead of recursion: deep pages cannot overflow it. A `null` entry marks the
  // end of a block element's content.
  const stack: Array<Node | null> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null) {
      yield* flush();
      continue;
    }
    if (node.nodeType === 3) {
      const text = (node as Text).data;
      if (text.length > 0) {
        block.nodes.push(node as Text);
        block.starts.push(block.text.length);
        block.text += text;
      }
      continue;
    }
    const isElement = node.nodeType === 1;
    if (!isElement && node.nodeType !== 11 && node.nodeType !== 9) continue;
    if (isElement) {
      const element = node as Element;
      if (node !== root && isSkipped(element, options)) continue;
      if (element.tagName === 'BR') {
        yield* flush();
        continue;
      }
    }
    const inline = isElement && INLINE_TAGS.has((node as Element).tagName.toUpperCase());
    if (!inline) {
      yield* flush();
      stack.push(null);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    const shadow = isElement ? (node as Element).shadowRoot : null;
    if (shadow) {
      stack.push(null);
      stack.push(shadow);
    }
  }
  yield* flush();
}

/** All blocks under `root` at once (tests, small subtrees). */
export function collectBlocks(root: Node, options: ScanOptions): TextBlock[] {
  return [...iterateBlocks(root, options)];
}

/** The text node and offset of a block offset; `preferNext` picks the following node at a seam. */
function locate(block: TextBlock, offset: number, preferNext: boolean): [Text, number] {
  let low = 0;
  let high = block.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = block.starts[mid]!;
    if (start < offset || (preferNext && start === offset)) low = mid;
    else high = mid - 1;
  }
  return [block.nodes[low]!, offset - block.starts[low]!];
}

/** A DOM range for `[start, end)` of a block's text. */
export function blockRange(block: TextBlock, start: number, end: number): Range {
  const [startNode, startOffset] = locate(block, start, true);
  const [endNode, endOffset] = locate(block, end, false);
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

/**
 * The article's element when the page has a detectable one (schema.org articleBody, the largest
 * <article>, or <main>), or null to read the whole page.
 */
export function findArticleRoot(doc: Document): Element | null {
  const bodyLength = doc.body?.textContent?.length ?? 0;
  // A front page can hold hundreds of <article> teasers; the first ones are enough to judge.
  const candidates = [
    ...doc.querySelectorAll('[itemprop="articleBody"], article, main, [role="main"]'),
  ].slice(0, 40);
  let best = null as Element | null;
  let bestLength = 0;
  for (const candidate of candidates) {
    const length = candidate.textContent?.length ?? 0;
    // Prefer the innermost element among near-equal candidates (article inside main).
    const inner = best !== null && best.contains(candidate) && length > bestLength * 0.6;
    if (length > bestLength * 1.25 || inner) {
      best = candidate;
      bestLength = length;
    }
  }
  // Too small to be the article (a teaser card on a front page): read the whole page.
  if (!best || bestLength < 500 || bestLength < bodyLength * 0.2) return null;
  return best;
}

/** Where to read: the article and the page's headline when there is an article, else the body. */
export function scanRoots(doc: Document, article = findArticleRoot(doc)): Node[] {
  if (!article) return doc.body ? [doc.body] : [];
  const headline = doc.querySelector('h1');
  return headline && !article.contains(headline) ? [headline, article] : [article];
}
