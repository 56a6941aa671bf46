import { describe, expect, it } from 'vitest';
import { formatDate, joinNames } from './format';

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
