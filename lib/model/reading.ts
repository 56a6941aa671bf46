/**
 * Reading-list items as they travel: from import files (Pocket, Instapaper, bookmarks, Omnivore)
 * and exports. Validated with zod before anything is written.
 */
import { z } from 'zod';
import { webUrlSchema } from './schema';

export const readingStatuses = ['unread', 'read', 'archived'] as const;
export type ReadingStatus = (typeof readingStatuses)[number];

/** A tag on a saved article. */
export const tagSchema = z.string().trim().min(1).max(100);

/** One item to add to the reading list (no content yet: it is fetched later, on request). */
export const readingItemSchema = z.strictObject({
  url: webUrlSchema,
  title: z.string().trim().max(1000).default(''),
  tags: z.array(tagSchema).max(100).default([]),
  status: z.enum(readingStatuses).default('unread'),
  /** When the reader saved it in the old service, ms since epoch. */
  savedAt: z.number().int().nonnegative(),
  excerpt: z.string().max(5000).optional(),
});
export type ReadingItem = z.infer<typeof readingItemSchema>;

/** The import formats the reading list understands. */
export type ReadingImportFormat = 'pocket-csv' | 'instapaper-csv' | 'netscape-html' | 'omnivore-json';
