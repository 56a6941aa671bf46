/** The pack format as JSON Schema, for tools outside Backstory (docs/pack.schema.json). */
import { z } from 'zod';
import { packSchema } from './pack';

/** JSON Schema of a pack as read (the cross-reference checks are in `parsePack`). */
export function packJsonSchema(): unknown {
  return z.toJSONSchema(packSchema, { io: 'input', unrepresentable: 'any' });
}
