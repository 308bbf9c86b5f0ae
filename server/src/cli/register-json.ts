// The JSON shape of `vanban register --format json`, defined once with zod; kept apart from the
// command so that tests import it alone.

import { z } from 'zod';
import { lazy } from '../config/lazy.js';
import { comparatorSchema } from './json-schema.js';

/** Built on first use (config/lazy.ts): a run that prints no JSON does not load zod. */
export const jsonRegisterSchema = lazy(buildRegisterSchema);

function buildRegisterSchema() {
  const position = z.number().int().min(1);
  const status = z.enum(['met', 'unmet', 'unknown', 'no-data']);

  const jsonResultSchema = z.strictObject({
    path: z.string(),
    line: position,
    column: position,
    year: z.number().int(),
    text: z.string(),
    value: z.number().nullable(),
    comparator: comparatorSchema.nullable(),
    indicator: z.string(),
  });

  return z.strictObject({
    targets: z.array(
      z.strictObject({
        path: z.string(),
        line: position,
        column: position,
        document: z.string(),
        indicator: z.string(),
        text: z.string(),
        pillar: z.string().nullable(),
        year: z.number().int().nullable(),
        comparator: comparatorSchema.nullable(),
        value: z.strictObject({ text: z.string(), number: z.number(), kind: z.enum(['percent', 'count', 'fraction']), unit: z.string().nullable() }).nullable(),
        results: z.array(jsonResultSchema),
        latest: jsonResultSchema.nullable(),
        status,
      }),
    ),
    links: z.array(z.unknown()),
  });
}

export type JsonRegister = z.infer<typeof jsonRegisterSchema>;

