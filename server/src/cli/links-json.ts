// The JSON shape of `vanban links --format json` (and of the links in `vanban register --format
// json`), defined once with zod; kept apart from the command so that tests import it alone.

import { z } from 'zod';
import { lazy } from '../config/lazy.js';
import type { Locale } from '../core/types.js';
import type { LinkOutcome } from '../core/workspace/index.js';
import { tr } from './messages.js';

/** Built on first use (config/lazy.ts): a run that prints no JSON does not load zod. */
export const jsonLinksSchema = lazy(() =>
  z.strictObject({
    links: z.array(
      z.strictObject({
        report: z.string(),
        status: z.enum(['linked', 'ambiguous', 'unlinked']),
        resolution: z.string().nullable(),
        reason: z.enum(['number', 'overlap', 'config']).nullable(),
        candidates: z.array(z.string()),
        message: z.string(),
        evidence: z
          .strictObject({
            number: z.string().optional(),
            date: z.string().optional(),
            matched: z.number().int().optional(),
            of: z.number().int().optional(),
            titleSimilarity: z.number().optional(),
            pairs: z.array(z.strictObject({ report: z.string(), resolution: z.string(), score: z.number() })).optional(),
          })
          .nullable(),
      }),
    ),
  }),
);

export type JsonLinks = z.infer<typeof jsonLinksSchema>;

export function linksToJson(outcomes: LinkOutcome[], pathOf: (id: string) => string, locale: Locale): JsonLinks {
  return jsonLinksSchema.parse({
    links: outcomes.map((o) => ({
      report: pathOf(o.report),
      status: o.status,
      resolution: o.status === 'linked' ? pathOf(o.resolution) : null,
      reason: o.status === 'unlinked' ? null : o.reason,
      candidates: o.status === 'ambiguous' ? o.candidates.map(pathOf) : [],
      message: tr(o.message, locale),
      evidence:
        o.status !== 'linked'
          ? null
          : o.evidence.reason === 'number'
            ? { number: o.evidence.number, ...(o.evidence.date ? { date: o.evidence.date } : {}) }
            : o.evidence.reason === 'overlap'
              ? {
                  matched: o.evidence.matched,
                  of: o.evidence.of,
                  ...(o.evidence.titleSimilarity !== undefined ? { titleSimilarity: o.evidence.titleSimilarity } : {}),
                  pairs: o.evidence.pairs,
                }
              : {},
    })),
  });
}

