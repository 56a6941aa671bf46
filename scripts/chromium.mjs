// Finds a Chromium-family browser and launches it with the built extension (playwright-core).
import { createHash } from 'node:crypto';
import { existsSync, lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The browser to use: $CHROME_PATH, else the first known install. Throws a clear error if none. */
export function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium or Chrome found. Install one (Debian: sudo apt-get install -y chromium) ' +
        'or set CHROME_PATH to the browser executable.',
    );
  }
  return found;
}

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** Flags for a quiet headless browser on an offline machine (no sync, updates or background fetches). */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Launches the browser with the extension on a persistent profile.
 * @param {{ profileDir: string, headless?: boolean, extensionDir?: string, colorScheme?: 'light' | 'dark' }} options
 */
export async function launchWithExtension({
  profileDir,
  headless = true,
  extensionDir = EXTENSION_DIR,
  colorScheme,
}) {
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  await profileReleased(profileDir);
  const args = [
    ...BROWSER_ARGS,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
  if (headless) args.unshift('--headless=new');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findBrowser(),
    headless,
    args,
    viewport: { width: 1280, height: 900 },
    ...(colorScheme ? { colorScheme } : {}),
  });
  const extensionId = unpackedExtensionId(resolve(extensionDir));
  const worker = context.serviceWorkers()[0] ?? (await wakeWorker(context, extensionId));
  if (new URL(worker.url()).host !== extensionId) {
    throw new Error(`Unexpected extension ${worker.url()} (expected ${extensionId}).`);
  }
  return { context, worker, extensionId };
}

/**
 * Waits until no browser holds `profileDir`. Playwright's close can return just before the old
 * process has exited; a browser started on the profile then hands itself to the old one and hangs.
 * @param {string} profileDir
 */
async function profileReleased(profileDir) {
  const lock = resolve(profileDir, 'SingletonLock');
  const end = Date.now() + 15_000;
  const held = () => {
    try {
      lstatSync(lock); // a symbolic link to the holder's host and pid
      return true;
    } catch {
      return false;
    }
  };
  while (held() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Chromium's id for an unpacked extension: the first 128 bits of the SHA-256 of its absolute path,
 * each hex digit written as a letter a–p.
 * @param {string} dir
 */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * The extension's service worker. On a relaunch it may have started (and been missed) before
 * playwright attached, or not start until something needs it: an extension page wakes it.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionId
 */
async function wakeWorker(context, extensionId) {
  try {
    return await context.waitForEvent('serviceworker', { timeout: 5_000 });
  } catch {
    const page = await context.newPage();
    const started = context.waitForEvent('serviceworker', { timeout: 30_000 });
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const worker = context.serviceWorkers()[0] ?? (await started);
    await page.close();
    return worker;
  }
}
