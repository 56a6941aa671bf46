/** The flows' driver for Chromium: playwright-core with the Chrome build (scripts/chromium.mjs). */
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../../../scripts/chromium.mjs';
import { chromiumShadowReader } from '../../../scripts/closed-shadow.mjs';
import { pollInPage } from './poll';
import type { DriverBrowser, DriverPage, InPage } from './types';

function wrap(page: Page): DriverPage {
  const shadows = chromiumShadowReader(page, undefined);
  const driverPage: DriverPage = {
    inShadow: (host, fn, arg) => shadows.inShadow(host, fn, arg),
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
    },
    evaluate: <R, A>(fn: InPage<A, R>, arg?: A) => page.evaluate(fn as never, arg as never) as Promise<R>,
    waitForFunction: (fn, arg, timeoutMs = 15_000) => pollInPage(driverPage, fn, arg, timeoutMs),
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseClick: (x, y, button = 'left') => page.mouse.click(x, y, { button }),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
  return driverPage;
}

async function start(profileDir: string) {
  const { context, worker, extensionId } = await launchWithExtension({ profileDir });
  // The machine is offline: fail remote requests of saved pages at once instead of waiting on DNS.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return { context, worker, extensionOrigin: `chrome-extension://${extensionId}` };
}

export async function launchChromiumDriver(profileDir: string): Promise<DriverBrowser> {
  let { context, worker, extensionOrigin } = await start(profileDir);
  const current = (): BrowserContext => context;
  return {
    name: 'chromium',
    get extensionOrigin() {
      return extensionOrigin;
    },
    profileDir,
    grantsPermissionPrompts: false,
    newPage: async (initScript) => {
      const page = await current().newPage();
      if (initScript) await page.addInitScript(initScript);
      return wrap(page);
    },
    openExtensionPage: async (path) => {
      const page = await current().newPage();
      await page.goto(`${extensionOrigin}/${path}`);
      return wrap(page);
    },
    waitForNewPage: async (urlPart, action) => {
      const [page] = await Promise.all([current().waitForEvent('page'), action()]);
      await page.waitForURL((url) => url.href.includes(urlPart));
      await page.waitForLoadState('domcontentloaded');
      return wrap(page);
    },
    runCommand: async (page, command) => {
      await page.bringToFront();
      await worker.evaluate(
        async (direction) => {
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          await chrome.tabs.sendMessage(tab!.id!, {
            protocol: 'backstory/1',
            type: 'mentions.step',
            direction,
          });
        },
        command === 'next-mention' ? 1 : -1,
      );
    },
    relaunch: async () => {
      await context.close();
      ({ context, worker, extensionOrigin } = await start(profileDir));
    },
    close: () => context.close(),
  };
}
