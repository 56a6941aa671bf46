// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
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

  it('reads the whole page when nothing looks like an article', () => {
    page(`<div><p>${long}</p></div><article><p>Teaser</p></article>`);
    expect(findArticleRoot(document)).toBeNull();
    expect(scanRoots(document)).toEqual([document.body]);
  });
});
