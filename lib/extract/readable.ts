/**
 * The readable article of a page: Mozilla Readability (the engine of Firefox Reader View) on a copy
 * of the document, then DOMPurify so the HTML is safe to store and show in an extension page.
 */

import { Readability } from '@mozilla/readability';
import DOMPurify, { type WindowLike } from 'dompurify';
import { absoluteHttpUrl } from './metadata';

/** What `readArticle` finds; fields the page does not give are null (text fields are then ''). */
export interface ReadableArticle {
  title: string | null;
  byline: string | null;
  /** Sanitised article HTML: typographic tags, http(s) links and images only. */
  contentHtml: string;
  /** The article as plain text, paragraphs separated by blank lines. */
  text: string;
  excerpt: string | null;
  /** The first image of the article. */
  leadImageUrl: string | null;
  siteName: string | null;
  lang: string | null;
}

/** Tags kept in stored articles: structure and typography, links, images and tables. */
const ALLOWED_TAGS = [
  'a',
  'abbr',
  'article',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'datetime', 'colspan', 'rowspan'];
/** Elements dropped with everything inside them (the rest of the unknown tags keep their text). */
const DROPPED_WITH_CONTENT = ['form', 'button', 'select', 'textarea', 'label', 'nav', 'aside', 'footer'];

/** Elements after which the plain text starts a new paragraph. */
const BLOCK_TAGS = new Set([
  'ARTICLE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/**
 * Sanitises `html` with a DOMPurify bound to `purifyWindow`: only ALLOWED_TAGS and ALLOWED_ATTR
 * survive, links and images are made absolute against `pageUrl` and kept only when http(s), and
 * links get rel="noopener noreferrer". Returns a detached element holding the result.
 */
function sanitise(html: string, pageUrl: string, purifyWindow: Window): HTMLElement {
  // A fresh instance per call, so the hooks below never leak to other users of DOMPurify. (A real
  // window has the constructors DOMPurify needs; TypeScript's Window type leaves them to globalThis.)
  const purify = DOMPurify(purifyWindow as unknown as WindowLike);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = absoluteHttpUrl(node.getAttribute('href'), pageUrl);
      if (href) {
        node.setAttribute('href', href);
        node.setAttribute('rel', 'noopener noreferrer');
      } else {
        // Keep the link text, lose the link.
        node.removeAttribute('href');
      }
    } else if (node.nodeName === 'IMG') {
      const src = absoluteHttpUrl(node.getAttribute('src'), pageUrl);
      if (src) node.setAttribute('src', src);
      else node.removeAttribute('src');
    }
  });
  const fragment = purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ADD_FORBID_CONTENTS: DROPPED_WITH_CONTENT,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  for (const image of fragment.querySelectorAll('img:not([src])')) image.remove();
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  return holder;
}

/**
 * Stored article HTML as the reader view shows it, by the same profile every article is saved with,
 * whatever brought it (a save, a download, a backup): only the allowed tags and attributes, links
 * made safe, and no image that would load from the network (a saved page must not tell its site,
 * or a tracker, when it is read).
 */
export function sanitiseStoredHtml(html: string, pageUrl: string, purifyWindow: Window): string {
  const holder = sanitise(html, pageUrl, purifyWindow);
  for (const image of holder.querySelectorAll('img')) {
    const alt = image.getAttribute('alt')?.trim();
    if (alt) image.replaceWith(holder.ownerDocument.createTextNode(`[${alt}]`));
    else image.remove();
  }
  return holder.innerHTML;
}

/** The plain text of `root`: each block element's text on its own paragraph, white space collapsed. */
function plainText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current.replace(/\s+/g, ' ').trim();
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        current += child.nodeValue ?? '';
      } else if (child.nodeType === 1) {
        const block = BLOCK_TAGS.has(child.nodeName);
        if (block) flush();
        walk(child);
        if (block) flush();
        else if (child.nodeName === 'IMG') current += ' ';
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/** Where the article most likely is when Readability finds none: <article>, <main>, else the body. */
function fallbackRoot(doc: Document): Element | null {
  return doc.querySelector('article, main, [role="main"]') ?? doc.body;
}

/**
 * Reads the article of `doc` (left untouched: Readability works on a clone). `purifyWindow` is the
 * window DOMPurify builds its parser from (the extension page's own, or jsdom's in tests). When
 * Readability finds no article text (all of it hidden until a script shows it, say) or fails, the content
 * of the page's <article> or <main> (else its body) is used, sanitised the same way.
 */
export function readArticle(doc: Document, pageUrl: string, purifyWindow: Window): ReadableArticle {
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(doc.cloneNode(true) as Document).parse();
  } catch {
    // Readability gives up on some malformed documents; the fallback below still reads them.
  }
  let body = sanitise(parsed?.content ?? '', pageUrl, purifyWindow);
  let text = plainText(body);
  if (!text) {
    body = sanitise(fallbackRoot(doc)?.innerHTML ?? '', pageUrl, purifyWindow);
    text = plainText(body);
  }
  return {
    title: parsed?.title?.trim() || doc.title.trim() || null,
    byline: parsed?.byline?.trim() || null,
    contentHtml: body.innerHTML,
    text,
    excerpt: parsed?.excerpt?.trim() || text.split('\n\n', 1)[0] || null,
    leadImageUrl: body.querySelector('img[src]')?.getAttribute('src') ?? null,
    siteName: parsed?.siteName?.trim() || null,
    lang: parsed?.lang?.trim() || doc.documentElement.getAttribute('lang') || null,
  };
}
