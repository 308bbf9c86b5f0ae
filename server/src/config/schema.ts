// The schema of `.vanbanrc.json`, written once: it validates the file (CLI and language server) and
// generates schemas/vanbanrc.schema.json (scripts/gen-schema.mjs) that the editor uses to complete
// and validate the file. Rule ids come from the core's registry, so a new rule is configurable
// (and completed in the editor) as soon as it is registered.

import { z } from 'zod';
import { rules } from '../core/rules/index.js';
import { lazy, unwrap } from './lazy.js';

export const SEVERITY_SETTINGS = ['off', 'hint', 'information', 'warning', 'error'] as const;

/** `20MB`, `512 KB`, `1048576`: a size in bytes with an optional binary unit. */
export const BYTE_SIZE = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?\s*$/i;

/** Built on first use (lazy.ts): most runs read no configuration file. */
export const configSchema = lazy(buildConfigSchema);

function buildConfigSchema() {
  const severity = z.enum(SEVERITY_SETTINGS).describe('Mức độ / Severity: off | hint | information | warning | error');

  const ruleSetting = z.union([
    severity,
    z.tuple([severity, z.record(z.string(), z.unknown()).optional().describe('Tuỳ chọn của quy tắc / Rule options')]),
  ]);

  function rulesShape() {
    return Object.fromEntries(
      rules.map((rule) => [
        rule.id,
        ruleSetting.optional().describe(`${rule.description.vi} — ${rule.description.en} (default: ${rule.defaultSeverity})`),
      ]),
    );
  }

  const pillar = z.strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case')
      .optional()
      .describe('Mã trụ cột (mặc định: suy ra từ tên) / Pillar id (default: derived from the name)'),
    name: z.string().trim().min(1).describe('Tên trụ cột, ví dụ "Chính quyền số" / Display name, e.g. "Chính quyền số"'),
    aliases: z
      .array(z.string().trim().min(1))
      .optional()
      .describe('Cách gọi khác trong văn bản / Other names used in documents'),
    cues: z
      .array(z.string().trim().min(1))
      .optional()
      .describe('Cụm từ trong tiêu đề mục đưa mục đó vào trụ cột này ("kỹ năng số") / Heading phrases that put a section under this pillar'),
    group: z
      .boolean()
      .optional()
      .describe('Nhóm chỉ tiêu ngoài ba trụ cột (như "Hạ tầng số") / A group of targets besides the three pillars (like "Hạ tầng số")'),
  });

  const link = z.strictObject({
    report: z.string().min(1).describe('Báo cáo (đường dẫn tương đối với tệp cấu hình) / Report path, relative to this file'),
    resolution: z.string().min(1).describe('Nghị quyết được báo cáo / The resolution it reports on'),
  });

  return z
    .strictObject({
      $schema: z.string().optional(),
      rules: z
        .strictObject(rulesShape())
        .optional()
        .describe('Mức độ và tuỳ chọn của từng quy tắc: "warning" hoặc ["warning", { … }] / Rule severities and options'),
      pillars: z
        .array(pillar)
        .optional()
        .describe(
          'Trụ cột bổ sung, hoặc tên gọi khác của trụ cột chuẩn (Chính quyền số, Kinh tế số, Xã hội số) / Extra pillars, or aliases of the standard ones',
        ),
      indicatorSynonyms: z
        .array(z.array(z.string().trim().min(1)).min(2))
        .optional()
        .describe('Nhóm các cách diễn đạt cùng một chỉ tiêu / Groups of wordings that name the same indicator'),
      tolerance: z
        .number()
        .min(0)
        .optional()
        .describe('Sai số cho phép thêm vào độ chính xác của số liệu (mặc định 0) / Extra tolerance on top of stated precision (default 0)'),
      ignore: z
        .array(z.string().min(1))
        .optional()
        .describe('Mẫu bỏ qua kiểu .gitignore, tương đối với tệp cấu hình / .gitignore-style patterns, relative to this file'),
      include: z
        .array(z.string().min(1))
        .optional()
        .describe(
          'Tệp luôn được kiểm tra như văn bản chính sách, kể cả khi không nhận ra loại văn bản (mẫu kiểu .gitignore) / Files always checked as policy documents, even when their kind is not recognised (.gitignore-style patterns)',
        ),
      links: z
        .array(link)
        .optional()
        .describe('Liên kết tường minh báo cáo → nghị quyết / Explicit report → resolution links'),
      maxFileSize: z
        .union([z.number().int().positive(), z.string().regex(BYTE_SIZE, 'size such as "20MB"')])
        .optional()
        .describe('Kích thước tệp tối đa (mặc định "20MB") / Largest file checked (default "20MB")'),
      docsBaseUrl: z
        .string()
        .regex(/^https?:\/\/\S+$/, 'http(s) URL')
        .optional()
        .describe(
          'Địa chỉ công khai của thư mục docs/ (ví dụ https://example.org/vanban/docs/): báo cáo SARIF dẫn tới trang quy tắc ở đó (helpUri) / Public address of the docs/ folder: SARIF reports link each rule\'s page there (helpUri)',
        ),
    })
    .describe('Cấu hình Vanban / Vanban configuration');
}

export type ConfigFile = z.infer<typeof configSchema>;

/** Bytes of a size written as `20MB` or a number; undefined when malformed. */
export function parseByteSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  const m = BYTE_SIZE.exec(value);
  if (!m) return undefined;
  const unit = (m[2] ?? 'B').toUpperCase();
  const factor = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[unit]!;
  const bytes = Math.round(Number(m[1]) * factor);
  return bytes > 0 ? bytes : undefined;
}

export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** The JSON Schema shipped with the extension (draft-07: what VS Code's JSON service understands best). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(unwrap(configSchema), { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return { ...schema, title: '.vanbanrc.json' };
}
