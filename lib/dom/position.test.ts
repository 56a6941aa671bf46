import { describe, expect, it } from 'vitest';
import { placeCard } from './position';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };
const anchorAt = (left: number, top: number) => ({ left, top, right: left + 60, bottom: top + 20 });

describe('placeCard', () => {
  it('goes below and from the anchor’s left edge when there is room', () => {
    expect(placeCard(anchorAt(100, 100), card, viewport)).toEqual({
      left: 100,
      top: 126,
      vertical: 'below',
      horizontal: 'start',
    });
  });

  it('flips above near the bottom of the viewport', () => {
    expect(placeCard(anchorAt(100, 700), card, viewport)).toMatchObject({ top: 494, vertical: 'above' });
  });

  it('flips to end at the anchor’s right edge near the right side', () => {
    expect(placeCard(anchorAt(900, 100), card, viewport)).toMatchObject({ left: 660, horizontal: 'end' });
  });

  it('stays inside a viewport too small for it', () => {
    const placed = placeCard(anchorAt(10, 50), { width: 300, height: 900 }, { width: 280, height: 400 });
    expect(placed.left).toBe(8);
    expect(placed.top).toBe(8);
  });
});
