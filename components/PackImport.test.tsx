// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { PackImport } from './PackImport';
import { mount, seriousViolations } from './test-utils';

const report = {
  added: { analyses: 3, entities: 30, sources: 2 },
  updated: { analyses: 0, entities: 1, sources: 0 },
  unchanged: 4,
};

describe('PackImport', () => {
  it('passes the chosen file’s name and text to onFile', async () => {
    const onFile = vi.fn();
    const root = mount(<PackImport state={{ status: 'idle' }} onFile={onFile} />);
    const input = root.querySelector('input[type=file]') as HTMLInputElement;
    // jsdom's File lacks text(); browsers have it.
    const file = Object.assign(new File(['{"a":1}'], 'pack.json'), { text: async () => '{"a":1}' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(onFile).toHaveBeenCalledWith('pack.json', '{"a":1}');
  });

  it('reports what an import did', () => {
    const root = mount(
      <PackImport state={{ status: 'done', fileName: 'p.json', report }} onFile={() => {}} />,
    );
    expect(root.textContent).toMatch(
      /35 added \(3 analyses, 30 actors and events, 2 sources\), 1 updated, 4 already/,
    );
  });

  it('lists why a pack was refused', () => {
    const root = mount(
      <PackImport
        state={{
          status: 'failed',
          fileName: 'bad.json',
          message: 'Nothing was changed.',
          details: ['id: required'],
        }}
        onFile={() => {}}
      />,
    );
    expect(root.querySelector('[role=alert]')?.textContent).toContain(
      'bad.json: Nothing was changed.id: required',
    );
  });

  it('has no serious accessibility violations', async () => {
    const root = mount(
      <PackImport state={{ status: 'done', fileName: 'p.json', report }} onFile={() => {}} />,
    );
    expect(await seriousViolations(root)).toEqual([]);
  });
});
