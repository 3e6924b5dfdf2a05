/**
 * Issue 12 #2: ids that are names of Object.prototype members (`constructor`, `toString`,
 * `valueOf`…) are valid ids, so the whole pipeline must treat them as ordinary names. A lookup
 * `record[id]` on a plain object returns the inherited member for such an id, which crashed
 * `simulate` and `render --format md` and hid an uncounted stratum from territory-counts.
 * `__proto__` is not a valid id (it starts with "_"): lint says so instead of dropping the key.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';

/**
 * The statistical tests' small model (test/fixtures/sim/fixed) with every id renamed: pyramid
 * `constructor`; strata `constructor`, `toString`, `valueOf`; exit `hasOwnProperty`; event
 * `toLocaleString`; source `isPrototypeOf`; actors `valueOf`, `hasOwnProperty`; logigramme
 * `valueOf` with nodes `constructor`, `isPrototypeOf`, `propertyIsEnumerable`, `toLocaleString`,
 * `valueOf`; territories `hasOwnProperty`, `toLocaleString`; programs `isPrototypeOf`,
 * `propertyIsEnumerable`; scenario `toString`. The logigramme's node `constructor` is also a phase.
 */
const MODEL = `kind: Pyramid
version: 1
id: constructor
title: Prototype pyramid
strata:
  - { id: constructor, title: Well }
  - { id: toString, title: At risk }
  - { id: valueOf, title: Ill }
exits:
  - { id: hasOwnProperty, title: Dead }
transitions:
  - { from: constructor, to: toString, p: 0.05, source: isPrototypeOf }
  - { from: constructor, to: hasOwnProperty, p: 0.01, source: isPrototypeOf }
  - { from: toString, to: valueOf, p: 0.10, source: isPrototypeOf }
  - { from: toString, to: constructor, p: 0.03, source: isPrototypeOf }
  - { from: toString, to: hasOwnProperty, p: 0.02, source: isPrototypeOf }
  - { from: valueOf, to: hasOwnProperty, p: 0.08, source: isPrototypeOf }
inflows:
  - { to: constructor, count: 40, source: isPrototypeOf }
events:
  toLocaleString: [toString->valueOf]
sources:
  isPrototypeOf: { title: Test figures, type: illustrative }
---
kind: Actors
version: 1
id: toString
actors:
  valueOf: { title: General practitioner, minutes-per-act: 20, cost-per-act: 30, fte-minutes-per-year: 96000 }
  hasOwnProperty: { title: Laboratory, minutes-per-act: 5, cost-per-act: 10, fte-minutes-per-year: 96000 }
---
kind: Logigramme
version: 1
id: valueOf
title: At-risk pathway
pyramid: constructor
stratum: toString
start: constructor
phases:
  constructor: { label: Screening }
sources:
  toString: { title: Guideline of the prototype, type: illustrative, grade-scale: GRADE }
nodes:
  constructor: { type: start, label: Enrolled, next: isPrototypeOf, phase: constructor }
  isPrototypeOf:
    type: action
    label: Glucose test
    actor: hasOwnProperty
    frequency: { times: 2, per: year }
    evidence: { source: toString, grade: A }
    phase: constructor
    next: propertyIsEnumerable
  propertyIsEnumerable:
    type: decision
    label: High?
    variable: { name: glucose, unit: g/L }
    branches:
      - { label: yes, when: { gte: 1.1 }, p: 0.4, next: toLocaleString }
      - { label: no, when: { lt: 1.1 }, next: valueOf }
  toLocaleString:
    type: action
    label: Lifestyle coaching
    actor: valueOf
    frequency: { times: 3, per: year }
    effects:
      - { transition: toString->valueOf, hr: 0.5 }
      - { transition: toString->constructor, hr: 2 }
    next: valueOf
  valueOf: { type: end, label: Done }
---
kind: Territory
version: 1
id: hasOwnProperty
title: Prototype territory
population: 20000
pyramids:
  constructor:
    counts: { constructor: 3000, toString: 1500, valueOf: 400 }
    multipliers: { toString->valueOf: 1.2 }
workforce:
  valueOf: { fte: 2 }
---
kind: Territory
version: 1
id: toLocaleString
title: Second prototype territory
population: 10000
pyramids:
  constructor:
    counts: { constructor: 1000, toString: 700, valueOf: 150 }
---
kind: Program
version: 1
id: isPrototypeOf
title: Usual care
pyramid: constructor
strata:
  toString: { logigramme: valueOf, coverage: 0.3 }
---
kind: Program
version: 1
id: propertyIsEnumerable
title: Enhanced
pyramid: constructor
strata:
  toString: { logigramme: valueOf, coverage: { ramp: [0.4, 0.6, 0.8] } }
---
kind: Scenario
version: 1
id: toString
pyramid: constructor
territories: [hasOwnProperty, toLocaleString]
baseline: isPrototypeOf
program: propertyIsEnumerable
horizon: 6
iterations: 50
seed: 7
`;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'logi-prototype-ids-'));

/** A workspace folder holding `model.yaml` with the given text. */
function writeWorkspace(name: string, model: string): string {
  const dir = mkdtempSync(path.join(tmp, `${name}-`));
  writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [.]\n');
  writeFileSync(path.join(dir, 'model.yaml'), model);
  return dir;
}

/** The files a command wrote, without its own bookkeeping (dot files). */
function visibleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort();
}

interface LintJsonOutput {
  errorCount: number;
  warningCount: number;
  diagnostics: { ruleId: string; message: string; range: { start: { line: number } } }[];
}

function lintJson(cwd: string): { status: number; json: LintJsonOutput; stderr: string } {
  const run = runCli(['lint', '--format', 'json'], { cwd });
  return { status: run.status, json: JSON.parse(run.stdout) as LintJsonOutput, stderr: run.stderr };
}

let prototypeWorkspace = '';
beforeAll(() => {
  prototypeWorkspace = writeWorkspace('all-ids', MODEL);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ids named after Object.prototype members', () => {
  it('issue 12 #2: a workspace whose every id is a prototype name lints clean', () => {
    const { status, json, stderr } = lintJson(prototypeWorkspace);
    expect(json.diagnostics, stderr).toEqual([]);
    expect(status).toBe(0);
  });

  it('issue 12 #2: simulate --report runs and results.json holds the ids as written', () => {
    const out = path.join(tmp, 'simulated');
    const run = runCli(['simulate', 'toString', '--out', out, '-n', '50', '--seed', '1', '--report', '--lang', 'en'], { cwd: prototypeWorkspace });
    expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as {
      territories: { id: string }[];
      actors: { id: string }[];
      events: { name: string }[];
      logigrammes: { id: string; stratum: string; nodes: { id: string; actor?: string }[] }[];
      summaries: { territory: string; measures: Record<string, Record<string, unknown[]>> }[];
    };
    expect(results.territories.map((t) => t.id)).toEqual(['hasOwnProperty', 'toLocaleString']);
    expect(results.actors.map((a) => a.id).sort()).toEqual(['hasOwnProperty', 'valueOf']);
    expect(results.events.map((e) => e.name)).toEqual(['toLocaleString']);
    expect(results.logigrammes).toHaveLength(1);
    expect(results.logigrammes[0]!.id).toBe('valueOf');
    expect(results.logigrammes[0]!.stratum).toBe('toString');
    expect(results.logigrammes[0]!.nodes.map((n) => n.id)).toEqual(['constructor', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'valueOf']);
    expect(results.logigrammes[0]!.nodes.find((n) => n.id === 'isPrototypeOf')!.actor).toBe('hasOwnProperty');
    // Each summary counts the three strata and the exit, each one a series (an array), never an inherited member.
    for (const summary of results.summaries) {
      expect(Object.keys(summary.measures.counts!).sort()).toEqual(['constructor', 'hasOwnProperty', 'toString', 'valueOf']);
      for (const series of Object.values(summary.measures.counts!)) expect(Array.isArray(series)).toBe(true);
      expect(Object.keys(summary.measures.events!)).toEqual(['toLocaleString']);
    }
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('General practitioner');
    expect(html).toContain('Second prototype territory');
    expect(html).not.toMatch(/NaN|undefined|\[object |function /);
  });

  it('issue 12 #2: logi report writes HTML and Markdown from those results', () => {
    const results = path.join(tmp, 'simulated', 'results.json');
    for (const format of ['html', 'md']) {
      const out = path.join(tmp, `report-again.${format}`);
      const run = runCli(['report', results, '--format', format, '--out', out, '--lang', 'en']);
      expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
      expect(run.status, run.stderr).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text).toContain('Laboratory');
      expect(text).not.toMatch(/NaN|undefined|\[object |function /);
    }
  });

  it('issue 12 #2: render --format md and mmd name the prototype-named actors, nodes and sources', () => {
    for (const format of ['md', 'mmd']) {
      const out = path.join(tmp, `render-${format}`);
      const run = runCli(['render', '--format', format, '--out', out], { cwd: prototypeWorkspace });
      expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
      expect(run.status, run.stderr).toBe(0);
      expect(visibleFiles(out)).toEqual([`valueOf.${format}`]);
      const text = readFileSync(path.join(out, `valueOf.${format}`), 'utf8');
      // The actors' titles, not `function Object() { [native code] }` or the ids.
      expect(text).toContain('General practitioner');
      expect(text).toContain('Laboratory');
      expect(text).toContain('Guideline of the prototype');
      expect(text).toContain('Screening');
      expect(text).not.toMatch(/native code|\[object |undefined/);
    }
  });

  it('issue 12 #2: render --pyramid draws the pyramid `constructor` for each territory that counts it, and no other', () => {
    const uncounting = `${MODEL}---\nkind: Territory\nversion: 1\nid: valueOf\ntitle: Territory without pyramid\npopulation: 500\npyramids: {}\n`;
    const out = path.join(tmp, 'pyramids');
    const run = runCli(['render', '--pyramid', 'constructor', '--out', out, '--json', '--lang', 'fr'], { cwd: writeWorkspace('uncounting', uncounting) });
    expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
    expect(run.status, run.stderr).toBe(0);
    expect(visibleFiles(out)).toEqual(['constructor-hasOwnProperty.svg', 'constructor-toLocaleString.svg']);
    const svg = visibleFiles(out).map((f) => readFileSync(path.join(out, f), 'utf8')).join('\n');
    // 3,000 of 4,900 people in the stratum `constructor` of the first territory: 61.2 % (French figures).
    expect(svg).toMatch(/>3\s000 · 61,2\s%</);
    expect(svg).toMatch(/>1\s000 · 54,1\s%</);
    expect(svg).not.toMatch(/NaN|native code/);
  });

  it('issue 12 #2: territory-counts reports a stratum named `constructor` that the territory does not count', () => {
    const uncounted = MODEL.replace('counts: { constructor: 3000, toString: 1500, valueOf: 400 }', 'counts: { toString: 1500, valueOf: 400 }');
    expect(uncounted).not.toBe(MODEL);
    const { status, json } = lintJson(writeWorkspace('uncounted', uncounted));
    expect(status).toBe(1);
    expect(json.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['territory-counts', 'stratum constructor of constructor is not counted']]);
  });

  it('issue 12 #2: a key `__proto__` is reported as an invalid id, not silently dropped', () => {
    const proto = MODEL.replace('  hasOwnProperty: { title: Laboratory', '  __proto__: { title: Laboratory');
    expect(proto).not.toBe(MODEL);
    const { status, json } = lintJson(writeWorkspace('proto-key', proto));
    expect(status).toBe(1);
    const line = proto.split('\n').findIndex((l) => l.startsWith('  __proto__:')) + 1;
    const atKey = json.diagnostics.filter((d) => d.range.start.line === line);
    expect(atKey.map((d) => d.ruleId)).toEqual(['schema']);
    expect(atKey[0]!.message).toContain('__proto__');
  });
});
