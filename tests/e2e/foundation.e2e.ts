import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newProfileDir, removeProfileDir, waitForStarter, type Session } from './harness';

// The starter library, packs and a relaunch are flows shared with Firefox: flows/library.flow.ts.

describe('the extension in real Chromium', () => {
  let session: Session;
  const profileDir = newProfileDir();

  beforeAll(async () => {
    session = await launch(profileDir);
    await waitForStarter(session);
  });

  afterAll(async () => {
    await session?.context.close();
    removeProfileDir(profileDir);
  });

  it('starts its service worker', () => {
    expect(session.worker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('opens the side panel from the toolbar button (no popup)', async () => {
    const setup = await session.worker.evaluate(async () => ({
      behavior: await chrome.sidePanel.getPanelBehavior(),
      popup: await chrome.action.getPopup({}),
      manifest: chrome.runtime.getManifest(),
    }));
    expect(setup.behavior.openPanelOnActionClick).toBe(true);
    expect(setup.popup).toBe('');
    expect(setup.manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
  });

  it('answers malformed and unknown messages with errors and keeps serving', async () => {
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/options.html`);
    const replies = await panel.evaluate(async () => {
      const send = (message: unknown) => chrome.runtime.sendMessage(message) as Promise<unknown>;
      return [
        await send({ junk: true }),
        await send({ protocol: 'backstory/1', type: 'drop.everything', data: {} }),
        await send({ protocol: 'backstory/1', type: 'analyses.list', data: { limit: -5 } }),
        await send({ protocol: 'backstory/1', type: 'library.stats', data: {} }),
      ];
    });
    expect(replies.slice(0, 3)).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'bad-envelope' }) }),
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'unknown-type' }) }),
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'bad-data' }) }),
    ]);
    expect(replies[3]).toMatchObject({ ok: true, value: { analyses: 3 } });
    await panel.close();
  });
});
