import { describe, expect, it } from 'vitest';
import { formatDate, joinNames, oneLine } from './format';

describe('formatDate', () => {
  it('formats calendar dates without shifting the day across time zones', () => {
    expect(formatDate('2016-02-04', 'en-GB')).toBe('4 Feb 2016');
    expect(formatDate('2016-02-12T23:30:00Z', 'en-GB')).toBe('12 Feb 2016');
  });
  it('returns what is not a date unchanged', () => {
    expect(formatDate('sometime', 'en-GB')).toBe('sometime');
  });
});

describe('joinNames', () => {
  it('joins one, two and three names', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(joinNames([])).toBe('');
  });
});

describe('oneLine', () => {
  it('keeps the first sentence', () => {
    expect(oneLine('Ross argues that Moscow used the talks. He adds more.')).toBe(
      'Ross argues that Moscow used the talks.',
    );
    expect(oneLine('No full stop here')).toBe('No full stop here');
    expect(oneLine('U.S. policy is weak. Second.')).toBe('U.S. policy is weak.');
  });
  it('cuts a long sentence at a word', () => {
    const line = oneLine('word '.repeat(60), 40);
    expect(line.length).toBeLessThanOrEqual(40);
    expect(line.endsWith('word…')).toBe(true);
  });
});
