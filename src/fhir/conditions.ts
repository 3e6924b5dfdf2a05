/**
 * A branch's structured `when` as a FHIRPath expression on the decision's variable, and back.
 * The variable is `%name` (a FHIRPath external constant), defined on the decision's action by the
 * R4 `variable` extension whose expression reads it from the patient's data (variableExpression).
 * Only the expressions written here are read back: a small grammar, parsed exactly
 * (docs/fhir.md, "Conditions").
 */
import { CODE_SYSTEM } from './canonical.js';

/** A branch's `when`, as logi's schema reads it (src/language/schemas/logigramme.ts). */
export interface When {
  lt?: number;
  lte?: number;
  gt?: number;
  gte?: number;
  eq?: number | string;
  in?: Array<number | string>;
  between?: [number, number];
  unit?: string;
}

/** The name a condition uses when the decision names no variable. */
export const DEFAULT_VARIABLE = 'value';

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `%hba1c`, or `` %`grade-podologique` `` for a name FHIRPath identifiers cannot spell. */
export function variableReference(name: string): string {
  return SIMPLE_NAME.test(name) ? `%${name}` : `%\`${name.replace(/[`\\]/g, (c) => `\\${c}`)}\``;
}

/** A number as a FHIRPath decimal or integer literal (no exponent: FHIRPath has none). */
function numberLiteral(x: number): string {
  const text = String(x);
  if (!/e/i.test(text)) return text;
  return x.toFixed(100).replace(/\.?0+$/, '');
}

function stringLiteral(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

const literal = (v: number | string) => (typeof v === 'number' ? numberLiteral(v) : stringLiteral(v));

/** The FHIRPath of a `when` on the variable `name`: its bounds joined by `and`, in a fixed order. */
export function whenToFhirPath(name: string, when: When): string {
  const v = variableReference(name);
  const parts: string[] = [];
  if (when.gt !== undefined) parts.push(`${v} > ${numberLiteral(when.gt)}`);
  if (when.gte !== undefined) parts.push(`${v} >= ${numberLiteral(when.gte)}`);
  if (when.lt !== undefined) parts.push(`${v} < ${numberLiteral(when.lt)}`);
  if (when.lte !== undefined) parts.push(`${v} <= ${numberLiteral(when.lte)}`);
  if (when.eq !== undefined) parts.push(`${v} = ${literal(when.eq)}`);
  if (when.in !== undefined) parts.push(`${v} in (${when.in.map(literal).join(' | ')})`);
  if (when.between !== undefined) parts.push(`(${v} >= ${numberLiteral(when.between[0])} and ${v} <= ${numberLiteral(when.between[1])})`);
  return parts.join(' and ');
}

/**
 * Where a decision's variable comes from: the value of the patient's latest Observation coded with
 * the variable's name in logi's variable code system — a Quantity's value for a number, a string
 * for a category. Evaluated on a Bundle of the patient's data.
 */
export function variableExpression(name: string, categorical: boolean): string {
  const observation = `entry.resource.ofType(Observation).where(code.coding.where(system = ${stringLiteral(CODE_SYSTEM.variable)} and code = ${stringLiteral(name)}).exists())`;
  return categorical ? `${observation}.value.ofType(string).last()` : `${observation}.value.ofType(Quantity).value.last()`;
}

type Token =
  | { kind: 'variable'; name: string }
  | { kind: 'op'; op: '<' | '<=' | '>' | '>=' | '=' }
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'word'; word: 'and' | 'in' }
  | { kind: 'punct'; char: '(' | ')' | '|' };

/** Thrown when an expression is not one that whenToFhirPath writes; the message is the reason's key. */
export class ConditionSyntaxError extends Error {}

function readQuoted(text: string, start: number, quote: string): { value: string; end: number } {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      value += text[++i] ?? '';
      continue;
    }
    if (c === quote) return { value, end: i + 1 };
    value += c;
  }
  throw new ConditionSyntaxError('unclosed');
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest.startsWith('%`')) {
      const quoted = readQuoted(text, i + 1, '`');
      tokens.push({ kind: 'variable', name: quoted.value });
      i = quoted.end;
      continue;
    }
    const simple = /^%([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    const op = /^(<=|>=|<|>|=)/.exec(rest);
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    const word = /^(and|in)\b/.exec(rest);
    if (simple) tokens.push({ kind: 'variable', name: simple[1]! });
    else if (op) tokens.push({ kind: 'op', op: op[1] as '<' });
    else if (number) tokens.push({ kind: 'number', value: Number(number[0]) });
    else if (word) tokens.push({ kind: 'word', word: word[1] as 'and' });
    else if ('()|'.includes(rest[0]!)) tokens.push({ kind: 'punct', char: rest[0] as '(' });
    else if (rest[0] === "'") {
      const quoted = readQuoted(text, i, "'");
      tokens.push({ kind: 'string', value: quoted.value });
      i = quoted.end;
      continue;
    } else throw new ConditionSyntaxError('unexpected');
    i += (simple ?? op ?? number ?? word)?.[0].length ?? 1;
  }
  return tokens;
}

const OP_KEY = { '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' } as const;

/** Reads tokens one at a time, checking that every comparison names the same variable. */
class ConditionParser {
  private index = 0;
  variable: string | undefined;
  constructor(private readonly tokens: Token[]) {}

  parse(): Omit<When, 'unit'> {
    const when: Omit<When, 'unit'> = {};
    for (;;) {
      this.term(when);
      if (this.index >= this.tokens.length) return when;
      this.expectWord('and');
    }
  }

  private term(when: Omit<When, 'unit'>): void {
    const token = this.tokens[this.index];
    if (token?.kind === 'punct' && token.char === '(') {
      this.index++;
      const low = this.comparison();
      this.expectWord('and');
      const high = this.comparison();
      this.expectPunct(')');
      if (low.op !== '>=' || high.op !== '<=' || typeof low.value !== 'number' || typeof high.value !== 'number') throw new ConditionSyntaxError('between');
      return this.set(when, 'between', [low.value, high.value]);
    }
    this.readVariable();
    const next = this.tokens[this.index];
    if (next?.kind === 'word' && next.word === 'in') {
      this.index++;
      return this.set(when, 'in', this.list());
    }
    const { op, value } = this.operation();
    if (op === '=') return this.set(when, 'eq', value);
    if (typeof value !== 'number') throw new ConditionSyntaxError('order-on-text');
    this.set(when, OP_KEY[op], value);
  }

  private set<K extends keyof When>(when: Omit<When, 'unit'>, key: K & keyof Omit<When, 'unit'>, value: When[K]): void {
    if (when[key] !== undefined) throw new ConditionSyntaxError('repeated');
    (when as Record<string, unknown>)[key] = value;
  }

  private comparison(): { op: string; value: number | string } {
    this.readVariable();
    return this.operation();
  }

  private operation(): { op: '<' | '<=' | '>' | '>=' | '='; value: number | string } {
    const op = this.tokens[this.index++];
    if (op?.kind !== 'op') throw new ConditionSyntaxError('operator');
    return { op: op.op, value: this.value() };
  }

  private value(): number | string {
    const token = this.tokens[this.index++];
    if (token?.kind === 'number' || token?.kind === 'string') return token.value;
    throw new ConditionSyntaxError('value');
  }

  private list(): Array<number | string> {
    this.expectPunct('(');
    const values = [this.value()];
    while (this.tokens[this.index]?.kind === 'punct' && (this.tokens[this.index] as { char: string }).char === '|') {
      this.index++;
      values.push(this.value());
    }
    this.expectPunct(')');
    return values;
  }

  private readVariable(): void {
    const token = this.tokens[this.index++];
    if (token?.kind !== 'variable') throw new ConditionSyntaxError('variable');
    if (this.variable !== undefined && this.variable !== token.name) throw new ConditionSyntaxError('two-variables');
    this.variable = token.name;
  }

  private expectWord(word: 'and' | 'in'): void {
    const token = this.tokens[this.index++];
    if (token?.kind !== 'word' || token.word !== word) throw new ConditionSyntaxError('and');
  }

  private expectPunct(char: '(' | ')'): void {
    const token = this.tokens[this.index++];
    if (token?.kind !== 'punct' || token.char !== char) throw new ConditionSyntaxError('parenthesis');
  }
}

/**
 * The `when` and the variable name of an expression written by whenToFhirPath; throws
 * ConditionSyntaxError for anything else (another shape, two variables, a bound twice).
 */
export function fhirPathToWhen(expression: string): { variable: string; when: Omit<When, 'unit'> } {
  const parser = new ConditionParser(tokenize(expression));
  const when = parser.parse();
  return { variable: parser.variable!, when };
}
