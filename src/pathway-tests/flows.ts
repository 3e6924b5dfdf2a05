/**
 * Flow cases (docs/testing.md, "Flows"): the people reaching a node, taking an edge or producing
 * acts when a stratum of `people` people all go through its logigramme. Not a second flow
 * calculator: each case is a one-year scenario in the engine's expected mode (src/sim/), whose
 * territory holds `people` people in the logigramme's stratum and nobody elsewhere, and whose
 * program covers all of them; the figures are read from its results (overlay and volumes) as
 * `logi simulate` writes them. The scenarios exist in memory only: their documents are parsed
 * and validated as a workspace file would be, and added to the index of the workspace already
 * loaded (not read again); the files are untouched.
 */
import path from 'node:path';
import { t } from '../i18n/catalogue.js';
import type { FlowCase, FlowExpectation } from '../language/schemas/index.js';
import { locate, parseSource } from '../language/source.js';
import { validateDocument } from '../language/validate.js';
import { type LoadedDocument, type Workspace } from '../language/workspace.js';
import { selectionKey } from '../sim/summarize.js';
import { compileModel } from '../sim/model.js';
import { buildResults, type Results } from '../sim/results.js';
import { runWithPool } from '../sim/runner.js';
import type { Failure, Place } from './results.js';

export interface FlowCaseInput {
  test: LoadedDocument<'PathwayTest'>;
  index: number;
  value: FlowCase;
  logigramme: LoadedDocument<'Logigramme'>;
}

/** The id of the synthetic territory, program and scenario of the k-th flow case (ids of different kinds may be equal). */
const syntheticId = (k: number) => `logi-test.flow.${k + 1}`;

/** The territory, program and scenario of one flow case, as YAML (JSON is YAML). */
function syntheticDocuments(input: FlowCaseInput, k: number): string {
  const id = syntheticId(k);
  const { pyramid, stratum } = input.logigramme.value;
  const title = input.value.name;
  const territory = { kind: 'Territory', version: 1, id, title, population: input.value.people, pyramids: { [pyramid]: { counts: { [stratum]: input.value.people } } } };
  const program = { kind: 'Program', version: 1, id, title, pyramid, strata: { [stratum]: { logigramme: input.logigramme.id, coverage: 1 } } };
  const scenario = { kind: 'Scenario', version: 1, id, pyramid, territories: [id], baseline: id, program: id, horizon: 1, iterations: 1, mode: 'expected' };
  return [territory, program, scenario].map((doc) => JSON.stringify(doc)).join('\n---\n');
}

/** The synthetic kinds, whose index the flow scenarios extend. */
const SYNTHETIC_KINDS = ['Territory', 'Program', 'Scenario'] as const;

/**
 * The workspace with every flow case's territory, program and scenario added, from a file that is
 * not on disk: parsed and validated as the workspace's files are, then indexed beside them (a
 * shallow copy: the loaded workspace is not changed, nor read again).
 */
function withFlowScenarios(workspace: Workspace, inputs: readonly FlowCaseInput[]): Workspace {
  const text = inputs.map(syntheticDocuments).join('\n---\n');
  const file = path.join(workspace.root, '.logi-test-flows.yaml');
  const read = parseSource('.logi-test-flows.yaml', file, `${text}\n`);
  if (!read.ok) throw new Error(read.diagnostics[0]?.message);
  const index = { ...workspace.index };
  for (const kind of SYNTHETIC_KINDS) (index as Record<string, unknown>)[kind] = new Map(workspace.index[kind] as Map<string, LoadedDocument>);
  for (const document of read.source.documents) {
    const validation = validateDocument(document.data);
    // Built by syntheticDocuments from values lint has checked: a failure is a fault of logi.
    if (!validation.ok) throw new Error(validation.reports[0]?.message);
    const { kind, value } = validation.value;
    const id = (value as { id: string }).id;
    (index[kind] as Map<string, LoadedDocument>).set(id, { kind, id, value, source: read.source, document } as LoadedDocument);
  }
  return { ...workspace, files: [...workspace.files, read.source], index };
}

/** The summaries a flow case reads besides the overlay: the volumes of the acts it names. */
function actsSelection(input: FlowCaseInput): Set<string> {
  return new Set(input.value.expect.filter((e) => e.acts !== undefined).map((e) => selectionKey('volumes', `${input.logigramme.id}/${e.acts!}`)));
}

/** The value of one expected flow in the one-year results, or undefined when the results have no such node, edge or act. */
function flowValue(results: Results, territory: string, logigramme: string, expectation: FlowExpectation): number | undefined {
  const overlay = results.overlay.find((o) => o.territory === territory && o.arm === 'program' && o.logigramme === logigramme);
  if (expectation.node !== undefined) return overlay?.nodes[expectation.node]?.[0] ?? (overlay ? 0 : undefined);
  if (expectation.edge !== undefined) {
    const { from, to } = expectation.edge;
    // Two branches of one decision may lead to the same node: the edge is then both of them.
    const edges = overlay?.edges.filter((e) => e.from === from && e.to === to) ?? [];
    return edges.length === 0 ? undefined : edges.reduce((sum, e) => sum + e.mean[0]!, 0);
  }
  const block = results.summaries.find((b) => b.territory === territory && b.arm === 'program' && b.scale === 'count');
  return block?.measures.volumes[`${logigramme}/${expectation.acts!}`]?.[0]?.mean;
}

/** Runs every flow case (one expected-mode year each); failures by case, in the order given. */
export async function runFlowCases(workspace: Workspace, inputs: readonly FlowCaseInput[], version: string, onCase?: (k: number) => void): Promise<Failure[][]> {
  if (inputs.length === 0) return [];
  const extended = withFlowScenarios(workspace, inputs);
  const out: Failure[][] = [];
  for (let k = 0; k < inputs.length; k++) {
    const model = await compileModel(extended, syntheticId(k), { mode: 'expected' });
    const { summaries } = await runWithPool(model, { workers: 1, only: actsSelection(inputs[k]!) });
    const results = buildResults(model, summaries, version);
    out.push(checkFlows(inputs[k]!, results, syntheticId(k)));
    onCase?.(k);
  }
  return out;
}

function checkFlows(input: FlowCaseInput, results: Results, territory: string): Failure[] {
  const failures: Failure[] = [];
  input.value.expect.forEach((expectation, j) => {
    const place = (key: string): Place => ({ file: input.test.source.file, range: locate(input.test.source, input.test.document, ['flows', input.index, 'expect', j, key]) });
    const value = flowValue(results, territory, input.logigramme.id, expectation);
    const target = expectation.node !== undefined ? 'node' : expectation.edge !== undefined ? 'edge' : 'acts';
    if (value === undefined) {
      failures.push({ ...place(target), message: t('pathway-tests.flow.not-found', { what: targetWords(expectation) }), hint: t('pathway-tests.flow.not-found.hint') });
      return;
    }
    const share = expectation.share !== undefined;
    const actual = share ? value / input.value.people : value;
    const [low, high] = (share ? expectation.share : expectation.count)!;
    if (actual >= low && actual <= high) return;
    failures.push({
      ...place(share ? 'share' : 'count'),
      message: t(share ? 'pathway-tests.flow.share' : 'pathway-tests.flow.count', { what: targetWords(expectation), actual: roundFor(actual), low, high, people: input.value.people }),
      actual,
    });
  });
  return failures;
}

/** A value as a message shows it: enough digits to see why it misses its interval. */
function roundFor(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function targetWords(expectation: FlowExpectation): string {
  if (expectation.node !== undefined) return t('pathway-tests.flow.node', { node: expectation.node });
  if (expectation.edge !== undefined) return t('pathway-tests.flow.edge', { from: expectation.edge.from, to: expectation.edge.to });
  return t('pathway-tests.flow.acts', { node: expectation.acts! });
}
