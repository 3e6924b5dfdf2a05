/**
 * Well-formed XML, checked in two parts: fast-xml-parser's XMLValidator for the structure (tags,
 * attributes, entities), and the `Char` production of XML 1.0 (§2.2) for the characters, which
 * the validator does not check: `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
 */
import { XMLValidator } from 'fast-xml-parser';

const XML_CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

/** The characters XML 1.0 forbids that occur in `text`, as U+XXXX (empty when there are none). */
export function forbiddenXmlChars(text: string): string[] {
  if (XML_CHARS.test(text)) return [];
  const bad: string[] = [];
  // A lone surrogate is one unit of the string: walk by code unit pairs as the u flag would.
  for (const char of text) if (!XML_CHARS.test(char)) bad.push(`U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return bad;
}

/** true, or what is wrong: the validator's error, or the forbidden characters found. */
export function xmlWellFormed(document: string): true | string {
  const structure = XMLValidator.validate(document);
  if (structure !== true) return JSON.stringify(structure.err);
  const bad = forbiddenXmlChars(document);
  return bad.length === 0 ? true : `characters XML 1.0 forbids: ${bad.join(' ')}`;
}
