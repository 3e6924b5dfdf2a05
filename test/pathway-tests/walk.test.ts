/**
 * The walk of one patient through a logigramme (src/pathway-tests/walk.ts), against paths written
 * by hand from the flowchart below: each expected path is read off the drawing, not computed.
 *
 *   debut → seuil ─(hba1c ≤ 7)→ suivi → fin
 *                 └(hba1c > 7)→ tri ─(choose)→ avis → stade ─(leger|modere)→ suivi
 *                                   └────────→ suivi        └(severe)→ fin
 */
import { describe, expect, it } from 'vitest';
import type { LogigrammeNode } from '../../src/language/schemas/index.js';
import { walkLogigramme } from '../../src/pathway-tests/walk.js';

const NODES: Record<string, LogigrammeNode> = {
  debut: { type: 'start', label: 'Début', next: 'seuil' },
  seuil: {
    type: 'decision',
    label: 'HbA1c',
    variable: { name: 'hba1c' },
    branches: [
      { label: 'Oui', when: { lte: 7 }, next: 'suivi' },
      { label: 'Non', when: { gt: 7 }, next: 'tri' },
    ],
  },
  tri: { type: 'decision', label: 'Avis ?', branches: [{ label: 'Oui', next: 'avis' }, { label: 'Non', next: 'suivi' }] },
  avis: { type: 'action', label: 'Avis', actor: 'mg', next: 'stade' },
  stade: {
    type: 'decision',
    label: 'Stade',
    variable: { name: 'stade' },
    branches: [
      { label: 'Léger', when: { in: ['leger', 'modere'] }, next: 'suivi' },
      { label: 'Sévère', when: { eq: 'severe' }, next: 'fin' },
    ],
  },
  suivi: { type: 'action', label: 'Suivi', actor: 'mg', next: 'fin' },
  fin: { type: 'end', label: 'Fin' },
};

describe('walkLogigramme', () => {
  it('follows the branch whose condition holds, the bound included (hba1c = 7 is ≤ 7)', () => {
    expect(walkLogigramme(NODES, 'debut', { hba1c: 7 }).nodes).toEqual(['debut', 'seuil', 'suivi', 'fin']);
    expect(walkLogigramme(NODES, 'debut', { hba1c: 7.01 }, { tri: 'suivi' }).nodes).toEqual(['debut', 'seuil', 'tri', 'suivi', 'fin']);
  });

  it('takes the branch `choose` names, by its next node or by its label, and categories by eq/in', () => {
    const byNode = walkLogigramme(NODES, 'debut', { hba1c: 9, stade: 'modere' }, { tri: 'avis' });
    expect(byNode.nodes).toEqual(['debut', 'seuil', 'tri', 'avis', 'stade', 'suivi', 'fin']);
    expect(byNode.stop).toEqual({ kind: 'end' });
    const byLabel = walkLogigramme(NODES, 'debut', { hba1c: 9, stade: 'severe' }, { tri: 'Oui' });
    expect(byLabel.nodes).toEqual(['debut', 'seuil', 'tri', 'avis', 'stade', 'fin']);
    expect(byLabel.decisions).toEqual([
      { decision: 'seuil', branch: 1, value: 9 },
      { decision: 'tri', branch: 0 },
      { decision: 'stade', branch: 1, value: 'severe' },
    ]);
  });

  it('stops at the decision when no branch holds, and names it', () => {
    const walk = walkLogigramme(NODES, 'debut', { hba1c: 9, stade: 'inconnu' }, { tri: 'avis' });
    expect(walk.stop).toEqual({ kind: 'no-branch', decision: 'stade', variable: 'stade', value: 'inconnu' });
    expect(walk.nodes).toEqual(['debut', 'seuil', 'tri', 'avis', 'stade']);
  });

  it('stops when a value or a choice is missing, or a choice names no branch', () => {
    expect(walkLogigramme(NODES, 'debut', {}).stop).toEqual({ kind: 'no-value', decision: 'seuil', variable: 'hba1c' });
    expect(walkLogigramme(NODES, 'debut', { hba1c: 8 }).stop).toEqual({ kind: 'no-choice', decision: 'tri' });
    expect(walkLogigramme(NODES, 'debut', { hba1c: 8 }, { tri: 'nulle-part' }).stop).toEqual({ kind: 'unknown-choice', decision: 'tri', choice: 'nulle-part' });
    // A number is never a category, nor a category a number.
    expect(walkLogigramme(NODES, 'debut', { hba1c: 'haut' }).stop).toMatchObject({ kind: 'no-branch', decision: 'seuil' });
  });

  it('reports overlapping branches, a loop and a node that does not exist', () => {
    const overlapping: Record<string, LogigrammeNode> = {
      ...NODES,
      seuil: { ...(NODES.seuil as Extract<LogigrammeNode, { type: 'decision' }>), branches: [{ label: 'A', when: { lte: 8 }, next: 'suivi' }, { label: 'B', when: { gte: 7 }, next: 'fin' }] },
    };
    expect(walkLogigramme(overlapping, 'debut', { hba1c: 7.5 }).stop).toEqual({ kind: 'several-branches', decision: 'seuil', variable: 'hba1c', value: 7.5, branches: [0, 1] });
    const looping: Record<string, LogigrammeNode> = { ...NODES, suivi: { type: 'action', label: 'Suivi', actor: 'mg', next: 'seuil' } };
    expect(walkLogigramme(looping, 'debut', { hba1c: 5 })).toMatchObject({ nodes: ['debut', 'seuil', 'suivi', 'seuil'], stop: { kind: 'loop', node: 'seuil' } });
    const broken: Record<string, LogigrammeNode> = { ...NODES, suivi: { type: 'action', label: 'Suivi', actor: 'mg', next: 'absent' } };
    expect(walkLogigramme(broken, 'debut', { hba1c: 5 }).stop).toEqual({ kind: 'unknown-node', node: 'absent' });
  });
});
