// Finding, parsing and resolving `.vanbanrc.json`. Shared by the CLI and the language server:
// `loadConfigFor(documentPath)` gives the configuration that applies to a document, or the
// problems of the configuration file with exact ranges (for a diagnostic on that file in the editor,
// and `file:line:col: key: message` in the CLI).

import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync } from 'node:fs';
import { readAll } from '../io/read.js';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
// The ESM build: the package's UMD entry loads its modules through a dynamic require that bundlers
// cannot follow.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { DEFAULT_PILLARS, defaultConfig, type CoreConfig, type PillarDefinition } from '../core/config.js';
import { asciiKey, LineIndex, toneKey } from '../core/text.js';
import type { Locale, LocalizedText } from '../core/types.js';
import { describeIssue, type IssueLike } from './issues.js';
import { configSchema, formatByteSize, parseByteSize, type ConfigFile } from './schema.js';

export const CONFIG_FILE_NAME = '.vanbanrc.json';

/** 0-based, UTF-16 columns: the shape of an LSP range. */
export interface ConfigRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ConfigProblem {
  /** Absolute path of the configuration file. */
  file: string;
  range: ConfigRange;
  /** Dotted path of the offending key (`rules.target-year`, `pillars[1].name`); empty for the whole file. */
  key: string;
  message: LocalizedText;
}

export interface ResolvedConfig {
  /** Absolute path of the file it came from; undefined for the built-in defaults. */
  file?: string;
  /** Directory that relative paths and ignore patterns are relative to. */
  baseDir: string;
  core: CoreConfig;
  ignorePatterns: string[];
  /** Explicit report → resolution links, as absolute paths. */
  links: { report: string; resolution: string }[];
  /** Largest document checked, in bytes, when the file sets it. */
  maxFileSize?: number;
  /** Public address of the docs/ folder (SARIF helpUri), when the file sets it. */
  docsBaseUrl?: string;
  /** Whether a document is excluded by `ignore` (documents outside `baseDir` never are). */
  isIgnored(documentPath: string): boolean;
  /** Whether a document matches `include`: checked even when it is not recognised as a policy document. */
  isIncluded(documentPath: string): boolean;
  /** `core` with `checkUnrecognised` set, for the documents `include` matches. */
  includedCore: CoreConfig;
}

export type ConfigResult = { ok: true; config: ResolvedConfig } | { ok: false; file: string; problems: ConfigProblem[] };

export interface ParseConfigOptions {
  /** Used to report links to documents that do not exist; omitted, links are not checked. */
  fileExists?: (absolutePath: string) => boolean;
}

/** Parses and validates the text of a configuration file (which may be an unsaved editor buffer). */
export function parseConfigText(text: string, file: string, options: ParseConfigOptions = {}): ConfigResult {
  const locate = locator(text);
  // Before the parser and the schema, which both recurse: 3,000 nested arrays overflowed the stack.
  const tooDeep = nestingBeyond(text, MAX_CONFIG_NESTING);
  if (tooDeep >= 0) {
    return {
      ok: false,
      file,
      problems: [
        {
          file,
          range: locate(tooDeep, tooDeep + 1),
          key: '',
          message: {
            vi: `JSON lồng quá sâu (hơn ${MAX_CONFIG_NESTING} cấp)`,
            en: `JSON nested too deep (more than ${MAX_CONFIG_NESTING} levels)`,
          },
        },
      ],
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    // The parser goes on after a mistake and reports its consequences too (`{ rules: {} }` gave
    // four problems, `{ "rules": ` two at the same place): the first one, as JSON.parse would.
    return {
      ok: false,
      file,
      problems: errors.slice(0, 1).map((e) => ({ file, range: locate(e.offset, e.offset + e.length), key: '', message: parseErrorMessage(e) })),
    };
  }
  const value: unknown = tree === undefined ? {} : nodeValue(tree);
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .flatMap((issue) => describeIssue(issue as IssueLike, value))
      .map((p) => ({ file, range: rangeOf(tree, p.path, p.keyName, locate), key: keyString(p.path, p.keyName), message: p.message }))
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { ok: false, file, problems };
  }
  const problems: ConfigProblem[] = [];
  const baseDir = dirname(file);
  const links = (parsed.data.links ?? []).map((l, i) => {
    const report = resolve(baseDir, l.report);
    const resolution = resolve(baseDir, l.resolution);
    if (options.fileExists) {
      for (const [side, path] of [['report', report], ['resolution', resolution]] as const) {
        if (options.fileExists(path)) continue;
        const at = ['links', i, side];
        problems.push({
          file,
          range: rangeOf(tree, at, undefined, locate),
          key: keyString(at),
          message: { vi: `không tìm thấy tệp "${l[side]}"`, en: `file not found: "${l[side]}"` },
        });
      }
    }
    return { report, resolution };
  });
  const pillars = mergePillars(parsed.data.pillars ?? []);
  if (!Array.isArray(pillars)) {
    const at = ['pillars', pillars.index, 'id'];
    problems.push({
      file,
      range: rangeOf(tree, at, undefined, locate),
      key: keyString(at),
      message: { vi: `trùng mã trụ cột "${pillars.id}"`, en: `duplicate pillar id "${pillars.id}"` },
    });
  }
  if (problems.length > 0) return { ok: false, file, problems };
  return { ok: true, config: resolveConfig(parsed.data, file, links, pillars as PillarDefinition[]) };
}

/** Far deeper than any configuration needs (its schema is four levels deep). */
export const MAX_CONFIG_NESTING = 64;

/**
 * The offset of the first `[` or `{` opened deeper than `max`, or -1: one pass over the JSONC text
 * that skips strings and comments.
 */
function nestingBeyond(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: up to the closing quote, escapes skipped (an unterminated one is the parser's to report).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22 || d === 0x0a) break;
      }
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

function resolveConfig(
  data: ConfigFile,
  file: string,
  links: ResolvedConfig['links'],
  pillars: PillarDefinition[],
): ResolvedConfig {
  const core = defaultConfig();
  for (const [id, setting] of Object.entries(data.rules ?? {})) {
    if (setting === undefined) continue;
    if (typeof setting === 'string') core.rules[id] = setting;
    else {
      core.rules[id] = setting[0];
      core.ruleOptions[id] = setting[1] ?? {};
    }
  }
  core.pillars = pillars;
  core.indicatorSynonyms = data.indicatorSynonyms ?? [];
  core.tolerance = data.tolerance ?? 0;
  const baseDir = dirname(file);
  const ignorePatterns = data.ignore ?? [];
  return {
    file,
    baseDir,
    core,
    ignorePatterns,
    links,
    ...(data.maxFileSize !== undefined ? { maxFileSize: parseByteSize(data.maxFileSize)! } : {}),
    ...(data.docsBaseUrl !== undefined ? { docsBaseUrl: data.docsBaseUrl } : {}),
    isIgnored: ignoreMatcher(baseDir, ignorePatterns),
    isIncluded: ignoreMatcher(baseDir, data.include ?? []),
    includedCore: { ...core, checkUnrecognised: true },
  };
}

export function defaultResolvedConfig(baseDir: string): ResolvedConfig {
  const core = defaultConfig();
  return {
    baseDir,
    core,
    ignorePatterns: [],
    links: [],
    isIgnored: () => false,
    isIncluded: () => false,
    includedCore: { ...core, checkUnrecognised: true },
  };
}

function ignoreMatcher(baseDir: string, patterns: string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matcher = ignore().add(patterns);
  return (path) => {
    const rel = relative(baseDir, resolve(path));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    return matcher.ignores(rel.split(sep).join('/'));
  };
}

/** The standard pillars with the file's pillars merged in: same id or name → aliases added. */
function mergePillars(entries: NonNullable<ConfigFile['pillars']>): PillarDefinition[] | { index: number; id: string } {
  const pillars = DEFAULT_PILLARS.map((p) => ({ ...p, aliases: [...p.aliases], cues: [...(p.cues ?? [])] }));
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const id = entry.id ?? slug(entry.name);
    if (seen.has(id)) return { index, id };
    seen.add(id);
    const nameKey = toneKey(entry.name);
    const existing = pillars.find((p) => p.id === id || toneKey(p.name) === nameKey);
    const target: PillarDefinition & { cues: string[] } = existing ?? { id, name: entry.name, aliases: [], cues: [] };
    if (!existing) pillars.push(target);
    if (entry.group !== undefined) target.group = entry.group;
    for (const alias of entry.aliases ?? []) {
      if (!target.aliases.some((a) => toneKey(a) === toneKey(alias))) target.aliases.push(alias);
    }
    for (const cue of entry.cues ?? []) {
      if (!target.cues.some((a) => toneKey(a) === toneKey(cue))) target.cues.push(cue);
    }
  }
  return pillars;
}

function slug(name: string): string {
  return asciiKey(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'pillar';
}

/** Far larger than any configuration (a few kB); a 200 MB one aborted V8 (issue 16). */
export const MAX_CONFIG_SIZE = 1024 * 1024;

/** Opening never blocks: a FIFO given as --config waited for a writer for ever (issue 16). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The text of a configuration file, or why it cannot be read. */
function readConfigText(file: string): { text: string } | { message: LocalizedText } {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return {
      message:
        code === 'ENOENT'
          ? { vi: 'không tìm thấy tệp cấu hình', en: 'configuration file not found' }
          : code === 'ELOOP'
            ? { vi: 'liên kết tượng trưng tạo thành vòng lặp', en: 'symbolic link loop' }
            : { vi: `không đọc được tệp cấu hình (${code})`, en: `cannot read the configuration file (${code})` },
    };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { message: { vi: 'là một thư mục, không phải tệp cấu hình', en: 'is a directory, not a configuration file' } };
    if (!stat.isFile()) return { message: { vi: 'không phải tệp thông thường', en: 'not a regular file' } };
    if (stat.size > MAX_CONFIG_SIZE) {
      return {
        message: {
          vi: `tệp cấu hình quá lớn (${formatByteSize(stat.size)}, tối đa ${formatByteSize(MAX_CONFIG_SIZE)})`,
          en: `configuration file too large (${formatByteSize(stat.size)}, at most ${formatByteSize(MAX_CONFIG_SIZE)})`,
        },
      };
    }
    return { text: readAll(fd, stat.size).toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { message: { vi: `không đọc được tệp cấu hình (${code})`, en: `cannot read the configuration file (${code})` } };
  } finally {
    closeSync(fd);
  }
}

/** Reads and parses one configuration file. */
export function loadConfigFile(file: string): ConfigResult {
  const absolute = resolve(file);
  const read = readConfigText(absolute);
  if ('message' in read) {
    return { ok: false, file: absolute, problems: [{ file: absolute, range: locator('')(0, 0), key: '', message: read.message }] };
  }
  let text = read.text;
  // Editors do not count a BOM as a column.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseConfigText(text, absolute, { fileExists: (p) => existsSync(p) });
}

/**
 * The nearest `.vanbanrc.json` in the document's directory or above. Anything of that name counts:
 * a directory (or a FIFO) so named is reported by loadConfigFile rather than skipped silently.
 */
export function findConfigFile(documentPath: string): string | undefined {
  let dir = dirname(resolve(documentPath));
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (exists(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export interface LoadConfigOptions {
  /** An explicit configuration file (`--config`): discovery is skipped. */
  configPath?: string;
}

/** The configuration that applies to a document: `configPath`, else the nearest file, else defaults. */
export function loadConfigFor(documentPath: string, options: LoadConfigOptions = {}): ConfigResult {
  const file = options.configPath ?? findConfigFile(documentPath);
  if (file === undefined) return { ok: true, config: defaultResolvedConfig(dirname(resolve(documentPath))) };
  return loadConfigFile(file);
}

/** loadConfigFor with each configuration file read once (the CLI checks many documents). */
export class ConfigCache {
  private readonly byFile = new Map<string, ConfigResult>();
  private readonly byDir = new Map<string, string | undefined>();
  constructor(private readonly options: LoadConfigOptions = {}) {}

  for(documentPath: string): ConfigResult {
    const dir = dirname(resolve(documentPath));
    let file = this.options.configPath;
    if (file === undefined) {
      if (!this.byDir.has(dir)) this.byDir.set(dir, findConfigFile(documentPath));
      file = this.byDir.get(dir);
    }
    if (file === undefined) return { ok: true, config: defaultResolvedConfig(dir) };
    const key = resolve(file);
    let result = this.byFile.get(key);
    if (!result) {
      result = loadConfigFile(key);
      this.byFile.set(key, result);
    }
    return result;
  }
}

/** `path:line:col: key: message`, as the CLI prints a configuration problem. */
export function formatConfigProblem(problem: ConfigProblem, locale: Locale, displayPath: string): string {
  const where = `${displayPath}:${problem.range.start.line + 1}:${problem.range.start.character + 1}`;
  const text = locale === 'en' ? problem.message.en : problem.message.vi;
  return problem.key ? `${where}: ${problem.key}: ${text}` : `${where}: ${text}`;
}

// --- positions ---

type Locate = (start: number, end: number) => ConfigRange;

function locator(text: string): Locate {
  const lines = new LineIndex(text);
  return (start, end) => ({ start: lines.position(start), end: lines.position(end) });
}

/** The node a problem is about: the key itself for unknown keys, else the value, else its parent. */
function rangeOf(tree: Node | undefined, path: (string | number)[], keyName: string | undefined, locate: Locate): ConfigRange {
  if (!tree) return locate(0, 0);
  if (keyName !== undefined) {
    const owner = path.length === 0 ? tree : findNodeAtLocation(tree, path);
    const property = owner?.children?.find((p) => p.type === 'property' && p.children?.[0]?.value === keyName);
    const keyNode = property?.children?.[0];
    if (keyNode) return locate(keyNode.offset, keyNode.offset + keyNode.length);
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? tree : findNodeAtLocation(tree, path.slice(0, n));
    if (node) return locate(node.offset, node.offset + node.length);
  }
  return locate(0, 0);
}

function keyString(path: (string | number)[], keyName?: string): string {
  let out = '';
  for (const part of keyName === undefined ? path : [...path, keyName]) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

/** The value of a JSONC tree; duplicate keys keep the last value, as JSON.parse does. */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        // defineProperty, not assignment: `"__proto__": {…}` must be an own (and so unknown) key,
        // not the object's prototype, whose content the schema would then read as the file's.
        if (key && value) Object.defineProperty(out, String(key.value), { value: nodeValue(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

const PARSE_ERRORS: Record<string, LocalizedText> = {
  InvalidSymbol: { vi: 'ký tự không hợp lệ', en: 'invalid symbol' },
  PropertyNameExpected: { vi: 'cần tên khoá trong dấu ngoặc kép', en: 'property name expected (in double quotes)' },
  ValueExpected: { vi: 'cần một giá trị', en: 'value expected' },
  ColonExpected: { vi: 'cần dấu hai chấm ":"', en: 'colon ":" expected' },
  CommaExpected: { vi: 'cần dấu phẩy ","', en: 'comma "," expected' },
  CloseBraceExpected: { vi: 'thiếu dấu "}"', en: 'closing brace "}" expected' },
  CloseBracketExpected: { vi: 'thiếu dấu "]"', en: 'closing bracket "]" expected' },
  EndOfFileExpected: { vi: 'thừa nội dung sau giá trị', en: 'end of file expected' },
  UnexpectedEndOfString: { vi: 'chuỗi chưa được đóng', en: 'unterminated string' },
  UnexpectedEndOfComment: { vi: 'chú thích chưa được đóng', en: 'unterminated comment' },
};

function parseErrorMessage(error: ParseError): LocalizedText {
  const code = printParseErrorCode(error.error);
  const text = PARSE_ERRORS[code] ?? { vi: code, en: code };
  return { vi: `JSON không hợp lệ: ${text.vi}`, en: `invalid JSON: ${text.en}` };
}
