/**
 * The domain model: one zod schema per record, from which the TypeScript types are inferred.
 * Packs, backups and messages are validated against these, so a value that passed here is
 * safe to store. This module imports nothing from the project: every other layer may use it.
 */
import { z } from 'zod';

// Extension pages forbid eval by CSP: tell zod not to try compiling validators with `new Function`.
z.config({ jitless: true });

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** A stable identifier inside a library: lowercase letters, digits and hyphens. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens')
  .max(120);

/** Only web links: a pack must never smuggle `javascript:` or `data:` URLs into the UI. */
export const webUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/** A calendar date (`2016-02-09`) or a full ISO 8601 date-time. */
export const isoDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const actorCategories = ['person', 'state', 'organisation', 'group', 'place'] as const;
export const eventCategories = ['talks', 'process', 'proposal', 'offensive', 'crisis', 'conflict'] as const;

/** One written form of an entity's name as news pages use it. */
export const aliasSchema = z.strictObject({
  text: trimmed(120),
  /** Match only as written: acronyms ("UN") and names that are also words ("Turkey"). */
  caseSensitive: z.boolean().optional(),
  /** Counts only when the page also names the entity unambiguously or a related one. */
  ambiguous: z.boolean().optional(),
});

/** An actor (person, state, organisation, place) or event (talks, offensive, crisis...). */
export const entitySchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(['actor', 'event']),
    category: z.enum([...actorCategories, ...eventCategories]),
    name: trimmed(160),
    description: trimmed(300),
    aliases: z.array(aliasSchema).max(200).default([]),
    related: z.array(idSchema).max(200).default([]),
  })
  .refine(
    (entity) =>
      entity.kind === 'actor'
        ? (actorCategories as readonly string[]).includes(entity.category)
        : (eventCategories as readonly string[]).includes(entity.category),
    { message: 'category does not fit the kind', path: ['category'] },
  );

export const authorSchema = z.strictObject({
  name: trimmed(200),
  /** Who the author is: posts held, institution, expertise. */
  credentials: z.string().trim().max(600).optional(),
});

/** An expert analysis: an op-ed, report or commentary about actors and events. */
export const analysisSchema = z.strictObject({
  id: idSchema,
  url: webUrlSchema,
  title: trimmed(400),
  authors: z.array(authorSchema).min(1).max(20),
  outlet: trimmed(200),
  publishedAt: isoDateSchema,
  summary: trimmed(2000),
  keyPoints: z.array(trimmed(600)).max(10).default([]),
  entityIds: z.array(idSchema).max(500).default([]),
  sourceId: idSchema.optional(),
  language: z.string().min(2).max(20).optional(),
});

/** Where analyses came from: a digest, a feed, a pack, or a page the reader added. */
export const sourceSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(['digest', 'feed', 'pack', 'page']),
  title: trimmed(400),
  publisher: z.string().trim().max(300).optional(),
  url: webUrlSchema.optional(),
  publishedAt: isoDateSchema.optional(),
  description: z.string().trim().max(2000).optional(),
});

export type Alias = z.infer<typeof aliasSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type EntityKind = Entity['kind'];
export type Author = z.infer<typeof authorSchema>;
export type Analysis = z.infer<typeof analysisSchema>;
export type Source = z.infer<typeof sourceSchema>;
