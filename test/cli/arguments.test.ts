/** `--lang` read from raw arguments (src/cli/arguments.ts) and usage-error helpers (src/cli/usage.ts). */
import { describe, expect, it } from 'vitest';
import { languageArgument, removeLanguageArgument } from '../../src/cli/arguments.js';
import { setLanguage } from '../../src/i18n/language.js';
import { unknownCommand, visibleCommands } from '../../src/cli/usage.js';

describe('the language in raw arguments', () => {
  it.each<[string[], string | undefined]>([
    [['lint', '--lang', 'en'], 'en'],
    [['lint', '--lang=fr'], 'fr'],
    [['lint', '-l', 'en'], 'en'],
    [['lint', '-len'], 'en'],
    [['lint', '-l=fr'], 'fr'],
    [['lint', '--', '--lang', 'en'], undefined],
    [['lint', '--lang'], undefined],
    [['lint', '--language', 'en'], undefined],
    [['lint'], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(languageArgument(argv)).toBe(expected);
  });

  it('removes every spelling, in place, and nothing else', () => {
    const argv = ['lint', '--lang', 'en', 'a.yaml', '-l', 'fr', '--lang=en', '-q', '--', '--lang', 'x'];
    removeLanguageArgument(argv);
    expect(argv).toEqual(['lint', 'a.yaml', '-q', '--', '--lang', 'x']);
  });
});

describe('unknown commands', () => {
  const commands = [
    { id: 'lint', hidden: false },
    { id: 'simulate', hidden: false },
    { id: 'rules', hidden: false },
    { id: 'autocomplete', hidden: false },
    { id: 'autocomplete:create', hidden: true },
  ];

  it('lists the commands a user can type, hidden ones left out', () => {
    expect(visibleCommands(commands)).toEqual(['autocomplete', 'lint', 'rules', 'simulate']);
  });

  it('takes the first unplaced word as the command, the rest as its arguments', () => {
    setLanguage('en');
    expect(unknownCommand('simulat:pionniers-dt2-2026:--seed', commands)).toEqual({
      message: 'unknown command `simulat`: did you mean `simulate`?',
      hint: 'see `logi simulate --help`',
    });
    expect(unknownCommand('rules:extra:more', commands)).toEqual({ message: 'unexpected arguments `extra`, `more`', hint: '`logi rules` takes no argument; see `logi rules --help`' });
    expect(unknownCommand('zzz', commands)).toEqual({ message: 'unknown command `zzz`', hint: 'the commands are autocomplete, lint, rules, simulate; see `logi --help`' });
  });
});
