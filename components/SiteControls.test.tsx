// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { SiteControls } from './SiteControls';
import { mount, seriousViolations } from './test-utils';

describe('SiteControls', () => {
  it('reports switching the site and the pause', () => {
    const onSiteChange = vi.fn();
    const onPauseChange = vi.fn();
    const root = mount(
      <SiteControls
        host="news.example"
        enabled
        paused={false}
        onSiteChange={onSiteChange}
        onPauseChange={onPauseChange}
      />,
    );
    const [site, pause] = [...root.querySelectorAll('input')] as HTMLInputElement[];
    expect(root.textContent).toContain('Highlight on news.example');
    act(() => site!.click());
    expect(onSiteChange).toHaveBeenCalledWith(false);
    act(() => pause!.click());
    expect(onPauseChange).toHaveBeenCalledWith(true);
  });

  it('offers only the pause for pages that are not web sites', () => {
    const root = mount(
      <SiteControls host={null} enabled={false} paused onSiteChange={() => {}} onPauseChange={() => {}} />,
    );
    expect(root.querySelectorAll('input')).toHaveLength(1);
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(
      <SiteControls
        host="a.example"
        enabled
        paused={false}
        onSiteChange={() => {}}
        onPauseChange={() => {}}
      />,
    );
    expect(await seriousViolations(root)).toEqual([]);
  });
});
