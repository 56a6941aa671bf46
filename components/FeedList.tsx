import { useId, useState } from 'preact/hooks';
import { webUrlSchema } from '@/lib/model/schema';
import type { AdvertisedFeed, FeedRow } from '@/lib/model/views';
import { ActionStatus } from './ActionStatus';

/** A subscribed feed with its polling state (times in ms since the epoch). */
export type { FeedRow };

export interface FeedListProps {
  feeds: FeedRow[];
  /** Feeds the current page advertises (`<link rel="alternate">`). */
  advertised?: AdvertisedFeed[];
  onSubscribe: (url: string, intervalMinutes: number) => void;
  onUnsubscribe: (id: string) => void;
  onIntervalChange: (id: string, minutes: number) => void;
  onPollNow: (id: string) => void;
  /** Called with the text of the OPML file the reader chose. */
  onImportOpml: (text: string) => void;
  onExportOpml: () => void;
  busy?: boolean;
  /** Why the last action failed. */
  error?: string;
  /** What the last action did. */
  notice?: string;
  /**
   * Feed sites Backstory may not read yet (after an OPML import). The browser asks for permission
   * only on a click of its own, so the reader gets a button for it.
   */
  sitesToAllow?: number;
  onAllowSites?: () => void;
}

/** The check intervals offered, in minutes. */
const INTERVALS = [15, 30, 60, 180, 720, 1440];
const DEFAULT_INTERVAL = 60;

/** "15 minutes", "1 hour", "12 hours", "1 day". */
function intervalLabel(minutes: number): string {
  const [count, unit] =
    minutes % 1440 === 0
      ? [minutes / 1440, 'day']
      : minutes % 60 === 0
        ? [minutes / 60, 'hour']
        : [minutes, 'minute'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** The offered intervals, plus the feed's own when it was set to another one (e.g. by an import). */
const intervalsFor = (current: number) =>
  INTERVALS.includes(current) ? INTERVALS : [...INTERVALS, current].sort((a, b) => a - b);

/** A date and time in the reader's locale: feeds are checked several times a day, so the time matters. */
function timeOf(at: number) {
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()}>
      {date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
}

/** The reader's feed subscriptions: subscribe (by address or from the page), check, retime, OPML. */
export function FeedList({
  feeds,
  advertised = [],
  onSubscribe,
  onUnsubscribe,
  onIntervalChange,
  onPollNow,
  onImportOpml,
  onExportOpml,
  busy = false,
  error,
  notice,
  sitesToAllow = 0,
  onAllowSites,
}: FeedListProps) {
  const uid = useId();
  const [url, setUrl] = useState('');
  const [newInterval, setNewInterval] = useState(DEFAULT_INTERVAL);
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const subscribed = new Set(feeds.map((feed) => feed.url));

  const ids = {
    heading: `${uid}-heading`,
    url: `${uid}-url`,
    urlProblem: `${uid}-url-problem`,
    interval: `${uid}-interval`,
  };

  const subscribe = (event: Event) => {
    event.preventDefault();
    const address = url.trim();
    if (!webUrlSchema.safeParse(address).success) {
      setUrlProblem('Enter the feed’s web address, starting with http:// or https://.');
    } else if (subscribed.has(address)) {
      setUrlProblem('You already follow this feed.');
    } else {
      setUrlProblem(null);
      setUrl('');
      onSubscribe(address, newInterval);
    }
  };

  return (
    <section aria-labelledby={ids.heading} class="feed-list" aria-busy={busy}>
      <h2 id={ids.heading}>Feeds</h2>
      <ActionStatus error={error} notice={notice} />
      {sitesToAllow > 0 && onAllowSites && (
        <p class="feed-list__allow">
          Backstory cannot read {sitesToAllow === 1 ? 'this feed’s site' : `these ${sitesToAllow} feed sites`}{' '}
          yet.{' '}
          <button type="button" class="button--primary" onClick={onAllowSites}>
            Allow reading {sitesToAllow === 1 ? 'it' : 'them'}
          </button>
        </p>
      )}

      {advertised.length > 0 && (
        <div class="feed-list__advertised">
          <h3>Feeds on this page</h3>
          <ul class="plain-list">
            {advertised.map((feed) => {
              const name = feed.title ?? feed.url;
              return (
                <li key={feed.url} class="form-row">
                  <span class="form-row__wide">
                    {name}
                    {feed.title && <span class="feed__url">{feed.url}</span>}
                  </span>
                  {subscribed.has(feed.url) ? (
                    <span class="count">Subscribed</span>
                  ) : (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => onSubscribe(feed.url, DEFAULT_INTERVAL)}
                    >
                      Subscribe<span class="visually-hidden"> to {name}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      <form class="feed-list__subscribe" noValidate onSubmit={subscribe}>
        <div class="form-field form-row__wide">
          <label for={ids.url}>Feed address</label>
          <input
            id={ids.url}
            type="url"
            placeholder="https://example.com/feed.xml"
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
            {...(urlProblem && { 'aria-invalid': true, 'aria-describedby': ids.urlProblem })}
          />
          {urlProblem && (
            <p id={ids.urlProblem} class="field-problem" role="alert">
              {urlProblem}
            </p>
          )}
        </div>
        <div class="form-field">
          <label for={ids.interval}>Check every</label>
          <select
            id={ids.interval}
            value={newInterval}
            onChange={(event) => setNewInterval(Number(event.currentTarget.value))}
          >
            {INTERVALS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {intervalLabel(minutes)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button--primary" disabled={busy}>
          Subscribe
        </button>
      </form>

      <h3>
        Your feeds <span class="count">({feeds.length})</span>
      </h3>
      {feeds.length === 0 ? (
        <p class="empty-state">No feeds yet: subscribe to one above or import an OPML file.</p>
      ) : (
        <ul class="plain-list">
          {feeds.map((feed) => {
            const name = feed.title ?? feed.url;
            const intervalId = `${uid}-interval-${feed.id}`;
            return (
              <li key={feed.id} class="feed" data-feed-id={feed.id}>
                <p class="feed__title">{name}</p>
                {feed.title && <p class="feed__url">{feed.url}</p>}
                <p class="count">
                  {feed.itemCount} {feed.itemCount === 1 ? 'item' : 'items'} ·{' '}
                  {feed.lastFetchedAt === undefined ? (
                    'not checked yet'
                  ) : (
                    <>last checked {timeOf(feed.lastFetchedAt)}</>
                  )}
                  {feed.nextPollAt !== undefined && <> · next check {timeOf(feed.nextPollAt)}</>}
                </p>
                {feed.lastError && (
                  <p class="alert feed__error">
                    Last check failed
                    {feed.failures > 1 && ` (${feed.failures} times in a row)`}: {feed.lastError}
                  </p>
                )}
                {feed.articleError && <p class="notice feed__article-error">{feed.articleError}</p>}
                <div class="form-row">
                  <label for={intervalId}>
                    Check every<span class="visually-hidden"> for {name}</span>
                  </label>
                  <select
                    id={intervalId}
                    value={feed.intervalMinutes}
                    disabled={busy}
                    onChange={(event) => onIntervalChange(feed.id, Number(event.currentTarget.value))}
                  >
                    {intervalsFor(feed.intervalMinutes).map((minutes) => (
                      <option key={minutes} value={minutes}>
                        {intervalLabel(minutes)}
                      </option>
                    ))}
                  </select>
                  <button type="button" disabled={busy} onClick={() => onPollNow(feed.id)}>
                    Check now<span class="visually-hidden">: {name}</span>
                  </button>
                  <button type="button" disabled={busy} onClick={() => onUnsubscribe(feed.id)}>
                    Unsubscribe<span class="visually-hidden"> from {name}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <div class="form-row feed-list__opml">
        <label>
          Import an OPML file{' '}
          <input
            type="file"
            accept=".opml,.xml,text/x-opml,application/xml,text/xml"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file) void file.text().then(onImportOpml);
              input.value = '';
            }}
          />
        </label>
        <button type="button" disabled={busy || feeds.length === 0} onClick={onExportOpml}>
          Export as OPML
        </button>
      </div>
    </section>
  );
}
