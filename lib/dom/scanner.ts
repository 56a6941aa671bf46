/**
 * The page's mentions: reads text blocks, finds alias candidates per block, and decides entities
 * for the whole page (ambiguity needs page-wide context). Rescans only what changed.
 */
import type { EntityKind } from '../model/schema';
import type { Candidate, EntityMatcher } from '../entities/matcher';
import { blockRange, iterateBlocks, type ScanOptions, type TextBlock } from './blocks';

/** One highlighted mention on the page. */
export interface PageMention {
  entityId: string;
  kind: EntityKind;
  range: Range;
}

interface ScannedBlock {
  block: TextBlock;
  candidates: Candidate[];
}

/** How to share the main thread: work at most `budgetMs` at a time, then await `yieldToBrowser()`. */
export interface Pacing {
  budgetMs: number;
  yieldToBrowser: () => Promise<void>;
}

export class PageScanner {
  private scanned: ScannedBlock[] = [];
  /** Whether `scanned` is in document order (a full scan of roots in document order, no rescan yet). */
  private inDocumentOrder = false;
  /** Time spent in the longest uninterrupted chunk of work, in ms (for the 50 ms task budget). */
  longestChunkMs = 0;
  /**
   * The mention made for each candidate, kept while its block is: a page that changes elsewhere
   * keeps the same mentions (an open card stays open) and no new live Ranges, each of which the
   * browser must update on every change to the page.
   */
  private readonly made = new WeakMap<Candidate, PageMention>();
  /** Time spent reading, in all, in ms (what the rescans of a changing page cost it). */
  busyMs = 0;

  constructor(
    private readonly matcher: EntityMatcher,
    private readonly options: ScanOptions,
    private readonly kindOf: (entityId: string) => EntityKind | undefined,
  ) {}

  /** Reads `roots` from scratch in chunks paced by `pacing`. */
  async scan(roots: readonly Node[], pacing: Pacing): Promise<void> {
    this.scanned = [];
    this.inDocumentOrder = inDocumentOrder(roots);
    await this.read(roots, pacing);
  }

  /**
   * Re-reads only `containers` (changed or added content), keeping everything else. Resolves with
   * whether the candidates changed: text that names nothing, added or removed, changes no mention.
   */
  async rescan(containers: readonly Node[], pacing: Pacing): Promise<boolean> {
    const started = performance.now();
    const within = (node: Node) => containers.some((container) => container.contains(node));
    const before = this.scanned.length;
    this.scanned = this.scanned.filter(
      ({ block }) => block.nodes[0]!.isConnected && !block.nodes.some(within),
    );
    const kept = this.scanned.length;
    this.busyMs += performance.now() - started;
    this.inDocumentOrder = false;
    await this.read(containers, pacing);
    // A re-read block with candidates counts as a change: its ranges are new nodes.
    return kept !== before || this.scanned.length !== kept;
  }

  private async read(roots: readonly Node[], { budgetMs, yieldToBrowser }: Pacing) {
    let chunkStart = performance.now();
    for (const root of roots) {
      for (const block of iterateBlocks(root, this.options)) {
        const candidates = this.matcher.find(block.text);
        if (candidates.length > 0) this.scanned.push({ block, candidates });
        const elapsed = performance.now() - chunkStart;
        if (elapsed >= budgetMs) {
          this.longestChunkMs = Math.max(this.longestChunkMs, elapsed);
          this.busyMs += elapsed;
          await yieldToBrowser();
          chunkStart = performance.now();
        }
      }
    }
    const elapsed = performance.now() - chunkStart;
    this.longestChunkMs = Math.max(this.longestChunkMs, elapsed);
    this.busyMs += elapsed;
  }

  /** The page's mentions in document order, with ambiguity decided page-wide. */
  mentions(): PageMention[] {
    const blocks: TextBlock[] = [];
    const candidates: Candidate[] = [];
    for (const { block, candidates: found } of this.scanned) {
      if (!block.nodes.every((node) => node.isConnected)) continue;
      for (const candidate of found) {
        blocks.push(block);
        candidates.push(candidate);
      }
    }
    const decided = this.matcher.resolve(candidates);
    const mentions: PageMention[] = [];
    for (let index = 0; index < candidates.length; index++) {
      const entityId = decided[index];
      const kind = entityId ? this.kindOf(entityId) : undefined;
      if (!entityId || !kind) continue;
      const candidate = candidates[index]!;
      const known = this.made.get(candidate);
      if (known?.entityId === entityId) {
        mentions.push(known);
        continue;
      }
      const mention = { entityId, kind, range: blockRange(blocks[index]!, candidate.start, candidate.end) };
      this.made.set(candidate, mention);
      mentions.push(mention);
    }
    // Blocks come in document order from a full scan, and so do their candidates: sorting would
    // leave them as they are (the comparison is consistent with that order), so skip it.
    return this.inDocumentOrder ? mentions : mentions.sort(compareRanges);
  }
}

/** Whether each root comes after the one before it in the document, outside it. */
export function inDocumentOrder(roots: readonly Node[]): boolean {
  for (let i = 1; i < roots.length; i++) {
    const position = roots[i - 1]!.compareDocumentPosition(roots[i]!);
    if (!(position & Node.DOCUMENT_POSITION_FOLLOWING) || position & Node.DOCUMENT_POSITION_CONTAINED_BY)
      return false;
  }
  return true;
}

/** Document order; ranges in different trees (shadow roots) keep their relative order. */
export function compareRanges(a: PageMention, b: PageMention): number {
  try {
    return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  } catch {
    return 0;
  }
}

/** Mention counts per entity, for the side panel. */
export function countMentions(mentions: readonly PageMention[]): Array<{ entityId: string; count: number }> {
  const counts = new Map<string, number>();
  for (const { entityId } of mentions) counts.set(entityId, (counts.get(entityId) ?? 0) + 1);
  return [...counts].map(([entityId, count]) => ({ entityId, count }));
}

/** The mentions to highlight: every one, or the first of each entity. */
export function selectForHighlight(mentions: readonly PageMention[], mode: 'first' | 'every'): PageMention[] {
  if (mode === 'every') return [...mentions];
  const seen = new Set<string>();
  return mentions.filter(({ entityId }) => !seen.has(entityId) && (seen.add(entityId), true));
}
