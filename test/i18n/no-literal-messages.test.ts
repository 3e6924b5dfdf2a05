/**
 * Every sentence for a person goes through the catalogue (docs/i18n.md). This test reads the
 * source of src/ (outside src/i18n/) and fails on a message, hint or printed line written as a
 * string literal that holds words — text that would stay English (or French) whatever the
 * language. Identifiers, codes and punctuation-only literals are allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const SRC = path.join(REPO, 'src');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== path.join(SRC, 'i18n')) out.push(...sourceFiles(full));
    } else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out.sort();
}

/** A literal that reads as words to a person: two words of letters separated by a space. */
const WORDS = String.raw`[^'"\x60\n]*\p{L}{2,}[\s,:;]+\p{L}{2,}`;
const LITERAL = String.raw`(['"\x60])${WORDS}`;

/** Places where a literal reaches a person. */
const USER_FACING: readonly RegExp[] = [
  new RegExp(String.raw`\b(message|hint)\s*:\s*${LITERAL}`, 'u'),
  new RegExp(String.raw`new\s+(?!Error\b|TypeError\b|RangeError\b)\w*Error\(\s*${LITERAL}`, 'u'),
  new RegExp(String.raw`\bthis\.(log|logInert|warn|fail)\(\s*${LITERAL}`, 'u'),
  new RegExp(String.raw`process\.(stdout|stderr)\.write\(\s*${LITERAL}`, 'u'),
];

/** The line without the code inside template placeholders: `${a, b}` is code, not words. */
function withoutPlaceholders(line: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < line.length; i += 1) {
    if (depth === 0 && line[i] === '$' && line[i + 1] === '{') {
      depth = 1;
      i += 1;
      out += '0';
    } else if (depth > 0) {
      if (line[i] === '{') depth += 1;
      else if (line[i] === '}') depth -= 1;
    } else out += line[i];
  }
  return out;
}

function isUserFacingLiteral(line: string): boolean {
  const code = withoutPlaceholders(line.replace(/^\s*(\/\/|\*|\/\*).*$/, ''));
  return USER_FACING.some((pattern) => pattern.test(code));
}

describe('no message outside the catalogue', () => {
  it('src/ writes no user-facing sentence as a literal', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (isUserFacingLiteral(line)) offenders.push(`${path.relative(REPO, file)}:${index + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it('notices a literal message (the pattern is not vacuous)', () => {
    const samples = ["report({ message: 'this node is unknown' })", "throw new UsageError(`no such file: ${x}`)", "this.log('wrote the report')", "hint: \"add the `source` key\""];
    for (const sample of samples) expect(isUserFacingLiteral(sample), sample).toBe(true);
    for (const sample of ["message: t('rules.x')", "ruleId: 'schema'", "message: m", "throw new Error('unreachable state')", "process.stdout.write(`${JSON.stringify({ error: { message, hint } })}\\n`)"]) expect(isUserFacingLiteral(sample), sample).toBe(false);
  });
});
