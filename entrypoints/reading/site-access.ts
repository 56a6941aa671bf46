import { browser } from 'wxt/browser';

/**
 * Asks for permission to read the sites of `urls` (feeds); the browser shows its own prompt, so
 * this must run on the reader's click. False when refused.
 */
export async function allowOrigins(urls: readonly string[]): Promise<boolean> {
  const origins = [...new Set(urls.map((url) => `${new URL(url).origin}/*`))];
  if (origins.length === 0) return true;
  return browser.permissions.request({ origins }).catch(() => false);
}
