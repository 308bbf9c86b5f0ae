// Command line → validated options. node:util parseArgs does the tokenising; the rules of which
// options go together live here, and every mistake becomes a one-line usage error.

import { parseArgs } from 'node:util';
import { parseByteSize } from '../config/schema.js';
import type { Locale, LocalizedText } from '../core/types.js';
import { detectLocale, msg } from './messages.js';

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export const TARGET_FORMATS = ['table', 'json', 'csv'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export type TargetsFormat = (typeof TARGET_FORMATS)[number];

interface Common {
  locale: Locale;
  paths: string[];
  configPath?: string;
  output?: string;
  maxFileSize?: number;
  color?: boolean;
}

export interface CheckOptions extends Common {
  command: 'check';
  format: CheckFormat;
  maxWarnings?: number;
  quiet: boolean;
  inlineConfig: boolean;
  fix: 'none' | 'write' | 'dry-run';
  stdin: boolean;
  stdinFilename?: string;
  /** Threads to check files on; undefined: as many as the work is worth (parallel.ts). */
  jobs?: number;
}

export interface TargetsOptions extends Common {
  command: 'targets';
  format: TargetsFormat;
}

export type ParsedCommand =
  | CheckOptions
  | TargetsOptions
  | { command: 'help'; locale: Locale }
  | { command: 'version'; locale: Locale }
  | { command: 'usage-error'; locale: Locale; message: LocalizedText };

/** The options every `vanban` command takes (parsed with node:util parseArgs). */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  locale: { type: 'string' },
} as const;

const OPTIONS = {
  ...COMMON_OPTIONS,
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-inline-config': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'max-file-size': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

const CHECK_ONLY = ['jobs', 'max-warnings', 'quiet', 'no-inline-config', 'fix', 'fix-dry-run', 'stdin', 'stdin-filename'] as const;

export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): ParsedCommand {
  let locale = detectLocale(env);
  const localeAt = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const early = localeAt === -1 ? undefined : argv[localeAt]!.includes('=') ? argv[localeAt]!.split('=')[1] : argv[localeAt + 1];
  if (early === 'vi' || early === 'en') locale = early;
  const usage = (message: LocalizedText): ParsedCommand => ({ command: 'usage-error', locale, message });

  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(argumentError(error));
  }
  const v = parsed.values;
  if (v.locale !== undefined && v.locale !== 'vi' && v.locale !== 'en') return usage(msg.badOptionValue('locale', v.locale, 'vi | en'));
  if (v.help) return { command: 'help', locale };
  if (v.version) return { command: 'version', locale };

  const [command, ...paths] = parsed.positionals;
  if (command === undefined) return usage(msg.noCommand());
  if (command !== 'check' && command !== 'targets') return usage(msg.unknownCommand(command));

  let maxFileSize: number | undefined;
  if (v['max-file-size'] !== undefined) {
    maxFileSize = parseByteSize(v['max-file-size']);
    if (maxFileSize === undefined) return usage(msg.badOptionValue('max-file-size', v['max-file-size'], '20MB, 512KB, 1048576'));
  }
  if (v.color && v['no-color']) return usage(msg.conflictingOptions('color', 'no-color'));
  const common: Common = {
    locale,
    paths,
    ...(v.config !== undefined ? { configPath: v.config } : {}),
    ...(v.output !== undefined ? { output: v.output } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(v.color ? { color: true } : v['no-color'] ? { color: false } : {}),
  };

  if (command === 'targets') {
    const misplaced = CHECK_ONLY.find((o) => v[o] !== undefined);
    if (misplaced) return usage({ vi: `--${misplaced} chỉ dùng với lệnh check`, en: `--${misplaced} only applies to the check command` });
    const format = v.format ?? 'table';
    if (!(TARGET_FORMATS as readonly string[]).includes(format)) return usage(msg.badOptionValue('format', format, TARGET_FORMATS.join(' | ')));
    if (paths.length === 0) return usage(msg.targetsNeedsFile());
    return { ...common, command: 'targets', format: format as TargetsFormat };
  }

  const format = v.format ?? 'stylish';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) return usage(msg.badOptionValue('format', format, CHECK_FORMATS.join(' | ')));
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(v['max-warnings'])) return usage(msg.badOptionValue('max-warnings', v['max-warnings'], '0, 1, 2 …'));
    maxWarnings = Number(v['max-warnings']);
  }
  let jobs: number | undefined;
  if (v.jobs !== undefined) {
    if (!/^[1-9]\d{0,2}$/.test(v.jobs)) return usage(msg.badOptionValue('jobs', v.jobs, '1, 2, 4 …'));
    jobs = Number(v.jobs);
  }
  if (v.fix && v['fix-dry-run']) return usage(msg.conflictingOptions('fix', 'fix-dry-run'));
  if (v.stdin && v.fix) return usage(msg.conflictingOptions('fix', 'stdin'));
  if (v.stdin && paths.length > 0) return usage(msg.stdinWithFiles());
  if (v['stdin-filename'] !== undefined && !v.stdin) return usage(msg.needsOption('stdin-filename', 'stdin'));
  return {
    ...common,
    command: 'check',
    format: format as CheckFormat,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    quiet: v.quiet ?? false,
    inlineConfig: !v['no-inline-config'],
    fix: v.fix ? 'write' : v['fix-dry-run'] ? 'dry-run' : 'none',
    stdin: v.stdin ?? false,
    ...(v['stdin-filename'] !== undefined ? { stdinFilename: v['stdin-filename'] } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
  };
}

function argumentError(error: unknown): LocalizedText {
  const e = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(e.message ?? '')?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { vi: `tuỳ chọn không hợp lệ: ${option}`, en: `unknown option: ${option}` };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message ?? '')
        ? { vi: `thiếu giá trị cho ${option}`, en: `missing value for ${option}` }
        : { vi: `${option} không nhận giá trị`, en: `${option} does not take a value` };
    default:
      return { vi: e.message ?? String(error), en: e.message ?? String(error) };
  }
}

export function helpText(locale: Locale, version: string): string {
  if (locale === 'en') {
    return `vanban ${version} — checks Vietnamese digital-transformation resolutions and reports

Usage:
  vanban check [FILES|DIRS|GLOBS…]   check documents (.md, .markdown, .txt); default: .
  vanban targets FILE…               list the targets (chỉ tiêu) a document states
  vanban targets DIR…                with a directory: the register (as vanban register)
  vanban links DIR…                  which report reports on which resolution, and why
  vanban register DIR…               every target with its latest result and whether it is met
                                     (-f table | csv | json)
  vanban dashboard DIR… -o F.html    the targets against their results as one HTML page

Options:
  -f, --format NAME        check: stylish (default) | json | sarif | github | junit
                           targets: table (default) | json | csv
  -o, --output FILE        write the report to FILE instead of standard output
  -c, --config PATH        use this configuration file (no .vanbanrc.json discovery)
      --locale vi|en       message language (default: vi; en when LC_ALL/LC_MESSAGES/LANG is English)
      --max-warnings N     exit 1 when there are more than N warnings
  -q, --quiet              report errors only
      --fix                apply the fixes findings carry, in place
      --fix-dry-run        show what --fix would change, write nothing
      --no-inline-config   ignore <!-- vanban-disable … --> comments
      --stdin              read one document from standard input
      --stdin-filename F   name of that document (for messages and configuration)
      --max-file-size N    skip larger files with an error (default 20MB)
  -j, --jobs N             check on N threads (default: the cores, when there are many files)
      --color, --no-color  force or forbid colour (default: colour on a terminal)
  -h, --help               show this help
  -v, --version            show the version

Exit status: 0 no errors, 1 findings at error severity (or too many warnings), 2 usage or
input errors (missing, unreadable, binary or invalid files; broken configuration).
Documentation: docs/cli.md, docs/dashboard.md
`;
  }
  return `vanban ${version} — kiểm tra nghị quyết, báo cáo về chuyển đổi số

Cách dùng:
  vanban check [TỆP|THƯ MỤC|MẪU…]    kiểm tra văn bản (.md, .markdown, .txt); mặc định: .
  vanban targets TỆP…                liệt kê các chỉ tiêu của văn bản
  vanban targets THƯ_MỤC…            với thư mục: sổ theo dõi chỉ tiêu (như vanban register)
  vanban links THƯ_MỤC…              báo cáo nào báo cáo về nghị quyết nào, và vì sao
  vanban register THƯ_MỤC…           sổ theo dõi chỉ tiêu: kết quả mới nhất, đạt hay chưa
                                     (-f table | csv | json)
  vanban dashboard THƯ_MỤC… -o T.html  bảng theo dõi chỉ tiêu dạng trang HTML

Tuỳ chọn:
  -f, --format TÊN         check: stylish (mặc định) | json | sarif | github | junit
                           targets: table (mặc định) | json | csv
  -o, --output TỆP         ghi kết quả vào TỆP thay vì đầu ra chuẩn
  -c, --config ĐƯỜNG_DẪN   dùng tệp cấu hình này (không tìm .vanbanrc.json)
      --locale vi|en       ngôn ngữ thông báo (mặc định: vi; en khi LC_ALL/LC_MESSAGES/LANG là tiếng Anh)
      --max-warnings N     trả về 1 khi có hơn N cảnh báo
  -q, --quiet              chỉ báo lỗi
      --fix                sửa tự động các vấn đề có cách sửa, ghi vào tệp
      --fix-dry-run        xem --fix sẽ sửa gì, không ghi tệp
      --no-inline-config   bỏ qua chú thích <!-- vanban-disable … -->
      --stdin              đọc một văn bản từ đầu vào chuẩn
      --stdin-filename T   tên của văn bản đó (cho thông báo và cấu hình)
      --max-file-size N    báo lỗi và bỏ qua tệp lớn hơn (mặc định 20MB)
  -j, --jobs N             kiểm tra trên N luồng (mặc định: số lõi, khi có nhiều tệp)
      --color, --no-color  bật hoặc tắt màu (mặc định: có màu khi in ra terminal)
  -h, --help               hiện hướng dẫn này
  -v, --version            hiện phiên bản

Mã thoát: 0 không có lỗi, 1 có vấn đề mức lỗi (hoặc quá nhiều cảnh báo), 2 lỗi cách dùng hoặc
đầu vào (tệp không có, không đọc được, nhị phân, sai mã hoá; cấu hình hỏng).
Tài liệu: docs/cli.md, docs/dashboard.md
`;
}
