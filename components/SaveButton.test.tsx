// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SaveButton } from './SaveButton';
import { mount, seriousViolations } from './test-utils';

describe('SaveButton', () => {
  it('saves, shows progress, then opens the reading list, on one button that keeps focus', () => {
    const onSave = vi.fn();
    const onOpenList = vi.fn();
    const root = mount(<SaveButton state="unsaved" onSave={onSave} onOpenList={onOpenList} />);
    const button = root.querySelector('button')!;
    expect(button.textContent).toBe('Save for later');
    button.focus();
    act(() => button.click());
    expect(onSave).toHaveBeenCalledTimes(1);

    act(() => render(<SaveButton state="saving" onSave={onSave} onOpenList={onOpenList} />, root));
    expect(button.textContent).toBe('Saving…');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    act(() => button.click());
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[role=status]')?.textContent).toBe('Saving…');

    act(() => render(<SaveButton state="saved" onSave={onSave} onOpenList={onOpenList} />, root));
    expect(root.querySelector('button')).toBe(button);
    expect(document.activeElement).toBe(button);
    expect(button.textContent).toBe('Saved ✓ · Open reading list');
    expect(button.getAttribute('aria-disabled')).toBe('false');
    expect(root.querySelector('[role=status]')?.textContent).toBe('Saved to your reading list.');
    act(() => button.click());
    expect(onOpenList).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('is inert once saved when there is no list to open', () => {
    const onSave = vi.fn();
    const root = mount(<SaveButton state="saved" onSave={onSave} />);
    const button = root.querySelector('button')!;
    expect(button.textContent).toBe('Saved ✓');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    act(() => button.click());
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows why saving failed and lets the reader try again', () => {
    const onSave = vi.fn();
    const root = mount(<SaveButton state="error" onSave={onSave} error="This page has no article text." />);
    expect(root.querySelector('[role=alert]')?.textContent).toBe('This page has no article text.');
    act(() => root.querySelector('button')!.click());
    expect(onSave).toHaveBeenCalled();
    expect(
      mount(<SaveButton state="error" onSave={onSave} />).querySelector('[role=alert]')?.textContent,
    ).toBe('Could not save this page.');
  });

  it('has no serious accessibility violations in any state', async () => {
    for (const state of ['unsaved', 'saving', 'saved', 'error'] as const) {
      const root = mount(
        <SaveButton state={state} onSave={() => {}} onOpenList={() => {}} error="Failed." />,
      );
      expect(await seriousViolations(root)).toEqual([]);
    }
  });
});
