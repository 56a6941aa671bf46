// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ReadingImportExport } from './ReadingImportExport';
import { mount, seriousViolations } from './test-utils';

const button = (root: HTMLElement, label: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === label)!;

/** Chooses a file in the file input as a browser would (jsdom's File lacks text(); browsers have it). */
async function chooseFile(root: HTMLElement, name: string, text: string | Uint8Array) {
  const input = root.querySelector('input[type=file]') as HTMLInputElement;
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const buffer = bytes.slice().buffer as ArrayBuffer;
  const file = Object.assign(new File([buffer], name), { arrayBuffer: async () => buffer });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('ReadingImportExport', () => {
  it('imports the chosen file with the chosen format, detecting it by default', async () => {
    const onImport = vi.fn();
    const root = mount(<ReadingImportExport onImport={onImport} onExport={() => {}} />);
    const csv = 'title,url,time_added,tags,status\nA,https://example.com/a,1454284800,,unread\n';
    await chooseFile(root, 'part_000000.csv', csv);
    expect(onImport).toHaveBeenLastCalledWith(csv, 'part_000000.csv', 'auto');

    const select = root.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).toEqual([
      'auto',
      'pocket-csv',
      'instapaper-csv',
      'netscape-html',
      'omnivore-json',
    ]);
    act(() => {
      select.value = 'instapaper-csv';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await chooseFile(root, 'instapaper-export.csv', csv);
    expect(onImport).toHaveBeenLastCalledWith(csv, 'instapaper-export.csv', 'instapaper-csv');
  });

  it('reads a file saved in Windows-1252 (an old spreadsheet export) without garbling it', async () => {
    const onImport = vi.fn();
    const root = mount(<ReadingImportExport onImport={onImport} onExport={() => {}} />);
    // "Café,https://example.com/a" with é as the single byte E9.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('title,url\nCaf'),
      0xe9,
      ...new TextEncoder().encode(',https://example.com/a\n'),
    ]);
    await chooseFile(root, 'export.csv', bytes);
    expect(onImport).toHaveBeenLastCalledWith(
      'title,url\nCafé,https://example.com/a\n',
      'export.csv',
      'auto',
    );
  });

  it('exports in each format', () => {
    const onExport = vi.fn();
    const root = mount(<ReadingImportExport onImport={() => {}} onExport={onExport} />);
    act(() => button(root, 'JSON').click());
    act(() => button(root, 'CSV').click());
    act(() => button(root, 'Bookmarks (HTML)').click());
    expect(onExport.mock.calls).toEqual([['json'], ['csv'], ['html']]);
  });

  it('offers to download articles without content only when there are some', () => {
    const onFetchAll = vi.fn();
    const root = mount(
      <ReadingImportExport
        onImport={() => {}}
        onExport={() => {}}
        onFetchAll={onFetchAll}
        pendingFetch={1234}
      />,
    );
    const download = button(root, `Download ${(1234).toLocaleString()} articles for offline reading`);
    act(() => download.click());
    expect(onFetchAll).toHaveBeenCalled();
    expect(
      mount(
        <ReadingImportExport
          onImport={() => {}}
          onExport={() => {}}
          onFetchAll={onFetchAll}
          pendingFetch={1}
        />,
      ).textContent,
    ).toContain('Download 1 article for offline reading');
    expect(
      mount(
        <ReadingImportExport
          onImport={() => {}}
          onExport={() => {}}
          onFetchAll={onFetchAll}
          pendingFetch={0}
        />,
      ).textContent,
    ).not.toContain('Download');
  });

  it('disables everything while busy and reports the result or the error', () => {
    let root = mount(<ReadingImportExport onImport={() => {}} onExport={() => {}} busy />);
    expect((root.querySelector('input[type=file]') as HTMLInputElement).disabled).toBe(true);
    expect(button(root, 'CSV').disabled).toBe(true);
    expect(root.querySelector('[aria-live]')?.textContent).toBe('Working…');

    root = mount(
      <ReadingImportExport
        onImport={() => {}}
        onExport={() => {}}
        report={{ added: 12, updated: 3, skipped: 1 }}
      />,
    );
    expect(root.querySelector('[aria-live]')?.textContent).toBe('12 articles added, 3 updated, 1 skipped.');

    root = mount(
      <ReadingImportExport onImport={() => {}} onExport={() => {}} error="Not a Pocket export." />,
    );
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Not a Pocket export.');
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(
      <ReadingImportExport
        onImport={() => {}}
        onExport={() => {}}
        onFetchAll={() => {}}
        pendingFetch={3}
        report={{ added: 1, updated: 0, skipped: 0 }}
        error="Something failed."
      />,
    );
    expect(await seriousViolations(root)).toEqual([]);
  });
});
