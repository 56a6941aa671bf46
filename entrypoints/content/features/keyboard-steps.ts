/**
 * The keyboard command (next / previous mention): moves through the highlighted mentions, scrolls
 * the mention into view, marks it and opens its card. Escape (in the card) closes it.
 */
import type { PageSession } from '../page-session';
import type { HoverCardController } from './hover-card';

export function createMentionStepper(session: PageSession, card: HoverCardController) {
  let position = -1;
  session.onChange(() => {
    position = -1;
  });
  return (direction: 1 | -1) => {
    const mentions = session.highlighted;
    if (mentions.length === 0) return;
    const from = card.current ? mentions.indexOf(card.current) : position;
    position =
      from < 0
        ? direction === 1
          ? 0
          : mentions.length - 1
        : (from + direction + mentions.length) % mentions.length;
    const mention = mentions[position]!;
    const rect = mention.range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > innerHeight) {
      window.scrollBy({ top: rect.top - innerHeight / 2, behavior: 'instant' });
    }
    card.close();
    session.setFocus(mention);
    card.openAt(mention);
  };
}
