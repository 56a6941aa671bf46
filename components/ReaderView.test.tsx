// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import DOMPurify from 'dompurify';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ReaderView, type ReaderArticle } from './ReaderView';
import { mount, seriousViolations } from './test-utils';

const article: ReaderArticle = {
  title: 'What the Munich ceasefire means',
  byline: 'Jane Reporter',
  siteName: 'Example Daily',
  publishedAt: '2016-02-12',
  url: 'https://example.org/2016/02/ceasefire',
  contentHtml:
    '<p>Diplomats met in <em>Munich</em>.</p><img src="x" onerror="alert(1)"><script>alert(2)</script><p>Second.</p>',
  readingMinutes: 7,
  tags: ['syria'],
};

const newAnalyses = [
  {
    id: 'n1',
    title: 'Why the pause will not hold',
    authors: 'A. Analyst and B. Scholar',
    outlet: 'Foreign Affairs',
    publishedAt: '2016-02-20',
    url: 'https://example.com/pause',
  },
];

const purify = (html: string) => DOMPurify.sanitize(html);

describe('ReaderView', () => {
  it('shows the header: title, byline, site, date, reading time, tags and the original link', () => {
    const root = mount(<ReaderView article={article} purify={purify} />);
    expect(root.querySelector('h1')?.textContent).toBe('What the Munich ceasefire means');
    expect(root.querySelector('.reader__meta')?.textContent).toMatch(
      /^Jane Reporter · Example Daily · .*12.*2016 · 7 min read$/,
    );
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Read on site')!;
    expect(link.href).toBe(article.url);
    expect(link.rel).toContain('noopener');
    expect(root.querySelector('.reader__tags')?.textContent).toBe('syria');
    expect(root.querySelector('.reader__back')).toBeNull();
  });

  it('always shows the content through purify, so scripts and handlers never reach the page', () => {
    const spy = vi.fn(purify);
    const root = mount(<ReaderView article={article} purify={spy} />);
    expect(spy).toHaveBeenCalledWith(article.contentHtml);
    const content = root.querySelector('.reader__content')!;
    expect(content.querySelector('em')?.textContent).toBe('Munich');
    expect(content.querySelector('script')).toBeNull();
    expect(content.querySelector('img')?.hasAttribute('onerror')).toBe(false);
    expect(content.textContent).toBe('Diplomats met in Munich.Second.');
  });

  it('shows exactly what purify returns', () => {
    const root = mount(<ReaderView article={article} purify={() => '<p>cleaned</p>'} />);
    expect(root.querySelector('.reader__content')?.innerHTML).toBe('<p>cleaned</p>');
  });

  it('hands the content element to onContentReady once per content', () => {
    const onContentReady = vi.fn();
    const root = mount(<ReaderView article={article} purify={purify} onContentReady={onContentReady} />);
    expect(onContentReady).toHaveBeenCalledTimes(1);
    const element = onContentReady.mock.calls[0]![0] as HTMLElement;
    expect(element.isConnected).toBe(true);
    expect(element.textContent).toContain('Diplomats met in Munich.');

    act(() => render(<ReaderView article={article} purify={purify} onContentReady={onContentReady} />, root));
    expect(onContentReady).toHaveBeenCalledTimes(1);
    const next = { ...article, contentHtml: '<p>Updated text.</p>' };
    act(() => render(<ReaderView article={next} purify={purify} onContentReady={onContentReady} />, root));
    expect(onContentReady).toHaveBeenCalledTimes(2);
    expect((onContentReady.mock.calls[1]![0] as HTMLElement).textContent).toBe('Updated text.');
  });

  it('lists analyses added since the article was saved', () => {
    const root = mount(<ReaderView article={article} purify={purify} newAnalyses={newAnalyses} />);
    const section = root.querySelector('section[aria-labelledby=reader-new-heading]')!;
    expect(section.querySelector('h2')?.textContent).toBe('New analyses since you saved it');
    expect(section.querySelector('a')?.getAttribute('href')).toBe('https://example.com/pause');
    expect(section.querySelector('.reader__new-meta')?.textContent).toMatch(
      /^A\. Analyst and B\. Scholar · Foreign Affairs · .*20.*2016$/,
    );
    expect(
      mount(<ReaderView article={article} purify={purify} newAnalyses={[]} />).querySelector('section'),
    ).toBeNull();
  });

  it('leaves out unknown header fields and offers the way back', () => {
    const onBack = vi.fn();
    const bare = { title: '', url: 'https://example.org/x', contentHtml: '<p>x</p>', tags: [] };
    const root = mount(<ReaderView article={bare} purify={purify} onBack={onBack} />);
    expect(root.querySelector('h1')?.textContent).toBe('https://example.org/x');
    expect(root.querySelector('.reader__meta')).toBeNull();
    expect(root.querySelector('.reader__tags')).toBeNull();
    act(() => (root.querySelector('.reader__back') as HTMLButtonElement).click());
    expect(onBack).toHaveBeenCalled();
  });

  it('has no serious accessibility violations', async () => {
    // The saved page's own markup (e.g. images without alt text) is the site's; check ours around it.
    const accessible = { ...article, contentHtml: '<p>Text.</p><img src="map.png" alt="Map of Aleppo">' };
    const root = mount(
      <ReaderView article={accessible} purify={purify} newAnalyses={newAnalyses} onBack={() => {}} />,
    );
    expect(await seriousViolations(root)).toEqual([]);
  });
});
