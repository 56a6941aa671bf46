import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from './json-schema';

const FILE = new URL('../../docs/pack.schema.json', import.meta.url);

describe('docs/pack.schema.json', () => {
  it('matches the zod schema (run with UPDATE_SCHEMA=1 to rewrite it)', () => {
    const current = `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) writeFileSync(FILE, current);
    expect(readFileSync(FILE, 'utf8')).toBe(current);
  });
});
