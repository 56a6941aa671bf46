/**
 * One page's Backstory state: what to look for (from the background), the scanner, the mentions and
 * their highlights. Scans are serialised so a rescan never races a full scan.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findArticleRoot, isReadable, scanRoots, type ScanOptions } from '@/lib/dom/blocks';
import { readPageMeta, type PageMeta } from '@/lib/dom/page-meta';
import { MARKS_HOST_TAG, MarkLayer } from '@/lib/dom/marks';
import { countMentions, PageScanner, selectForHighlight, type PageMention } from '@/lib/dom/scanner';
import { matcherSteps, type EntityMatcher } from '@/lib/entities/matcher';
import { advance } from '@/lib/entities/steps';
import type { Requester } from '@/lib/protocol/client';
import type { PageSetup } from '@/lib/protocol/messages';

/** Work at most this long before handing the main thread back (well under the 50 ms long-task mark). */
const CHUNK_BUDGET_MS = 8;

/** Entities in a setup whose decoding takes the browser more than a millisecond or two. */
const LARGE_SETUP_ENTITIES = 2_000;

/** The tag of the shadow host of Backstory's card; its content is never read. */
export const CARD_HOST_TAG = 'backstory-card';

/** Backstory's own elements in the page (the card and the marks), never read nor watched. */
export const OWN_UI_SELECTOR = `${CARD_HOST_TAG}, ${MARKS_HOST_TAG}`;

export const isOwnUi = (element: Element) => element.matches(OWN_UI_SELECTOR);

export interface PageSession {
  /** The page's address as Backstory files it (see createPageSession). */
  readonly url: string;
  readonly setup: PageSetup | null;
  /** The highlighted mentions in document order. */
  readonly highlighted: readonly PageMention[];
  /** Every mention found (highlighted or not), in document order. */
  readonly all: readonly PageMention[];
  /** Ids of every actor and event found on the page. */
  readonly entityIds: string[];
  /** Main-thread time Backstory has spent on this page so far, in ms. */
  readonly busyMs: number;
  fullScan(): Promise<void>;
  /** Re-reads changed containers; resolves with whether the mentions changed. */
  rescan(containers: Element[]): Promise<boolean>;
  /** Re-reads the setup from the background (settings, site switch, hidden aliases), then rescans. */
  reconfigure(): Promise<void>;
  setFocus(mention: PageMention | null): void;
  /** Called after every change of the highlighted mentions. */
  onChange(listener: () => void): void;
}

/**
 * @param pageUrl The page's address as Backstory files it: the live URL, or for the reader view the
 * saved article's original URL (so site switches and hidden aliases apply there too).
 */
export function createPageSession(
  ctx: ContentScriptContext,
  request: Requester,
  pageUrl: () => string = () => location.href,
): PageSession {
  // Removed with the context (an extension update or reload leaves no marks behind).
  const marks = new MarkLayer(document, ctx.signal);
  let setup: PageSetup | null = null;
  /** Counts `reconfigure` calls, so that only the latest one installs its setup and matcher. */
  let configurations = 0;
  let matcher: EntityMatcher | null = null;
  let scanner: PageScanner | null = null;
  let mentions: PageMention[] = [];
  let highlighted: PageMention[] = [];
  /** What the last full scan read: the article (and headline) or the body. */
  let roots: Node[] = [];
  let meta: PageMeta = { title: document.title };
  const listeners: Array<() => void> = [];
  let queue = Promise.resolve();

  const pacing = {
    budgetMs: CHUNK_BUDGET_MS,
    yieldToBrowser: () =>
      new Promise<void>((resolve) => ctx.requestIdleCallback(() => resolve(), { timeout: 100 })),
  };

  const serialise = (task: () => Promise<void>) => {
    queue = queue.then(task).catch((error: unknown) => console.debug('Backstory: scan failed', error));
    return queue;
  };

  const scanOptions = (): ScanOptions => ({
    includeNavigation: setup?.settings.includeNavigation ?? false,
    includeLinks: setup?.settings.includeLinks ?? false,
    isOwnUi,
  });

  let scanStartedAt = 0;
  /** The longest piece of synchronous work Backstory did on this page, in ms (budget: 50). */
  let longestTaskMs = 0;
  /** All the time Backstory's own synchronous work took on this page, outside the scanner's. */
  let busyMs = 0;
  const timed = <T>(work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      const elapsed = performance.now() - start;
      longestTaskMs = Math.max(longestTaskMs, elapsed);
      busyMs += elapsed;
    }
  };

  const publish = async () => {
    if (ctx.isInvalid) return;
    // Its own task, apart from the last chunk of scanning.
    await pacing.yieldToBrowser();
    const report = timed(() => showMentions());
    await request('page.report', {
      ...report,
      stats: scanner
        ? {
            scanMs: performance.now() - scanStartedAt,
            longestTaskMs: Math.max(longestTaskMs, scanner.longestChunkMs),
          }
        : undefined,
    });
  };

  /** Highlights the scanner's mentions and builds the page report (synchronous). */
  const showMentions = () => {
    mentions = scanner ? scanner.mentions() : [];
    highlighted = setup?.active ? selectForHighlight(mentions, setup.settings.highlightMode) : [];
    marks.show(highlighted);
    listeners.forEach((listener) => listener());
    // Prominence for ranking: which entities the headline and the lead name.
    const named = (text: string | undefined) =>
      new Set(matcher && text ? matcher.find(text).flatMap((c) => c.owners.map((o) => o.entityId)) : []);
    const inTitle = named(meta.title);
    const inLead = named(meta.lead);
    return {
      url: pageUrl(),
      title: meta.title,
      ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
      ...(meta.feeds ? { feeds: meta.feeds } : {}),
      active: setup?.active ?? false,
      mentions: countMentions(mentions).map((m) => ({
        ...m,
        inTitle: inTitle.has(m.entityId),
        inLead: inLead.has(m.entityId),
      })),
    };
  };

  const session: PageSession = {
    get url() {
      return pageUrl();
    },
    get setup() {
      return setup;
    },
    get highlighted() {
      return highlighted;
    },
    get all() {
      return mentions;
    },
    get busyMs() {
      return busyMs + (scanner?.busyMs ?? 0);
    },
    get entityIds() {
      return [...new Set(mentions.map((m) => m.entityId))];
    },
    fullScan: () =>
      serialise(async () => {
        if (!setup || !matcher) return;
        if (!setup.active) {
          scanner = null;
          marks.clear();
          await publish();
          return;
        }
        scanStartedAt = performance.now();
        // Apart from compiling the matcher, in a task of its own.
        await pacing.yieldToBrowser();
        const kinds = new Map(setup.entities.map((entity) => [entity.id, entity.kind]));
        const fresh = new PageScanner(matcher, scanOptions(), (id) => kinds.get(id));
        scanner = fresh;
        timed(() => {
          const article = findArticleRoot(document);
          roots = scanRoots(document, article);
          meta = readPageMeta(document, article);
        });
        await pacing.yieldToBrowser();
        await fresh.scan(roots, pacing);
        if (scanner === fresh) await publish();
      }),
    rescan: async (containers) => {
      let changed = false;
      await serialise(async () => {
        if (!scanner || !setup?.active) return;
        // Only what a full scan would read: inside the scanned roots, outside skipped regions.
        const options = scanOptions();
        const readable = timed(() =>
          containers.filter((container) =>
            roots.some((root) => root.contains(container) && isReadable(container, root, options)),
          ),
        );
        scanStartedAt = performance.now();
        // Churn that names nothing (a ticker, a comment stream) changes no mention: no new marks,
        // no report.
        changed = await scanner.rescan(readable, pacing);
        if (changed) await publish();
      });
      return changed;
    },
    reconfigure: async () => {
      const generation = ++configurations;
      const fresh = await request('page.setup', { url: pageUrl() });
      if (generation !== configurations) return;
      // A large library compiles in steps between the page's own tasks, not in one long task; the
      // page keeps its previous setup and matcher until both can change together.
      const steps = matcherSteps(fresh.entities, fresh.hidden);
      // The browser decodes the setup in the task that hands it over (before Backstory's timer can
      // see it): after a large one, the build starts in a task of its own.
      if (fresh.entities.length > LARGE_SETUP_ENTITIES) await pacing.yieldToBrowser();
      for (;;) {
        if (generation !== configurations || ctx.isInvalid) return;
        const next = timed(() => advance(steps, CHUNK_BUDGET_MS));
        if (next.done) {
          setup = fresh;
          matcher = next.value;
          break;
        }
        await pacing.yieldToBrowser();
      }
      await session.fullScan();
    },
    setFocus: (mention) => marks.setFocus(mention),
    onChange: (listener) => void listeners.push(listener),
  };
  return session;
}
