import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findFirefox, FIREFOX_EXTENSION_DIR } from '../../scripts/firefox.mjs';

/** The add-on's strict_min_version (wxt.config.ts): an older Firefox refuses to install it. */
const MIN_FIREFOX = 142;

/** Firefox tests never skip silently: no Firefox, too old a one or no build fails with a clear message. */
export default function setup() {
  const firefox = findFirefox();
  const version = execFileSync(firefox, ['--version'], { encoding: 'utf8' });
  const major = Number(/(\d+)\./.exec(version)?.[1] ?? 0);
  if (major < MIN_FIREFOX) {
    throw new Error(
      `${version.trim()} is too old for Backstory's Firefox build (${MIN_FIREFOX} or later): on Debian bookworm, ` +
        'firefox-esr comes from the bookworm-security suite.',
    );
  }
  if (!existsSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`)) {
    throw new Error(
      `No Firefox build in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" before the Firefox tests.`,
    );
  }
}
