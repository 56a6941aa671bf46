// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { BackupImport, type BackupImportProps, type BackupPreview } from './BackupImport';
import { mount, seriousViolations } from './test-utils';

const preview: BackupPreview = {
  fileName: 'backstory-backup.json',
  exportedAt: '2016-02-11T18:00:00Z',
  counts: {
    analyses: { add: 3, update: 1 },
    entities: { add: 12, update: 0 },
    bookmarks: { add: 0, update: 2 },
  },
};

function setup(overrides: Partial<BackupImportProps> = {}) {
  const props = {
    onExport: vi.fn(),
    onFileChosen: vi.fn(),
    onConfirm: vi.fn(),
    onCancelPreview: vi.fn(),
    ...overrides,
  };
  return { root: mount(<BackupImport {...props} />), ...props };
}

const button = (root: HTMLElement, text: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
};

describe('BackupImport', () => {
  it('exports on request', () => {
    const { root, onExport } = setup();
    act(() => button(root, 'Export a backup').click());
    expect(onExport).toHaveBeenCalledOnce();
  });

  it('passes the chosen file on (read in parts by the page, never whole), without importing yet', () => {
    const { root, onFileChosen, onConfirm } = setup();
    const input = root.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['{"v":1}'], 'backup.json');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    expect(onFileChosen).toHaveBeenCalledWith(file);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(root.querySelector('table')).toBeNull();
  });

  it('shows what each table would gain before the import is confirmed', () => {
    const { root, onConfirm, onCancelPreview } = setup({ preview });
    expect(root.ownerDocument.activeElement?.textContent).toBe('Check before importing');
    expect(root.querySelector('[data-testid=backup-preview] time')?.getAttribute('datetime')).toBe(
      '2016-02-11T18:00:00Z',
    );
    expect(root.querySelector('caption')?.textContent).toBe(
      'What importing backstory-backup.json will change',
    );
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['Analyses', '3', '1'],
      ['Actors and events', '12', '0'],
      ['bookmarks', '0', '2'],
    ]);
    act(() => button(root, 'Import').click());
    expect(onConfirm).toHaveBeenCalledOnce();
    act(() => button(root, 'Cancel').click());
    expect(onCancelPreview).toHaveBeenCalledOnce();
  });

  it('has nothing to confirm when the file would change nothing', () => {
    const { root } = setup({
      preview: { fileName: 'same.json', counts: { analyses: { add: 0, update: 0 } } },
    });
    expect(root.textContent).toContain('Nothing to add or update');
    expect(button(root, 'Import').disabled).toBe(true);
    expect(root.querySelector('time')).toBeNull();
  });

  it('disables everything but cancel while busy and reports errors and notices', () => {
    const { root } = setup({ preview, busy: true, error: 'Not a Backstory backup.', notice: 'Exported.' });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Not a Backstory backup.');
    expect(root.querySelector('[role=status]')?.textContent).toBe('Exported.');
    expect(button(root, 'Import').disabled).toBe(true);
    expect(button(root, 'Export a backup').disabled).toBe(true);
    expect(button(root, 'Cancel').disabled).toBe(false);
    expect((root.querySelector('input[type=file]') as HTMLInputElement).disabled).toBe(true);
  });

  it('has no serious accessibility violations', async () => {
    const { root } = setup({ preview, error: 'Something failed.' });
    expect(await seriousViolations(root)).toEqual([]);
  });
});
