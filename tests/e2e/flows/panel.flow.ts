/** The side panel (Chrome) or sidebar (Firefox): page entities, ranked analyses, search. */
import { describe, expect, it } from 'vitest';
import { attributes, click, fill, scannedState, tabIdFor, texts } from '../driver/actions';
import type { DriverPage, LaunchDriver } from '../driver/types';
import { useDriver } from './fixture';

const rankedIds = (panel: DriverPage) =>
  attributes(panel, '[data-testid=ranked] article', 'data-analysis-id');

export function panelFlows(launch: LaunchDriver, browserName: string) {
  describe(`the side panel in ${browserName}`, () => {
    const fixture = useDriver(launch);

    it('lists the page’s actors and events with their mention counts', async () => {
      const page = await fixture.openHighlighted('/demo/index.html');
      const panel = await fixture.panelFor(page);
      const chip = (id: string) => `.page-mentions [data-entity-id="${id}"]`;
      await expect.poll(async () => (await texts(panel, chip('bashar-al-assad'))).length).toBe(1);
      for (const id of [
        'vladimir-putin',
        'staffan-de-mistura',
        'geneva-talks-2016',
        'northern-syria-safe-zone',
      ]) {
        expect(await texts(panel, chip(id)), id).toHaveLength(1);
      }
      expect(await texts(panel, `${chip('bashar-al-assad')} .entity__name`)).toEqual(['Bashar al-Assad']);
      expect((await texts(panel, `${chip('bashar-al-assad')} .count`))[0]).toMatch(/^×\d+$/);
      await page.close();
      await panel.close();
    });

    it('keeps the page’s actors when an empty ad frame reports after it, and adds an embed’s', async () => {
      for (let load = 0; load < 3; load++) {
        const page = await fixture.openHighlighted('/fixtures/pages/frames-with-ad.html');
        const tabId = await tabIdFor(fixture.control, page);
        const ids = async () =>
          (await scannedState(fixture.control, tabId)).mentions.map((m) => m.entityId).sort();
        // The top page's Putin and Turkey, and the embed's Hezbollah and Aleppo, whichever reports last.
        await expect
          .poll(ids, { timeout: 10_000 })
          .toEqual(expect.arrayContaining(['aleppo', 'hezbollah', 'turkey', 'vladimir-putin']));
        // The ad keeps changing (and its script rescans): the tab still names them a second later.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(await ids()).toEqual(
          expect.arrayContaining(['aleppo', 'hezbollah', 'turkey', 'vladimir-putin']),
        );
        expect((await scannedState(fixture.control, tabId)).url).toMatch(/frames-with-ad\.html$/);
        if (load === 2) {
          const panel = await fixture.panelFor(page);
          const chip = (id: string) => `.page-mentions [data-entity-id="${id}"]`;
          await expect.poll(async () => (await texts(panel, chip('hezbollah'))).length).toBe(1);
          expect(await texts(panel, chip('vladimir-putin'))).toHaveLength(1);
          await panel.close();
        }
        await page.close();
      }
    });

    it('shows the starter analyses for the demo page, ranked, with summary, key points and authors', async () => {
      const page = await fixture.openHighlighted('/demo/index.html');
      const panel = await fixture.panelFor(page);
      await expect.poll(() => rankedIds(panel)).toHaveLength(3);
      const first = '[data-testid=ranked] article:first-of-type';
      expect((await texts(panel, `${first} .analysis-card__entities`))[0]).toMatch(/^On this page: /);
      expect((await texts(panel, `${first} .analysis-card__authors`))[0]).toMatch(/\S/);
      await click(panel, `${first} summary`, /Key points/);
      expect((await texts(panel, `${first} .analysis-card__points li`)).length).toBeGreaterThanOrEqual(3);
      expect((await texts(panel, '[data-testid=ranked] article .analysis-card__authors')).sort()).toEqual([
        'Dennis Ross',
        'Eyal Zisser',
        'Nicholas Burns and James Jeffrey',
      ]);
      await panel.setViewport(400, 900);
      await panel.screenshot(`screenshots/${browserName.toLowerCase()}-side-panel.png`);
      await page.close();
      await panel.close();
    });

    it('ranks Burns and Jeffrey first for a safe-zone page, Zisser first for a peace-summits page', async () => {
      const safeZone = await fixture.openHighlighted('/fixtures/pages/safe-zone.html');
      const safePanel = await fixture.panelFor(safeZone);
      await expect.poll(async () => (await rankedIds(safePanel))[0]).toBe('burns-jeffrey-2016-02-04');
      const summits = await fixture.openHighlighted('/fixtures/pages/peace-summits.html');
      const summitPanel = await fixture.panelFor(summits);
      await expect.poll(async () => (await rankedIds(summitPanel))[0]).toBe('zisser-2016-02-09');
      for (const page of [safeZone, summits, safePanel, summitPanel]) await page.close();
    });

    it('searches the library by author and by actor', async () => {
      const page = await fixture.openHighlighted('/demo/index.html');
      const panel = await fixture.panelFor(page);
      const found = () => attributes(panel, '.library-search article', 'data-analysis-id');
      await fill(panel, 'input[type=search]', 'Zisser');
      await expect.poll(found).toEqual(['zisser-2016-02-09']);
      await fill(panel, 'input[type=search]', 'Staffan de Mistura');
      await expect.poll(found).toContain('ross-2016-02-09');
      await fill(panel, 'input[type=search]', '');
      await expect.poll(async () => (await rankedIds(panel)).length).toBeGreaterThanOrEqual(3);
      await page.close();
      await panel.close();
    });
  });
}
