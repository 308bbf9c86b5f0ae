// Reads the `vanban.*` settings and resolves them into what the server receives.
import * as vscode from 'vscode';

export type Locale = 'vi' | 'en';
export type RuleSetting = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** The settings object the server sees, in `initializationOptions`, in answers to
 *  `workspace/configuration` for section `vanban`, and in `workspace/didChangeConfiguration`. */
export interface ServerSettings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  /** Already resolved: never "auto". */
  locale: Locale;
  debounceMs: number;
}

const RULE_SETTINGS = new Set<string>(['off', 'hint', 'information', 'warning', 'error']);
export const DEFAULT_DEBOUNCE_MS = 250;

/** "auto" follows the editor's display language: Vietnamese for `vi…`, English otherwise. */
export function resolveLocale(setting: string | undefined, displayLanguage: string): Locale {
  if (setting === 'vi' || setting === 'en') return setting;
  return displayLanguage.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export function readSettings(scope?: vscode.ConfigurationScope): ServerSettings {
  const config = vscode.workspace.getConfiguration('vanban', scope);
  const rules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(config.get<Record<string, unknown>>('rules') ?? {})) {
    // Settings UI validation is advisory; never pass the server a severity it cannot read.
    if (typeof value === 'string' && RULE_SETTINGS.has(value)) rules[id] = value as RuleSetting;
  }
  const debounce = config.get<number>('debounceMs');
  return {
    enable: config.get<boolean>('enable') ?? true,
    rules,
    locale: resolveLocale(config.get<string>('locale'), vscode.env.language),
    debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? debounce : DEFAULT_DEBOUNCE_MS,
  };
}
