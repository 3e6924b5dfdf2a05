/** Whether logi colours its output: one decision (src/cli/colour.ts), the first rule that applies wins. */
import { describe, expect, it } from 'vitest';
import { useColour } from '../../src/cli/colour.js';

describe('useColour', () => {
  it.each<[string, boolean | undefined, Record<string, string>, boolean, boolean]>([
    // why, --color/--no-color, environment, is a TTY, expected
    ['a terminal, nothing set', undefined, {}, true, true],
    ['a pipe, nothing set', undefined, {}, false, false],
    ['--color on a pipe', true, {}, false, true],
    ['--no-color on a terminal', false, {}, true, false],
    ['--color beats FORCE_COLOR=0', true, { FORCE_COLOR: '0' }, true, true],
    ['--no-color beats FORCE_COLOR=1', false, { FORCE_COLOR: '1' }, false, false],
    ['FORCE_COLOR=1 on a pipe', undefined, { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR=2', undefined, { FORCE_COLOR: '2' }, false, true],
    ['FORCE_COLOR=3', undefined, { FORCE_COLOR: '3' }, false, true],
    ['FORCE_COLOR=true', undefined, { FORCE_COLOR: 'true' }, false, true],
    ['FORCE_COLOR empty means on (Node, chalk)', undefined, { FORCE_COLOR: '' }, false, true],
    ['FORCE_COLOR=0 on a terminal', undefined, { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false on a terminal', undefined, { FORCE_COLOR: 'false' }, true, false],
    ['FORCE_COLOR=1 beats NO_COLOR', undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    ['NO_COLOR on a terminal', undefined, { NO_COLOR: '1' }, true, false],
    ['NO_COLOR empty is not set (no-color.org)', undefined, { NO_COLOR: '' }, true, true],
    ['an unknown FORCE_COLOR is passed over', undefined, { FORCE_COLOR: 'yes' }, false, false],
    ['TERM=dumb on a terminal', undefined, { TERM: 'dumb' }, true, false],
  ])('%s', (_why, flag, env, isTTY, expected) => {
    expect(useColour({ flag, env, isTTY })).toBe(expected);
  });
});
