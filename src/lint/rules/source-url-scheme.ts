import { t } from '../../i18n/catalogue.js';
import { isSafeUrl } from '../../text/escape.js';
import { defineRule, docsPath } from '../rule.js';

/** The scheme as written (`javascript:`, `data:`, `file:`…), or the start of the url when it has none that parses. */
function schemeOf(url: string): string {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url.trim());
  return match ? `${match[1]}:` : url.slice(0, 20);
}

/**
 * A source's `url` is where a reader checks the evidence: the memo sheets and reports write it as a
 * link, so it must lead to a web page or a DOI, never run a script (`javascript:`), carry a page
 * of its own (`data:`) or open a local file (`file:`). The schema already requires a URL; this
 * rule restricts its scheme.
 */
export default defineRule({
  meta: {
    id: 'source-url-scheme',
    severity: 'error',
    kinds: ['Pyramid', 'Logigramme', 'Actors', 'Territory', 'Program'],
    docs: docsPath('source-url-scheme'),
  },
  check({ document, report }) {
    const sources = (document.value as { sources?: Record<string, { url?: string }> }).sources ?? {};
    for (const [id, source] of Object.entries(sources)) {
      if (source.url === undefined || isSafeUrl(source.url)) continue;
      report({
        path: ['sources', id, 'url'],
        message: t('rules.source-url-scheme.scheme', { source: id, scheme: schemeOf(source.url) }),
        hint: t('rules.source-url-scheme.scheme.hint'),
      });
    }
  },
});
