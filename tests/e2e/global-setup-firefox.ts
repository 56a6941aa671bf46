import { existsSync } from 'node:fs';
import { findFirefox, FIREFOX_EXTENSION_DIR } from '../../scripts/firefox.mjs';

/** Firefox tests never skip silently: no Firefox or no Firefox build is a failure with a clear message. */
export default function setup() {
  findFirefox();
  if (!existsSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`)) {
    throw new Error(
      `No Firefox build in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" before the Firefox tests.`,
    );
  }
}
