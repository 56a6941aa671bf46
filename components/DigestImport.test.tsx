// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { DigestImport } from './DigestImport';
import { mount, seriousViolations } from './test-utils';

const report = {
  added: { analyses: 3, entities: 0, sources: 1 },
  updated: { analyses: 1, entities: 0, sources: 0 },
  unchanged: 0,
};

const type = (element: HTMLInputElement | HTMLTextAreaElement, value: string) =>
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('DigestImport', () => {
  it('sends the pasted text and the address, and only when there is text', async () => {
    const onImport = vi.fn();
    const root = mount(<DigestImport onImport={onImport} />);
    const button = root.querySelector('button[type=submit]') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await type(root.querySelector('textarea')!, 'Title\nBy Someone');
    await type(root.querySelector('input[type=url]')!, ' https://digest.example/1 ');
    await act(() => button.click());
    expect(onImport).toHaveBeenCalledWith('Title\nBy Someone', 'https://digest.example/1');
  });

  it('says what an import did, and shows errors as alerts', () => {
    const root = mount(<DigestImport onImport={() => {}} report={report} error="No pieces found." />);
    expect(root.querySelector('[data-testid=digest-report]')?.textContent).toBe(
      '3 analyses added, 1 updated.',
    );
    expect(root.querySelector('[role=alert]')?.textContent).toBe('No pieces found.');
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(<DigestImport onImport={() => {}} report={report} />);
    expect(await seriousViolations(root)).toEqual([]);
  });
});
