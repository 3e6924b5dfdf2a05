/**
 * Turns zod's validation issues into path reports with plain messages and hints:
 * missing keys, unknown keys with "did you mean", the closest branch of a union.
 */
import type { z } from 'zod';
import type { PathReport } from './diagnostic.js';
import { ownValue } from './records.js';
import { isKind, KIND_SCHEMAS, KINDS, type Kind } from './schemas/index.js';
import { closest, suggestionHint } from './suggest.js';

type Issue = z.core.$ZodIssue;
type Segment = string | number;
type AnySchema = z.core.$ZodType;

const DISTRIBUTION_HINT =
  'write a number, or a distribution: {beta: {mean, sd}}, {lognormal: {mean, ci95: [lo, hi]}}, {gamma: {mean, sd}}, {normal: {mean, sd}}, {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}';

export type Validation<T> = { ok: true; value: T; reports: PathReport[] } | { ok: false; reports: PathReport[] };

/** Validates one document: picks the schema by `kind`, then reports every problem by path. */
export function validateDocument(data: unknown): Validation<{ kind: Kind; value: unknown }> {
  if (data === null || data === undefined) {
    return { ok: false, reports: [{ ruleId: 'schema', message: 'the document is empty', path: [], hint: 'start with `kind:`, `version: 1` and `id:`; `logi init` writes examples' }] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      reports: [{ ruleId: 'schema', message: `a document is a mapping of keys, not ${describeValue(data)}`, path: [], hint: 'start with `kind:`, `version: 1` and `id:`' }],
    };
  }
  const kind = (data as Record<string, unknown>).kind;
  if (kind === undefined) {
    return { ok: false, reports: [{ ruleId: 'schema', message: 'missing required key `kind`', path: [], hint: `add \`kind:\` with one of ${KINDS.join(', ')}` }] };
  }
  if (!isKind(kind)) {
    const match = typeof kind === 'string' ? closest(kind, KINDS) : undefined;
    return {
      ok: false,
      reports: [
        {
          ruleId: 'schema',
          message: `unknown kind ${quoteValue(kind)}`,
          path: ['kind'],
          hint: match ? `did you mean \`${match}\`?` : `the kinds are ${KINDS.join(', ')}`,
        },
      ],
    };
  }
  const schema = KIND_SCHEMAS[kind] as unknown as z.ZodType;
  const reports = schemaReports(schema, data);
  if (reports.length > 0) return { ok: false, reports };
  return { ok: true, value: { kind, value: schema.parse(data) }, reports: [] };
}

/** Validates data against any schema, returning path reports (empty when valid). */
export function schemaReports(schema: z.ZodType, data: unknown): PathReport[] {
  const result = schema.safeParse(data, { reportInput: true });
  const reports: PathReport[] = [];
  if (!result.success) for (const issue of result.error.issues) reports.push(...explain(issue, [], schema, data));
  const reported = new Set(reports.map((r) => r.path.join('\u0000')));
  reports.push(...protoKeyReports(data).filter((r) => !reported.has(r.path.join('\u0000'))));
  return dedupe(reports);
}

/**
 * Every key `__proto__` in the data (the YAML parser keeps it as an own key). zod leaves it out of
 * a parsed record without a word, since assigning it would replace the record's prototype: the
 * entry would vanish silently. Walked with a stack and a visited set, so deep or aliased data is safe.
 */
function protoKeyReports(data: unknown): PathReport[] {
  const reports: PathReport[] = [];
  const visited = new Set<object>();
  const stack: { value: unknown; path: Segment[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object' || visited.has(value)) continue;
    visited.add(value);
    for (const [key, child] of Object.entries(value)) {
      const segment: Segment = Array.isArray(value) ? Number(key) : key;
      if (key === '__proto__' && !Array.isArray(value)) {
        reports.push({ ruleId: 'schema', message: '`__proto__` is not a valid id', path: [...path, key], atKey: true, hint: 'an id uses letters, digits, "-", "_" or "." and starts with a letter or digit' });
      }
      if (child !== null && typeof child === 'object') stack.push({ value: child, path: [...path, segment] });
    }
  }
  return reports.reverse();
}

function dedupe(reports: PathReport[]): PathReport[] {
  const seen = new Set<string>();
  return reports.filter((r) => {
    const key = `${r.path.join('\u0000')}|${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function valueAt(data: unknown, path: readonly Segment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Score of a union branch: lower is a better match (the user probably meant that branch). */
function branchScore(issues: readonly Issue[], depth = 0): number {
  let score = 0;
  for (const issue of issues) score += issueScore(issue, depth);
  return score;
}

function issueScore(issue: Issue, depth: number): number {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 5; // a missing key: the branch may still be the right one
    return issue.path.length === 0 ? 1000 : 3; // the value itself has the wrong type
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0 && depth < 8) {
    const inner = Math.min(...issue.errors.map((branch) => branchScore(branch, depth + 1)));
    return issue.path.length === 0 ? inner : Math.min(inner, 5);
  }
  if (issue.code === 'unrecognized_keys') return 10 * issue.keys.length;
  return 1;
}

function explain(issue: Issue, prefix: readonly Segment[], root: z.ZodType, data: unknown): PathReport[] {
  const path = [...prefix, ...(issue.path as Segment[])];
  const input = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_union': {
      if (issue.errors.length === 0) {
        // A discriminated union whose discriminator matched nothing (e.g. a node `type`).
        const options = ((issue as unknown as { options?: unknown[] }).options ?? []).map(String);
        const got = valueAt(data, path);
        if (got === undefined) {
          return [{ ruleId: 'schema', message: `missing required key \`${String(path[path.length - 1])}\``, path, hint: `one of ${options.map((o) => `\`${o}\``).join(', ')}` }];
        }
        return [
          {
            ruleId: 'schema',
            message: `unknown ${String(path[path.length - 1])} ${quoteValue(got)}`,
            path,
            hint: suggestionHint(String(got), options, String(path[path.length - 1])) ?? `one of ${options.join(', ')}`,
          },
        ];
      }
      if (input === undefined && path.length > 0) {
        const key = path[path.length - 1];
        return [{ ruleId: 'schema', message: `missing required key \`${String(key)}\``, path, hint: `add \`${String(key)}:\`` }];
      }
      const scored = issue.errors.map((branch, index) => ({ branch, index, score: branchScore(branch) }));
      const best = Math.min(...scored.map((s) => s.score));
      const winners = scored.filter((s) => s.score === best);
      const isParameter = describesParameter(root, path);
      if (best >= 1000) {
        // The value has a type that no branch accepts.
        const expected = new Set<string>();
        for (const branch of issue.errors) for (const i of branch) if (i.path.length === 0 && i.code === 'invalid_type') expected.add(article(i.expected));
        return [
          {
            ruleId: 'schema',
            message: `expected ${[...expected].join(' or ')}, got ${describeValue(input)}`,
            path,
            hint: hintForType([...expected][0] === 'a number' ? 'number' : '', input, isParameter),
          },
        ];
      }
      if (winners.length > 1 && input !== null && typeof input === 'object' && !Array.isArray(input)) {
        // Several branches fit equally badly: the keys themselves are wrong.
        const known = knownKeys(root, path);
        const unknown = Object.keys(input).filter((k) => !known.includes(k));
        if (unknown.length > 0) {
          return unknown.map((key) => ({
            ruleId: 'schema',
            message: isParameter ? `unknown distribution \`${key}\`` : `unknown key \`${key}\``,
            path: [...path, key],
            atKey: true,
            hint: closestHint(key, known) ?? (isParameter ? DISTRIBUTION_HINT : `allowed keys: ${known.join(', ')}`),
          }));
        }
      }
      return winners[0]!.branch.flatMap((inner) => explain(inner, path, root, data));
    }
    case 'unrecognized_keys': {
      const known = knownKeys(root, path);
      return issue.keys.map((key) => ({
        ruleId: 'schema',
        message: `unknown key \`${key}\``,
        path: [...path, key],
        atKey: true,
        hint: closestHint(key, known) ?? (known.length > 0 ? `allowed keys here: ${known.join(', ')}` : 'remove this key'),
      }));
    }
    case 'invalid_type': {
      if (input === undefined) {
        const key = path[path.length - 1];
        return [
          {
            ruleId: 'schema',
            message: typeof key === 'number' ? `missing item ${key + 1}` : `missing required key \`${String(key)}\``,
            path,
            hint: `add \`${String(key)}:\` (${article(issue.expected)})`,
          },
        ];
      }
      return [
        {
          ruleId: 'schema',
          message: `expected ${article(issue.expected)}, got ${describeValue(input)}`,
          path,
          hint: hintForType(issue.expected, input, describesParameter(root, path)),
        },
      ];
    }
    case 'invalid_value': {
      if (input === undefined && typeof path[path.length - 1] === 'string') {
        const key = String(path[path.length - 1]);
        const hint = issue.values.length === 1 ? `add \`${key}: ${String(issue.values[0])}\`` : `add \`${key}:\` with one of ${issue.values.map(String).join(', ')}`;
        return [{ ruleId: 'schema', message: `missing required key \`${key}\``, path, hint }];
      }
      if (issue.message && !issue.message.startsWith('Invalid input')) return [{ ruleId: 'schema', message: issue.message, path }];
      const allowed = issue.values.map(String);
      return [
        {
          ruleId: 'schema',
          message: `${describeValue(input)} is not allowed here; expected ${allowed.map((v) => `\`${v}\``).join(', ')}`,
          path,
          hint: typeof input === 'string' ? closestHint(input, allowed) : undefined,
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const inclusive = issue.inclusive !== false;
      const op = issue.code === 'too_small' ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
      let message: string;
      if (issue.origin === 'array') message = issue.code === 'too_small' ? `needs at least ${String(bound)} item(s)` : `has more than ${String(bound)} items`;
      else if (issue.origin === 'string') message = issue.code === 'too_small' ? 'must not be empty' : `is longer than ${String(bound)} characters`;
      else message = `must be ${op} ${String(bound)}, got ${describeValue(input)}`;
      return [{ ruleId: 'schema', message, path }];
    }
    case 'invalid_key':
      return issue.issues.flatMap((inner) => explain(inner, path, root, data)).map((r) => ({ ...r, atKey: true }));
    case 'invalid_element':
      return issue.issues.flatMap((inner) => explain(inner, path, root, data));
    default:
      return [{ ruleId: 'schema', message: issue.message, path }];
  }
}

function closestHint(word: string, candidates: readonly string[]): string | undefined {
  const match = closest(word, candidates);
  return match ? `did you mean \`${match}\`?` : undefined;
}

function hintForType(expected: string, input: unknown, isParameter: boolean): string | undefined {
  if (expected === 'number' && typeof input === 'string' && /^\s*-?\d+([.,]\d+)?\s*%?\s*$/.test(input)) {
    return 'write the number without quotes, with a decimal point (0.5, not 0,5) and no % sign';
  }
  if (isParameter) return DISTRIBUTION_HINT;
  if (expected === 'array') return 'write a list, e.g. `[a, b]` or one `- item` per line';
  if (expected === 'object') return 'write a mapping of `key: value` lines, indented under this key';
  if (expected === 'string' && typeof input === 'number') return 'quote the value if it is meant as text';
  return undefined;
}

function article(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'int':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'a text';
    case 'boolean':
      return 'true or false';
    case 'tuple':
      return 'a list';
    default:
      return expected;
  }
}

/** A value as a message quotes it: text in quotes and cut after 40 characters, other values described (a value may be 1 MB long). */
function quoteValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return describeValue(value);
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `\`${value}\``;
  return typeof value;
}

// ---- Reading the schema itself, to know which keys a mapping accepts. ----

function defOf(schema: AnySchema): Record<string, unknown> & { type: string } {
  return (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
}

function unwrap(schema: AnySchema, depth = 0): AnySchema[] {
  if (depth > 20) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return unwrap(def.innerType as AnySchema, depth + 1);
    case 'pipe':
      return unwrap(def.in as AnySchema, depth + 1);
    case 'lazy':
      return unwrap((def.getter as () => AnySchema)(), depth + 1);
    case 'union':
      return (def.options as AnySchema[]).flatMap((o) => unwrap(o, depth + 1));
    default:
      return [schema];
  }
}

function schemasAt(root: AnySchema, path: readonly Segment[]): AnySchema[] {
  let current = unwrap(root);
  for (const segment of path) {
    const next: AnySchema[] = [];
    for (const schema of current) {
      const def = defOf(schema);
      if (def.type === 'object') {
        const child = ownValue(def.shape as Record<string, AnySchema>, String(segment));
        if (child) next.push(...unwrap(child));
      } else if (def.type === 'record') next.push(...unwrap(def.valueType as AnySchema));
      else if (def.type === 'array' && typeof segment === 'number') next.push(...unwrap(def.element as AnySchema));
      else if (def.type === 'tuple' && typeof segment === 'number') {
        const item = (def.items as AnySchema[])[segment];
        if (item) next.push(...unwrap(item));
      }
    }
    current = next;
  }
  return current;
}

/** Keys accepted by the mapping at `path` (the union of every branch that is a mapping). */
export function knownKeys(root: AnySchema, path: readonly Segment[]): string[] {
  const keys = new Set<string>();
  for (const schema of schemasAt(root, path)) {
    const def = defOf(schema);
    if (def.type === 'object') for (const key of Object.keys(def.shape as object)) keys.add(key);
  }
  return [...keys];
}

function describesParameter(root: AnySchema, path: readonly Segment[]): boolean {
  const keys = knownKeys(root, path);
  return keys.includes('beta') && keys.includes('lognormal');
}
