import { describe, expect, it } from 'vitest';
import { effectCombinations, MAX_EFFECT_COMBINATIONS, type FlowNodes } from '../../src/graph/index.js';

/** `maskOf` from a table of node id → effect bits (0 for a node without effects). */
const masks =
  (table: Record<string, number>) =>
  (id: string): number =>
    table[id] ?? 0;
const sorted = (set: Set<number> | undefined) => (set ? [...set].sort((a, b) => a - b) : undefined);

/**
 * start → d1 (a1 [effect 1] → d2 | d2) → d2 (a2 [effect 2] → fin | fin) → fin.
 * Counted by hand: d2 is reached with {} or {1}; fin with {}, {1}, {2}, {1,2}.
 */
const twoDecisions: FlowNodes = {
  start: { type: 'start', next: 'd1' },
  d1: { type: 'decision', branches: [{ next: 'a1' }, { next: 'd2' }] },
  a1: { type: 'action', next: 'd2' },
  d2: { type: 'decision', branches: [{ next: 'a2' }, { next: 'fin' }] },
  a2: { type: 'action', next: 'fin' },
  fin: { type: 'end' },
};

/** Three such decisions in a row: effects 1, 2, 4; 2 × 2 × 2 = 8 combinations reach `fin`. */
const threeDecisions: FlowNodes = {
  start: { type: 'start', next: 'd1' },
  d1: { type: 'decision', branches: [{ next: 'a1' }, { next: 'd2' }] },
  a1: { type: 'action', next: 'd2' },
  d2: { type: 'decision', branches: [{ next: 'a2' }, { next: 'd3' }] },
  a2: { type: 'action', next: 'd3' },
  d3: { type: 'decision', branches: [{ next: 'a3' }, { next: 'fin' }] },
  a3: { type: 'action', next: 'fin' },
  fin: { type: 'end' },
};
const threeMasks = masks({ a1: 1, a2: 2, a3: 4 });

describe('effect combinations', () => {
  it('counts the sets arriving at each node and leaving: two binary decisions give 4', () => {
    const r = effectCombinations(twoDecisions, 'start', masks({ a1: 1, a2: 2 }));
    expect(sorted(r.arriving.get('start'))).toEqual([0]);
    expect(sorted(r.arriving.get('d1'))).toEqual([0]);
    // A node's own effects are met on leaving it, not on arriving.
    expect(sorted(r.arriving.get('a1'))).toEqual([0]);
    expect(sorted(r.arriving.get('d2'))).toEqual([0, 1]);
    expect(sorted(r.arriving.get('a2'))).toEqual([0, 1]);
    expect(sorted(r.arriving.get('fin'))).toEqual([0, 1, 2, 3]);
    expect(sorted(r.leaving)).toEqual([0, 1, 2, 3]);
    expect(r.arriving.size).toBe(6);
    // The first node with the most sets: fin (4); the exit ties with it and does not replace it.
    expect(r.largest).toEqual({ count: 4, at: 'fin' });
  });

  it('merges the ways that meet the same effects', () => {
    // Both branches of d carry the same effect (bit 1): one set leaves, not two.
    const nodes: FlowNodes = {
      start: { type: 'start', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'x' }, { next: 'y' }] },
      x: { type: 'action', next: 'fin' },
      y: { type: 'action', next: 'fin' },
      fin: { type: 'end' },
    };
    const r = effectCombinations(nodes, 'start', masks({ x: 1, y: 1 }));
    expect(sorted(r.arriving.get('fin'))).toEqual([1]);
    expect(sorted(r.leaving)).toEqual([1]);
    expect(r.largest).toEqual({ count: 1, at: 'start' });
  });

  it('adds a node’s effects to every set passing through it, several bits at once', () => {
    // start (bit 4) → d (x [bits 1 and 2] | fin) ; x → fin. The start's own effect reaches everyone.
    const nodes: FlowNodes = {
      start: { type: 'start', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'x' }, { next: 'fin' }] },
      x: { type: 'action', next: 'fin' },
      fin: { type: 'end' },
    };
    const r = effectCombinations(nodes, 'start', masks({ start: 4, x: 3 }));
    expect(sorted(r.arriving.get('d'))).toEqual([4]);
    expect(sorted(r.arriving.get('fin'))).toEqual([4, 7]);
    expect(sorted(r.leaving)).toEqual([4, 7]);
  });

  it('keeps the effects met before: an effect already met is not met twice', () => {
    // start → a [bit 1] → d (b [bit 1 again] | c [bit 2]) → fin: {1} and {1,2} leave.
    const nodes: FlowNodes = {
      start: { type: 'start', next: 'a' },
      a: { type: 'action', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'b' }, { next: 'c' }] },
      b: { type: 'action', next: 'fin' },
      c: { type: 'action', next: 'fin' },
      fin: { type: 'end' },
    };
    const r = effectCombinations(nodes, 'start', masks({ a: 1, b: 1, c: 2 }));
    expect(sorted(r.arriving.get('b'))).toEqual([1]);
    expect(sorted(r.leaving)).toEqual([1, 3]);
  });

  it('lets people leave at every end, at a referral without next, and at an action going nowhere', () => {
    // start → d (a [bit 1] → stop | r [bit 2], a referral | n [bit 4], an action without next | fin).
    const nodes: FlowNodes = {
      start: { type: 'start', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'a' }, { next: 'r' }, { next: 'n' }, { next: 'fin' }] },
      a: { type: 'action', next: 'stop' },
      stop: { type: 'end' },
      r: { type: 'refer' },
      n: { type: 'action' },
      fin: { type: 'end' },
    };
    const r = effectCombinations(nodes, 'start', masks({ a: 1, r: 2, n: 4 }));
    expect(sorted(r.leaving)).toEqual([0, 1, 2, 4]);
    // Every node is reached by one set; the exit, with 4, is the largest.
    expect(r.largest).toEqual({ count: 4, at: 'end' });
  });

  it('lets people leave at a node whose ways on all lead to missing nodes', () => {
    const nodes: FlowNodes = {
      start: { type: 'start', next: 'a' },
      a: { type: 'action', next: 'nowhere' },
    };
    const r = effectCombinations(nodes, 'start', masks({ a: 2 }));
    expect(sorted(r.leaving)).toEqual([2]);
    expect(r.arriving.has('nowhere')).toBe(false);
  });

  it('does not let people out of a node that has a way on', () => {
    // A referral with next continues here: only fin lets people out, after the referral's effect.
    const nodes: FlowNodes = {
      start: { type: 'start', next: 'r' },
      r: { type: 'refer', next: 'fin' },
      fin: { type: 'end' },
    };
    const r = effectCombinations(nodes, 'start', masks({ start: 1, r: 2 }));
    expect(sorted(r.arriving.get('fin'))).toEqual([3]);
    expect(sorted(r.leaving)).toEqual([3]);
  });

  it('reports the first node with the most sets, and the exit when more sets leave than reach any node', () => {
    // A plain chain: one set everywhere, the start is first.
    const chain: FlowNodes = { start: { type: 'start', next: 'a' }, a: { type: 'action', next: 'fin' }, fin: { type: 'end' } };
    expect(effectCombinations(chain, 'start', masks({ a: 1 })).largest).toEqual({ count: 1, at: 'start' });
    // start → d (a [bit 1] → e1 | e2): each node sees one set, two sets leave.
    const twoEnds: FlowNodes = {
      start: { type: 'start', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'a' }, { next: 'e2' }] },
      a: { type: 'action', next: 'e1' },
      e1: { type: 'end' },
      e2: { type: 'end' },
    };
    const r = effectCombinations(twoEnds, 'start', masks({ a: 1 }));
    expect(sorted(r.leaving)).toEqual([0, 1]);
    expect(r.largest).toEqual({ count: 2, at: 'end' });
  });

  it('leaves out the nodes that are not reachable from the start', () => {
    const nodes: FlowNodes = {
      start: { type: 'start', next: 'fin' },
      orphan: { type: 'action', next: 'fin' },
      fin: { type: 'end' },
    };
    const r = effectCombinations(nodes, 'start', masks({ orphan: 1 }));
    expect(r.arriving.has('orphan')).toBe(false);
    expect(sorted(r.arriving.get('fin'))).toEqual([0]);
    expect(sorted(r.leaving)).toEqual([0]);
  });

  it('leaves out the nodes on a loop and behind it', () => {
    // start → d (x [bit 1] → y [bit 2] → x … | fin): x and y loop; only the way through fin is followed.
    const sideLoop: FlowNodes = {
      start: { type: 'start', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'x' }, { next: 'fin' }] },
      x: { type: 'action', next: 'y' },
      y: { type: 'action', next: 'x' },
      fin: { type: 'end' },
    };
    const r = effectCombinations(sideLoop, 'start', masks({ x: 1, y: 2 }));
    expect(r.arriving.has('y')).toBe(false);
    expect(sorted(r.leaving)).toEqual([0]);
    // start → a [bit 1] → d (a … | fin): fin is behind the loop, nobody is followed out.
    const loopBeforeEnd: FlowNodes = {
      start: { type: 'start', next: 'a' },
      a: { type: 'action', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'a' }, { next: 'fin' }] },
      fin: { type: 'end' },
    };
    const behind = effectCombinations(loopBeforeEnd, 'start', masks({ a: 1 }));
    expect(behind.leaving.size).toBe(0);
    expect(behind.arriving.has('d')).toBe(false);
    expect(behind.arriving.has('fin')).toBe(false);
  });

  it('counts 8 combinations through three decisions when the cap allows them', () => {
    const r = effectCombinations(threeDecisions, 'start', threeMasks);
    expect(sorted(r.arriving.get('d3'))).toEqual([0, 1, 2, 3]);
    expect(sorted(r.leaving)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(r.largest).toEqual({ count: 8, at: 'fin' });
    // A cap of 7 still lets the 8th set through (cap + 1 are kept).
    expect(effectCombinations(threeDecisions, 'start', threeMasks, 7).leaving.size).toBe(8);
  });

  it('passes on at most cap + 1 sets per node', () => {
    // cap 6: fin keeps 7 of its 8 sets, enough to tell that the limit is exceeded.
    const six = effectCombinations(threeDecisions, 'start', threeMasks, 6);
    expect(six.leaving.size).toBe(7);
    expect(six.largest).toEqual({ count: 7, at: 'fin' });
    // cap 2, by hand: d3 gets {0, 1} from d2 and 2 from a2 (3 is dropped, d3 already holds 3);
    // fin gets {0, 1, 2} from d3 and nothing from a3 (full).
    const two = effectCombinations(threeDecisions, 'start', threeMasks, 2);
    expect(sorted(two.arriving.get('d2'))).toEqual([0, 1]);
    expect(sorted(two.arriving.get('d3'))).toEqual([0, 1, 2]);
    expect(sorted(two.arriving.get('fin'))).toEqual([0, 1, 2]);
    expect(sorted(two.leaving)).toEqual([0, 1, 2]);
    expect(two.largest).toEqual({ count: 3, at: 'd3' });
  });

  it('caps at MAX_EFFECT_COMBINATIONS (64) by default: 7 decisions give 128 combinations, 65 are kept', () => {
    expect(MAX_EFFECT_COMBINATIONS).toBe(64);
    const nodes: Record<string, { type: string; next?: string; branches?: { next: string }[] }> = { start: { type: 'start', next: 'd0' } };
    const table: Record<string, number> = {};
    for (let i = 0; i < 7; i++) {
      const after = i === 6 ? 'fin' : `d${i + 1}`;
      nodes[`d${i}`] = { type: 'decision', branches: [{ next: `a${i}` }, { next: after }] };
      nodes[`a${i}`] = { type: 'action', next: after };
      table[`a${i}`] = 1 << i;
    }
    nodes.fin = { type: 'end' };
    // d6 is reached by the 2^6 = 64 sets of the first six effects: all kept.
    const r = effectCombinations(nodes, 'start', masks(table));
    expect(r.arriving.get('d6')!.size).toBe(64);
    expect(r.leaving.size).toBe(65);
    expect([...r.leaving].every((m) => m >= 0 && m < 128)).toBe(true);
    expect(r.largest).toEqual({ count: 65, at: 'fin' });
    // Without the cap in the way, all 128.
    expect(effectCombinations(nodes, 'start', masks(table), 1000).leaving.size).toBe(128);
  });

  it('follows nobody from a start that does not exist', () => {
    const r = effectCombinations(twoDecisions, 'nowhere', masks({ a1: 1 }));
    expect(r.leaving.size).toBe(0);
    expect(r.largest).toEqual({ count: 0, at: 'nowhere' });
  });
});

describe('effect combinations with lasting effects (issue 14)', () => {
  /** start → d (three exclusive branches: a1 [1], a2 [2], a3 [4], or none) → fin. */
  const exclusive: FlowNodes = {
    start: { type: 'start', next: 'd' },
    d: { type: 'decision', branches: [{ next: 'a1' }, { next: 'a2' }, { next: 'a3' }, { next: 'fin' }] },
    a1: { type: 'action', next: 'fin' },
    a2: { type: 'action', next: 'fin' },
    a3: { type: 'action', next: 'fin' },
    fin: { type: 'end' },
  };
  const exclusiveMasks = masks({ a1: 1, a2: 2, a3: 4 });

  it('one passage: the sets are {}, {1}, {2}, {4}', () => {
    expect(sorted(effectCombinations(exclusive, 'start', exclusiveMasks).leaving)).toEqual([0, 1, 2, 4]);
  });

  it('the enrolled enter again with the lasting ones: every union of lasting sets, 2³ = 8 when all three last', () => {
    const r = effectCombinations(exclusive, 'start', exclusiveMasks, MAX_EFFECT_COMBINATIONS, 1 | 2 | 4);
    expect(sorted(r.arriving.get('start'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(sorted(r.leaving)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('only lasting effects are carried: with effect 4 of one cycle, {4} never enters again', () => {
    const r = effectCombinations(exclusive, 'start', exclusiveMasks, MAX_EFFECT_COMBINATIONS, 1 | 2);
    // Entering: {}, {1}, {2}, {1,2}; leaving adds 4 to each of them, or not.
    expect(sorted(r.arriving.get('start'))).toEqual([0, 1, 2, 3]);
    expect(sorted(r.leaving)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
