/**
 * How highlights look. `::highlight()` rules only work in the stylesheets of the tree that holds
 * the ranges, so they are adopted by the document (and by open shadow roots with mentions), as a
 * constructed stylesheet that adds nothing to the page's DOM.
 */
export const HIGHLIGHT_CSS = `
::highlight(backstory-actor) {
  background-color: rgba(240, 163, 112, 0.32);
  text-decoration: underline 2px rgba(196, 92, 28, 0.95);
  text-underline-offset: 3px;
}
::highlight(backstory-event) {
  background-color: rgba(110, 200, 160, 0.3);
  text-decoration: underline dotted 2px rgba(35, 130, 90, 0.95);
  text-underline-offset: 3px;
}
::highlight(backstory-focus) {
  background-color: rgba(11, 92, 173, 0.3);
  text-decoration: underline 3px rgb(11, 92, 173);
}
`;

const adopted = new WeakSet<Document | ShadowRoot>();
let sheet: CSSStyleSheet | null = null;

/** Adds the highlight stylesheet to a document or shadow root once. */
export function adoptHighlightStyles(target: Document | ShadowRoot): void {
  if (adopted.has(target)) return;
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(HIGHLIGHT_CSS);
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  adopted.add(target);
}
