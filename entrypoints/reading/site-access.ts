import { browser } from 'wxt/browser';

/**
 * Asks for permission to read the sites of `urls` (feeds); the browser shows its own prompt, so
 * this must run on the reader's click. False when refused.
 */
export async function allowOrigins(urls: readonly string[]): Promise<boolean> {
  const origins = originPatterns(urls);
  if (origins.length === 0) return true;
  return browser.permissions.request({ origins }).catch(() => false);
}

/** Whether Backstory may already read the sites of `urls` (no prompt). */
export async function canReadOrigins(urls: readonly string[]): Promise<boolean> {
  const origins = originPatterns(urls);
  if (origins.length === 0) return true;
  return browser.permissions.contains({ origins }).catch(() => false);
}

const originPatterns = (urls: readonly string[]) => [
  ...new Set(urls.map((url) => `${new URL(url).origin}/*`)),
];
