// Finds a Chromium-family browser and launches it with the built extension (playwright-core).
import { existsSync } from 'node:fs';
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
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}
