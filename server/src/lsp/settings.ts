// Client settings (`vanban.*`) as the server uses them, and the core configuration they produce.

import { defaultConfig, type CoreConfig } from '../core/config.js';
import type { Locale, SeveritySetting } from '../core/types.js';

export type LocaleSetting = 'auto' | 'vi' | 'en';

export interface VanbanSettings {
  enable: boolean;
  /** Rule id → severity, overriding the configuration file. */
  rules: Record<string, SeveritySetting>;
  locale: LocaleSetting;
  trace: 'off' | 'messages' | 'verbose';
  /** Extra documents to check even when their title is not recognised (globs on the file path). */
  include: string[];
  /** Milliseconds of quiet after an edit before re-analysis. */
  debounce: number;
  /** Most files the workspace index reads (`vanban.index.maxFiles`); 0 turns the index off. */
  indexMaxFiles: number;
}

export const DEFAULT_DEBOUNCE_MS = 150;
export const DEFAULT_INDEX_MAX_FILES = 2000;

export function defaultSettings(): VanbanSettings {
  return { enable: true, rules: {}, locale: 'auto', trace: 'off', include: [], debounce: DEFAULT_DEBOUNCE_MS, indexMaxFiles: DEFAULT_INDEX_MAX_FILES };
}

const SEVERITIES = new Set<string>(['off', 'hint', 'information', 'warning', 'error']);

/** Reads whatever the client sent (a `vanban` section, possibly partial or null) into settings. */
export function readSettings(raw: unknown, fallback: VanbanSettings = defaultSettings()): VanbanSettings {
  if (!isRecord(raw)) return fallback;
  const out: VanbanSettings = { ...fallback, rules: { ...fallback.rules } };
  if (typeof raw.enable === 'boolean') out.enable = raw.enable;
  if (isRecord(raw.rules)) {
    out.rules = {};
    for (const [id, severity] of Object.entries(raw.rules)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) out.rules[id] = severity as SeveritySetting;
    }
  }
  if (raw.locale === 'auto' || raw.locale === 'vi' || raw.locale === 'en') out.locale = raw.locale;
  const trace = isRecord(raw.trace) ? raw.trace.server : raw['trace.server'];
  if (trace === 'off' || trace === 'messages' || trace === 'verbose') out.trace = trace;
  if (Array.isArray(raw.include)) out.include = raw.include.filter((g): g is string => typeof g === 'string');
  if (typeof raw.debounce === 'number' && Number.isFinite(raw.debounce) && raw.debounce >= 0) out.debounce = raw.debounce;
  const maxFiles = isRecord(raw.index) ? raw.index.maxFiles : raw['index.maxFiles'];
  if (typeof maxFiles === 'number' && Number.isFinite(maxFiles) && maxFiles >= 0) out.indexMaxFiles = Math.floor(maxFiles);
  return out;
}

/** `vi` for a Vietnamese client (`vi`, `vi-VN`), `en` otherwise; the setting wins over the client. */
export function resolveLocale(setting: LocaleSetting, clientLocale: string | undefined): Locale {
  if (setting !== 'auto') return setting;
  return clientLocale !== undefined && /^vi\b/i.test(clientLocale) ? 'vi' : 'en';
}

/** The configuration file's settings (when there is one) with the editor's rule severities on top. */
export function coreConfigFor(settings: VanbanSettings, fromFile: CoreConfig | undefined): CoreConfig {
  const base = fromFile ?? defaultConfig();
  return { ...base, rules: { ...base.rules, ...settings.rules } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
