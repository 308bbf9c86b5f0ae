// Text -> PolicyDocument. (Being written: outline, targets, footnotes, appendices.)
import type { CoreConfig } from '../config.js';
import { LineIndex } from '../text.js';
import type { PolicyDocument } from './model.js';

export function parseDocument(text: string, _config: CoreConfig): PolicyDocument {
  return {
    text,
    lines: new LineIndex(text),
    plainLines: [],
    kind: 'unknown',
    references: [],
    sections: [],
    outline: [],
    targets: [],
    footnoteRefs: [],
    footnoteDefs: [],
    appendices: [],
    appendixRefs: [],
    tables: [],
  };
}
