import { describe, expect, it } from 'vitest';
import {
  edges,
  enumeratePaths,
  findCycles,
  isTerminal,
  outgoing,
  pathsToEnd,
  reachableFrom,
  reachingEnd,
  successors,
  topologicalOrder,
  type FlowNodes,
} from '../../src/graph/index.js';

/** start → test → decision (ok → end | high → treat → end). */
const simple: FlowNodes = {
  start: { type: 'start', next: 'test' },
  test: { type: 'action', next: 'decision' },
  decision: { type: 'decision', branches: [{ next: 'end' }, { next: 'treat' }] },
  treat: { type: 'action', next: 'end' },
  end: { type: 'end' },
};

describe('edges and successors', () => {
  it('lists `next` then branches, in document order, marking unknown targets', () => {
    expect(outgoing(simple, 'decision')).toEqual([
      { from: 'decision', to: 'end', branch: 0, known: true },
      { from: 'decision', to: 'treat', branch: 1, known: true },
    ]);
    expect(edges({ a: { type: 'start', next: 'zz' } })).toEqual([{ from: 'a', to: 'zz', known: false }]);
    expect(edges(simple)).toHaveLength(5);
  });

  it('deduplicates successors and ignores unknown targets', () => {
    const nodes: FlowNodes = { d: { type: 'decision', branches: [{ next: 'e' }, { next: 'e' }, { next: 'missing' }] }, e: { type: 'end' } };
    expect(successors(nodes, 'd')).toEqual(['e']);
    expect(successors(nodes, 'nowhere')).toEqual([]);
  });

  it('treats end nodes and referrals without next as terminal', () => {
    expect(isTerminal({ type: 'end' })).toBe(true);
    expect(isTerminal({ type: 'refer' })).toBe(true);
    expect(isTerminal({ type: 'refer', next: 'x' })).toBe(false);
    expect(isTerminal({ type: 'action' })).toBe(false);
  });
});

describe('reachability', () => {
  it('finds the nodes reachable from the start, breadth first', () => {
    const nodes = { ...simple, orphan: { type: 'action', next: 'end' } };
    expect([...reachableFrom(nodes, 'start')]).toEqual(['start', 'test', 'decision', 'end', 'treat']);
    expect(reachableFrom(nodes, 'missing').size).toBe(0);
  });

  it('finds the nodes from which an end can be reached', () => {
    const nodes: FlowNodes = {
      start: { type: 'start', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'stuck' }, { next: 'end' }] },
      stuck: { type: 'action' },
      loopA: { type: 'action', next: 'loopB' },
      loopB: { type: 'action', next: 'loopA' },
      broken: { type: 'action', next: 'nothing' },
      end: { type: 'end' },
    };
    expect([...reachingEnd(nodes)].sort()).toEqual(['d', 'end', 'start']);
    expect([...reachingEnd(nodes, { unknownTargetsReachEnd: true })].sort()).toEqual(['broken', 'd', 'end', 'start']);
  });
});

describe('cycles', () => {
  it('finds none in a flowchart without loops', () => {
    expect(findCycles(simple, 'start')).toEqual([]);
  });

  it('reports each loop with the edge that closes it', () => {
    const nodes: FlowNodes = {
      start: { type: 'start', next: 'a' },
      a: { type: 'action', next: 'b' },
      b: { type: 'decision', branches: [{ next: 'end' }, { next: 'a' }] },
      self: { type: 'action', next: 'self' },
      end: { type: 'end' },
    };
    const cycles = findCycles(nodes, 'start');
    expect(cycles).toEqual([
      { nodes: ['a', 'b', 'a'], edge: { from: 'b', to: 'a', branch: 1, known: true } },
      { nodes: ['self', 'self'], edge: { from: 'self', to: 'self', known: true } },
    ]);
  });

  it('handles a long chain without overflowing the stack', () => {
    const nodes: Record<string, { type: string; next?: string }> = {};
    const n = 50_000;
    for (let i = 0; i < n; i++) nodes[`n${i}`] = { type: 'action', next: `n${i + 1}` };
    nodes[`n${n}`] = { type: 'action', next: 'n0' };
    const cycles = findCycles(nodes, 'n0');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.nodes).toHaveLength(n + 2);
  });
});

describe('topological order', () => {
  it('puts every node before its successors, ties in document order', () => {
    const { order, cyclic } = topologicalOrder(simple, 'start');
    expect(order).toEqual(['start', 'test', 'decision', 'treat', 'end']);
    expect(cyclic).toEqual([]);
  });

  it('orders all nodes without a start, and sets apart the nodes on or behind a loop', () => {
    const nodes: FlowNodes = {
      start: { type: 'start', next: 'a' },
      a: { type: 'action', next: 'b' },
      b: { type: 'action', next: 'a' },
      c: { type: 'action', next: 'end' },
      end: { type: 'end' },
    };
    const { order, cyclic } = topologicalOrder(nodes);
    expect(order).toEqual(['start', 'c', 'end']);
    expect(cyclic).toEqual(['a', 'b']);
  });
});

describe('paths', () => {
  it('enumerates every path from the start with how it stops', () => {
    const { paths, truncated } = enumeratePaths(simple, 'start');
    expect(truncated).toBe(false);
    expect(paths.map((p) => [p.nodes.join('>'), p.end])).toEqual([
      ['start>test>decision>end', 'terminal'],
      ['start>test>decision>treat>end', 'terminal'],
    ]);
    expect(paths[1]!.edges.map((e) => e.branch)).toEqual([undefined, undefined, 1, undefined]);
  });

  it('stops before a loop and at a dead end', () => {
    const nodes: FlowNodes = {
      s: { type: 'start', next: 'd' },
      d: { type: 'decision', branches: [{ next: 's' }, { next: 'x' }] },
      x: { type: 'action' },
    };
    const { paths } = enumeratePaths(nodes, 's');
    expect(paths.map((p) => [p.nodes.join('>'), p.end])).toEqual([['s>d>x', 'dead-end']]);
    expect(enumeratePaths({ s: { type: 'start', next: 's' } }, 's').paths.map((p) => p.end)).toEqual(['loop']);
    expect(pathsToEnd(nodes, 's').paths).toEqual([]);
  });

  it('stops at the cap: 2^20 paths through 20 decisions are not all enumerated', () => {
    const nodes: Record<string, { type: string; next?: string; branches?: { next: string }[] }> = { start: { type: 'start', next: 'd0' } };
    for (let i = 0; i < 20; i++) nodes[`d${i}`] = { type: 'decision', branches: [{ next: `d${i + 1}` }, { next: `d${i + 1}` }] };
    nodes.d20 = { type: 'end' };
    const { paths, truncated } = pathsToEnd(nodes, 'start', { max: 100 });
    expect(paths).toHaveLength(100);
    expect(truncated).toBe(true);
    // Distinct branch choices: each path is a different sequence of branches.
    expect(new Set(paths.map((p) => p.edges.map((e) => e.branch ?? '-').join(''))).size).toBe(100);
    const bounded = enumeratePaths(nodes, 'start', { max: 1_000_000, maxSteps: 1000 });
    expect(bounded.truncated).toBe(true);
  });
});
