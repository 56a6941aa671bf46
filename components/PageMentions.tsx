import type { PageState } from '@/lib/protocol/messages';
import { PageEntities } from './PageEntities';

export interface PageMentionsProps {
  /** The current tab's report, or null when its page reported nothing. */
  page: PageState | null;
  focus: string | null;
  onReveal: (entityId: string) => void;
  onFocus: (entityId: string | null) => void;
  /** Switches Backstory on for the page's site (offered when it is off). */
  onEnableSite: () => void;
}

/** The page's actors and events, or what the reader can do when there are none to show. */
export function PageMentions({ page, focus, onReveal, onFocus, onEnableSite }: PageMentionsProps) {
  if (!page) {
    return (
      <p class="empty-state" role="status">
        Backstory has not read this page. It reads web pages (http and https) as they load; reload the page if
        it was open before Backstory was installed.
      </p>
    );
  }
  if (!page.active) {
    return (
      <div class="empty-state" role="status">
        <p>Backstory is off on this site or paused.</p>
        <button type="button" onClick={onEnableSite}>
          Turn Backstory on here
        </button>
      </div>
    );
  }
  if (page.mentions.length === 0) {
    return (
      <p class="empty-state" role="status">
        No actors or events from your library are mentioned on this page. Your library grows when you import
        packs or add analyses.
      </p>
    );
  }
  return <PageEntities page={page} focus={focus} onReveal={onReveal} onFocus={onFocus} />;
}
