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

describe('topological order, by hand', () => {
  it('keeps document order among nodes ready together, whatever order a decision lists them in', () => {
    // s → d (h | c | f | a | g | b | e) ; every letter → fin. Document order: s, d, a … h, fin.
    const letters = ['a', 'b', 'c', 'e', 'f', 'g', 'h'];
    const nodes: Record<string, { type: string; next?: string; branches?: { next: string }[] }> = {
      s: { type: 'start', next: 'd' },
      d: { type: 'decision', branches: ['h', 'c', 'f', 'a', 'g', 'b', 'e'].map((next) => ({ next })) },
    };
    for (const l of letters) nodes[l] = { type: 'action', next: 'fin' };
    nodes.fin = { type: 'end' };
    expect(topologicalOrder(nodes, 's')).toEqual({ order: ['s', 'd', ...letters, 'fin'], cyclic: [] });
    expect(topologicalOrder(nodes).order).toEqual(['s', 'd', ...letters, 'fin']);
  });

  it('orders unrelated nodes in document order, and a node after all its predecessors', () => {
    // No start: six lone nodes listed z, y, x, w, v, u are ready at once, in that document order.
    const lone: FlowNodes = { z: { type: 'end' }, y: { type: 'end' }, x: { type: 'end' }, w: { type: 'end' }, v: { type: 'end' }, u: { type: 'end' } };
    expect(topologicalOrder(lone).order).toEqual(['z', 'y', 'x', 'w', 'v', 'u']);
    // Document order s, x, y, q, fin; s → (q | y), q → x, x → fin, y → fin.
    // s; then y (before q in the document); then q, which frees x; fin waits for x and y.
    const nodes: FlowNodes = {
      s: { type: 'decision', branches: [{ next: 'q' }, { next: 'y' }] },
      x: { type: 'action', next: 'fin' },
      y: { type: 'action', next: 'fin' },
      q: { type: 'action', next: 'x' },
      fin: { type: 'end' },
    };
    expect(topologicalOrder(nodes, 's').order).toEqual(['s', 'y', 'q', 'x', 'fin']);
  });

  it('leaves out what is not reachable from the start, and lists the looping nodes in document order', () => {
    // Document order: s, c, b, a, fin, orphan. s → a → b → c → a (loop), c → fin.
    // Breadth first from s: s, a, b, c, fin; in the document: c, b, a, fin.
    const nodes: FlowNodes = {
      s: { type: 'start', next: 'a' },
      c: { type: 'decision', branches: [{ next: 'a' }, { next: 'fin' }] },
      b: { type: 'action', next: 'c' },
      a: { type: 'action', next: 'b' },
      fin: { type: 'end' },
      orphan: { type: 'action', next: 'fin' },
    };
    expect(topologicalOrder(nodes, 's')).toEqual({ order: ['s'], cyclic: ['c', 'b', 'a', 'fin'] });
    expect(topologicalOrder(nodes)).toEqual({ order: ['s', 'orphan'], cyclic: ['c', 'b', 'a', 'fin'] });
  });

  it('counts an edge twice to the same node once', () => {
    // d's two branches both go to e: e is ready as soon as d is done.
    const nodes: FlowNodes = {
      s: { type: 'start', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'e' }, { next: 'e' }] },
      e: { type: 'end' },
    };
    expect(topologicalOrder(nodes, 's')).toEqual({ order: ['s', 'd', 'e'], cyclic: [] });
  });
});

describe('edges and reachability, by hand', () => {
  it('ignores a `next` to a missing node in successors but keeps it as an unknown edge', () => {
    const nodes: FlowNodes = { a: { type: 'action', next: 'zz' }, b: { type: 'decision', branches: [{ next: 'a' }, { next: 'zz' }] } };
    expect(successors(nodes, 'a')).toEqual([]);
    expect(successors(nodes, 'b')).toEqual(['a']);
    expect(outgoing(nodes, 'a')).toEqual([{ from: 'a', to: 'zz', known: false }]);
    expect(outgoing(nodes, 'missing')).toEqual([]);
    expect(edges(nodes)).toEqual([
      { from: 'a', to: 'zz', known: false },
      { from: 'b', to: 'a', branch: 0, known: true },
      { from: 'b', to: 'zz', branch: 1, known: false },
    ]);
  });

  it('lists a `next` before the branches, and does not repeat a branch going where `next` goes', () => {
    const nodes: FlowNodes = { x: { type: 'odd', next: 'b', branches: [{ next: 'a' }, { next: 'b' }] }, a: { type: 'end' }, b: { type: 'end' } };
    expect(successors(nodes, 'x')).toEqual(['b', 'a']);
    expect(outgoing(nodes, 'x').map((e) => [e.to, e.branch])).toEqual([
      ['b', undefined],
      ['a', 0],
      ['b', 1],
    ]);
  });

  it('does not take inherited object properties for nodes', () => {
    const nodes: FlowNodes = { s: { type: 'start', next: 'toString' } };
    expect(successors(nodes, 's')).toEqual([]);
    expect(outgoing(nodes, 's')).toEqual([{ from: 's', to: 'toString', known: false }]);
    expect([...reachableFrom(nodes, 'constructor')]).toEqual([]);
  });

  it('finds every node that leads to an end through one or several predecessors', () => {
    // a → b → c → fin, and x → c: all reach fin; y → a reaches it too; z goes nowhere.
    const nodes: FlowNodes = {
      a: { type: 'action', next: 'b' },
      b: { type: 'action', next: 'c' },
      c: { type: 'action', next: 'fin' },
      x: { type: 'action', next: 'c' },
      y: { type: 'decision', branches: [{ next: 'z' }, { next: 'a' }] },
      z: { type: 'action' },
      fin: { type: 'end' },
      r: { type: 'refer' },
      q: { type: 'action', next: 'r' },
    };
    expect([...reachingEnd(nodes)].sort()).toEqual(['a', 'b', 'c', 'fin', 'q', 'r', 'x', 'y']);
    // Without the option, an edge to a missing node does not reach an end.
    expect([...reachingEnd({ m: { type: 'action', next: 'nothing' } })]).toEqual([]);
    // With it, the broken node and what leads to it count as reaching an end.
    const broken: FlowNodes = { p: { type: 'action', next: 'm' }, m: { type: 'decision', branches: [{ next: 'gone' }, { next: 'gone2' }] } };
    expect([...reachingEnd(broken, { unknownTargetsReachEnd: true })].sort()).toEqual(['m', 'p']);
  });
});

describe('cycles, by hand', () => {
  it('starts the search at the given start, which decides the edge that closes a loop', () => {
    const nodes: FlowNodes = { a: { type: 'action', next: 'b' }, b: { type: 'action', next: 'a' } };
    expect(findCycles(nodes)).toEqual([{ nodes: ['a', 'b', 'a'], edge: { from: 'b', to: 'a', known: true } }]);
    expect(findCycles(nodes, 'b')).toEqual([{ nodes: ['b', 'a', 'b'], edge: { from: 'a', to: 'b', known: true } }]);
    expect(findCycles(nodes, 'missing')).toEqual([{ nodes: ['a', 'b', 'a'], edge: { from: 'b', to: 'a', known: true } }]);
  });

  it('reports a loop once even when it can be reached by two ways', () => {
    // s → (a | b) → c → d → c: one loop, c d c. The second way into c meets a node already done.
    const nodes: FlowNodes = {
      s: { type: 'decision', branches: [{ next: 'a' }, { next: 'b' }] },
      a: { type: 'action', next: 'c' },
      b: { type: 'action', next: 'c' },
      c: { type: 'action', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'c' }, { next: 'fin' }] },
      fin: { type: 'end' },
    };
    expect(findCycles(nodes, 's')).toEqual([{ nodes: ['c', 'd', 'c'], edge: { from: 'd', to: 'c', branch: 0, known: true } }]);
    // Started from the loop itself, then from the remaining nodes in document order: still one.
    expect(findCycles(nodes, 'd')).toEqual([{ nodes: ['d', 'c', 'd'], edge: { from: 'c', to: 'd', known: true } }]);
  });

  it('reports two loops through the same node, and none for a diamond or an edge to a missing node', () => {
    // h → (h | k), k → h: a self-loop on h and the loop h k h.
    const nodes: FlowNodes = { h: { type: 'decision', branches: [{ next: 'h' }, { next: 'k' }] }, k: { type: 'action', next: 'h' } };
    expect(findCycles(nodes)).toEqual([
      { nodes: ['h', 'h'], edge: { from: 'h', to: 'h', branch: 0, known: true } },
      { nodes: ['h', 'k', 'h'], edge: { from: 'k', to: 'h', known: true } },
    ]);
    const diamond: FlowNodes = {
      s: { type: 'decision', branches: [{ next: 'a' }, { next: 'b' }, { next: 'gone' }] },
      a: { type: 'action', next: 'j' },
      b: { type: 'action', next: 'j' },
      j: { type: 'end' },
    };
    expect(findCycles(diamond, 's')).toEqual([]);
  });
});

describe('paths, by hand', () => {
  /** s → d (a → j | b → j) → j → fin: two paths through the diamond. */
  const diamond: FlowNodes = {
    s: { type: 'start', next: 'd' },
    d: { type: 'decision', branches: [{ next: 'a' }, { next: 'b' }] },
    a: { type: 'action', next: 'j' },
    b: { type: 'action', next: 'j' },
    j: { type: 'action', next: 'fin' },
    fin: { type: 'end' },
  };

  it('walks through a node again on another way (it is only barred on the same path)', () => {
    const { paths, truncated } = enumeratePaths(diamond, 's');
    expect(paths.map((p) => [p.nodes.join('>'), p.end])).toEqual([
      ['s>d>a>j>fin', 'terminal'],
      ['s>d>b>j>fin', 'terminal'],
    ]);
    expect(truncated).toBe(false);
  });

  it('returns nothing for a missing start, and stops at once for max 0', () => {
    expect(enumeratePaths(diamond, 'missing')).toEqual({ paths: [], truncated: false });
    expect(enumeratePaths(diamond, 's', { max: 0 })).toEqual({ paths: [], truncated: true });
    // max 1: the first path only; max 2: both, and truncated since there might be more.
    expect(enumeratePaths(diamond, 's', { max: 1 }).paths.map((p) => p.nodes.at(-2))).toEqual(['j']);
    expect(enumeratePaths(diamond, 's', { max: 1 }).paths[0]!.nodes).toEqual(['s', 'd', 'a', 'j', 'fin']);
    expect(enumeratePaths(diamond, 's', { max: 2 })).toMatchObject({ truncated: true });
    expect(enumeratePaths(diamond, 's', { max: 3 }).paths).toHaveLength(2);
    expect(enumeratePaths(diamond, 's', { max: 3 }).truncated).toBe(false);
  });

  it('walks at most maxSteps edges', () => {
    // The first path takes 4 edges (s d a j fin); the second 3 more (d b j fin).
    expect(enumeratePaths(diamond, 's', { maxSteps: 7 })).toMatchObject({ truncated: false });
    expect(enumeratePaths(diamond, 's', { maxSteps: 7 }).paths).toHaveLength(2);
    const six = enumeratePaths(diamond, 's', { maxSteps: 6 });
    expect(six.truncated).toBe(true);
    expect(six.paths.map((p) => p.nodes.join('>'))).toEqual(['s>d>a>j>fin']);
    expect(enumeratePaths(diamond, 's', { maxSteps: 3 })).toEqual({ paths: [], truncated: true });
    expect(enumeratePaths(diamond, 's', { maxSteps: 4 }).paths).toHaveLength(1);
  });

  it('keeps only the paths that stop the asked way, and records the edges taken', () => {
    // s → d (x, an action going nowhere | s again | r, a referral without next).
    const nodes: FlowNodes = {
      s: { type: 'start', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'x' }, { next: 's' }, { next: 'r' }, { next: 'gone' }] },
      x: { type: 'action' },
      r: { type: 'refer' },
    };
    const all = enumeratePaths(nodes, 's');
    expect(all.paths.map((p) => [p.nodes.join('>'), p.end])).toEqual([
      ['s>d>x', 'dead-end'],
      ['s>d>r', 'terminal'],
    ]);
    expect(all.paths[1]!.edges).toEqual([
      { from: 's', to: 'd', known: true },
      { from: 'd', to: 'r', branch: 2, known: true },
    ]);
    expect(enumeratePaths(nodes, 's', { ends: ['dead-end'] }).paths.map((p) => p.nodes.join('>'))).toEqual(['s>d>x']);
    expect(enumeratePaths(nodes, 's', { ends: ['loop'] }).paths).toEqual([]);
    expect(pathsToEnd(nodes, 's').paths.map((p) => p.nodes.join('>'))).toEqual(['s>d>r']);
    // A lone end node is a path of one node.
    expect(enumeratePaths({ e: { type: 'end' } }, 'e').paths).toEqual([{ nodes: ['e'], edges: [], end: 'terminal' }]);
  });

  it('reports a loop only where every way on goes back', () => {
    // s → a → (s | b), b → a: from b the only way on is back to a: the path stops there as a loop.
    const nodes: FlowNodes = {
      s: { type: 'start', next: 'a' },
      a: { type: 'decision', branches: [{ next: 's' }, { next: 'b' }] },
      b: { type: 'action', next: 'a' },
    };
    expect(enumeratePaths(nodes, 's').paths.map((p) => [p.nodes.join('>'), p.end])).toEqual([['s>a>b', 'loop']]);
  });

  it('returns 1,000 paths by default', () => {
    // 11 decisions with two branches each: 2^11 = 2048 paths to fin.
    const nodes: Record<string, { type: string; next?: string; branches?: { next: string }[] }> = {};
    for (let i = 0; i < 11; i++) nodes[`d${i}`] = { type: 'decision', branches: [{ next: `d${i + 1}` }, { next: `d${i + 1}` }] };
    nodes.d11 = { type: 'end' };
    const r = pathsToEnd(nodes, 'd0');
    expect(r.paths).toHaveLength(1000);
    expect(r.truncated).toBe(true);
  });
});

describe('ids that mean something to JavaScript are ordinary ids', () => {
  // "undefined" is a valid id (letters only): a node without `next` must not lead to it.
  it('does not read a missing `next` as the node called "undefined"', () => {
    const nodes: FlowNodes = { a: { type: 'action' }, undefined: { type: 'action', next: 'x' }, x: { type: 'end' } };
    expect(successors(nodes, 'a')).toEqual([]);
    expect([...reachableFrom(nodes, 'a')]).toEqual(['a']);
  });

  it('starts the search for loops at the first node of the document when no start is given', () => {
    // a → b → a, and a node "undefined" (listed last) → b.
    const nodes: FlowNodes = { a: { type: 'action', next: 'b' }, b: { type: 'action', next: 'a' }, undefined: { type: 'action', next: 'b' } };
    expect(findCycles(nodes)).toEqual([{ nodes: ['a', 'b', 'a'], edge: { from: 'b', to: 'a', known: true } }]);
  });
});

describe('loops, more', () => {
  it('reports a self-loop once when it is met before its own turn as a root', () => {
    const nodes: FlowNodes = { a: { type: 'action', next: 'b' }, b: { type: 'action', next: 'b' } };
    expect(findCycles(nodes)).toEqual([{ nodes: ['b', 'b'], edge: { from: 'b', to: 'b', known: true } }]);
  });

  it('finds that the nodes of a loop with a way out reach an end', () => {
    // a → b → (a | fin): a, b and fin reach an end; c → c does not.
    const nodes: FlowNodes = {
      a: { type: 'action', next: 'b' },
      b: { type: 'decision', branches: [{ next: 'a' }, { next: 'fin' }] },
      fin: { type: 'end' },
      c: { type: 'action', next: 'c' },
    };
    expect([...reachingEnd(nodes)].sort()).toEqual(['a', 'b', 'fin']);
  });
});
