/**
 * The keyboard command (next / previous mention): moves through the highlighted mentions, scrolls
 * the mention into view, marks it and opens its card. Escape (in the card) closes it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageMention } from '@/lib/dom/scanner';
import type { PageSession } from '../page-session';

/** Brings a mention into the middle of the viewport when it is out of view. */
function scrollToMention(mention: PageMention) {
  const rect = mention.range.getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > innerHeight) {
    window.scrollBy({ top: rect.top - innerHeight / 2, behavior: 'instant' });
  }
}

/** How long a mention revealed from the side panel stays marked. */
const FLASH_MS = 2000;

/** The side panel's "show on page": scroll to the entity's first mention and flash it. */
export function revealMention(ctx: ContentScriptContext, session: PageSession, entityId: string): void {
  const mention = session.all.find((m) => m.entityId === entityId);
  if (!mention) return;
  scrollToMention(mention);
  session.setFocus(mention);
  ctx.setTimeout(() => session.setFocus(null), FLASH_MS);
}
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
    scrollToMention(mention);
    card.close();
    session.setFocus(mention);
    card.openAt(mention);
  };
}
