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
function isNavigation(element: Element, tag: string): boolean {
  if (tag === 'NAV' || tag === 'ASIDE') return true;
  const role = element.getAttribute('role');
  if (role && NAVIGATION_ROLES.has(role)) return true;
  if (tag === 'HEADER' || tag === 'FOOTER') {
    return element.parentElement?.closest('article, main, [role="main"], section') == null;
  }
  return false;
}

/** Attributes that stop reading, as one selector: hidden, aria-hidden, inert and editable regions. */
const SKIPPED_ATTRIBUTES =
  '[hidden], [aria-hidden="true"], [inert], [contenteditable]:not([contenteditable="false"])';

/** Whether the element (not its ancestors) stops reading of its subtree. */
export function isSkipped(element: Element, options: ScanOptions): boolean {
  const tag = element.tagName;
  return skippedByMarkup(element, tag, tag.toUpperCase(), options) || !isRendered(element);
}

/**
 * `isSkipped` but for rendering: what the element's tag and attributes say, given its `tagName` as
 * it is and upper-cased (the walk reads them once).
 */
function skippedByMarkup(element: Element, tag: string, upperTag: string, options: ScanOptions): boolean {
  if (SKIPPED_TAGS.has(upperTag)) return true;
  // One selector match instead of four attribute reads, and none for elements without attributes.
  if (element.hasAttributes()) {
    if (element.matches(SKIPPED_ATTRIBUTES)) return true;
    if (!options.includeLinks && upperTag === 'A' && element.hasAttribute('href')) return true;
  }
  if (!options.includeNavigation && isNavigation(element, tag)) return true;
  return options.isOwnUi?.(element) ?? false;
}

const VISIBILITY: CheckVisibilityOptions = { visibilityProperty: true };

/** Whether the browser renders the element. Only a browser can tell; jsdom lacks checkVisibility. */
function isRendered(element: Element): boolean {
  return typeof element.checkVisibility !== 'function' || element.checkVisibility(VISIBILITY);
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

/** Marks, on the walk's stack, the end of a block element's content (or of a shadow root). */
const END_OF_BLOCK = null;

/**
 * Yields the text blocks under `root` in document order, entering open shadow roots. A generator,
 * so the caller can stop after a time budget and resume later.
 *
 * Asking the browser whether an element is rendered (`checkVisibility`) is the walk's most costly
 * call, so it asks only when the answer can change what is read: before reading text that is not
 * white space, and before ending a block that has such text. Elements entered before that are
 * "unchecked" until then; if one of them turns out not to be rendered, the walk drops the rest of it
 * (nothing in it has been read). The blocks are those of asking at every element, but for white
 * space at their edges, which matches nothing.
 */
export function* iterateBlocks(root: Node, options: ScanOptions): Generator<TextBlock> {
  let text = '';
  let nodes: Text[] = [];
  let starts: number[] = [];
  // Whether the block has text that is not white space (a block without any is dropped).
  let hasText = false;
  // The block read so far, if it has such text; starts a new one.
  const take = (): TextBlock | null => {
    const block = hasText ? { text, nodes, starts } : null;
    if (nodes.length > 0) {
      text = '';
      nodes = [];
      starts = [];
      hasText = false;
    }
    return block;
  };
  // An explicit stack instead of recursion: deep pages cannot overflow it. A node on the stack stands
  // for itself and its following siblings (pushed when it is visited), so children are never copied.
  const stack: Array<Node | typeof END_OF_BLOCK> = [root];
  // Entered, not yet asked about, outermost first; the content of each is the stack above `height`.
  const unchecked: Array<{ element: Element; height: number }> = [];
  // Asks about the unchecked elements: at the first one not rendered, drops the rest of its content.
  const allRendered = (): boolean => {
    for (let i = 0; i < unchecked.length; i++) {
      const { element, height } = unchecked[i]!;
      if (!isRendered(element)) {
        stack.length = height;
        unchecked.length = i;
        return false;
      }
    }
    unchecked.length = 0;
    return true;
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    // Leaving an unchecked element's content: nothing in it needed asking about.
    while (unchecked.length > 0 && stack.length < unchecked[unchecked.length - 1]!.height) unchecked.pop();
    if (node === END_OF_BLOCK) {
      const block = take();
      if (block) yield block;
      continue;
    }
    if (node !== root) {
      const sibling = node.nextSibling;
      if (sibling) stack.push(sibling);
    }
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      // White space alone is read unasked while the block has no text: it can only end up at its edge.
      if (hasText || data.trim() !== '') {
        if (unchecked.length > 0 && !allRendered()) continue;
        hasText = true;
      }
      nodes.push(node as Text);
      starts.push(text.length);
      text += data;
      continue;
    }
    let inline = false;
    let shadow: ShadowRoot | null = null;
    if (type === 1) {
      const element = node as Element;
      const tag = element.tagName;
      const upperTag = tag.toUpperCase();
      if (node !== root) {
        if (skippedByMarkup(element, tag, upperTag, options)) continue;
        inline = INLINE_TAGS.has(upperTag);
        // An element that would end a block with text: ask now whether it (and what holds it) is
        // rendered; a hidden one ends nothing.
        const endsText = hasText && (tag === 'BR' || !inline);
        if (endsText && ((unchecked.length > 0 && !allRendered()) || !isRendered(element))) continue;
        if (tag === 'BR') {
          const block = take();
          if (block) yield block;
          continue;
        }
        if (!endsText) unchecked.push({ element, height: stack.length });
      } else {
        if (tag === 'BR') continue;
        inline = INLINE_TAGS.has(upperTag);
      }
      shadow = element.shadowRoot;
    } else if (type !== 11 && type !== 9) {
      continue;
    } else if (hasText && unchecked.length > 0 && !allRendered()) {
      continue;
    }
    if (!inline) {
      const block = take();
      if (block) yield block;
      stack.push(END_OF_BLOCK);
    }
    const first = node.firstChild;
    if (first) stack.push(first);
    // A shadow root's content comes before the host's own children, as a block of its own.
    if (shadow) stack.push(END_OF_BLOCK, shadow);
  }
  const block = take();
  if (block) yield block;
}

/** All blocks under `root` at once (tests, small subtrees). */
export function collectBlocks(root: Node, options: ScanOptions): TextBlock[] {
  return [...iterateBlocks(root, options)];
}

/** The text node and offset of a block offset; `preferNext` picks the following node at a seam. */
function locate(block: TextBlock, offset: number, preferNext: boolean): [Text, number] {
  if (block.nodes.length === 1) return [block.nodes[0]!, offset];
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

/** What `textContent` counts: text and CDATA sections. */
const TEXT_NODES = 0x4 | 0x8; // NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION

/**
 * The length of `node.textContent` without building it: the sum of its text nodes' lengths. Stops
 * early, returning a partial sum, once the sum passes `limit`. `from`/`to` (a text node under `node`
 * and a node after which to resume) let the caller leave out a subtree it has counted already.
 */
function textLength(doc: Document, node: Node, limit = Infinity, skip?: { from: Node; to: Node }): number {
  const walker = doc.createTreeWalker(node, TEXT_NODES);
  let length = 0;
  for (let text = walker.nextNode(); text && length <= limit; text = walker.nextNode()) {
    if (skip && text === skip.from) {
      walker.currentNode = skip.to;
      continue;
    }
    length += (text as CharacterData).length;
  }
  return length;
}

/** The last node in `node`'s subtree, in document order. */
function lastDescendant(node: Node): Node {
  let last = node;
  for (let child = last.lastChild; child; child = child.lastChild) last = child;
  return last;
}

/**
 * The article's element when the page has a detectable one (schema.org articleBody, the largest
 * <article>, or <main>), or null to read the whole page.
 */
export function findArticleRoot(doc: Document): Element | null {
  // A front page can hold hundreds of <article> teasers; the first ones are enough to judge.
  const candidates = [
    ...doc.querySelectorAll('[itemprop="articleBody"], article, main, [role="main"]'),
  ].slice(0, 40);
  let best = null as Element | null;
  let bestLength = 0;
  for (const candidate of candidates) {
    const length = textLength(doc, candidate);
    // Prefer the innermost element among near-equal candidates (article inside main).
    const inner = best !== null && best.contains(candidate) && length > bestLength * 0.6;
    if (length > bestLength * 1.25 || inner) {
      best = candidate;
      bestLength = length;
    }
  }
  // Too small to be the article (a teaser card on a front page): read the whole page.
  if (!best || bestLength < 500) return null;
  const body = doc.body;
  if (!body) return best;
  // The body's length is the article's plus the text around it: count only that, and stop once it is
  // clear that the article is under a fifth of the page.
  const first = doc.createTreeWalker(best, TEXT_NODES).nextNode();
  const skip = first ? { from: first, to: lastDescendant(best) } : undefined;
  const around = textLength(doc, body, bestLength * 5, skip);
  if (around > bestLength * 5) return null;
  const bodyLength = around + (body.contains(best) ? bestLength : 0);
  return bestLength < bodyLength * 0.2 ? null : best;
}

/** Where to read: the article and the page's headline when there is an article, else the body. */
export function scanRoots(doc: Document, article = findArticleRoot(doc)): Node[] {
  if (!article) return doc.body ? [doc.body] : [];
  const headline = doc.querySelector('h1');
  return headline && !article.contains(headline) ? [headline, article] : [article];
}
