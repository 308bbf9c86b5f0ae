// Documents for the cross-document tests: fixtures of test/fixtures/workspace and the seeds, parsed
// under ids that name them.
import { defaultConfig, parseDocument } from '../../server/src/core/index.js';
import type { WorkspaceDocument } from '../../server/src/core/workspace/index.js';
import { fixture, seed } from '../helpers.js';

export const LONG_DIEN_RESOLUTION = 'nghi-quyet-long-dien.md';
export const LONG_DIEN_REPORT = 'bao-cao-long-dien.md';
export const HA_LAM_RESOLUTION = 'nghi-quyet-ha-lam.md';
export const HA_LAM_REPORT = 'bao-cao-ha-lam.md';
export const QUARTERLY_REPORT = 'bao-cao-quy-i.md';

export function fixtureText(name: string): string {
  return fixture(`workspace/${name}`);
}

export function doc(id: string, text: string): WorkspaceDocument {
  return { id, document: parseDocument(text, defaultConfig()) };
}

export function fixtureDoc(name: string, id = name): WorkspaceDocument {
  return doc(id, fixtureText(name));
}

export function allFixtures(): WorkspaceDocument[] {
  return [LONG_DIEN_RESOLUTION, LONG_DIEN_REPORT, HA_LAM_RESOLUTION, HA_LAM_REPORT, QUARTERLY_REPORT].map((n) => fixtureDoc(n));
}

/** A seed parsed under its file name, or undefined when the seeds are absent. */
export function seedDoc(name: string, text = seed(name)): WorkspaceDocument | undefined {
  return text === undefined ? undefined : doc(name, text);
}

/** 1-based line of an offset. */
export function lineOf(d: WorkspaceDocument, offset: number): number {
  return d.document.lines.position(offset).line + 1;
}

/** 1-based line of the first line containing `needle`. */
export function lineContaining(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, at).split('\n').length;
}
