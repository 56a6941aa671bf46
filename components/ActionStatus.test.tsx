// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ActionStatus } from './ActionStatus';
import { mount, seriousViolations } from './test-utils';

describe('ActionStatus', () => {
  it('shows an alert only when the action failed, and keeps its status line in the page', () => {
    const quiet = mount(<ActionStatus />);
    expect(quiet.querySelector('[role="alert"]')).toBeNull();
    expect(quiet.querySelector('[role="status"]')!.textContent).toBe('');

    const failed = mount(<ActionStatus error="The file is not a backup." notice="Nothing was written." />);
    expect(failed.querySelector('[role="alert"]')!.textContent).toBe('The file is not a backup.');
    expect(failed.querySelector('[role="status"]')!.textContent).toBe('Nothing was written.');
  });

  it('has no serious accessibility violations', async () => {
    expect(await seriousViolations(mount(<ActionStatus error="Failed." notice="Done." />))).toEqual([]);
  });
});
