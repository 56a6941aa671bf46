// Functions run inside a web page (page.evaluate) to observe Backstory from outside, as a page
// script could: the shared highlight registry and the card's shadow root.

/** Texts and viewport rectangles of the ranges in one named highlight. */
export function readHighlights(name) {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return [];
  return [...highlight].map((range) => {
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return {
      text: range.toString(),
      x: rect.left + Math.min(4, rect.width / 2),
      y: rect.top + rect.height / 2,
    };
  });
}

/** Text of the open hover card, or null. */
export function readCard() {
  const host = document.querySelector('backstory-card');
  const card = host?.shadowRoot?.querySelector('.card');
  return card ? card.textContent : null;
}
