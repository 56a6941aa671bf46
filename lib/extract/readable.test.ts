// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readArticle, sanitiseStoredHtml } from './readable';

const PAGE = 'https://news.example/world/2016/story.html';

const PARAGRAPH =
  'Negotiators from both delegations met again in Geneva on Thursday, and the talks, which had stalled ' +
  'for a week over the question of aid convoys, resumed with a long session that ran late into the night.';

const HOSTILE_BODY = `
  <nav><a href="/home">Home</a></nav>
  <article>
    <h1>Talks resume</h1>
    <p onclick="steal()">${PARAGRAPH} <a href="/world/other" onmouseover="steal()">Related</a>
      <a href="javascript:alert(1)">Click</a> <a href="data:text/html,<script>alert(1)</script>">Data</a></p>
    <p>${PARAGRAPH} <img src="/img/photo.jpg" alt="Delegates" onerror="steal()">
      <img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA"></p>
    <script>window.stolen = true;</script>
    <style>p { display: none }</style>
    <iframe src="https://ads.example/frame"></iframe>
    <form action="/subscribe"><label>E-mail</label><input name="email"><button>Send</button></form>
    <p>${PARAGRAPH} <svg><script>alert(1)</script></svg></p>
  </article>`;

const load = (body: string, head = '<title>Talks resume - Example News</title>') =>
  new JSDOM(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`, { url: PAGE });

/** Checks that nothing executable or remote-framed survives in sanitised HTML. */
function expectHarmless(html: string, window: Window) {
  const holder = window.document.createElement('div');
  holder.innerHTML = html;
  expect(holder.querySelector('script, style, iframe, form, input, button, svg, object, embed')).toBeNull();
  for (const element of holder.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/i);
  }
  for (const link of holder.querySelectorAll('a[href]')) {
    expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(link.getAttribute('rel')).toContain('noopener');
  }
  for (const image of holder.querySelectorAll('img'))
    expect(image.getAttribute('src')).toMatch(/^https?:\/\//);
  expect(html).not.toMatch(/javascript:|steal\(\)|alert\(/);
}

describe('readArticle', () => {
  it('returns sanitised article HTML with absolute http(s) links and images', () => {
    const dom = load(HOSTILE_BODY);
    const window = dom.window as unknown as Window;
    const article = readArticle(dom.window.document, PAGE, window);
    expectHarmless(article.contentHtml, window);
    expect(article.contentHtml).toContain('href="https://news.example/world/other"');
    expect(article.contentHtml).toContain('src="https://news.example/img/photo.jpg"');
    expect(article.leadImageUrl).toBe('https://news.example/img/photo.jpg');
    expect(article.text).toContain('Negotiators from both delegations met again in Geneva');
    expect(article.text).not.toMatch(/stolen|E-mail|Send/);
    expect(article.lang).toBe('en');
  });

  it('leaves the input document exactly as it was', () => {
    const dom = load(HOSTILE_BODY);
    const before = dom.serialize();
    readArticle(dom.window.document, PAGE, dom.window as unknown as Window);
    expect(dom.serialize()).toBe(before);
  });

  it('separates paragraphs by blank lines in the text', () => {
    const dom = load(`<article><h1>Title</h1><p>${PARAGRAPH}</p><p>Second ${PARAGRAPH}</p></article>`);
    const { text } = readArticle(dom.window.document, PAGE, dom.window as unknown as Window);
    expect(text.split('\n\n')).toEqual(['Title', PARAGRAPH, `Second ${PARAGRAPH}`]);
  });

  it('falls back to <article> when Readability finds nothing, still sanitised', () => {
    // Readability skips hidden content, so it finds no article here.
    const dom = load(
      '<nav>Menu</nav><article hidden><h2>Hidden until a script runs</h2>' +
        `<p>${PARAGRAPH}</p><img src="x" onerror="steal()"><a href="javascript:steal()">x</a></article>`,
    );
    const window = dom.window as unknown as Window;
    const article = readArticle(dom.window.document, PAGE, window);
    expect(article.text).toBe(`Hidden until a script runs\n\n${PARAGRAPH}\n\nx`);
    expect(article.title).toBe('Talks resume - Example News');
    expect(article.text).not.toContain('Menu');
    expectHarmless(article.contentHtml, window);
    expect(article.contentHtml).toContain('src="https://news.example/world/2016/x"');
  });
});

describe('sanitiseStoredHtml (what the reader view shows, from any source)', () => {
  it('keeps the text and drops what a hostile backup could carry: trackers, forms, overlays, scripts', () => {
    const { window } = new JSDOM('<!doctype html><body></body>');
    const stored = `<p>${PARAGRAPH}</p>
      <img src="https://tracker.example/pixel.gif" width="1" height="1">
      <img src="https://news.example/photo.jpg" alt="Delegates in Geneva">
      <form action="https://phish.example/"><input type="password" name="pw"><button>Sign in</button></form>
      <div style="position:fixed;inset:0;z-index:9999">Your session expired</div>
      <a href="javascript:alert(1)">Click</a><script>window.ran = true</script>`;
    const html = sanitiseStoredHtml(stored, PAGE, window as unknown as Window);
    expect(html).toContain(PARAGRAPH);
    expect(html).not.toMatch(/<img|<form|<input|<button|<script|style=|javascript:/i);
    expect(html).toContain('[Delegates in Geneva]');
    // The overlay's words stay as text; its power to cover the page does not.
    expect(html).toContain('Your session expired');
  });
});
