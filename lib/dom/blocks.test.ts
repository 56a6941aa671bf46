// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockRange,
  collectBlocks,
  findArticleRoot,
  isReadable,
  scanRoots,
  type ScanOptions,
} from './blocks';

const defaults: ScanOptions = { includeNavigation: false, includeLinks: false };
const page = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};
const texts = (root: Node, options = defaults) =>
  collectBlocks(root, options).map((b) => b.text.replace(/\s+/g, ' ').trim());

describe('collectBlocks', () => {
  it('joins inline elements into one block and splits at block elements', () => {
    const body = page(
      '<p>Syrian President <em>Bashar</em> <span>al-<b>Assad</b></span> spoke.</p><p>Second</p>',
    );
    expect(texts(body)).toEqual(['Syrian President Bashar al-Assad spoke.', 'Second']);
  });

  it('maps a block offset range back to the DOM, across inline elements', () => {
    const body = page('<p>Syrian President <em>Bashar</em> <span>al-<b>Assad</b></span> spoke.</p>');
    const [block] = collectBlocks(body, defaults);
    const start = block!.text.indexOf('Bashar');
    const range = blockRange(block!, start, start + 'Bashar al-Assad'.length);
    expect(range.toString()).toBe('Bashar al-Assad');
    expect(range.startContainer.parentElement?.tagName).toBe('EM');
    expect(range.endContainer.parentElement?.tagName).toBe('B');
  });

  it('skips code, forms, scripts, editable and hidden regions', () => {
    const body = page(`
      <p>Kept</p>
      <script>Assad()</script><style>.x{}</style><noscript>no</noscript>
      <pre>pre Assad</pre><p>Text with <code>Assad()</code> code</p>
      <textarea>Assad</textarea><input value="Assad"><select><option>Assad</option></select>
      <div contenteditable="true">Editable Assad</div><div contenteditable="false">Not editable</div>
      <div hidden>Hidden</div><div aria-hidden="true">Aria hidden</div>`);
    expect(texts(body)).toEqual(['Kept', 'Text with code', 'Not editable']);
  });

  it('skips navigation, page header and footer, aside and links by default', () => {
    const body = page(`
      <header>Site header</header><nav>Syria</nav>
      <article><header><h1>Headline</h1></header><p>Read <a href="/x">a link</a> here</p><footer>By A</footer></article>
      <aside>Related</aside><div role="navigation">Menu</div><footer>Site footer</footer>`);
    expect(texts(body)).toEqual(['Headline', 'Read here', 'By A']);
    expect(texts(body, { includeNavigation: true, includeLinks: true })).toEqual([
      'Site header',
      'Syria',
      'Headline',
      'Read a link here',
      'By A',
      'Related',
      'Menu',
      'Site footer',
    ]);
  });

  it('skips Backstory’s own UI', () => {
    const body = page('<p>Page</p><backstory-card><p>Card Assad</p></backstory-card>');
    expect(texts(body, { ...defaults, isOwnUi: (e) => e.tagName === 'BACKSTORY-CARD' })).toEqual(['Page']);
  });

  it('walks into open shadow roots', () => {
    const body = page('<p>Light</p><div id="host"></div>');
    const shadow = body.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow <em>Putin</em> text</p>';
    expect(texts(body)).toEqual(['Light', 'Shadow Putin text']);
  });

  it('does not join text across a line break', () => {
    expect(texts(page('<p>Bashar<br>Assad</p>'))).toEqual(['Bashar', 'Assad']);
  });
});

describe('collectBlocks on what the browser renders', () => {
  // jsdom renders nothing and lacks checkVisibility: stand in for it with data attributes, as
  // display (hides the subtree) and visibility (inherited, can be turned back on) do.
  let asked = 0;
  beforeAll(() => {
    Element.prototype.checkVisibility = function (this: Element) {
      asked++;
      if (this.closest('[data-display="none"]')) return false;
      return this.closest('[data-visibility]')?.getAttribute('data-visibility') !== 'hidden';
    };
  });
  afterAll(() => {
    Reflect.deleteProperty(Element.prototype, 'checkVisibility');
  });

  it('skips what is not rendered, as asking at every element would', () => {
    expect(texts(page('<div>foo<span data-display="none"><div>x</div></span>bar</div>'))).toEqual(['foobar']);
    expect(
      texts(
        page('<div>foo<span data-visibility="hidden"><div data-visibility="visible">x</div></span>bar</div>'),
      ),
    ).toEqual(['foobar']);
    expect(texts(page('<div data-display="none"><p>hidden</p></div><p>shown</p>'))).toEqual(['shown']);
    // A hidden block element or line break does not split a block, a rendered one does.
    expect(texts(page('<p>foo<img data-display="none">bar</p><p>foo<img>bar</p>'))).toEqual([
      'foobar',
      'foo',
      'bar',
    ]);
    expect(texts(page('<p>foo<br data-display="none">bar</p>'))).toEqual(['foobar']);
    // Hidden white space does not separate words.
    const [block] = collectBlocks(page('<p>Bashar<span data-display="none"> </span>Assad</p>'), defaults);
    expect(block!.text).toBe('BasharAssad');
  });

  it('asks only about elements whose answer changes what is read', () => {
    const body = page('<div><div><span></span></div></div><div><p>Text</p></div>');
    asked = 0;
    expect(texts(body)).toEqual(['Text']);
    // The wrappers around nothing are never asked about; the two around the text are.
    expect(asked).toBe(2);
  });
});

describe('isReadable', () => {
  it('is false under a skipped ancestor', () => {
    const body = page('<nav><p><span id="in">x</span></p></nav><p><span id="out">y</span></p>');
    expect(isReadable(body.querySelector('#in')!, body, defaults)).toBe(false);
    expect(isReadable(body.querySelector('#out')!, body, defaults)).toBe(true);
  });
});

describe('findArticleRoot', () => {
  const long = 'Words of the story. '.repeat(60);
  it('finds the article body, and reads the headline when it is outside', () => {
    page(`<nav>Menu</nav><h1>Title</h1><main><article><p>${long}</p></article><aside>x</aside></main>`);
    expect(findArticleRoot(document)?.tagName).toBe('ARTICLE');
    expect(scanRoots(document).map((n) => (n as Element).tagName)).toEqual(['H1', 'ARTICLE']);
  });

  it('prefers schema.org articleBody', () => {
    page(`<article><h1>T</h1><div itemprop="articleBody"><p>${long}</p></div></article>`);
    expect(findArticleRoot(document)?.getAttribute('itemprop')).toBe('articleBody');
  });

  it('takes the article only when it holds at least a fifth of the page’s text (script text included)', () => {
    const article = `<article><p>${long}</p></article>`;
    for (const around of [0, 1000, 4 * long.length - 20, 4 * long.length, 4 * long.length + 20, 30_000]) {
      page(`<div>${'x'.repeat(around)}</div>${article}<script>var s = 1;</script>`);
      const expected =
        long.length < document.body.textContent!.length * 0.2 ? null : document.querySelector('article');
      expect(findArticleRoot(document), `${around} characters around`).toBe(expected);
    }
  });

  it('reads the whole page when nothing looks like an article', () => {
    page(`<div><p>${long}</p></div><article><p>Teaser</p></article>`);
    expect(findArticleRoot(document)).toBeNull();
    expect(scanRoots(document)).toEqual([document.body]);
  });
});
