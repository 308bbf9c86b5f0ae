// Every user-facing string of the CLI, in Vietnamese (the users' language) and English.

import type { Locale, LocalizedText, Severity } from '../core/types.js';

/**
 * The default locale is Vietnamese. English is chosen only when the POSIX locale variables, read in
 * their usual precedence (LC_ALL, then LC_MESSAGES, then LANG), name an English locale: a CI runner
 * with `LANG=C.UTF-8` still speaks Vietnamese, an English-speaking reviewer with `LANG=en_US.UTF-8`
 * gets English. `--locale` overrides both.
 */
export function detectLocale(env: NodeJS.ProcessEnv): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.@-]|$)/i.test(value) ? 'en' : 'vi';
}

export function tr(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.vi;
}

const SEVERITY_NAMES: Record<Severity, LocalizedText> = {
  error: { vi: 'lỗi', en: 'error' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  information: { vi: 'thông tin', en: 'info' },
  hint: { vi: 'gợi ý', en: 'hint' },
};

export function severityName(severity: Severity, locale: Locale): string {
  return tr(SEVERITY_NAMES[severity], locale);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const msg = {
  progress: (done: number, total: number): LocalizedText => ({
    vi: `vanban: đã kiểm tra ${done}/${total} tệp…`,
    en: `vanban: checked ${done}/${total} files…`,
  }),
  fileNotFound: (): LocalizedText => ({ vi: 'không tìm thấy tệp hoặc thư mục', en: 'no such file or directory' }),
  noMatches: (): LocalizedText => ({ vi: 'không có tệp nào khớp mẫu', en: 'no files match the pattern' }),
  /** A directory (or a glob's matches) with nothing to check: none there, or every one ignored. */
  noDocumentsFound: (ignored: number): LocalizedText =>
    ignored > 0
      ? {
          vi: `không tìm thấy văn bản nào để kiểm tra (${ignored} tệp bị bỏ qua theo "ignore" trong cấu hình)`,
          en: `no documents found (${plural(ignored, 'file is', 'files are')} ignored by the configuration's "ignore")`,
        }
      : { vi: 'không tìm thấy văn bản nào (.md, .markdown, .txt, .docx)', en: 'no documents found (.md, .markdown, .txt, .docx)' },
  notRegularFile: (): LocalizedText => ({ vi: 'không phải tệp thông thường', en: 'not a regular file' }),
  unreadable: (reason: string): LocalizedText => ({ vi: `không đọc được tệp (${reason})`, en: `cannot read file (${reason})` }),
  tooLarge: (size: string, limit: string): LocalizedText => ({
    vi: `tệp quá lớn (${size}, giới hạn ${limit}; đổi bằng --max-file-size hoặc "maxFileSize")`,
    en: `file too large (${size}, limit ${limit}; change it with --max-file-size or "maxFileSize")`,
  }),
  tooLargeForMemory: (size: string, limit: string): LocalizedText => ({
    vi: `tệp quá lớn để phân tích với bộ nhớ hiện có (${size}, tối đa ${limit})`,
    en: `file too large to analyse in the available memory (${size}, at most ${limit})`,
  }),
  symlinkLoop: (): LocalizedText => ({ vi: 'liên kết tượng trưng tạo thành vòng lặp', en: 'symbolic link loop' }),
  binary: (kind: string | undefined): LocalizedText => ({
    vi: `tệp nhị phân${kind ? ` (có vẻ là ${kind})` : ''}, không phải văn bản; hãy chuyển sang Markdown hoặc văn bản thuần`,
    en: `binary file${kind ? ` (looks like ${kind})` : ''}, not text; convert it to Markdown or plain text`,
  }),
  convertNeedsOneFile: (): LocalizedText => ({ vi: 'lệnh convert cần đúng một tệp .docx', en: 'the convert command takes exactly one .docx file' }),
  convertNotWord: (): LocalizedText => ({ vi: 'không phải tệp Word (.docx)', en: 'not a Word (.docx) file' }),
  invalidUtf8: (line: number, byte: number): LocalizedText => ({
    vi: `mã hoá UTF-8 không hợp lệ ở dòng ${line} (byte ${byte}); hãy lưu tệp dưới dạng UTF-8`,
    en: `invalid UTF-8 at line ${line} (byte ${byte}); save the file as UTF-8`,
  }),
  invalidUtf16: (): LocalizedText => ({
    vi: 'mã hoá UTF-16 không hợp lệ (có BOM UTF-16 nhưng nội dung hỏng)',
    en: 'invalid UTF-16 (UTF-16 BOM but malformed content)',
  }),
  writeFailed: (reason: string): LocalizedText => ({ vi: `không ghi được tệp (${reason})`, en: `cannot write file (${reason})` }),
  outputIsInput: (): LocalizedText => ({
    vi: 'không ghi báo cáo đè lên một văn bản đang kiểm tra; hãy chọn tệp khác cho --output',
    en: 'will not write the report over a document being checked; choose another file for --output',
  }),
  changedWhileFixing: (): LocalizedText => ({
    vi: 'tệp đã thay đổi kể từ khi được đọc; không ghi bản sửa (chạy lại --fix)',
    en: 'the file changed since it was read; fixes not written (run --fix again)',
  }),
  ruleFailed: (ruleId: string, error: string): LocalizedText => ({
    vi: `quy tắc ${ruleId} gặp lỗi nội bộ: ${error}`,
    en: `rule ${ruleId} failed internally: ${error}`,
  }),
  ignoredExplicit: (): LocalizedText => ({
    vi: 'bỏ qua: tệp khớp mẫu "ignore" trong cấu hình',
    en: 'skipped: the file matches an "ignore" pattern of the configuration',
  }),
  usage: (detail: string): LocalizedText => ({
    vi: `${detail} (xem vanban --help)`,
    en: `${detail} (see vanban --help)`,
  }),
  unknownCommand: (name: string): LocalizedText => ({ vi: `lệnh không hợp lệ: "${name}"`, en: `unknown command: "${name}"` }),
  noCommand: (): LocalizedText => ({
    vi: 'thiếu lệnh: check, targets, links, register, dashboard hoặc convert',
    en: 'missing command: check, targets, links, register, dashboard or convert',
  }),
  badOptionValue: (option: string, value: string, expected: string): LocalizedText => ({
    vi: `giá trị không hợp lệ cho --${option}: "${value}" (cần: ${expected})`,
    en: `invalid value for --${option}: "${value}" (expected: ${expected})`,
  }),
  conflictingOptions: (a: string, b: string): LocalizedText => ({
    vi: `không dùng được --${a} cùng với --${b}`,
    en: `--${a} cannot be used together with --${b}`,
  }),
  needsOption: (a: string, b: string): LocalizedText => ({ vi: `--${a} cần có --${b}`, en: `--${a} requires --${b}` }),
  stdinWithFiles: (): LocalizedText => ({
    vi: 'không dùng được --stdin cùng với danh sách tệp',
    en: '--stdin cannot be used together with file arguments',
  }),
  targetsNeedsFile: (): LocalizedText => ({ vi: 'lệnh targets cần ít nhất một tệp', en: 'the targets command needs at least one file' }),
  tooManyWarnings: (count: number, max: number): LocalizedText => ({
    vi: `quá nhiều cảnh báo: ${count} (tối đa cho phép --max-warnings ${max})`,
    en: `too many warnings: ${count} (maximum allowed by --max-warnings: ${max})`,
  }),
  internalError: (detail: string): LocalizedText => ({ vi: `lỗi nội bộ: ${detail}`, en: `internal error: ${detail}` }),
  summaryNoDocuments: (): LocalizedText => ({ vi: 'Không tìm thấy văn bản nào để kiểm tra.', en: 'No documents found to check.' }),
  summaryNoneChecked: (): LocalizedText => ({ vi: 'Không kiểm tra được văn bản nào.', en: 'No document could be checked.' }),
  summaryClean: (files: number): LocalizedText => ({
    vi: `Không có vấn đề nào trong ${files} tệp.`,
    en: `No problems in ${plural(files, 'file', 'files')}.`,
  }),
  summary: (total: number, counts: Record<Severity, number>, files: number): LocalizedText => ({
    vi: `${total} vấn đề (${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.information} thông tin, ${counts.hint} gợi ý) trong ${files} tệp.`,
    en: `${plural(total, 'problem', 'problems')} (${plural(counts.error, 'error', 'errors')}, ${plural(counts.warning, 'warning', 'warnings')}, ${counts.information} info, ${plural(counts.hint, 'hint', 'hints')}) in ${plural(files, 'file', 'files')}.`,
  }),
  uncheckedFiles: (n: number): LocalizedText => ({
    vi: `${n} tệp không kiểm tra được (xem thông báo lỗi).`,
    en: `${plural(n, 'file', 'files')} could not be checked (see the errors).`,
  }),
  fixedCount: (n: number): LocalizedText => ({ vi: `đã sửa ${n} vấn đề`, en: `fixed ${plural(n, 'problem', 'problems')}` }),
  wouldFix: (n: number): LocalizedText => ({ vi: `sẽ sửa ${n} vấn đề`, en: `would fix ${plural(n, 'problem', 'problems')}` }),
  noTargets: (): LocalizedText => ({ vi: '(không tìm thấy chỉ tiêu nào)', en: '(no targets found)' }),
};

export { analysisFailure } from '../core/document/limits.js';

export const TARGET_COLUMNS: Record<'line' | 'pillar' | 'year' | 'comparator' | 'value' | 'indicator', LocalizedText> = {
  line: { vi: 'Dòng', en: 'Line' },
  pillar: { vi: 'Trụ cột', en: 'Pillar' },
  year: { vi: 'Năm', en: 'Year' },
  comparator: { vi: 'So sánh', en: 'Comparator' },
  value: { vi: 'Giá trị', en: 'Value' },
  indicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
};
