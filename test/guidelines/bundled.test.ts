/**
 * The bundled material (guidelines/ and simulations/): it lints clean, every clinical figure names
 * a source, territory counts fit their population, and the totals match the FHF's public figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintResult } from '../../src/lint/engine.js';
import type { LoadedDocument } from '../../src/language/workspace.js';
import { REPO } from '../helpers/cli.js';

let result: LintResult;
beforeAll(async () => {
  result = await lint({ cwd: REPO, paths: ['guidelines', 'simulations'] });
});

const docs = <K extends LoadedDocument['kind']>(kind: K) => [...result.workspace.index[kind].values()] as LoadedDocument<K>[];
const TERRITORIES = ['aube-sezannais', 'cornouaille', 'deux-sevres', 'douaisis', 'haute-saone'];
const PYRAMIDS = ['diabete-t2', 'insuffisance-cardiaque'];

describe('bundled guidelines and simulations', () => {
  it('lint clean', () => {
    expect(result.diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('hold both pyramids, with one logigramme per stratum', () => {
    for (const id of PYRAMIDS) {
      const pyramid = result.workspace.index.Pyramid.get(id);
      expect(pyramid, id).toBeDefined();
      for (const stratum of pyramid!.value.strata) {
        const logigrammes = docs('Logigramme').filter((l) => l.value.pyramid === id && l.value.stratum === stratum.id);
        expect(logigrammes.length, `${id} ${stratum.id}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('name a source for every clinical figure', () => {
    const missing: string[] = [];
    const need = (where: string, source: unknown) => {
      if (source === undefined || (Array.isArray(source) && source.length === 0)) missing.push(where);
    };
    for (const p of docs('Pyramid')) {
      p.value.transitions.forEach((t) => need(`${p.id} ${t.from}->${t.to}`, t.source));
      p.value.inflows.forEach((f) => need(`${p.id} inflow ${f.to}`, f.source));
    }
    for (const l of docs('Logigramme')) {
      for (const [id, node] of Object.entries(l.value.nodes)) {
        if (node.type === 'action') {
          need(`${l.id} ${id} evidence`, node.evidence);
          (node.effects ?? []).forEach((e) => need(`${l.id} ${id} effect ${e.transition}`, e.source));
        }
        if (node.type === 'decision') node.branches.forEach((b) => b.p !== undefined && need(`${l.id} ${id} branch ${b.label}`, b.source));
      }
    }
    for (const a of docs('Actors')) for (const [id, actor] of Object.entries(a.value.actors)) need(`actor ${id}`, actor.source);
    for (const t of docs('Territory')) {
      need(`${t.id} population`, t.value['population-source']);
      for (const [pyramid, entry] of Object.entries(t.value.pyramids)) need(`${t.id} ${pyramid} counts`, entry.source);
      for (const [actor, entry] of Object.entries(t.value.workforce ?? {})) need(`${t.id} workforce ${actor}`, entry.source);
    }
    for (const p of docs('Program')) for (const [stratum, entry] of Object.entries(p.value.strata)) need(`${p.id} ${stratum} coverage`, entry.source);
    expect(missing).toEqual([]);
  });

  it('mark estimated figures as such: every source has a type', () => {
    const untyped: string[] = [];
    for (const d of result.workspace.documents) {
      for (const [id, source] of Object.entries((d.value as { sources?: Record<string, { type?: string }> }).sources ?? {})) {
        if (source.type === undefined) untyped.push(`${d.id}: ${id}`);
      }
    }
    expect(untyped).toEqual([]);
  });

  it('have the five pioneer territories, each with counts that fit in its population', () => {
    expect(docs('Territory').map((t) => t.id).sort()).toEqual(TERRITORIES);
    for (const t of docs('Territory')) {
      for (const pyramid of PYRAMIDS) {
        const counts = t.value.pyramids[pyramid]?.counts;
        expect(counts, `${t.id} ${pyramid}`).toBeDefined();
        const total = Object.values(counts!).reduce((a, b) => a + b, 0);
        expect(total, `${t.id} ${pyramid}`).toBeLessThanOrEqual(t.value.population);
        const strata = result.workspace.index.Pyramid.get(pyramid)!.value.strata.map((s) => s.id);
        expect(Object.keys(counts!).sort(), `${t.id} ${pyramid} counts every stratum`).toEqual([...strata].sort());
      }
    }
  });

  it('agree with the published figures (FHF article, Haute-Saône diagnostic)', () => {
    const territory = (id: string) => result.workspace.index.Territory.get(id)!.value;
    expect(territory('douaisis').pyramids['diabete-t2']!.counts.S1).toBe(55_736);
    expect(territory('haute-saone').population).toBe(175_436);
    const population = docs('Territory').reduce((sum, t) => sum + t.value.population, 0);
    // Published: ~1.5 M (FHF article) or 1.3 M (other sources).
    expect(population).toBeGreaterThanOrEqual(1_250_000);
    expect(population).toBeLessThanOrEqual(1_600_000);
    const sum = (pyramid: string, strata: string[]) =>
      docs('Territory').reduce((total, t) => total + strata.reduce((s, k) => s + (t.value.pyramids[pyramid]!.counts[k] ?? 0), 0), 0);
    // "~400,000 with or at risk of type 2 diabetes": S1–S4, within 15 % (the article rounds).
    const diabetes = sum('diabete-t2', ['S1', 'S2', 'S3', 'S4']);
    expect(Math.abs(diabetes - 400_000) / 400_000).toBeLessThan(0.15);
    // "~180,000 with or at risk of heart failure": at least the symptomatic and structural strata
    // (S1–S4) and at most S0–S4, depending on how the at-risk stage A is counted.
    const hfAll = sum('insuffisance-cardiaque', ['S0', 'S1', 'S2', 'S3', 'S4']);
    const hfDisease = sum('insuffisance-cardiaque', ['S1', 'S2', 'S3', 'S4']);
    expect(hfDisease).toBeLessThanOrEqual(180_000 * 1.15);
    expect(hfAll).toBeGreaterThanOrEqual(180_000 * 0.85);
  });

  it('have usual-care and pioneer programs and a scenario per pyramid over the five territories', () => {
    for (const pyramid of PYRAMIDS) {
      const scenario = docs('Scenario').find((s) => s.value.pyramid === pyramid);
      expect(scenario, pyramid).toBeDefined();
      expect([...scenario!.value.territories].sort()).toEqual(TERRITORIES);
      const baseline = result.workspace.index.Program.get(scenario!.value.baseline)!;
      const program = result.workspace.index.Program.get(scenario!.value.program)!;
      expect(baseline.value.pyramid).toBe(pyramid);
      expect(program.value.pyramid).toBe(pyramid);
    }
  });
});
