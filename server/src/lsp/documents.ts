// The open documents' texts, kept packed while they are dormant.
//
// A JS string holding Vietnamese is two bytes per character (ạ, ề, đ are beyond Latin-1): an 84 kB
// report file is a 130 kB string, the largest thing an open document costs once its analysis has
// dropped the model (server/src/lsp/analyses.ts). While a document is dormant (its analysis dropped
// the model: not among the few the user moves between) its text is kept packed (pack.ts: 25 kB for
// that file), and unpacked again when anything reads it. A read decodes once for the current turn of the event loop
// (whoever reads a text tends to read it many times: positions, ranges), then the bytes are kept
// again. An edit wakes the document for good.
//
// A text with a lone surrogate (possible mid-edit, when a client splits a character) is kept as it
// is: UTF-8 cannot hold it.

import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { canPack, pack, unpack, type Packed } from './pack.js';
import { TextDocument, type Position, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export class OpenDocument implements TextDocument {
  private full?: TextDocument;
  private packed?: Packed;
  private dormant = false;
  private repackScheduled = false;
  /** The version and line count while packed (the TextDocument itself is not kept then). */
  private stored = { version: 0, lineCount: 0 };

  constructor(
    readonly uri: string,
    readonly languageId: string,
    full: TextDocument,
  ) {
    this.full = full;
  }

  get version(): number {
    return (this.full ?? this.stored).version;
  }

  get lineCount(): number {
    return this.full ? this.full.lineCount : this.stored.lineCount;
  }

  getText(range?: Range): string {
    return this.document().getText(range);
  }

  positionAt(offset: number): Position {
    return this.document().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.document().offsetAt(position);
  }

  getLineRange(line: number): Range {
    return this.document().getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.document().getEOLCharacters(line);
  }

  /** Applies the changes in order. A position past the last line means the end of the document
   *  and one before the first its start, as the protocol reads them: the library's text agrees,
   *  but its line table would go wrong and misplace every later edit. */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    this.dormant = false;
    const document = this.document();
    for (const change of changes) {
      const event = 'range' in change ? { ...change, range: { start: inside(document, change.range.start), end: inside(document, change.range.end) } } : change;
      TextDocument.update(document, [event], version);
    }
    if (changes.length === 0) TextDocument.update(document, [], version);
  }

  /** Dormant: keep the text packed from now on (until an edit); awake: keep it as a string. */
  setDormant(dormant: boolean): void {
    this.dormant = dormant;
    if (dormant) this.pack();
  }

  /** The text is held packed right now. */
  get isPacked(): boolean {
    return this.packed !== undefined;
  }

  private document(): TextDocument {
    if (this.full) return this.full;
    const full = TextDocument.create(this.uri, this.languageId, this.stored.version, unpack(this.packed!));
    this.full = full;
    this.packed = undefined;
    if (this.dormant && !this.repackScheduled) {
      this.repackScheduled = true;
      setImmediate(() => {
        this.repackScheduled = false;
        if (this.dormant) this.pack();
      });
    }
    return full;
  }

  private pack(): void {
    const full = this.full;
    if (!full) return;
    const text = full.getText();
    if (!canPack(text)) return;
    this.stored = { version: full.version, lineCount: full.lineCount };
    this.packed = pack(text);
    this.full = undefined;
  }
}

function inside(document: TextDocument, position: Position): Position {
  if (position.line < 0) return { line: 0, character: 0 };
  if (position.line >= document.lineCount) return document.positionAt(document.getText().length);
  return position;
}

/** For `new TextDocuments(OPEN_DOCUMENTS)`: the open documents as OpenDocument. */
export const OPEN_DOCUMENTS: TextDocumentsConfiguration<OpenDocument> = {
  create: (uri, languageId, version, content) => new OpenDocument(uri, languageId, TextDocument.create(uri, languageId, version, content)),
  update(document, changes, version) {
    document.update(changes, version);
    return document;
  },
};
