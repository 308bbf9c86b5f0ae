// Reads the `vanban.*` settings and turns them into the `vanban` section the server reads
// (server/src/lsp/settings.ts): in `initializationOptions.settings`, in answers to
// `workspace/configuration`, and in `workspace/didChangeConfiguration`.
import * as vscode from 'vscode';

export type Locale = 'vi' | 'en';
export type RuleSetting = 'off' | 'hint' | 'information' | 'warning' | 'error';
export type Trace = 'off' | 'messages' | 'verbose';

export interface ServerSettings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  /** Already resolved against the editor's display language: never "auto". */
  locale: Locale;
  trace: { server: Trace };
  /** Globs of files to check even when their title is not recognised as a policy document. */
  include: string[];
  /** Milliseconds of quiet after an edit before re-analysis (`vanban.debounceMs`). */
  debounce: number;
  /** Most files the server's workspace index reads (`vanban.index.maxFiles`); 0 turns it off. */
  index: { maxFiles: number };
}

const RULE_SETTINGS = new Set<string>(['off', 'hint', 'information', 'warning', 'error']);
const TRACES = new Set<string>(['off', 'messages', 'verbose']);
export const DEFAULT_DEBOUNCE_MS = 250;
export const DEFAULT_INDEX_MAX_FILES = 2000;

/** "auto" follows the editor's display language: Vietnamese for `vi…`, English otherwise. */
export function resolveLocale(setting: string | undefined, displayLanguage: string): Locale {
  if (setting === 'vi' || setting === 'en') return setting;
  return /^vi\b/i.test(displayLanguage) ? 'vi' : 'en';
}

export function readSettings(scope?: vscode.ConfigurationScope): ServerSettings {
  const config = vscode.workspace.getConfiguration('vanban', scope);
  const rules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(config.get<Record<string, unknown>>('rules') ?? {})) {
    // Settings UI validation is advisory; never pass the server a severity it cannot read.
    if (typeof value === 'string' && RULE_SETTINGS.has(value)) rules[id] = value as RuleSetting;
  }
  const debounce = config.get<number>('debounceMs');
  const trace = config.get<string>('trace.server') ?? 'off';
  const include = config.get<unknown[]>('include') ?? [];
  const maxFiles = config.get<number>('index.maxFiles');
  return {
    enable: config.get<boolean>('enable') ?? true,
    rules,
    locale: resolveLocale(config.get<string>('locale'), vscode.env.language),
    trace: { server: TRACES.has(trace) ? (trace as Trace) : 'off' },
    include: include.filter((g): g is string => typeof g === 'string'),
    debounce: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? debounce : DEFAULT_DEBOUNCE_MS,
    index: {
      maxFiles: typeof maxFiles === 'number' && Number.isFinite(maxFiles) && maxFiles >= 0 ? Math.floor(maxFiles) : DEFAULT_INDEX_MAX_FILES,
    },
  };
}
