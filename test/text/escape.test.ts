/**
 * The escapers of src/text/escape.ts, one per kind of output: expected strings written by hand,
 * then properties over arbitrary strings (every UTF-16 code unit, lone surrogates included) that
 * say what "inert" means for each kind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeCsvField,
  escapeGithubData,
  escapeGithubProperty,
  escapeHtml,
  escapeMarkdown,
  escapeTerminal,
  escapeXml,
  isSafeUrl,
  jsonForTerminal,
  markdownUrl,
  stripXmlForbidden,
} from '../../src/text/escape.js';
import { forbiddenXmlChars, xmlWellFormed } from '../helpers/xml.js';

/** Any UTF-16 string: 'binary' draws every code point, and the second arbitrary adds lone surrogates. */
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }));
/** What a terminal acts on or reorders by: C0, DEL, C1, bidi embeddings/overrides/isolates, lone surrogates. */
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const TERMINAL_ACTIVE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('escapeTerminal', () => {
  it('issue 12 #10: writes an OSC 8 hyperlink, a clear-screen and a bell as visible escapes', () => {
    expect(escapeTerminal('\u001b]8;;http://evil\u0007click\u001b]8;;\u0007')).toBe('\\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07');
    expect(escapeTerminal('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(escapeTerminal('nul\u0000 cr\r del\u007f')).toBe('nul\\x00 cr\\x0d del\\x7f');
  });

  it('writes C1 controls, bidi overrides and isolates, and lone surrogates as \\u escapes', () => {
    expect(escapeTerminal('\u009b31m\u0085')).toBe('\\u009b31m\\u0085');
    expect(escapeTerminal('abc\u202edcba\u202c \u2066x\u2069')).toBe('abc\\u202edcba\\u202c \\u2066x\\u2069');
    expect(escapeTerminal('a\ud800b\udc00')).toBe('a\\ud800b\\udc00');
  });

  it('keeps newlines and tabs for layout unless told otherwise, and leaves other text as it is', () => {
    expect(escapeTerminal('two\n\tlines')).toBe('two\n\tlines');
    expect(escapeTerminal('two\n\tlines', { keep: '' })).toBe('two\\x0a\\x09lines');
    expect(escapeTerminal('Fond d’œil 👁 — C:\\dossier\\fiche.yaml ≤ 7 %')).toBe('Fond d’œil 👁 — C:\\dossier\\fiche.yaml ≤ 7 %');
  });

  it('leaves nothing a terminal acts on, and changes no text that had none', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(escapeTerminal(s, { keep: '' })).not.toMatch(TERMINAL_ACTIVE);
        expect(escapeTerminal(s).replace(/[\n\t]/g, '')).not.toMatch(TERMINAL_ACTIVE);
        if (!TERMINAL_ACTIVE.test(s)) expect(escapeTerminal(s, { keep: '' })).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('jsonForTerminal', () => {
  it('escapes DEL, C1, bidi controls and U+2028/U+2029 and keeps the value', () => {
    expect(jsonForTerminal(JSON.stringify('a\u009bb\u202ec\u2028'))).toBe('"a\\u009bb\\u202ec\\u2028"');
    fc.assert(
      fc.property(anyText, (s) => {
        const json = jsonForTerminal(JSON.stringify({ s }));
        expect(JSON.parse(json)).toEqual({ s });
        expect(json).not.toMatch(TERMINAL_ACTIVE);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('escapeXml and escapeHtml', () => {
  it('issue 12 #11: drops the C0 controls XML forbids, and writes the five specials as entities', () => {
    expect(escapeXml('Pyramide\u0001 \u000bdiabète')).toBe('Pyramide diabète');
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('tab\tlf\ncr\r \ufffe\uffff \ud800 👁')).toBe('tab\tlf\ncr\r   👁');
    expect(escapeHtml('<b>\u0000"x"</b>')).toBe('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
  });

  it('gives well-formed XML inside an element and in an attribute, for any text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(xmlWellFormed(`<t a="${escapeXml(s)}" b='${escapeXml(s)}'>${escapeXml(s)}</t>`)).toBe(true);
        expect(xmlWellFormed(`<p title="${escapeHtml(s)}">${escapeHtml(s)}</p>`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('stripXmlForbidden', () => {
  it('drops only what XML 1.0 forbids from markup, and keeps markup and surrogate pairs', () => {
    expect(stripXmlForbidden('<text>a\u0001b\u000bc\td\ne\rf\ufffe\ud800 👁 &amp;</text>')).toBe('<text>abc\td\ne\rf 👁 &amp;</text>');
    fc.assert(
      fc.property(anyText, (s) => {
        expect(xmlWellFormed(`<t>${stripXmlForbidden(escapeXml(s))}</t>`)).toBe(true);
        expect(forbiddenXmlChars(stripXmlForbidden(s))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('escapeMarkdown and markdownUrl', () => {
  it('writes no raw HTML, table break, emphasis or link syntax, and no control character', () => {
    expect(escapeMarkdown('a | b <i>')).toBe('a \\| b &lt;i&gt;');
    expect(escapeMarkdown('[clic](javascript:alert(1)) *x* _y_ `z`')).toBe('\\[clic\\](javascript:alert(1)) \\*x\\* \\_y\\_ \\`z\\`');
    expect(escapeMarkdown('two\r\nlines\u0000\u001b')).toBe('two lines');
  });

  it('issue 12 #11: writes a javascript: url as text, never as a link', () => {
    expect(markdownUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(markdownUrl('JavaScript:alert(1)')).toBe('JavaScript:alert(1)');
    expect(markdownUrl('data:text/html,<script>alert(1)</script>')).toBe('data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('links http, https and doi: urls, percent-encoding what would end or hide the link', () => {
    expect(markdownUrl('https://www.has-sante.fr/jcms/c_1022476/fr/')).toBe('<https://www.has-sante.fr/jcms/c_1022476/fr/>');
    expect(markdownUrl('HTTP://a.example/b c<d>')).toBe('<HTTP://a.example/b%20c%3Cd%3E>');
    expect(markdownUrl('https://a.example/%C3%A9\u202e')).toBe('<https://a.example/%C3%A9%E2%80%AE>');
    expect(markdownUrl('doi:10.1016/S0140-6736(98)07019-6')).toBe('<doi:10.1016/S0140-6736(98)07019-6>');
  });

  it('accepts http, https and doi: only', () => {
    expect(['http://a', 'https://a', 'HTTPS://a', 'doi:10.1/x'].map(isSafeUrl)).toEqual([true, true, true, true]);
    expect(['javascript:alert(1)', ' https://a', 'data:,x', 'file:///etc/passwd', 'ftp://a', 'https:a', 'vbscript:x'].map(isSafeUrl)).toEqual([false, false, false, false, false, false, false]);
  });

  it('never opens an autolink or raw HTML, whatever the url', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const written = markdownUrl(s);
        // eslint-disable-next-line no-control-regex -- the test looks for control characters
        if (isSafeUrl(s)) expect(written).toMatch(/^<(?:https?:\/\/|doi:)[^<> \u0000-\u001f\u007f]*>$/i);
        else expect(written).not.toMatch(/[<>]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('escapeCsvField', () => {
  it('neutralises formulas with a leading quote, then quotes as RFC 4180 says', () => {
    expect(escapeCsvField('=1+1', ',')).toBe("'=1+1");
    expect(escapeCsvField('=HYPERLINK("http://evil";"clic")', ';')).toBe('"\'=HYPERLINK(""http://evil"";""clic"")"');
    expect(escapeCsvField('+33 6', ',')).toBe("'+33 6");
    expect(escapeCsvField('-2', ',')).toBe("'-2");
    expect(escapeCsvField('@SUM(A1)', ',')).toBe("'@SUM(A1)");
    expect(escapeCsvField('\rx', ',')).toBe('"\'\rx"');
    expect(escapeCsvField('S1->S2', ',')).toBe('S1->S2');
    expect(escapeCsvField('a,b', ',')).toBe('"a,b"');
    expect(escapeCsvField('a,b', ';')).toBe('a,b');
  });
});

describe('GitHub workflow commands', () => {
  it('percent-encodes %, CR and LF in data, and : and , too in properties', () => {
    expect(escapeGithubData('100% sure\r\n::error::x')).toBe('100%25 sure%0D%0A::error::x');
    expect(escapeGithubProperty('a,b:c%.yaml')).toBe('a%2Cb%3Ac%25.yaml');
  });

  it('keeps any message on one line of one command', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(escapeGithubData(s)).not.toMatch(/[\r\n]/);
        expect(escapeGithubProperty(s)).not.toMatch(/[\r\n:,]/);
      }),
      { numRuns: 1000 },
    );
  });
});
