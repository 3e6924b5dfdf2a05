/**
 * `--vary PATH=VALUES` (src/analysis/vary.ts, docs/sensitivity.md "Sweeps"): grids written out by
 * hand, what is varied, and the refusals, each with a hint.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGrid, parseVary, variationOf } from '../../src/analysis/vary.js';
import { loadWorkspace, UsageError } from '../../src/language/workspace.js';
import { centralParameters } from '../../src/sim/parameters.js';
import { coveragesOf } from '../../src/sim/chunk.js';
import { REPO } from '../helpers/cli.js';
import { modelOf } from '../sim/helpers.js';

const WORKSPACE = path.join(REPO, 'test/fixtures/econ/sensitivity');

/** The usage error `f` throws: its message and hint. */
function refusal(f: () => unknown): { message: string; hint: string | undefined } {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return { message: (error as UsageError).message, hint: (error as UsageError).hint };
  }
  throw new Error('no error');
}

describe('the grid of --vary', () => {
  it('LO..HI:N: N evenly spaced values, as written (12 significant digits)', () => {
    expect(parseGrid('0.1..0.8:8', 'x')).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
    expect(parseGrid('0..1:5', 'x')).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(parseGrid('1e-3..3e-3:3', 'x')).toEqual([0.001, 0.002, 0.003]);
    expect(parseGrid('-1..1:2', 'x')).toEqual([-1, 1]);
    expect(parseGrid(' 10 .. 40 : 4 ', 'x')).toEqual([10, 20, 30, 40]);
  });

  it('a,b,c: those values, in that order, repeats kept', () => {
    expect(parseGrid('0.3,0.1, 0.5', 'x')).toEqual([0.3, 0.1, 0.5]);
    expect(parseGrid('0.3,0.3', 'x')).toEqual([0.3, 0.3]);
    expect(parseGrid('7', 'x')).toEqual([7]);
  });

  it('PATH: coverage.<stratum>, or a parameter path (spaces and arrows kept), split at the last =', () => {
    expect(parseVary('coverage.S1=0.1..0.8:8')).toEqual({ path: 'coverage.S1', target: { kind: 'coverage', stratum: 'S1' }, values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] });
    expect(parseVary('diabete-t2 transitions S1->S2 p=0.02,0.04')).toEqual({ path: 'diabete-t2 transitions S1->S2 p', target: { kind: 'parameter', path: 'diabete-t2 transitions S1->S2 p' }, values: [0.02, 0.04] });
  });

  it.each([
    ['coverage.S1', /no = between/],
    ['=0.1..0.2:2', /nothing before =/],
    ['x=0.1..0.8', /a range is LO\.\.HI:N/],
    ['x=0.8..0.1:3', /from 0\.8 to 0\.1, not upwards/],
    ['x=0.1..0.8:1', /"1" values/],
    ['x=0.1..0.8:2.5', /"2\.5" values/],
    ['x=abc', /"abc" is not a number/],
    ['x=0x10', /"0x10" is not a number/],
    ['x=', /"" is not a number/],
    ['x=1,,2', /"" is not a number/],
    ['x=Infinity', /"Infinity" is not a number/],
    ['x=0..1:101', /101 values to sweep: at most 100/],
  ])('refuses --vary %s with a hint', (text, message) => {
    const { message: got, hint } = refusal(() => parseVary(text));
    expect(got).toMatch(message);
    expect(hint).toBeTruthy();
  });
});

describe('what --vary changes in the model', () => {
  it("coverage.<stratum>: the program's whole coverage (a ramp here) becomes the constant, every year; the baseline keeps its own", async () => {
    const workspace = await loadWorkspace({ cwd: WORKSPACE });
    const model = await modelOf(WORKSPACE, 'visits', { mode: 'expected' });
    const variation = variationOf(workspace, model, parseVary('coverage.ill=0.42'));
    expect(variation.baselineUnchanged).toBe(true);
    const varied = variation.apply(0.42);
    // [arm][year][stratum]: the program's ramp [0.1, 0.3] is gone, 0.42 in each of the 3 years; the baseline covers nothing.
    expect(Array.from(coveragesOf(varied, centralParameters(varied.parameters)))).toEqual([0, 0, 0, 0.42, 0.42, 0.42]);
    expect(Array.from(coveragesOf(model, centralParameters(model.parameters)))).toEqual([0, 0, 0, 0.1, 0.3, 0.3]);
  });

  it('a parameter path: the value replaces the distribution, as a ParameterSet entry would', async () => {
    const workspace = await loadWorkspace({ cwd: WORKSPACE });
    const model = await modelOf(WORKSPACE, 'visits');
    const variation = variationOf(workspace, model, parseVary('small transitions ill->dead p=0.05,0.2'));
    expect(variation.baselineUnchanged).toBe(false);
    const varied = variation.apply(0.2);
    const slot = model.transitions[0]!.p;
    expect(model.parameters.specs[slot]!.kind).toBe('beta');
    expect(varied.parameters.specs[slot]).toMatchObject({ kind: 'fixed', central: 0.2, constraint: 'probability', name: model.parameters.specs[slot]!.name });
    expect(varied.parameters.specs.length).toBe(model.parameters.specs.length);
  });

  it.each([
    ['coverage.sick=0.5', /sick is not a stratum of pyramid small/, /coverage\.ill/],
    ['coverage.ill=0.5,1.2', /1\.2 is not a value coverage\.ill can take/, /grid/],
    ['small transitions ill->gone p=0.1', /does not name a parameter/, /from->to/],
    // A Dirichlet's shares are drawn together: no parameter path names them.
    ['visit nodes ask probabilities dirichlet=0.5', /does not name a parameter/, /./],
    ['small transitions ill->dead p=-0.1', /-0\.1 is not a value/, /grid/],
  ])('refuses %s against the model', async (text, message, hint) => {
    const workspace = await loadWorkspace({ cwd: WORKSPACE });
    const model = await modelOf(WORKSPACE, 'visits');
    const found = refusal(() => variationOf(workspace, model, parseVary(text)));
    expect(found.message).toMatch(message);
    expect(found.hint).toMatch(hint);
  });

  it('refuses the coverage of a stratum the program does not cover, naming those it covers', async () => {
    const workspace = await loadWorkspace({ cwd: WORKSPACE });
    const model = await modelOf(WORKSPACE, 'platform');
    const found = refusal(() => variationOf(workspace, model, parseVary('coverage.ill=0.5')));
    expect(found.message).toMatch(/program platform has no logigramme in stratum ill/);
    expect(found.hint).toMatch(/covers no stratum/);
  });

  it("refuses a parameter path of another scenario's documents", async () => {
    const workspace = await loadWorkspace({ cwd: WORKSPACE });
    const model = await modelOf(WORKSPACE, 'platform');
    const found = refusal(() => variationOf(workspace, model, parseVary('visit nodes see frequency times=1')));
    expect(found.message).toMatch(/is not a parameter of scenario platform/);
  });
});
