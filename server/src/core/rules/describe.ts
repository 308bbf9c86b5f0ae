// Short quotations of the document for messages, so that a message names what it is about.
import type { Target } from '../document/model.js';

export function quote(text: string, max = 70): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + '…';
}

export function targetName(target: Target): string {
  return quote(target.text);
}
