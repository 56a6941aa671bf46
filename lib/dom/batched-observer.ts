/**
 * The one DOM observer: collects added and changed text over a frame and hands over the block
 * containers to re-read, at most once per `schedule` tick. Stops when `signal` aborts.
 */
import { INLINE_TAGS } from './blocks';

export interface ObserverOptions {
  signal: AbortSignal;
  /** Runs the callback later (requestAnimationFrame or an idle callback). */
  schedule: (callback: () => void) => void;
  /** True for nodes inside Backstory's own UI: their changes are ignored. */
  isOwn: (node: Node) => boolean;
}

/** The nearest ancestor-or-self element that is not inline: the unit a rescan reads. */
export function blockContainer(node: Node): Element | null {
  let element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element && INLINE_TAGS.has(element.tagName.toUpperCase()) && element.parentElement) {
    element = element.parentElement;
  }
  return element;
}

/** Drops containers inside other containers of the list. */
export function outermost(nodes: Iterable<Element>): Element[] {
  const list = [...new Set(nodes)];
  return list.filter((node) => !list.some((other) => other !== node && other.contains(node)));
}

/**
 * Calls `onChange(containers, removedSomething)` with the block containers whose text was added or
 * changed since the last call. Removals alone call it with no containers (mentions to forget).
 */
export function observeTextChanges(
  root: Node,
  onChange: (containers: Element[], removedSomething: boolean) => void,
  { signal, schedule, isOwn }: ObserverOptions,
): void {
  const pending = new Set<Element>();
  let removed = false;
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (signal.aborted) return;
    // Most of what a churning page added is gone again by now: only what is still there is read.
    const containers = outermost([...pending].filter((node) => node.isConnected));
    const removedSomething = removed;
    pending.clear();
    removed = false;
    if (containers.length > 0 || removedSomething) onChange(containers, removedSomething);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (isOwn(record.target)) continue;
      if (record.type === 'characterData') {
        const container = blockContainer(record.target);
        if (container) pending.add(container);
        continue;
      }
      if (record.removedNodes.length > 0) removed = true;
      record.addedNodes.forEach((node) => {
        if (node.nodeType !== 1 && node.nodeType !== 3) return;
        if (isOwn(node)) return;
        const container = blockContainer(node);
        if (container) pending.add(container);
      });
    }
    if (!scheduled && (pending.size > 0 || removed)) {
      scheduled = true;
      schedule(flush);
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
