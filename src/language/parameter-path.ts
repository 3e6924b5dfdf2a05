/**
 * Parameter paths (docs/language.md, "Parameter paths"): the way a Calibration, a ParameterSet and
 * a posterior sample name one numeric parameter of the model, such as
 * `diabete-t2 transitions S1->S2 p`. The first segment is the id of a document that holds
 * parameters (`Kind:id` when several kinds share the id); each next segment walks the document's
 * value: a key in a mapping; in a list, the element whose `id` is the segment, or whose
 * `from->to` is, or a decimal index. The path ends on a parameter: one of the places the
 * simulation reads a number or a distribution from (src/sim/distributions/places.ts, the one table
 * of them, shared with the model compiler and the rule parameter-feasible), possibly inside a
 * value that changes with the year (`… p trend start`, `… p by-year 0`).
 */
import { t } from '../i18n/catalogue.js';
import { type Constraint } from '../sim/distributions/forms.js';
import { parameterPlaces, type ParameterPlace } from '../sim/distributions/places.js';
import { byCodePoint } from './order.js';
import { type Kind, type Parameter, PARAMETER_KINDS, type ParameterKind, parseTransition } from './schemas/index.js';
import { didYouMean, suggestionHint, suggestions, type Thing } from './suggest.js';
import type { LoadedDocument, Workspace } from './workspace.js';

export type DocPath = (string | number)[];

export type PathProblem = 'empty' | 'unknown-document' | 'ambiguous-document' | 'no-such-key' | 'not-a-parameter';

export interface ResolvedParameterPath {
  ok: true;
  kind: ParameterKind;
  doc: LoadedDocument;
  /** The path in the document's YAML, list indices as numbers: what `locate()` takes. */
  docPath: DocPath;
  /** The segments as read (`S1 -> S2` joined into one). */
  segments: string[];
  /** The value written at the path. */
  value: Parameter;
  /** What the value stands for, hence its allowed range (src/sim/distributions/forms.ts, allowedRange). */
  constraint: Constraint;
  /** True for a trend's `annual-change` (any number above −1; its constraint is `any`). */
  annualChange: boolean;
}

export interface UnresolvedParameterPath {
  ok: false;
  problem: PathProblem;
  /** Index of the segment that fails (0: the document). */
  at: number;
  segments: string[];
  /** The close names at that level ("did you mean"), possibly none. */
  suggestions: string[];
  /** Every name allowed at that level (for "known …" when nothing is close). */
  known: string[];
  /** With no-such-key: what the path met at that level, a mapping, a list or a value (a path cannot go below a value). */
  level?: 'mapping' | 'list' | 'value';
  /** With unknown-document: the id names a document that failed its schema or syntax (its own error is the one to fix). */
  broken?: boolean;
}

export type ParameterPathResolution = ResolvedParameterPath | UnresolvedParameterPath;

/** `Program:pionniers`: a kind before the id. */
const KIND_PREFIX = /^([A-Za-z]+):(.*)$/;
const INDEX = /^(0|[1-9][0-9]*)$/;

/** The segments of a path: separated by spaces, `S1 -> S2` read as one segment `S1->S2`. */
export function pathSegments(text: string): string[] {
  return text
    .replace(/\s*->\s*/g, '->')
    .split(/\s+/)
    .filter((segment) => segment.length > 0);
}

const placesByDocument = new WeakMap<LoadedDocument, Map<string, ParameterPlace>>();

/** The parameter places of a document, by their path (built once per document). */
function placesOf(doc: LoadedDocument): Map<string, ParameterPlace> {
  let places = placesByDocument.get(doc);
  if (!places) {
    places = new Map(parameterPlaces(doc).map((place) => [JSON.stringify(place.path), place]));
    placesByDocument.set(doc, places);
  }
  return places;
}

const isParameterKind = (kind: string): kind is ParameterKind => (PARAMETER_KINDS as readonly string[]).includes(kind);

function failure(problem: PathProblem, at: number, segments: string[], word: string, known: string[], broken = false): UnresolvedParameterPath {
  return { ok: false, problem, at, segments, suggestions: suggestions(word, known), known, ...(broken ? { broken } : {}) };
}

/** Every id of the documents of the parameter kinds (loaded or broken), once each. */
function parameterDocumentIds(workspace: Workspace, kinds: readonly ParameterKind[]): string[] {
  const ids = new Set<string>();
  for (const kind of kinds) {
    for (const id of workspace.index[kind].keys()) ids.add(id);
    for (const broken of workspace.broken[kind].values()) ids.add(broken.id);
  }
  return [...ids].sort(byCodePoint);
}

/** The document the first segment names: `id`, or `Kind:id`. */
function findDocument(workspace: Workspace, first: string, segments: string[]): { kind: ParameterKind; doc: LoadedDocument } | UnresolvedParameterPath {
  const prefixed = KIND_PREFIX.exec(first);
  if (prefixed && !isParameterKind(prefixed[1]!)) return failure('unknown-document', 0, segments, prefixed[1]!, [...PARAMETER_KINDS]);
  const kinds: readonly ParameterKind[] = prefixed ? [prefixed[1] as ParameterKind] : PARAMETER_KINDS;
  const id = prefixed ? prefixed[2]! : first;
  const found = kinds.flatMap((kind) => {
    const doc = workspace.index[kind].get(id);
    return doc ? [{ kind, doc: doc as LoadedDocument }] : [];
  });
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const qualified = found.map((f) => `${f.kind}:${id}`);
    return { ok: false, problem: 'ambiguous-document', at: 0, segments, suggestions: qualified, known: qualified };
  }
  const broken = kinds.some((kind) => workspace.broken[kind].has(id));
  return failure('unknown-document', 0, segments, id, parameterDocumentIds(workspace, kinds), broken);
}

/** How a path names an element of a list: its `id`, else its `from->to`, else its index. */
function elementLabel(element: unknown, index: number): string {
  if (element !== null && typeof element === 'object') {
    const { id, from, to } = element as { id?: unknown; from?: unknown; to?: unknown };
    if (typeof id === 'string') return id;
    if (typeof from === 'string' && typeof to === 'string') return `${from}->${to}`;
  }
  return String(index);
}

function sameTransition(a: string, b: string): boolean {
  const x = parseTransition(a);
  const y = parseTransition(b);
  return x !== undefined && y !== undefined && x.from === y.from && x.to === y.to;
}

/** One step of the walk: the key or index that `segment` names in `value`, or undefined. */
function step(value: unknown, segment: string): string | number | undefined {
  if (Array.isArray(value)) {
    const byId = value.findIndex((element) => element !== null && typeof element === 'object' && (element as { id?: unknown }).id === segment);
    if (byId >= 0) return byId;
    const byTransition = value.findIndex((element) => {
      const { from, to } = (element ?? {}) as { from?: unknown; to?: unknown };
      return typeof from === 'string' && typeof to === 'string' && sameTransition(`${from}->${to}`, segment);
    });
    if (byTransition >= 0) return byTransition;
    return INDEX.test(segment) && Number(segment) < value.length ? Number(segment) : undefined;
  }
  if (value !== null && typeof value === 'object') {
    if (Object.hasOwn(value, segment)) return segment;
    // A multiplier written `S1 -> S2` is named `S1->S2` in a path.
    return Object.keys(value).find((key) => sameTransition(key, segment));
  }
  return undefined;
}

/** The names a path may take below `value`. */
function namesBelow(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((element, k) => elementLabel(element, k));
  if (value !== null && typeof value === 'object') return Object.keys(value);
  return [];
}

/** The names below `docPath` that lead to a parameter (for a path that stops too early). */
function namesTowardParameters(doc: LoadedDocument, docPath: DocPath, value: unknown): string[] {
  const names = new Set<string>();
  const prefix = JSON.stringify(docPath).slice(0, -1);
  for (const place of placesOf(doc).values()) {
    if (place.path.length <= docPath.length || !JSON.stringify(place.path).startsWith(docPath.length === 0 ? '[' : `${prefix},`)) continue;
    const next = place.path[docPath.length]!;
    names.add(typeof next === 'number' ? elementLabel((value as unknown[])[next], next) : next);
  }
  return [...names];
}

/**
 * Resolves a parameter path against the workspace: the document, the path in its YAML and the
 * value there; or the problem, at the segment that fails, with the close names at that level.
 */
export function resolveParameterPath(workspace: Workspace, text: string): ParameterPathResolution {
  const segments = pathSegments(text);
  if (segments.length === 0) return { ok: false, problem: 'empty', at: 0, segments, suggestions: [], known: [] };
  const found = findDocument(workspace, segments[0]!, segments);
  if ('ok' in found) return found;
  const { kind, doc } = found;
  const docPath: DocPath = [];
  let value: unknown = doc.value;
  for (let i = 1; i < segments.length; i++) {
    const key = step(value, segments[i]!);
    if (key === undefined) {
      const level = Array.isArray(value) ? 'list' : value !== null && typeof value === 'object' ? 'mapping' : 'value';
      return { ...failure('no-such-key', i, segments, segments[i]!, namesBelow(value)), level };
    }
    docPath.push(key);
    value = (value as Record<string | number, unknown>)[key];
  }
  const place = placesOf(doc).get(JSON.stringify(docPath));
  if (!place) {
    const known = namesTowardParameters(doc, docPath, value);
    return { ok: false, problem: 'not-a-parameter', at: segments.length - 1, segments, suggestions: known, known };
  }
  return { ok: true, kind, doc, docPath, segments, value: place.raw, constraint: place.constraint, annualChange: place.annualChange === true };
}

/**
 * The path that names the value at `docPath` of `doc`: list elements by their `id`, else their
 * `from->to`, else their index; the document as `Kind:id` when another parameter kind has its id.
 * Resolving it gives back `doc` and `docPath`.
 */
export function parameterPathOf(workspace: Workspace, doc: LoadedDocument, docPath: readonly (string | number)[]): string {
  const shared = PARAMETER_KINDS.some((kind) => kind !== doc.kind && workspace.index[kind].has(doc.id));
  const segments = [shared ? `${doc.kind}:${doc.id}` : doc.id];
  let value: unknown = doc.value;
  for (const key of docPath) {
    if (typeof key === 'number' && Array.isArray(value)) {
      const label = elementLabel(value[key], key);
      // A label that an earlier element also answers to (two elements with one id) would name that one.
      segments.push(step(value, label) === key ? label : String(key));
    } else segments.push(String(key));
    value = (value as Record<string | number, unknown> | undefined)?.[key];
  }
  return segments.join(' ');
}

/** Whether a kind holds parameters (may start a parameter path). */
export function holdsParameters(kind: Kind): kind is ParameterKind {
  return isParameterKind(kind);
}

/** A problem of a path in words: its message and a hint (did you mean, known names, how to go on). */
export function explainPathProblem(failure: UnresolvedParameterPath): { message: string; hint?: string } {
  const { segments, at } = failure;
  const hintFor = (word: string, what: Thing) => suggestionHint(word, failure.known, what);
  switch (failure.problem) {
    case 'empty':
      return { message: t('language.parameter-path.empty') };
    case 'unknown-document': {
      const prefixed = KIND_PREFIX.exec(segments[0]!);
      if (prefixed && !isParameterKind(prefixed[1]!)) return withHint({ message: t('language.parameter-path.unknown-kind', { kind: prefixed[1]! }) }, hintFor(prefixed[1]!, 'value'));
      const id = prefixed ? prefixed[2]! : segments[0]!;
      return withHint({ message: t('language.parameter-path.unknown-document', { id }) }, hintFor(id, 'value'));
    }
    case 'ambiguous-document':
      return { message: t('language.parameter-path.ambiguous-document', { id: segments[0]!, options: failure.known }), hint: t('language.parameter-path.ambiguous-document.hint', { example: [failure.known[0]!, ...segments.slice(1)].join(' ') }) };
    case 'no-such-key': {
      const message = t('language.parameter-path.no-such-key', { segment: segments[at]!, at: segments.slice(0, at).join(' ') });
      if (failure.level === 'value') return { message, hint: t('language.parameter-path.beyond-value', { at: segments.slice(0, at).join(' ') }) };
      if (failure.level === 'list') return { message, hint: didYouMean(segments[at]!, failure.known) ?? t('language.parameter-path.no-such-key.hint') };
      return withHint({ message }, hintFor(segments[at]!, 'value'));
    }
    case 'not-a-parameter':
      return {
        message: t('language.parameter-path.not-a-parameter', { path: segments.join(' ') }),
        hint: failure.known.length > 0 ? t('language.parameter-path.continue', { next: failure.known }) : t('language.parameter-path.no-parameter-below'),
      };
  }
}

function withHint(words: { message: string }, hint: string | undefined): { message: string; hint?: string } {
  return hint === undefined ? words : { ...words, hint };
}
