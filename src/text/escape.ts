/**
 * Inert text: one escaper per kind of output, so that a title, a key, a file name or a line of a
 * source file is shown as the characters it is made of and never acts as markup, a link, a terminal
 * command, a spreadsheet formula or a CI command. Every writer of logi takes its escaper from here
 * (docs/output-safety.md explains the choices).
 *
 * - terminal: control characters (C0 but the layout ones a caller keeps, DEL, C1), bidirectional
 *   overrides and isolates, and lone surrogates become visible escapes (`\x1b`, `\u202e`);
 * - XML and SVG: the five special characters as entities, the code points XML 1.0 forbids dropped;
 * - HTML: as XML, so that a page that inlines SVG stays readable by an XML parser too;
 * - Markdown: no raw HTML, no table break, no emphasis or link syntax; links only for safe URLs;
 * - CSV: RFC 4180 quoting, and a `'` before a cell a spreadsheet would read as a formula;
 * - GitHub workflow commands: `%`, CR and LF in data, also `:` and `,` in properties;
 * - JSON printed to a terminal: DEL, C1 and bidi controls as `\u` escapes (JSON.stringify already
 *   escapes C0 and lone surrogates), which leaves the value unchanged for every JSON reader.
 */

/** True for the code points XML 1.0 does not allow in a document: most C0 controls, lone surrogates, U+FFFE, U+FFFF. */
export function isXmlForbidden(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff;
}

// eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Drops the code points XML 1.0 forbids from text that is already markup: an SVG drawn by a library
 * (vega writes titles and labels with their control characters) before it is inlined in a page or
 * written to a file. Those characters can mean nothing in a document, so nothing is lost.
 */
export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/**
 * Escapes the five XML special characters, and drops the code points XML 1.0 forbids (C0 controls
 * other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF): one of those would make the whole
 * document ill-formed, and no reader can see them anyway. Safe in element content and in single- or
 * double-quoted attribute values.
 */
export function escapeXml(text: string): string {
  let out = '';
  // Iterating by code point keeps a surrogate pair whole: only a lone half is one "character" here.
  for (const char of String(text)) {
    const code = char.codePointAt(0) ?? 0;
    if (isXmlForbidden(code)) continue;
    switch (char) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&#39;';
        break;
      default:
        out += char;
    }
  }
  return out;
}

/**
 * Escapes text for HTML element content and quoted attribute values. The same as XML: HTML would
 * tolerate the control characters, but the report page inlines SVG and the memo sheet is printed
 * by a browser, and both stay well-formed when no forbidden character gets in.
 */
export function escapeHtml(text: string): string {
  return escapeXml(text);
}

/** C0, DEL, C1, the bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069), and lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface TerminalEscapeOptions {
  /**
   * Control characters the caller's layout needs, passed through as they are: newline and tab by
   * default; `''` for a single line (a table cell, a file name).
   */
  keep?: string;
}

/**
 * Text for a terminal: every character that a terminal would act on (ESC starts colour, cursor and
 * OSC 8 hyperlink sequences, BEL rings, CR overwrites the line, C1 controls are the 8-bit forms of
 * the escape sequences) or that would reorder what is shown (Trojan Source bidi controls) is written
 * as a visible escape: `\x1b` for C0 and DEL, `\u009b` for C1, bidi controls and lone surrogates. A
 * backslash the user wrote stays as it is: the output is for reading (file paths keep their `\`);
 * `--format json` gives the exact text.
 */
export function escapeTerminal(text: string, options: TerminalEscapeOptions = {}): string {
  const keep = options.keep ?? '\n\t';
  return String(text).replace(TERMINAL_UNSAFE, (char) => {
    if (keep.includes(char)) return char;
    const code = char.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** DEL, C1, bidi controls and the JavaScript line terminators U+2028/U+2029: the characters JSON.stringify leaves raw that a terminal would act on. */
const JSON_RAW_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON text (from JSON.stringify) made inert for a terminal: the characters above become `\uXXXX`
 * escapes. They can only occur inside strings, where the escape means the same character, so every
 * JSON reader gets the same value.
 */
export function jsonForTerminal(json: string): string {
  return json.replace(JSON_RAW_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Escapes text for Markdown: a paragraph, a heading, a list item or a table cell. No raw HTML (`<`,
 * `>` and `&` as entities), no column break (`|`), no emphasis, code or link syntax (`\`, `` ` ``,
 * `*`, `_`, `[`, `]` backslash-escaped), no line break (a newline becomes a space), and no character
 * XML forbids (Markdown is turned into HTML, and nobody can see them).
 */
export function escapeMarkdown(text: string): string {
  return stripXmlForbidden(String(text))
    .replace(/\r\n?|\n/g, ' ')
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The schemes a source's `url` may use: web pages and DOIs. Anything else (javascript:, data:, file:…) is never written as a link. */
const SAFE_URL = /^(?:https?:\/\/|doi:)/i;

/** True when a source's url is one logi writes as a link: `http://…`, `https://…` or `doi:…` (lint: source-url-scheme). */
export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url);
}

/** Characters CommonMark does not allow inside an autolink `<…>`, and those that would hide what the link says. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
const AUTOLINK_UNSAFE = /[\u0000-\u0020<>\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
const UTF8 = new TextEncoder();

/**
 * A source's url for Markdown: an autolink `<https://…>` when its scheme is safe (spaces, `<`, `>`
 * and control characters percent-encoded, so the link cannot end early or hide its target), and
 * plain escaped text otherwise, so `javascript:alert(1)` is shown but never clickable.
 */
export function markdownUrl(url: string): string {
  if (!isSafeUrl(url)) return escapeMarkdown(url);
  let clean = '';
  // Lone surrogates cannot be percent-encoded (they are no UTF-8): dropped, as everywhere else.
  for (const char of url) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0xd800 || code > 0xdfff) clean += char;
  }
  const encoded = clean.replace(AUTOLINK_UNSAFE, (char) => [...UTF8.encode(char)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
  return `<${encoded}>`;
}

/** First characters that make a spreadsheet read a cell as a formula (the list csv-stringify's `escape_formulas` uses, OWASP's plus the full-width forms Apple Numbers folds). */
export const FORMULA_START: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20']);

/**
 * One text field of a CSV file. A field a spreadsheet would run as a formula (`=HYPERLINK(…)`,
 * `+cmd|…`, `-1+1`, `@SUM(…)`) gets a leading `'`, which spreadsheets show as text; then RFC 4180:
 * a field holding the delimiter, a quote or a line break is quoted, its quotes doubled. Numbers are
 * not text fields: a negative number is written as it is.
 */
export function escapeCsvField(field: string, delimiter: string): string {
  const text = FORMULA_START.has(field.charAt(0)) ? `'${field}` : field;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The text of a CSV field that `escapeCsvField` wrote, once unquoted: the leading `'` it adds
 * before a formula start is taken away. A field written as `'=…` (quote already there) reads back
 * as `=…` too; the ids the language allows start with neither, so no id is changed.
 */
export function csvFieldAsWritten(text: string): string {
  return text.startsWith("'") && FORMULA_START.has(text.charAt(1)) ? text.slice(1) : text;
}

/** The message of a GitHub workflow command (`::error …::message`): `%`, CR and LF percent-encoded, so it stays one command. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a GitHub workflow command (`file=…`, `title=…`): as data, and `:` and `,` too, which end a property. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
