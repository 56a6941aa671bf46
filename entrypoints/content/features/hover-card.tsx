/**
 * The hover card: own hit-testing on pointer moves (throttled to one per frame), opened after a
 * short dwell, kept open while the pointer is on the card, closed after a grace period or on Escape
 * (WCAG 1.4.13). Rendered with Preact in a closed shadow root attached to <html>, so the page's body is
 * untouched and page CSS cannot reach it. Only trusted input (the reader's own) opens it or presses
 * its buttons.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HoverCard } from '@/components/HoverCard';
import { caretAt, MentionIndex } from '@/lib/dom/hit-test';
import { placeCard } from '@/lib/dom/position';
import type { PageMention } from '@/lib/dom/scanner';
import type { Requester } from '@/lib/protocol/client';
import type { EntityCard } from '@/lib/protocol/messages';
import { CARD_HOST_TAG, type PageSession } from '../page-session';

/**
 * When the browser refuses to open the panel from the page. Firefox never lets an add-on open its
 * sidebar from a page's click, only from its own button or shortcut.
 */
const PANEL_ADVICE = import.meta.env.FIREFOX
  ? 'Firefox opens the sidebar only from its own controls: click Backstory’s toolbar button or press Alt+Shift+B. It will show this actor or event.'
  : 'Click Backstory’s toolbar button to open the side panel.';

/** Pointer rest on a mention before the card opens. */
export const DWELL_MS = 350;
/** Time to move from the mention onto the card before it closes. */
export const GRACE_MS = 400;

export interface HoverCardController {
  /** Opens the card on a mention now (keyboard navigation). */
  openAt(mention: PageMention): void;
  close(): void;
  readonly current: PageMention | null;
}

export interface HoverCardOptions {
  /**
   * The card's stylesheet when the page is not a content script (the reader view); content scripts
   * get theirs from WXT (`cssInjectionMode: 'ui'`).
   */
  css?: string;
  /** Offer "Save page for later" (live pages; the reader view shows a saved article already). */
  canSave?: boolean;
}

export async function setupHoverCard(
  ctx: ContentScriptContext,
  session: PageSession,
  request: Requester,
  { css, canSave = false }: HoverCardOptions = {},
): Promise<HoverCardController> {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let uiCreation: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let current: PageMention | null = null;
  let card: EntityCard | null = null;
  let error: string | null = null;
  let notice: string | null = null;
  let saved = false;
  let index = new MentionIndex([]);
  let dwellTimer: number | undefined;
  let closeTimer: number | undefined;
  let pointer: { x: number; y: number } | null = null;
  let frameRequested = false;
  const cache = new Map<string, EntityCard>();

  session.onChange(() => {
    index = new MentionIndex(session.highlighted);
    cache.clear();
    if (current && !session.highlighted.includes(current)) close();
  });

  // Created once, on first use: two quick opens must not create two hosts.
  const ensureUi = () => (uiCreation ??= createUi());
  const createUi = async () => {
    const created = await createShadowRootUi<HTMLElement>(ctx, {
      name: CARD_HOST_TAG,
      // Closed: the page's scripts cannot read what the card says about the reader's library.
      mode: 'closed',
      ...(css ? { css } : {}),
      position: 'inline',
      anchor: 'html',
      append: 'last',
      onMount: (container) => {
        const frame = document.createElement('div');
        frame.className = 'frame';
        // Only the reader's own input acts: a page's script that dispatches clicks or keys into
        // the card (to save, hide or open the panel in the reader's name) is stopped here, before
        // the buttons hear it.
        for (const type of ['click', 'keydown', 'keyup', 'pointerdown', 'pointerup', 'submit'])
          frame.addEventListener(
            type,
            (event) => {
              if (!event.isTrusted) {
                event.stopImmediatePropagation();
                event.preventDefault();
              }
            },
            { capture: true, signal: ctx.signal },
          );
        frame.addEventListener('pointerenter', () => clearTimeout(closeTimer));
        frame.addEventListener('pointerleave', () => scheduleClose());
        container.append(frame);
        return frame;
      },
      onRemove: (frame) => {
        if (frame) render(null, frame);
      },
    });
    created.mount();
    ui = created;
    return created;
  };

  const place = () => {
    const frame = ui?.mounted;
    if (!frame || !current) return;
    const rects = current.range.getClientRects();
    const anchor = rects[0] ?? current.range.getBoundingClientRect();
    const size = frame.getBoundingClientRect();
    const placed = placeCard(anchor, size, { width: innerWidth, height: innerHeight });
    frame.style.left = `${placed.left}px`;
    frame.style.top = `${placed.top}px`;
    frame.dataset.vertical = placed.vertical;
    frame.style.visibility = 'visible';
  };

  const draw = () => {
    const frame = ui?.mounted;
    if (!frame || !current) return;
    const mention = current;
    render(
      <HoverCard
        alias={mention.range.toString()}
        card={card}
        error={error}
        notice={notice}
        onClose={close}
        saved={saved}
        {...(canSave
          ? {
              onSave: () => {
                notice = 'Saving…';
                draw();
                void request('article.save', {})
                  .then(() => {
                    saved = true;
                    notice = 'Saved to your reading list.';
                    draw();
                  })
                  .catch((cause: Error) => ((notice = cause.message), draw()));
              },
            }
          : {})}
        onOpenPanel={() => {
          void request('panel.open', { entityId: mention.entityId })
            .then(({ opened }) => {
              notice = opened ? null : PANEL_ADVICE;
              draw();
            })
            .catch((cause: Error) => ((notice = cause.message), draw()));
        }}
        onHide={(scope) => {
          void request('alias.hide', {
            entityId: mention.entityId,
            alias: mention.range.toString(),
            scope,
            url: session.url,
          })
            .then(() => {
              notice = scope === 'site' ? 'Hidden on this site.' : 'Hidden everywhere.';
              draw();
            })
            .catch((cause: Error) => ((notice = cause.message), draw()));
        }}
      />,
      frame,
    );
    place();
  };

  async function open(mention: PageMention) {
    clearTimeout(closeTimer);
    if (current === mention) return;
    current = mention;
    card = cache.get(mention.entityId) ?? null;
    error = null;
    notice = null;
    await ensureUi();
    if (current !== mention) return;
    const frame = ui!.mounted!;
    frame.style.visibility = 'hidden';
    draw();
    if (card) return;
    try {
      const fetched = await request('entity.card', {
        entityId: mention.entityId,
        pageEntityIds: session.entityIds,
      });
      cache.set(mention.entityId, fetched);
      if (current === mention) card = fetched;
    } catch (cause) {
      if (current === mention) error = (cause as Error).message;
    }
    if (current === mention) draw();
  }

  function close() {
    clearTimeout(dwellTimer);
    clearTimeout(closeTimer);
    if (!current) return;
    current = null;
    session.setFocus(null);
    const frame = ui?.mounted;
    if (frame) render(null, frame);
  }

  function scheduleClose() {
    clearTimeout(closeTimer);
    closeTimer = ctx.setTimeout(close, GRACE_MS);
  }

  const isOnCard = (event: Event) => ui !== null && event.composedPath().includes(ui.shadowHost);

  const hitTest = () => {
    frameRequested = false;
    if (!pointer) return;
    const { x, y } = pointer;
    const caret = caretAt(document, x, y);
    const mention = caret ? index.at(caret, x, y) : null;
    if (mention) {
      clearTimeout(closeTimer);
      if (mention === current) return;
      clearTimeout(dwellTimer);
      dwellTimer = ctx.setTimeout(() => void open(mention), DWELL_MS);
    } else {
      clearTimeout(dwellTimer);
      if (current) scheduleClose();
    }
  };

  ctx.addEventListener(
    document,
    'pointermove',
    (event) => {
      // A page's script moving a pretend pointer must not open cards (and learn what they say).
      if (!event.isTrusted) return;
      if (isOnCard(event)) {
        pointer = null;
        clearTimeout(closeTimer);
        return;
      }
      pointer = { x: event.clientX, y: event.clientY };
      if (!frameRequested) {
        frameRequested = true;
        ctx.requestAnimationFrame(hitTest);
      }
    },
    { passive: true },
  );
  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      if (event.key === 'Escape' && current) {
        close();
        event.stopPropagation();
      }
    },
    { capture: true },
  );
  ctx.addEventListener(window, 'scroll', () => place(), { passive: true, capture: true });
  ctx.addEventListener(window, 'resize', () => place(), { passive: true });

  return {
    openAt: (mention) => void open(mention),
    close,
    get current() {
      return current;
    },
  };
}
