/** Rendering and accessibility checks for component tests (jsdom). */
import axe from 'axe-core';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

// jsdom has no canvas; axe probes it for icon ligatures. Answer "no canvas" instead of logging errors.
HTMLCanvasElement.prototype.getContext = () => null;

/** Renders into a fresh container attached to the document. */
export function mount(node: ComponentChild): HTMLElement {
  document.body.innerHTML = '';
  const container = document.createElement('main');
  document.body.append(container);
  act(() => render(node, container));
  return container;
}

/** axe-core violations of impact serious or critical (colour contrast needs layout: checked in E2E). */
export async function seriousViolations(container: HTMLElement): Promise<string[]> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}
