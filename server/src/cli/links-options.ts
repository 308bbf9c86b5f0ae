// The cross-document commands — `vanban links`, `vanban register`, `vanban dashboard` — parsed here
// so that the `check`/`targets` parser stays as it is. Same conventions: node:util parseArgs, every
// mistake one usage line and exit status 2.

import { parseArgs } from 'node:util';
import { parseByteSize } from '../config/schema.js';
import type { Locale, LocalizedText } from '../core/types.js';
import { COMMON_OPTIONS } from './options.js';
import { detectLocale, msg, tr } from './messages.js';

export const WORKSPACE_COMMANDS = ['links', 'register', 'dashboard'] as const;
export type WorkspaceCommandName = (typeof WORKSPACE_COMMANDS)[number];

const FORMATS: Record<WorkspaceCommandName, readonly string[]> = {
  links: ['table', 'json'],
  register: ['table', 'csv', 'json'],
  dashboard: ['html'],
};

export interface WorkspaceOptions {
  command: WorkspaceCommandName;
  locale: Locale;
  paths: string[];
  format: string;
  configPath?: string;
  output?: string;
  maxFileSize?: number;
}

const OPTIONS = {
  ...COMMON_OPTIONS,
  'max-file-size': { type: 'string' },
} as const;

/**
 * Undefined when the command line is not one of these commands (the caller goes on with its own
 * parser, which also answers --help and --version); otherwise the options or a usage error.
 */
export function parseWorkspaceCommandLine(
  argv: string[],
  env: NodeJS.ProcessEnv,
): WorkspaceOptions | { command: 'usage-error'; locale: Locale; message: LocalizedText } | undefined {
  // Find the command with a lenient pass: option values must not be taken for it.
  let loose;
  try {
    loose = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false });
  } catch {
    return undefined;
  }
  const name = loose.positionals[0];
  if (!(WORKSPACE_COMMANDS as readonly string[]).includes(name ?? '') || loose.values.help || loose.values.version) return undefined;
  const command = name as WorkspaceCommandName;
  const localeValue = typeof loose.values.locale === 'string' ? loose.values.locale : undefined;
  const locale: Locale = localeValue === 'vi' || localeValue === 'en' ? localeValue : detectLocale(env);
  const usage = (message: LocalizedText) => ({ command: 'usage-error' as const, locale, message });
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return usage({ vi: text, en: text });
  }
  const v = parsed.values;
  if (v.locale !== undefined && v.locale !== 'vi' && v.locale !== 'en') return usage(msg.badOptionValue('locale', v.locale, 'vi | en'));
  const format = v.format ?? FORMATS[command][0]!;
  if (!FORMATS[command].includes(format)) return usage(msg.badOptionValue('format', format, FORMATS[command].join(' | ')));
  let maxFileSize: number | undefined;
  if (v['max-file-size'] !== undefined) {
    maxFileSize = parseByteSize(v['max-file-size']);
    if (maxFileSize === undefined) return usage(msg.badOptionValue('max-file-size', v['max-file-size'], '20MB, 512KB, 1048576'));
  }
  return {
    command,
    locale,
    paths: parsed.positionals.slice(1),
    format,
    ...(v.config !== undefined ? { configPath: v.config } : {}),
    ...(v.output !== undefined ? { output: v.output } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
  };
}
