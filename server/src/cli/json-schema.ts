// The machine-readable outputs of the CLI, defined once with zod: the formatters build their
// output through these schemas, and the tests validate what the binary prints against them.

import { z } from 'zod';
import { lazy } from '../config/lazy.js';

// Built on first use (config/lazy.ts): a run that prints no JSON does not load zod.
const schemas = once(() => {
  const position = z.number().int().min(1);

  const jsonRelatedSchema = z.strictObject({
    path: z.string(),
    line: position,
    column: position,
    message: z.string(),
  });

  const jsonDiagnosticSchema = z.strictObject({
    ruleId: z.string(),
    severity: z.enum(['error', 'warning', 'information', 'hint']),
    message: z.string(),
    /** 1-based; columns count UTF-16 code units; the end is exclusive. */
    line: position,
    column: position,
    endLine: position,
    endColumn: position,
    related: z.array(jsonRelatedSchema),
    /**
     * Documents read from Word (.docx): where the finding is in Word (the line and column above are
     * those of the converted text, `vanban convert`) and a short quote of the text there.
     */
    word: z
      .strictObject({
        /** `đoạn 12`, `bảng 2, hàng 3, ô 4`, `chú thích 1` (English with --locale en). */
        location: z.string(),
        paragraph: position.optional(),
        table: position.optional(),
        row: position.optional(),
        cell: position.optional(),
        footnote: position.optional(),
        snippet: z.string(),
      })
      .optional(),
  });

  const jsonFileSchema = z.strictObject({
    path: z.string(),
    diagnostics: z.array(jsonDiagnosticSchema),
    /** Only with --fix-dry-run, for a document the fixes would change: its fixed text. */
    output: z.string().optional(),
  });

  /** `vanban check --format json`. */
  const jsonReportSchema = z.strictObject({ files: z.array(jsonFileSchema) });


  const comparatorSchema = z.enum(['gt', 'gte', 'lt', 'lte', 'eq', 'maintain', 'approx']);
  const source = z.enum(['clause', 'section', 'document', 'column']);

  const jsonTargetSchema = z.strictObject({
    line: position,
    column: position,
    endLine: position,
    endColumn: position,
    /** The target's plain text. */
    text: z.string(),
    indicator: z.string(),
    pillar: z.string().nullable(),
    pillarSource: source.nullable(),
    /** Where an inherited pillar was read: the heading's line and words (`Phổ cập kỹ năng số`). */
    pillarFrom: z.strictObject({ line: position, text: z.string() }).nullable(),
    year: z.number().int().nullable(),
    yearSource: source.nullable(),
    /** Where the year was read when not in the target itself (a heading, the Phần, the title, a column). */
    yearFrom: z.strictObject({ line: position, text: z.string() }).nullable(),
    comparator: comparatorSchema.nullable(),
    value: z
      .strictObject({
        kind: z.enum(['percent', 'count', 'fraction']),
        /** As written: `55%`, `700 doanh nghiệp`, `862.509/834.204`. */
        text: z.string(),
        number: z.number(),
        unit: z.string().nullable(),
      })
      .nullable(),
    origin: z.enum(['bullet', 'clause', 'heading-tail', 'numbered-item', 'table-cell']),
  });

  /** `vanban targets --format json`. */
  const jsonTargetsSchema = z.strictObject({
    files: z.array(z.strictObject({ path: z.string(), targets: z.array(jsonTargetSchema) })),
  });
  return { jsonRelatedSchema, jsonDiagnosticSchema, jsonFileSchema, jsonReportSchema, comparatorSchema, jsonTargetSchema, jsonTargetsSchema };
});

export const jsonRelatedSchema = lazy(() => schemas().jsonRelatedSchema);
export const jsonDiagnosticSchema = lazy(() => schemas().jsonDiagnosticSchema);
export const jsonFileSchema = lazy(() => schemas().jsonFileSchema);
export const jsonReportSchema = lazy(() => schemas().jsonReportSchema);
export const comparatorSchema = lazy(() => schemas().comparatorSchema);
export const jsonTargetSchema = lazy(() => schemas().jsonTargetSchema);
export const jsonTargetsSchema = lazy(() => schemas().jsonTargetsSchema);

export type JsonReport = z.infer<typeof jsonReportSchema>;
export type JsonDiagnostic = z.infer<typeof jsonDiagnosticSchema>;
export type JsonTarget = z.infer<typeof jsonTargetSchema>;
export type JsonTargets = z.infer<typeof jsonTargetsSchema>;

function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
