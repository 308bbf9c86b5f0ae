// Shared value types of the analysis core. The core is a pure library: text in, findings out.
// Positions are UTF-16 offsets into the original text (as JS strings index them); adapters convert.

/** A half-open range [start, end) of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export type Locale = 'vi' | 'en';

/** Every user-facing string exists in both languages; adapters pick one. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** A text replacement. Applying it must never touch anything outside `span`. */
export interface Fix {
  span: Span;
  text: string;
  title: LocalizedText;
}

/** The other side of a contradiction, or where an inherited property came from. */
export interface RelatedLocation {
  /** Absent: the same document. Present: a document id (file path or URI) given to the engine. */
  documentId?: string;
  span: Span;
  message: LocalizedText;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  span: Span;
  message: LocalizedText;
  related?: RelatedLocation[];
  fix?: Fix;
}

export function pick(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.vi;
}
