// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { DEFAULT_DISPLAY_SETTINGS } from '@/lib/model/settings';
import { DisplaySettingsForm } from './DisplaySettingsForm';
import { mount, seriousViolations } from './test-utils';

describe('DisplaySettingsForm', () => {
  it('shows the settings and reports each change', () => {
    const onChange = vi.fn();
    const root = mount(<DisplaySettingsForm settings={DEFAULT_DISPLAY_SETTINGS} onChange={onChange} />);
    const inputs = [...root.querySelectorAll('input')] as HTMLInputElement[];
    expect(inputs.map((i) => i.checked)).toEqual([true, false, false, false, false]);
    act(() => inputs[1]!.click());
    expect(onChange).toHaveBeenLastCalledWith({ highlightMode: 'every' });
    act(() => inputs[2]!.click());
    expect(onChange).toHaveBeenLastCalledWith({ includeNavigation: true });
    act(() => inputs[3]!.click());
    expect(onChange).toHaveBeenLastCalledWith({ includeLinks: true });
    act(() => inputs[4]!.click());
    expect(onChange).toHaveBeenLastCalledWith({ paused: true });
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(<DisplaySettingsForm settings={DEFAULT_DISPLAY_SETTINGS} onChange={() => {}} />);
    expect(await seriousViolations(root)).toEqual([]);
  });
});
