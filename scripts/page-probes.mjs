// Functions run on Backstory's closed shadow roots by the automation (scripts/closed-shadow.mjs):
// its marks and its card, which page scripts cannot read.

/** The host tags of Backstory's marks and card. */
export const MARKS_HOST = 'backstory-marks';
export const CARD_HOST = 'backstory-card';

/**
 * The marked mentions of one kind ('actor', 'event', 'focus'; 'mention' for actors and events), in document order: their text (kept
 * on each mention's first box), the centre-left of that box in viewport coordinates, and whether
 * the page's own chrome (a link, navigation, aside, page-level header or footer) holds it.
 * @param {ShadowRoot} root @param {string} kind
 */
export function readMarks(root, kind) {
  const doc = root.host.ownerDocument;
  const origin = root.host.getBoundingClientRect();
  const chrome = [...doc.querySelectorAll('a[href], nav, aside, [role="navigation"], header, footer')]
    .filter(
      (element) =>
        !(
          (element.tagName === 'HEADER' || element.tagName === 'FOOTER') &&
          element.parentElement?.closest('article, main, section')
        ),
    )
    .flatMap((element) => [...element.getClientRects()]);
  const selector = kind === 'mention' ? '.mark--actor, .mark--event' : `.mark--${kind}`;
  return [...root.querySelectorAll(selector)]
    .filter((mark) => mark.dataset.text !== undefined)
    .map((mark) => {
      const left = origin.left + parseFloat(mark.style.left);
      const top = origin.top + parseFloat(mark.style.top);
      const width = parseFloat(mark.style.width);
      const height = parseFloat(mark.style.height);
      const x = left + Math.min(6, width / 2);
      const y = top + height / 2;
      return {
        text: mark.dataset.text ?? '',
        x,
        y,
        inChrome: chrome.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom),
      };
    });
}

/** Whether anything is marked. @param {ShadowRoot} root */
export const hasMarks = (root) => root.querySelector('.mark[data-text]') !== null;

/** Text of the open hover card, or null. @param {ShadowRoot} root */
export const readCard = (root) => root.querySelector('.card')?.textContent ?? null;
