/**
 * Turns zod's validation issues into path reports with plain messages and hints, in the user's
 * language: missing keys, unknown keys with "did you mean", the closest branch of a union, ids
 * with their unaccented spelling. zod's own messages are never shown: each parse runs with an
 * error map that marks them, and every issue code is rendered by logi's catalogue
 * (src/i18n/messages/language.ts). Messages the schemas write themselves (`version: 1`, a beta
 * mean in (0, 1)) come from the catalogue too, when the schema is checked.
 */
import type { z } from 'zod';
import { t } from '../i18n/catalogue.js';
import type { PathReport } from './diagnostic.js';
import { shorten } from './diagnostic.js';
import { describesParameter, knownKeys } from './schema-shape.js';
import { ID_PATTERN, isKind, KIND_SCHEMAS, KINDS, type Kind, NODE_TYPES } from './schemas/index.js';
import { asciiId, closestAll, didYouMean, suggestions } from './suggest.js';

type Issue = z.core.$ZodIssue;
type Segment = string | number;

/** The message zod gives an issue when the schema wrote none: marks an issue that logi must put in words. */
const ZOD_DEFAULT = '\u0000zod';

/** A report with what the merging of reports needs to know: the key it says is missing or unknown. */
interface Report extends PathReport {
  missingKey?: string;
  unknownKey?: string;
}

export type Validation<T> = { ok: true; value: T; reports: PathReport[] } | { ok: false; reports: PathReport[] };

/** Validates one document: picks the schema by `kind`, then reports every problem by path. */
export function validateDocument(data: unknown): Validation<{ kind: Kind; value: unknown }> {
  if (data === null || data === undefined) {
    return { ok: false, reports: [{ ruleId: 'schema', message: t('language.schema.empty-document'), path: [], hint: t('language.schema.empty-document.hint') }] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reports: [{ ruleId: 'schema', message: t('language.schema.not-a-mapping', { value: describeValue(data) }), path: [], hint: t('language.schema.start.hint') }] };
  }
  const kind = (data as Record<string, unknown>).kind;
  if (kind === undefined) {
    return { ok: false, reports: [{ ruleId: 'schema', message: t('language.schema.missing-key', { key: 'kind' }), path: [], hint: t('language.schema.missing-kind.hint', { kinds: KINDS }) }] };
  }
  if (!isKind(kind)) {
    const hint = (typeof kind === 'string' ? didYouMean(kind, KINDS) : undefined) ?? t('language.schema.kinds', { kinds: KINDS });
    return { ok: false, reports: [{ ruleId: 'schema', message: t('language.schema.unknown-kind', { kind: quoteValue(kind) }), path: ['kind'], hint }] };
  }
  const schema = KIND_SCHEMAS[kind] as unknown as z.ZodType;
  const reports = schemaReports(schema, data);
  if (reports.length > 0) return { ok: false, reports };
  return { ok: true, value: { kind, value: schema.parse(data) }, reports: [] };
}

/** Validates data against any schema, returning path reports (empty when valid). */
export function schemaReports(schema: z.ZodType, data: unknown): PathReport[] {
  const result = schema.safeParse(data, { reportInput: true, error: () => ZOD_DEFAULT });
  const reports: Report[] = [];
  if (!result.success) for (const issue of result.error.issues) reports.push(...explain(issue, [], schema, data));
  const reported = new Set(reports.map((r) => r.path.join('\u0000')));
  reports.push(...protoKeyReports(data).filter((r) => !reported.has(r.path.join('\u0000'))));
  return dedupe(withoutMisspeltMissing(reports));
}

/**
 * A misspelt key gives two issues: the unknown key (`lable`) and the missing key it stands for
 * (`label`). One mistake, one error: the unknown key stays, with "did you mean `label`?".
 */
function withoutMisspeltMissing(reports: readonly Report[]): PathReport[] {
  const parentOf = (path: readonly Segment[]) => path.slice(0, -1).join('\u0000');
  const unknownByParent = new Map<string, string[]>();
  for (const r of reports) if (r.unknownKey !== undefined) unknownByParent.set(parentOf(r.path), [...(unknownByParent.get(parentOf(r.path)) ?? []), r.unknownKey]);
  const kept = reports.filter((r) => r.missingKey === undefined || !(unknownByParent.get(parentOf(r.path)) ?? []).some((u) => closestAll(u, [r.missingKey!]).length > 0));
  return kept.map(({ missingKey: _missing, unknownKey: _unknown, ...report }) => report);
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
        reports.push({ ruleId: 'schema', message: t('language.schema.proto-id'), path: [...path, key], atKey: true, hint: t('language.schema.id-rule') });
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

interface Context {
  path: Segment[];
  input: unknown;
  root: z.ZodType;
  data: unknown;
}

function explain(issue: Issue, prefix: readonly Segment[], root: z.ZodType, data: unknown): Report[] {
  const path = [...prefix, ...(issue.path as Segment[])];
  const context: Context = { path, input: valueAt(data, path), root, data };
  switch (issue.code) {
    case 'invalid_union':
      return issue.errors.length === 0 ? unmatchedDiscriminator(issue, context) : explainUnion(issue, context);
    case 'unrecognized_keys':
      return unknownKeys(issue.keys, context, false);
    case 'invalid_type':
      return wrongType(issue, context);
    case 'invalid_value':
      return notAllowed(issue, context);
    case 'too_small':
    case 'too_big':
      return [{ ruleId: 'schema', message: outOfRange(issue, context.input), path }];
    case 'invalid_format':
      return badFormat(issue, context);
    case 'invalid_key':
      return issue.issues.flatMap((inner) => explain(inner as Issue, path, root, data)).map((r) => ({ ...r, atKey: true }));
    case 'invalid_element':
      return issue.issues.flatMap((inner) => explain(inner as Issue, path, root, data));
    default:
      // `custom` (a refinement of the schema: its message is the catalogue's) and the rare codes.
      return [{ ruleId: 'schema', message: issue.message === ZOD_DEFAULT ? t('language.schema.invalid') : issue.message, path }];
  }
}

function lastKey(path: readonly Segment[]): string {
  return String(path[path.length - 1]);
}

function missingKey(key: string, hint: string, path: Segment[]): Report {
  return { ruleId: 'schema', message: t('language.schema.missing-key', { key }), path, hint, missingKey: key };
}

/** A discriminated union whose discriminator matched nothing (a node `type`). */
function unmatchedDiscriminator(issue: Issue, { path, input }: Context): Report[] {
  const options = ((issue as unknown as { options?: unknown[] }).options ?? []).map(String);
  if (input === undefined) return [missingKey(lastKey(path), t('language.schema.one-of', { values: options }), path)];
  const isNodeType = lastKey(path) === 'type' && NODE_TYPES.every((type) => options.includes(type));
  const matches = typeof input === 'string' ? suggestions(input, options) : [];
  if (isNodeType) {
    const type = quoteValue(input);
    const message = matches.length > 0 ? t('language.schema.unknown-node-type.suggest', { type, options: matches }) : t('language.schema.unknown-node-type', { type });
    return [{ ruleId: 'schema', message, path, hint: t('language.schema.node-types', { types: [...NODE_TYPES] }) }];
  }
  const hint = matches.length > 0 ? t('language.suggest.did-you-mean', { options: matches }) : t('language.schema.one-of', { values: options });
  return [{ ruleId: 'schema', message: t('language.schema.unknown-value', { key: lastKey(path), value: quoteValue(input) }), path, hint }];
}

function explainUnion(issue: Extract<Issue, { code: 'invalid_union' }>, context: Context): Report[] {
  const { path, input, root, data } = context;
  if (input === undefined && path.length > 0) return [missingKey(lastKey(path), t('language.schema.missing-key.add', { key: lastKey(path) }), path)];
  const scored = issue.errors.map((branch) => ({ branch, score: branchScore(branch) }));
  const best = Math.min(...scored.map((s) => s.score));
  const winners = scored.filter((s) => s.score === best);
  if (best >= 1000) {
    // The value has a type that no branch accepts.
    const expected = new Set<string>();
    for (const branch of issue.errors) for (const i of branch) if (i.path.length === 0 && i.code === 'invalid_type') expected.add(i.expected);
    const names = [...expected].map(typeName);
    const hint = hintForType([...expected][0] === 'number' ? 'number' : '', input, describesParameter(root, path));
    return [{ ruleId: 'schema', message: t('language.schema.wrong-type', { expected: names.join(t('language.schema.or')), got: describeValue(input) }), path, ...(hint ? { hint } : {}) }];
  }
  if (winners.length > 1 && input !== null && typeof input === 'object' && !Array.isArray(input)) {
    // Several branches fit equally badly: the keys themselves are wrong.
    const known = knownKeys(root, path);
    const unknown = Object.keys(input).filter((k) => !known.includes(k));
    if (unknown.length > 0) return unknownKeys(unknown, context, true);
  }
  return winners[0]!.branch.flatMap((inner) => explain(inner, path, root, data));
}

function unknownKeys(keys: readonly string[], { path, root }: Context, inUnion: boolean): Report[] {
  const known = knownKeys(root, path);
  const isParameter = inUnion && describesParameter(root, path);
  return keys.map((key) => {
    const fallback = isParameter ? t('language.schema.distribution.hint') : known.length > 0 ? t(inUnion ? 'language.schema.allowed-keys' : 'language.schema.allowed-keys-here', { keys: known }) : t('language.schema.remove-key');
    return {
      ruleId: 'schema',
      message: isParameter ? t('language.schema.unknown-distribution', { name: shorten(key) }) : t('language.schema.unknown-key', { key: shorten(key) }),
      path: [...path, key],
      atKey: true,
      hint: didYouMean(key, known) ?? fallback,
      unknownKey: key,
    };
  });
}

function wrongType(issue: Extract<Issue, { code: 'invalid_type' }>, { path, input, root }: Context): Report[] {
  const key = path[path.length - 1];
  const type = typeName(issue.expected);
  if (input === undefined) {
    if (typeof key === 'number') return [{ ruleId: 'schema', message: t('language.schema.missing-item', { n: key + 1 }), path, hint: t('language.schema.missing-key.hint', { key: String(key), type }) }];
    return [missingKey(String(key), t('language.schema.missing-key.hint', { key: String(key), type }), path)];
  }
  if (issue.message !== ZOD_DEFAULT) return [{ ruleId: 'schema', message: issue.message, path }];
  if (input === null && typeof key === 'string') return [{ ruleId: 'schema', message: t('language.schema.no-value', { key: shorten(key) }), path, hint: t('language.schema.no-value.hint', { key: shorten(key), type }) }];
  const hint = hintForType(issue.expected, input, describesParameter(root, path));
  return [{ ruleId: 'schema', message: t('language.schema.wrong-type', { expected: type, got: describeValue(input) }), path, ...(hint ? { hint } : {}) }];
}

function notAllowed(issue: Extract<Issue, { code: 'invalid_value' }>, { path, input }: Context): Report[] {
  const allowed = issue.values.map(String);
  if (input === undefined && typeof path[path.length - 1] === 'string') {
    const key = lastKey(path);
    const hint = allowed.length === 1 ? t('language.schema.missing-key.value', { key, value: allowed[0]! }) : t('language.schema.missing-key.one-of', { key, values: allowed });
    return [missingKey(key, hint, path)];
  }
  if (issue.message !== ZOD_DEFAULT) return [{ ruleId: 'schema', message: issue.message, path }];
  const hint = typeof input === 'string' ? didYouMean(input, allowed) : undefined;
  return [{ ruleId: 'schema', message: t('language.schema.not-allowed', { value: describeValue(input), allowed }), path, ...(hint ? { hint } : {}) }];
}

function outOfRange(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, input: unknown): string {
  const small = issue.code === 'too_small';
  const bound = String(small ? issue.minimum : issue.maximum);
  if (issue.message !== ZOD_DEFAULT) return issue.message;
  if (issue.origin === 'array' || issue.origin === 'set') return small ? t('language.schema.too-few-items', { min: bound }) : t('language.schema.too-many-items', { max: bound });
  if (issue.origin === 'string') return small ? t('language.schema.empty-text') : t('language.schema.text-too-long', { max: bound });
  const inclusive = issue.inclusive !== false;
  const op = small ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
  return t('language.schema.out-of-range', { op, bound, value: describeValue(input) });
}

function badFormat(issue: Extract<Issue, { code: 'invalid_format' }>, { path }: Context): Report[] {
  const value = typeof issue.input === 'string' ? issue.input : '';
  if (issue.format === 'regex' && (issue as { pattern?: string }).pattern === String(ID_PATTERN)) {
    const suggestion = asciiId(value);
    const message = value === '' ? t('language.schema.empty-id') : t('language.schema.invalid-id', { id: shorten(value) });
    return [{ ruleId: 'schema', message, path, hint: suggestion === undefined ? t('language.schema.id-rule') : t('language.schema.invalid-id.hint', { id: suggestion }) }];
  }
  if (issue.message !== ZOD_DEFAULT) return [{ ruleId: 'schema', message: issue.message, path }];
  if (issue.format === 'url') return [{ ruleId: 'schema', message: t('language.schema.invalid-url', { value: shorten(value) }), path, hint: t('language.schema.invalid-url.hint') }];
  return [{ ruleId: 'schema', message: t('language.schema.invalid-format', { value: shorten(value) }), path }];
}

function hintForType(expected: string, input: unknown, isParameter: boolean): string | undefined {
  if (expected === 'number' && typeof input === 'string') {
    // `100 000` (French digit grouping, with a space, a no-break or a narrow no-break space).
    if (/^\s*-?\d{1,3}([ \u00a0\u202f]\d{3})+\s*$/.test(input)) return t('language.schema.grouped-digits.hint', { number: input.replace(/\s/g, '') });
    if (/^\s*-?\d+([.,]\d+)?\s*%?\s*$/.test(input)) return t('language.schema.number-as-text.hint');
  }
  if (isParameter) return t('language.schema.distribution.hint');
  if (expected === 'array') return t('language.schema.list.hint');
  if (expected === 'object') return t('language.schema.mapping.hint');
  if (expected === 'string' && typeof input === 'number') return t('language.schema.quote-text.hint');
  return undefined;
}

/** What zod expected, in words ("a mapping", "a whole number"). */
function typeName(expected: string): string {
  switch (expected) {
    case 'object':
      return t('language.type.mapping');
    case 'array':
    case 'tuple':
      return t('language.type.list');
    case 'int':
      return t('language.type.whole-number');
    case 'number':
      return t('language.type.number');
    case 'string':
      return t('language.type.text');
    case 'boolean':
      return t('language.type.boolean');
    default:
      return expected;
  }
}

/** A value as a message quotes it: text as written (cut after 40 characters), other values described. */
function quoteValue(value: unknown): string {
  if (typeof value === 'string') return shorten(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return describeValue(value);
}

/** A value in words: "the text `abc`", "the number 3", "a list". */
export function describeValue(value: unknown): string {
  if (value === null) return t('language.value.null');
  if (value === undefined) return t('language.value.nothing');
  if (Array.isArray(value)) return t('language.value.list');
  if (typeof value === 'object') return t('language.value.mapping');
  if (typeof value === 'string') return t('language.value.text', { text: shorten(value) });
  if (typeof value === 'number') return t('language.value.number', { number: String(value) });
  if (typeof value === 'boolean') return `\`${value}\``;
  return typeof value;
}
