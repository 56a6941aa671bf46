/**
 * Where a card goes beside its anchor so that it stays inside the viewport: below the anchor if it
 * fits, else above, else on the side with more room; aligned to the anchor's left edge, or its
 * right edge when that keeps it on screen.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  vertical: 'below' | 'above';
  horizontal: 'start' | 'end';
}

export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
  margin = 8,
): Placement {
  const roomBelow = viewport.height - anchor.bottom - gap - margin;
  const roomAbove = anchor.top - gap - margin;
  const vertical = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  let top = vertical === 'below' ? anchor.bottom + gap : anchor.top - gap - card.height;
  top = Math.max(margin, Math.min(top, viewport.height - margin - card.height));

  const fitsFromStart = anchor.left + card.width <= viewport.width - margin;
  const horizontal = fitsFromStart ? 'start' : 'end';
  let left = fitsFromStart ? anchor.left : anchor.right - card.width;
  left = Math.max(margin, Math.min(left, viewport.width - margin - card.width));
  return { left, top, vertical, horizontal };
}
