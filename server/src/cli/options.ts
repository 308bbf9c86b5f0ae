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

export interface ConvertOptions {
  command: 'convert';
  locale: Locale;
  path: string;
  output?: string;
  maxFileSize?: number;
}

export type ParsedCommand =
  | CheckOptions
  | TargetsOptions
  | ConvertOptions
  | { command: 'help'; locale: Locale; topic?: CommandName }
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
  const [command, ...paths] = parsed.positionals;
  // `vanban help [COMMAND]`, `vanban COMMAND --help`, `vanban --help`.
  if (command === 'help' || v.help) {
    const topic = command === 'help' ? paths[0] : command;
    if (topic === undefined) return { command: 'help', locale };
    if (!(COMMANDS as readonly string[]).includes(topic)) return usage(msg.unknownCommand(topic));
    return { command: 'help', locale, topic: topic as CommandName };
  }
  if (v.version) return { command: 'version', locale };

  if (command === undefined) return usage(msg.noCommand());
  if (command !== 'check' && command !== 'targets' && command !== 'convert') return usage(msg.unknownCommand(command));

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

  if (command === 'convert') {
    const misplaced = [...CHECK_ONLY, 'format', 'config', 'color', 'no-color'].find((o) => v[o as keyof typeof v] !== undefined);
    if (misplaced) return usage({ vi: `--${misplaced} không dùng với lệnh convert`, en: `--${misplaced} does not apply to the convert command` });
    if (paths.length !== 1) return usage(msg.convertNeedsOneFile());
    return {
      command: 'convert',
      locale,
      path: paths[0]!,
      ...(v.output !== undefined ? { output: v.output } : {}),
      ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    };
  }

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

export const COMMANDS = ['check', 'targets', 'links', 'register', 'dashboard', 'convert'] as const;
export type CommandName = (typeof COMMANDS)[number];

type Text = { vi: string; en: string };

/** Each command: its usage lines (what `vanban` lists) and a paragraph for `vanban help COMMAND`. */
const COMMAND_HELP: Record<CommandName, { usage: Text[]; about: Text }> = {
  check: {
    usage: [{ vi: 'vanban check [TỆP|THƯ MỤC|MẪU…]    kiểm tra văn bản (.md, .markdown, .txt, .docx); mặc định: .', en: 'vanban check [FILES|DIRS|GLOBS…]   check documents (.md, .markdown, .txt, .docx); default: .' }],
    about: {
      vi: 'Kiểm tra từng văn bản và in các vấn đề tìm thấy. Thư mục được duyệt đệ quy (bỏ qua node_modules và\nthư mục ẩn); mẫu (glob) đặt trong dấu nháy do vanban tự mở rộng. Khi không tìm thấy văn bản nào, vanban\nbáo "không tìm thấy văn bản nào" và trả về 2.',
      en: 'Checks each document and prints its findings. Directories are searched recursively (skipping\nnode_modules and hidden folders); quoted globs are expanded by vanban itself. When no document is\nfound, vanban says "no documents found" and exits 2.',
    },
  },
  targets: {
    usage: [
      { vi: 'vanban targets TỆP…                liệt kê các chỉ tiêu của văn bản', en: 'vanban targets FILE…               list the targets (chỉ tiêu) a document states' },
      { vi: 'vanban targets THƯ_MỤC…            với thư mục: sổ theo dõi chỉ tiêu (như vanban register)', en: 'vanban targets DIR…                with a directory: the register (as vanban register)' },
    ],
    about: {
      vi: 'Mỗi chỉ tiêu một dòng: dòng, trụ cột, năm, so sánh, giá trị, chỉ tiêu (-f table | json | csv).',
      en: 'One row per target: line, pillar, year, comparator, value, indicator (-f table | json | csv).',
    },
  },
  links: {
    usage: [{ vi: 'vanban links THƯ_MỤC…              báo cáo nào báo cáo về nghị quyết nào, và vì sao', en: 'vanban links DIR…                  which report reports on which resolution, and why' }],
    about: {
      vi: 'Liên kết báo cáo với nghị quyết theo số và ngày được trích dẫn, theo chỉ tiêu trùng nhau, hoặc theo\n"links" trong .vanbanrc.json (-f table | json). Xem docs/dashboard.md.',
      en: 'Links reports to resolutions by the number and date they cite, by shared indicators, or by "links"\nin .vanbanrc.json (-f table | json). See docs/dashboard.md.',
    },
  },
  register: {
    usage: [
      { vi: 'vanban register THƯ_MỤC…           sổ theo dõi chỉ tiêu: kết quả mới nhất, đạt hay chưa', en: 'vanban register DIR…               every target with its latest result and whether it is met' },
      { vi: '                                   (-f table | csv | json)', en: '                                   (-f table | csv | json)' },
    ],
    about: {
      vi: 'Mỗi chỉ tiêu của các nghị quyết, kế hoạch với kết quả mới nhất mà báo cáo liên kết nêu và trạng thái\n(Đạt, Chưa đạt, Chưa xác định, Chưa có số liệu). CSV có BOM để Excel đọc đúng tiếng Việt.',
      en: 'Every target of the resolutions and plans with the latest result the linked reports state and its\nstatus (met, not met, undetermined, no data). The CSV has a BOM so that Excel reads Vietnamese.',
    },
  },
  convert: {
    usage: [{ vi: 'vanban convert TỆP.docx [-o T.md]   chuyển văn bản Word thành Markdown mà vanban đọc', en: 'vanban convert FILE.docx [-o F.md]  the Markdown vanban reads from a Word document' }],
    about: {
      vi: 'Ghi văn bản Word dưới dạng Markdown đúng như vanban đọc nó: số thứ tự tự động của Word (I., 1.1., a)),\nbảng (ô gộp), chú thích cuối trang. Dòng và cột trong kết quả của vanban check với tệp .docx là dòng và\ncột của văn bản này.',
      en: "Writes a Word document as the Markdown vanban reads: Word's automatic numbering (I., 1.1., a)), tables\n(merged cells), footnotes. The lines and columns vanban check reports for a .docx are those of this text.",
    },
  },
  dashboard: {
    usage: [{ vi: 'vanban dashboard THƯ_MỤC… -o T.html  bảng theo dõi chỉ tiêu dạng trang HTML', en: 'vanban dashboard DIR… -o F.html    the targets against their results as one HTML page' }],
    about: {
      vi: 'Một trang HTML độc lập (không script, không tải gì khi xem); liên kết tới văn bản là đường dẫn tương\nđối so với tệp HTML. Xem docs/dashboard.md.',
      en: 'One self-contained HTML page (no script, no request at view time); links to the documents are\nrelative to the HTML file. See docs/dashboard.md.',
    },
  },
};

/** Options and the commands they apply to (all: every command). */
const OPTION_HELP: { commands: readonly CommandName[] | 'all'; text: Text }[] = [
  { commands: ['check', 'targets', 'links', 'register'], text: { vi: '-f, --format TÊN         check: stylish (mặc định) | json | sarif | github | junit\n                         targets: table (mặc định) | json | csv', en: '-f, --format NAME        check: stylish (default) | json | sarif | github | junit\n                         targets: table (default) | json | csv' } },
  { commands: 'all', text: { vi: '-o, --output TỆP         ghi kết quả vào TỆP thay vì đầu ra chuẩn', en: '-o, --output FILE        write the report to FILE instead of standard output' } },
  { commands: ['check', 'targets', 'links', 'register', 'dashboard'], text: { vi: '-c, --config ĐƯỜNG_DẪN   dùng tệp cấu hình này (không tìm .vanbanrc.json)', en: '-c, --config PATH        use this configuration file (no .vanbanrc.json discovery)' } },
  { commands: 'all', text: { vi: '    --locale vi|en       ngôn ngữ thông báo (mặc định: vi; en khi LC_ALL/LC_MESSAGES/LANG là tiếng Anh)', en: '    --locale vi|en       message language (default: vi; en when LC_ALL/LC_MESSAGES/LANG is English)' } },
  { commands: ['check'], text: { vi: '    --max-warnings N     trả về 1 khi có hơn N cảnh báo', en: '    --max-warnings N     exit 1 when there are more than N warnings' } },
  { commands: ['check'], text: { vi: '-q, --quiet              chỉ báo lỗi', en: '-q, --quiet              report errors only' } },
  { commands: ['check'], text: { vi: '    --fix                sửa tự động các vấn đề có cách sửa, ghi vào tệp', en: '    --fix                apply the fixes findings carry, in place' } },
  { commands: ['check'], text: { vi: '    --fix-dry-run        xem --fix sẽ sửa gì, không ghi tệp', en: '    --fix-dry-run        show what --fix would change, write nothing' } },
  { commands: ['check'], text: { vi: '    --no-inline-config   bỏ qua chú thích <!-- vanban-disable … -->', en: '    --no-inline-config   ignore <!-- vanban-disable … --> comments' } },
  { commands: ['check'], text: { vi: '    --stdin              đọc một văn bản từ đầu vào chuẩn', en: '    --stdin              read one document from standard input' } },
  { commands: ['check'], text: { vi: '    --stdin-filename T   tên của văn bản đó (cho thông báo và cấu hình)', en: '    --stdin-filename F   name of that document (for messages and configuration)' } },
  { commands: 'all', text: { vi: '    --max-file-size N    báo lỗi và bỏ qua tệp lớn hơn (mặc định 20MB)', en: '    --max-file-size N    skip larger files with an error (default 20MB)' } },
  { commands: ['check'], text: { vi: '-j, --jobs N             kiểm tra trên N luồng (mặc định: số lõi, khi có nhiều tệp)', en: '-j, --jobs N             check on N threads (default: the cores, when there are many files)' } },
  { commands: ['check', 'targets'], text: { vi: '    --color, --no-color  bật hoặc tắt màu (mặc định: có màu khi in ra terminal)', en: '    --color, --no-color  force or forbid colour (default: colour on a terminal)' } },
  { commands: 'all', text: { vi: '-h, --help               hiện hướng dẫn này', en: '-h, --help               show this help' } },
  { commands: 'all', text: { vi: '-v, --version            hiện phiên bản', en: '-v, --version            show the version' } },
];

const FORMATS_OF: Partial<Record<CommandName, Text>> = {
  links: { vi: '-f, --format TÊN         table (mặc định) | json', en: '-f, --format NAME        table (default) | json' },
  register: { vi: '-f, --format TÊN         table (mặc định) | csv | json', en: '-f, --format NAME        table (default) | csv | json' },
  targets: { vi: '-f, --format TÊN         table (mặc định) | json | csv', en: '-f, --format NAME        table (default) | json | csv' },
  check: { vi: '-f, --format TÊN         stylish (mặc định) | json | sarif | github | junit', en: '-f, --format NAME        stylish (default) | json | sarif | github | junit' },
};

const EXIT_STATUS: Text = {
  vi: 'Mã thoát: 0 không có lỗi, 1 có vấn đề mức lỗi (hoặc quá nhiều cảnh báo), 2 lỗi cách dùng hoặc\nđầu vào (tệp không có, không tìm thấy văn bản nào, không đọc được, nhị phân, sai mã hoá; cấu hình hỏng).',
  en: 'Exit status: 0 no errors, 1 findings at error severity (or too many warnings), 2 usage or\ninput errors (missing files, no documents found, unreadable, binary or invalid files; broken configuration).',
};

/** `vanban --help`, `vanban help`: every command; `vanban help COMMAND`: that command's usage and options. */
export function helpText(locale: Locale, version: string, command?: CommandName): string {
  const t = (text: Text) => (locale === 'en' ? text.en : text.vi);
  const indent = (text: string) => text.split('\n').map((l) => `  ${l}`).join('\n');
  const heading = t({ vi: 'Cách dùng:', en: 'Usage:' });
  const optionsHeading = t({ vi: 'Tuỳ chọn:', en: 'Options:' });
  const docs = t({ vi: 'Tài liệu: docs/cli.md, docs/dashboard.md', en: 'Documentation: docs/cli.md, docs/dashboard.md' });
  if (command === undefined) {
    return [
      `vanban ${version} — ${t({ vi: 'kiểm tra nghị quyết, báo cáo về chuyển đổi số', en: 'checks Vietnamese digital-transformation resolutions and reports' })}`,
      '',
      heading,
      ...COMMANDS.flatMap((c) => COMMAND_HELP[c].usage.map((u) => indent(t(u)))),
      indent(t({ vi: 'vanban help [LỆNH]                 hướng dẫn chi tiết của một lệnh', en: 'vanban help [COMMAND]              the help of one command' })),
      '',
      optionsHeading,
      ...OPTION_HELP.map((o) => indent(t(o.text))),
      '',
      t(EXIT_STATUS),
      docs,
      '',
    ].join('\n');
  }
  const help = COMMAND_HELP[command];
  const options = OPTION_HELP.filter((o) => o.commands === 'all' || o.commands.includes(command)).map((o) =>
    o.text.en.startsWith('-f,') ? (FORMATS_OF[command] ?? o.text) : o.text,
  );
  if (command === 'dashboard') options.unshift({ vi: '-o, --output TỆP         tệp HTML cần ghi', en: '-o, --output FILE        the HTML file to write' });
  const seen = new Set<string>();
  const lines = options.map((o) => t(o)).filter((l) => {
    const key = l.slice(0, 20);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [
    `vanban ${version} — ${command}`,
    '',
    heading,
    ...help.usage.map((u) => indent(t(u))),
    '',
    t(help.about),
    '',
    optionsHeading,
    ...lines.map(indent),
    '',
    t(EXIT_STATUS),
    docs,
    '',
  ].join('\n');
}
