// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { EmptyLibrary } from './EmptyLibrary';
import { mount, seriousViolations } from './test-utils';

describe('EmptyLibrary', () => {
  it('tells the reader how to fill the library and opens the settings', () => {
    const onOpenSettings = vi.fn();
    const root = mount(<EmptyLibrary onOpenSettings={onOpenSettings} />);
    expect(root.textContent).toMatch(/import a pack.*subscribe to a commentary feed.*add a page/s);
    act(() => root.querySelector('button')!.click());
    expect(onOpenSettings).toHaveBeenCalled();
  });

  it('has no serious accessibility violations', async () => {
    expect(await seriousViolations(mount(<EmptyLibrary onOpenSettings={() => {}} />))).toEqual([]);
  });
});
