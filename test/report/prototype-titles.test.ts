/**
 * Found by the fuzz suite (issue 12): vega stopped with "Operator not defined: undefined" when a
 * category it got as an explicit list (a sort order, a colour domain) was the name of an
 * Object.prototype member, so an actor or a territory titled `constructor` broke the whole report.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { chartSvg, shieldPrototypeNames } from '../../src/report/charts.js';
import { reportHtml } from '../../src/report/html.js';
import { simulate } from '../../src/sim/simulate.js';
import { FIXED } from '../sim/helpers.js';

describe('issue 12 (fuzz): categories named like Object.prototype members', () => {
  it('a sort order and a colour domain holding `constructor` and `toString` draw, with the names shown as written', async () => {
    const values = [
      { category: 'constructor', mean: 1, group: 'toString' },
      { category: 'b', mean: 2, group: 'x' },
    ];
    const svg = await chartSvg({
      data: { values },
      mark: 'bar',
      encoding: {
        y: { field: 'category', type: 'nominal', sort: ['constructor', 'b'] },
        x: { field: 'mean', type: 'quantitative' },
        color: { field: 'group', type: 'nominal', scale: { domain: ['toString', 'x'] } },
      },
    });
    // The word joiner U+2060 is invisible: the text reads `constructor`.
    expect(svg).toContain('\u2060constructor');
    expect(svg).toContain('\u2060toString');
  });

  it('the shield changes only the prototype names, and keeps a `__proto__` key as an own key', () => {
    const shielded = shieldPrototypeNames(JSON.parse('{"a": ["constructor", "b", "__proto__"], "__proto__": "valueOf", "n": 3}'));
    expect(shielded.a).toEqual(['\u2060constructor', 'b', '\u2060__proto__']);
    expect(Object.hasOwn(shielded, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(shielded)).toBe(Object.prototype);
    expect(shielded.n).toBe(3);
  });

  it('a report whose actors and territories are titled `constructor` and `toString` is built', async () => {
    const { results } = await simulate({ scenario: 'fixed', cwd: FIXED, version: '0.0.0', iterations: 10, workers: 1 });
    results.actors[0]!.title = 'constructor';
    results.actors[1]!.title = 'toString';
    results.territories[0]!.title = 'constructor';
    const html = reportHtml(await buildReport(results, { lang: 'en' }));
    expect(html).toContain('constructor');
    expect(html).not.toContain('Operator not defined');
  }, 120_000);
});
