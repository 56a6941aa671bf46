import { existsSync } from 'node:fs';
import { findBrowser, EXTENSION_DIR } from '../../scripts/chromium.mjs';

/** End-to-end tests never skip silently: no browser or no build is a failure with a clear message. */
export default function setup() {
  findBrowser();
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(
      `No built extension in ${EXTENSION_DIR}: run "npm run build" before the end-to-end tests.`,
    );
  }
}
