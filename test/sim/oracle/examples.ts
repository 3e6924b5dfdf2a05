/**
 * Small workspaces (three strata and a death) for test/sim/dynamics-oracle.test.ts, one per
 * feature of issue 14 and of the model before it. Each is small enough to compute by hand; the
 * hand arithmetic is in the test beside the figures it checks.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Pieces {
  cycle?: 'year' | 'quarter' | 'month';
  /** YAML flow mappings, one per transition. */
  transitions?: string[];
  inflows?: string[];
  events?: string;
  counts?: string;
  population?: number;
  multipliers?: string;
  /** Nodes of the logigrammes of S0, S1 and S2 (YAML, indented by 2). */
  l0?: string;
  l1?: string;
  l2?: string;
  /** The `strata:` mapping of each program (YAML, indented by 2), and their `costs:`. */
  baseline: string;
  program: string;
  baselineCosts?: string;
  programCosts?: string;
  horizon?: number;
  volumesAt?: 'start' | 'mid';
}

export const SCENARIO = 'sc';

const DEFAULT_TRANSITIONS = ['{ from: S0, to: S1, p: 0.1 }', '{ from: S1, to: S2, p: 0.2 }', '{ from: S1, to: deces, p: 0.05 }', '{ from: S2, to: deces, p: 0.1 }'];

/** S1: everyone enrolled is screened; half of them are coached, which halves the hazard of S1 → S2. */
export const L1_COACH = `
  debut: { type: start, label: début, next: screen }
  screen: { type: action, label: repérage, actor: mg, frequency: 1/year, next: d }
  d:
    type: decision
    label: programme ?
    branches:
      - { label: oui, p: 0.5, next: coach }
      - { label: non, next: fin }
  coach:
    type: action
    label: coaching
    actor: diet
    frequency: { times: 4, per: year }
    effects:
      - { transition: S1->S2, hr: 0.5 }
    next: fin
  fin: { type: end, label: fin }`;

/** S2: one visit twice a year. */
export const L2_VISIT = `
  debut: { type: start, label: début, next: visit }
  visit: { type: action, label: visite, actor: mg, frequency: 2/year, next: fin }
  fin: { type: end, label: fin }`;

function logigramme(id: string, stratum: string, nodes: string): string {
  return `kind: Logigramme\nversion: 1\nid: ${id}\ntitle: ${id}\npyramid: p3\nstratum: ${stratum}\nstart: debut\nnodes:${nodes}\n`;
}

function program(id: string, strata: string, costs?: string): string {
  return `kind: Program\nversion: 1\nid: ${id}\ntitle: ${id}\npyramid: p3\nstrata:\n${strata}\n${costs ? `costs:\n${costs}\n` : ''}`;
}

export function files(pieces: Pieces): Record<string, string> {
  const transitions = (pieces.transitions ?? DEFAULT_TRANSITIONS).map((t) => `  - ${t}`).join('\n');
  const inflows = (pieces.inflows ?? []).map((t) => `  - ${t}`).join('\n');
  const out: Record<string, string> = {
    'logi.config.yaml': 'extends: recommended\n',
    'pyramid.yaml': [
      'kind: Pyramid',
      'version: 1',
      'id: p3',
      'title: Trois strates',
      `cycle: ${pieces.cycle ?? 'year'}`,
      'strata:',
      '  - { id: S0, title: Zéro }',
      '  - { id: S1, title: Un }',
      '  - { id: S2, title: Deux }',
      'exits:',
      '  - { id: deces, title: Décès }',
      `transitions:\n${transitions}`,
      inflows ? `inflows:\n${inflows}` : '',
      `events:\n${pieces.events ?? '  diabetes: [S1->S2]'}`,
      '',
    ].join('\n'),
    'actors.yaml': [
      'kind: Actors',
      'version: 1',
      'id: acteurs',
      'actors:',
      '  mg: { title: Médecin, minutes-per-act: 10, cost-per-act: 20, fte-minutes-per-year: 1000 }',
      '  diet: { title: Diététicien, minutes-per-act: 30, cost-per-act: 40, fte-minutes-per-year: 2000 }',
      '',
    ].join('\n'),
    'territory.yaml': [
      'kind: Territory',
      'version: 1',
      'id: t',
      'title: Territoire',
      `population: ${pieces.population ?? 10000}`,
      'pyramids:',
      '  p3:',
      `    counts: ${pieces.counts ?? '{ S0: 1000, S1: 1000, S2: 500 }'}`,
      pieces.multipliers ? `    multipliers: ${pieces.multipliers}` : '',
      '',
    ].join('\n'),
    'baseline.yaml': program('usual', pieces.baseline, pieces.baselineCosts),
    'program.yaml': program('prog', pieces.program, pieces.programCosts),
    'scenario.yaml': [
      'kind: Scenario',
      'version: 1',
      `id: ${SCENARIO}`,
      'pyramid: p3',
      'territories: [t]',
      'baseline: usual',
      'program: prog',
      `horizon: ${pieces.horizon ?? 3}`,
      'mode: expected',
      pieces.volumesAt ? `volumes-at: ${pieces.volumesAt}` : '',
      '',
    ].join('\n'),
  };
  if (pieces.l0) out['l0.yaml'] = logigramme('l0', 'S0', pieces.l0);
  out['l1.yaml'] = logigramme('l1', 'S1', pieces.l1 ?? L1_COACH);
  out['l2.yaml'] = logigramme('l2', 'S2', pieces.l2 ?? L2_VISIT);
  return out;
}

export function writeWorkspace(pieces: Pieces): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-oracle-'));
  for (const [name, text] of Object.entries(files(pieces))) writeFileSync(path.join(dir, name), text);
  return dir;
}
