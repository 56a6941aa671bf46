// Finds Firefox and launches it with Backstory's Firefox build (puppeteer-core over WebDriver BiDi).
// The build is installed in the profile itself (not as a temporary add-on), so a relaunch on the
// same profile finds it again, with its database, as a reader's browser would.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
/** The add-on id in the Firefox build's manifest (wxt.config.ts). */
export const GECKO_ID = 'backstory@backstory.invalid';
/** The moz-extension:// host, fixed by a pref so extension pages have a known address. */
export const FIREFOX_EXTENSION_UUID = '0b5e1b5e-0000-4000-8000-00000000b5e1';

/** The browser to use: $FIREFOX_PATH, else the first known install. Throws a clear error if none. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Firefox found. Install one (Debian: sudo apt-get install -y --no-install-recommends firefox-esr) ' +
        'or set FIREFOX_PATH to the browser executable.',
    );
  }
  return found;
}

/**
 * Launches Firefox on `profileDir` with the Firefox build installed in it.
 * @param {{ profileDir: string, headless?: boolean, extensionDir?: string, debug?: boolean }} options
 */
export async function launchFirefoxWithExtension({
  profileDir,
  headless = true,
  extensionDir = FIREFOX_EXTENSION_DIR,
  debug = process.env.BACKSTORY_FIREFOX_DEBUG === '1',
}) {
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${extensionDir}: run "npm run build:firefox" first.`);
  }
  // An unpacked add-on in the profile's extensions folder, under its id: installed for good. A
  // relaunch finds it there as it was (copying again would look like an update to Firefox).
  const installed = join(profileDir, 'extensions', GECKO_ID);
  if (!existsSync(installed)) {
    mkdirSync(join(profileDir, 'extensions'), { recursive: true });
    cpSync(extensionDir, installed, { recursive: true });
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless,
    userDataDir: profileDir,
    defaultViewport: { width: 1280, height: 900 },
    // Lets WebDriver BiDi open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    dumpio: debug,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // An unsigned add-on in the profile, enabled without asking (this is a test profile).
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      // The permission prompt is browser UI that automation cannot answer: grant what is asked,
      // as a reader clicking "Allow" would.
      'extensions.webextOptionalPermissionPrompts': false,
      // Pages are served from 127.0.0.1 only: every other host goes to a closed local port and
      // fails at once (as Chromium's tests abort them), instead of waiting on DNS.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      // An offline machine: no update checks, telemetry or remote settings.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...(debug ? { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': true } : {}),
    },
  });
  return { browser, extensionOrigin: `moz-extension://${FIREFOX_EXTENSION_UUID}` };
}

/**
 * Opens `url` (a moz-extension:// page) in `page`. `page.goto` never resolves for extension pages
 * over BiDi (no navigation events), so navigate with BiDi itself and wait for the page's own signal.
 * @param {import('puppeteer-core').Page} page
 * @param {string} url
 */
export async function openExtensionUrl(page, url) {
  const frame = /** @type {any} */ (page.mainFrame());
  await frame.browsingContext.navigate(url, 'complete');
}
