/**
 * Finds the mention under the pointer without touching the page's DOM: the caret position at the
 * point, then the mention whose range holds it and whose boxes contain the point.
 */
import type { PageMention } from './scanner';

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text position under a viewport point, with whichever API the browser has. */
export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** Text nodes a range touches, in order. */
function textNodesOf(range: Range): Node[] {
  if (range.startContainer === range.endContainer) return [range.startContainer];
  const nodes: Node[] = [];
  const root = range.commonAncestorContainer;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node)) nodes.push(node);
  }
  return nodes;
}

const TOLERANCE = 1;

/** An index of mentions by text node, for fast hit-testing. */
export class MentionIndex {
  private readonly byNode = new Map<Node, PageMention[]>();

  constructor(mentions: readonly PageMention[]) {
    for (const mention of mentions) {
      for (const node of textNodesOf(mention.range)) {
        const list = this.byNode.get(node) ?? [];
        list.push(mention);
        this.byNode.set(node, list);
      }
    }
  }

  /** The mention at a caret point whose rendered boxes contain (x, y), if any. */
  at(point: CaretPoint, x: number, y: number): PageMention | null {
    const candidates = this.byNode.get(point.node);
    if (!candidates) return null;
    for (const mention of candidates) {
      const rects = mention.range.getClientRects();
      for (const rect of rects) {
        if (
          x >= rect.left - TOLERANCE &&
          x <= rect.right + TOLERANCE &&
          y >= rect.top - TOLERANCE &&
          y <= rect.bottom + TOLERANCE
        ) {
          return mention;
        }
      }
    }
    return null;
  }
}
