/** Shared steps for end-to-end tests: a browser with the built extension, and a local page server. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import type { PageState } from '../../lib/protocol/messages';
import { countRowsHere, waitFor } from './driver/actions';

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
}

export const newProfileDir = () => mkdtempSync(join(tmpdir(), 'backstory-e2e-'));
export const removeProfileDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

export async function launch(profileDir = newProfileDir(), colorScheme?: 'light' | 'dark'): Promise<Session> {
  const { context, worker, extensionId } = await launchWithExtension({ profileDir, colorScheme });
  // The machine is offline: fail remote requests of saved pages at once instead of waiting on DNS.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return { context, worker, extensionId, profileDir };
}

/** Pages and feeds a test writes for itself (from the seed digest, say), served under /generated/. */
export const GENERATED_DIR = join(tmpdir(), 'backstory-e2e-generated');

export const startPages = () => {
  mkdirSync(GENERATED_DIR, { recursive: true });
  return startStaticServer({
    '/demo/': 'demo',
    '/corpus/': '../shared/corpus',
    '/fixtures/': 'tests/fixtures',
    '/generated/': GENERATED_DIR,
  });
};

/** Counts the rows of one store of the extension's database, read in the service worker. */
export const countRows = (worker: Worker, store: string): Promise<number> =>
  worker.evaluate(countRowsHere, store);

export { waitFor };

/**
 * The browser's tab id for `page`: brought to the front, it is the active tab. (Without the
 * "tabs" permission, which Backstory does not ask for, tabs cannot be queried by URL.)
 */
export async function tabIdFor(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Sends one protocol message from an extension page (as the side panel or options would). */
export async function ask<T = unknown>(extensionPage: Page, type: string, data: unknown): Promise<T> {
  const reply = (await extensionPage.evaluate(
    ([messageType, messageData]) =>
      chrome.runtime.sendMessage({ protocol: 'backstory/1', type: messageType, data: messageData }),
    [type, data] as const,
  )) as { ok: boolean; value?: T; error?: { message: string; details?: string[] } };
  if (!reply.ok)
    throw new Error(`${type}: ${reply.error?.message} ${reply.error?.details?.join('; ') ?? ''}`);
  return reply.value as T;
}

/** Opens the settings page, an extension page to send messages from. */
export async function openExtensionPage(session: Session, path = 'options.html'): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

/** Waits until the starter library is in the database. */
export const waitForStarter = (session: Session) =>
  waitFor(async () => (await countRows(session.worker, 'analyses')) >= 3, 'the starter library');

/** A browser with the extension (starter library installed) and a page server, for one describe block. */
export interface BrowserFixture {
  session: Session;
  /** Null after a test stopped the server (to read offline). */
  pages: Awaited<ReturnType<typeof startPages>> | null;
  profileDir: string;
}

/**
 * Launches Chromium and the page server before the block's tests and closes both after. Tests may
 * replace `session` (a restart on the same profile) or `pages`; what is current is closed.
 */
export function useBrowser(): BrowserFixture {
  const fixture = { profileDir: newProfileDir(), pages: null } as unknown as BrowserFixture;
  beforeAll(async () => {
    fixture.pages = await startPages();
    fixture.session = await launch(fixture.profileDir);
    await waitForStarter(fixture.session);
  });
  afterAll(async () => {
    await fixture.session?.context.close();
    await fixture.pages?.close();
    removeProfileDir(fixture.profileDir);
  });
  return fixture;
}

/**
 * The longest piece of Backstory's work on a page (as it reports it), over up to three loads: wall-clock
 * time includes the OS pausing the renderer on a busy machine, while work that really takes 50 ms takes
 * it on every load. `load` opens the page once and returns that load's figure.
 */
export async function leastLongestTask(load: () => Promise<number>, limitMs = 50): Promise<number> {
  let least = await load();
  for (let attempt = 1; attempt < 3 && least >= limitMs; attempt++) least = Math.min(least, await load());
  return Math.round(least * 10) / 10;
}

/** Backstory's page state for a tab once it has reported its scan (with its task statistics). */
export async function scannedState(extensionPage: Page, tabId: number): Promise<PageState> {
  let state: PageState | null = null;
  await waitFor(
    async () => (state = await ask<PageState | null>(extensionPage, 'tab.state', { tabId }))?.stats != null,
    'the page’s scan statistics',
    20_000,
  );
  return state!;
}

/** One event of a Chromium trace (the fields the task check reads). */
interface TraceEvent {
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

/**
 * The longest task on a page's main thread from the moment Backstory's content script starts there,
 * in ms, read from a Chromium trace of `load` (which opens `page` and waits for what it needs). It
 * sees what Backstory's own timer cannot: the browser decoding its messages, compiling its script,
 * and the page's own tasks too, so it is an upper bound of the longest task Backstory causes.
 */
export async function longestTaskFromTrace(
  session: Session,
  page: Page,
  load: () => Promise<void>,
): Promise<number> {
  const cdp = await session.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  await load();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const pageUrl = page.url();
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  if (!parse) throw new Error(`The trace has no parsing of ${pageUrl}.`);
  const onMain = (e: TraceEvent) => e.pid === parse.pid && e.tid === parse.tid;
  const started = events.find(
    (e) => onMain(e) && e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith('chrome-extension://'),
  );
  if (!started) throw new Error('The trace shows no content script running on the page.');
  // The scheduler's top-level task event (category "toplevel"): one per task the main thread runs.
  const tasks = events.filter(
    (e) => onMain(e) && e.name === 'ThreadControllerImpl::RunTask' && e.ts + (e.dur ?? 0) >= started.ts,
  );
  if (tasks.length === 0) throw new Error('The trace shows no task on the page’s main thread.');
  return Math.max(...tasks.map((task) => (task.dur ?? 0) / 1000));
}
