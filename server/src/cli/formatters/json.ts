// `--format json`: the shape issue 2 defines, built through its zod schema.

import { jsonReportSchema } from '../json-schema.js';
import type { CheckReport } from '../report.js';

export function formatJson(report: CheckReport): string {
  const value = jsonReportSchema.parse({
    files: report.files.map((f) => ({
      path: f.path,
      diagnostics: f.diagnostics.map(({ fixable: _fixable, ...d }) => d),
      ...(f.output !== undefined ? { output: f.output } : {}),
    })),
  });
  return JSON.stringify(value, null, 2) + '\n';
}
