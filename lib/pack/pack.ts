/**
 * The pack format: a versioned JSON file of sources, entities and analyses. The starter library,
 * user imports and exports all use it (see docs/pack-format.md).
 */
import { z } from 'zod';
import {
  analysisSchema,
  entitySchema,
  idSchema,
  isoDateSchema,
  sourceSchema,
  type Analysis,
  type Entity,
  type Source,
} from '../model/schema';

export const PACK_FORMAT = 'backstory.pack';
export const PACK_FORMAT_VERSION = 1;

/** A pack file is at most this large; anything bigger is refused before parsing. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;

/**
 * The pack schema. References (`related`, `entityIds`) must resolve inside the pack or, when
 * importing into a library, to `knownEntityIds` already stored there.
 */
export const createPackSchema = (knownEntityIds: ReadonlySet<string> = new Set()) =>
  z
    .strictObject({
      format: z.literal(PACK_FORMAT, { error: `"format" must be "${PACK_FORMAT}"` }),
      formatVersion: z.literal(PACK_FORMAT_VERSION, {
        error: `"formatVersion" must be ${PACK_FORMAT_VERSION}; this version of Backstory reads no other`,
      }),
      id: idSchema,
      title: z.string().trim().min(1).max(300),
      description: z.string().trim().max(2000).optional(),
      publishedAt: isoDateSchema.optional(),
      sources: z.array(sourceSchema).max(10_000).default([]),
      entities: z.array(entitySchema).max(100_000).default([]),
      analyses: z.array(analysisSchema).max(200_000).default([]),
    })
    .superRefine((pack, ctx) => {
      const duplicates = (label: string, values: string[], path: string) => {
        const seen = new Set<string>();
        values.forEach((value, index) => {
          if (seen.has(value)) {
            ctx.addIssue({
              code: 'custom',
              path: [path, index],
              message: `duplicate ${label} "${value}"`,
            });
          }
          seen.add(value);
        });
      };
      const unique: Array<[label: string, values: string[], path: string]> = [
        ['source id', pack.sources.map((s) => s.id), 'sources'],
        ['entity id', pack.entities.map((e) => e.id), 'entities'],
        ['analysis id', pack.analyses.map((a) => a.id), 'analyses'],
        ['analysis url', pack.analyses.map((a) => a.url), 'analyses'],
      ];
      for (const [label, values, path] of unique) duplicates(label, values, path);

      const entityIds = new Set([...knownEntityIds, ...pack.entities.map((e) => e.id)]);
      const sourceIds = new Set(pack.sources.map((s) => s.id));
      pack.entities.forEach((entity, index) =>
        entity.related.forEach((id, r) => {
          if (!entityIds.has(id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['entities', index, 'related', r],
              message: `unknown entity "${id}"`,
            });
          }
        }),
      );
      pack.analyses.forEach((analysis, index) => {
        analysis.entityIds.forEach((id, e) => {
          if (!entityIds.has(id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['analyses', index, 'entityIds', e],
              message: `unknown entity "${id}"`,
            });
          }
        });
        if (analysis.sourceId && !sourceIds.has(analysis.sourceId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['analyses', index, 'sourceId'],
            message: `unknown source "${analysis.sourceId}"`,
          });
        }
      });
    });

export const packSchema = createPackSchema();

export type Pack = z.infer<typeof packSchema>;
export type { Analysis, Entity, Source };

export type PackParseResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

/** At most this many problems are reported; the first few are what a reader can act on. */
const MAX_REPORTED_ERRORS = 20;

/** Turns zod issues into lines a reader can act on: `analyses[2].url: must be an http(s) URL`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines = issues.slice(0, MAX_REPORTED_ERRORS).map((issue) => {
    const where = issue.path.reduce<string>(
      (acc, part) =>
        typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
      '',
    );
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  if (issues.length > MAX_REPORTED_ERRORS) {
    lines.push(`…and ${issues.length - MAX_REPORTED_ERRORS} more problems`);
  }
  return lines;
}

/** Validates an already-parsed JSON value as a pack; `knownEntityIds` are the library's. */
export function parsePack(value: unknown, knownEntityIds?: ReadonlySet<string>): PackParseResult {
  const result = (knownEntityIds ? createPackSchema(knownEntityIds) : packSchema).safeParse(value);
  return result.success
    ? { ok: true, pack: result.data }
    : { ok: false, errors: describeIssues(result.error.issues) };
}

/** Validates pack text as read from a file: size, JSON syntax, then the schema. */
export function parsePackText(text: string, knownEntityIds?: ReadonlySet<string>): PackParseResult {
  if (text.length > MAX_PACK_BYTES) {
    return {
      ok: false,
      errors: [`The file is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB; packs must be smaller.`],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [`This is not a JSON file: ${(error as Error).message}`],
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: ['A pack is a JSON object with "format": "backstory.pack".'] };
  }
  return parsePack(value, knownEntityIds);
}
