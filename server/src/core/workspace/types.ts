// Documents seen together: a resolution, the plan that implements it, the reports on it. The core
// stays pure: the adapters (CLI, language server) read the files and hand over parsed documents
// under ids of their choosing (absolute paths, URIs); the core never interprets an id.

import type { DocumentReference, PolicyDocument } from '../document/model.js';
import type { LocalizedText } from '../types.js';

export interface WorkspaceDocument {
  id: string;
  document: PolicyDocument;
}

/** A link stated in the configuration (`links` of .vanbanrc.json), as document ids. */
export interface ExplicitLink {
  report: string;
  resolution: string;
}

/**
 * What a rule may know of the other documents: the ids and models of the workspace (this document
 * may be among them; it is recognised by `id`) and the configured links. Given to `analyze` by the
 * adapters; absent when a document is checked alone.
 */
export interface WorkspaceContext {
  /** This document's id. */
  id: string;
  documents: readonly WorkspaceDocument[];
  links?: readonly ExplicitLink[];
}

export type LinkReason = 'number' | 'overlap' | 'config';

export interface IndicatorPair {
  /** The report's wording (a table row, or a target of the report). */
  report: string;
  /** The resolution target's indicator it matched. */
  resolution: string;
  score: number;
}

export type LinkEvidence =
  | { reason: 'config' }
  | { reason: 'number'; reference: DocumentReference; number: string; date?: string }
  | {
      reason: 'overlap';
      /** Report indicators that match one of the resolution's targets, of `of`. */
      matched: number;
      of: number;
      /** Similarity of the titles' subjects (`về chuyển đổi số tỉnh Đồng Tháp`), 0–1; undefined when either has none. */
      titleSimilarity?: number;
      pairs: IndicatorPair[];
    };

export interface DocumentLink {
  status: 'linked';
  report: string;
  resolution: string;
  reason: LinkReason;
  evidence: LinkEvidence;
  message: LocalizedText;
}

export interface AmbiguousLink {
  status: 'ambiguous';
  report: string;
  /** The step that found more than one resolution. */
  reason: LinkReason;
  candidates: string[];
  message: LocalizedText;
}

export interface NoLink {
  status: 'unlinked';
  report: string;
  message: LocalizedText;
}

export type LinkOutcome = DocumentLink | AmbiguousLink | NoLink;
