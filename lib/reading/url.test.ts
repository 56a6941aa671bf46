import { describe, expect, it } from 'vitest';
import { idSchema } from '../model/schema';
import { articleId, articleKey, fnv1a64 } from './url';

describe('articleKey', () => {
  it('treats http and https as the same article', () => {
    expect(articleKey('http://example.com/story')).toBe(articleKey('https://example.com/story'));
    expect(articleKey('http://example.com/story')).toBe('https://example.com/story');
  });

  it('lowercases the host and drops a leading www.', () => {
    expect(articleKey('https://WWW.Example.COM/Story')).toBe('https://example.com/Story');
    // Only a leading www. goes: it is part of other names.
    expect(articleKey('https://news.www.example.com/a')).toBe('https://news.www.example.com/a');
  });

  it('drops default ports and keeps others', () => {
    expect(articleKey('https://example.com:443/a')).toBe('https://example.com/a');
    expect(articleKey('http://example.com:80/a')).toBe('https://example.com/a');
    expect(articleKey('https://example.com:8443/a')).toBe('https://example.com:8443/a');
  });

  it('drops the fragment and credentials', () => {
    expect(articleKey('https://example.com/a#comments')).toBe('https://example.com/a');
    expect(articleKey('https://user:secret@example.com/a')).toBe('https://example.com/a');
  });

  it.each([
    'utm_source=x',
    'UTM_Campaign=y',
    'fbclid=1',
    'gclid=1',
    'dclid=1',
    'msclkid=1',
    'mc_cid=1',
    'mc_eid=1',
    'igshid=1',
    'yclid=1',
    '_ga=1',
    'ref=home',
    'ref_src=twsrc',
    'cmpid=rss',
    'ocid=msn',
    'smid=tw-share',
    'at_medium=social',
    'at_campaign=spring',
  ])('drops the tracking parameter %s', (param) => {
    expect(articleKey(`https://example.com/a?id=7&${param}`)).toBe('https://example.com/a?id=7');
  });

  it('keeps other parameters, sorted by name, and repeated names in their order', () => {
    expect(articleKey('https://example.com/a?page=2&id=7&utm_medium=email')).toBe(
      'https://example.com/a?id=7&page=2',
    );
    expect(articleKey('https://example.com/a?b=1&a=2&a=1')).toBe('https://example.com/a?a=2&a=1&b=1');
    // A parameter that only starts like a tracking one is kept.
    expect(articleKey('https://example.com/a?reference=1')).toBe('https://example.com/a?reference=1');
  });

  it('leaves no question mark when only tracking parameters were there', () => {
    expect(articleKey('https://example.com/a/?utm_source=x&fbclid=2')).toBe('https://example.com/a');
  });

  it('drops trailing slashes except the root', () => {
    expect(articleKey('https://example.com/a/b/')).toBe('https://example.com/a/b');
    expect(articleKey('https://example.com/a//')).toBe('https://example.com/a');
    expect(articleKey('https://example.com/')).toBe('https://example.com/');
    expect(articleKey('https://example.com')).toBe('https://example.com/');
  });

  it('keeps the path case: paths are case-sensitive', () => {
    expect(articleKey('https://example.com/A')).not.toBe(articleKey('https://example.com/a'));
  });

  it('prefers a same-site canonical URL', () => {
    const shared = 'https://m.example.com/world/story-1?utm_source=tw';
    expect(articleKey(shared, 'https://www.example.com/world/story-1/')).toBe(
      'https://example.com/world/story-1',
    );
    expect(articleKey('https://www.example.co.uk/a', 'https://amp.example.co.uk/a?x=1')).toBe(
      'https://amp.example.co.uk/a?x=1',
    );
  });

  it('ignores a canonical URL on another site, invalid or not http(s)', () => {
    const page = 'https://example.com/story';
    expect(articleKey(page, 'https://other.net/story')).toBe('https://example.com/story');
    // Sharing a suffix is not enough: notexample.com is not example.com.
    expect(articleKey(page, 'https://notexample.com/story')).toBe('https://example.com/story');
    expect(articleKey(page, 'not a url')).toBe('https://example.com/story');
    expect(articleKey(page, 'javascript:alert(1)')).toBe('https://example.com/story');
    expect(articleKey(page, '')).toBe('https://example.com/story');
  });

  it('refuses URLs that are not http(s)', () => {
    expect(() => articleKey('javascript:alert(1)')).toThrow(TypeError);
    expect(() => articleKey('ftp://example.com/file')).toThrow(TypeError);
    expect(() => articleKey('example.com/story')).toThrow(TypeError);
  });
});

describe('fnv1a64', () => {
  // Test vectors from the FNV reference (draft-eastlake-fnv).
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('hashes %j to %s', (input, expected) => {
    expect(fnv1a64(input)).toBe(expected);
  });
});

describe('articleId', () => {
  it('is a valid library id, the same for the same key', () => {
    const key = articleKey('https://example.com/story?utm_source=x');
    expect(articleId(key)).toMatch(/^a-[0-9a-f]{16}$/);
    expect(idSchema.safeParse(articleId(key)).success).toBe(true);
    expect(articleId(key)).toBe(articleId(articleKey('http://www.example.com/story/')));
  });

  it('differs between keys, non-ASCII ones included', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `https://example.com/story-${i}`);
    keys.push(
      'https://example.com/caf\u00e9',
      'https://example.com/cafe\u0301',
      'https://example.com/\u{1f600}',
    );
    expect(new Set(keys.map(articleId)).size).toBe(keys.length);
  });
});
