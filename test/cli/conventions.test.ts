/**
 * The conventions of issue 13, through the built CLI as a user meets them: help (`--help`, `-h`,
 * `help lint`, `lint -h`) in French by default and in English with `--lang en`, the version
 * (`--version`, `-v`, `version`), "did you mean" for a command and for a flag, oclif's parse errors
 * in logi's words, exit codes as ESLint's (0 clean, 1 findings, 2 usage or configuration),
 * `lint --max-warnings -1`, `--quiet`, `-o`, `--stdin --stdin-filename`, and colour.
 *
 * The expected texts are written out by hand from what each convention means; the workspace is
 * the rules fixtures' context plus one logigramme with one warning (a 96-character label) that is
 * an error nowhere.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, hasStackTrace, REPO } from '../helpers/cli.js';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs bin/run.js; unlike test/helpers/cli.ts, it can feed standard input. NO_COLOR=1 and English unless told. */
function logi(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  // FORCE_COLOR is left out unless a test sets it: even empty, it turns colour on (Node's convention).
  const { FORCE_COLOR: _inherited, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...inherited, NO_COLOR: '1', LOGI_DEBUG: '', LOGI_LANG: 'en', ...options.env },
    input: options.input ?? '',
    timeout: 60_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** No language chosen anywhere: LOGI_LANG and the locale variables say nothing French or English. */
const NO_LANGUAGE = { LOGI_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
const FRENCH = { LOGI_LANG: 'fr' };
/** Help text with its line wrapping undone (oclif wraps at the terminal's width). */
const flat = (text: string) => text.replace(/\s+/g, ' ');

const PACKAGE = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
const VISIBLE_COMMANDS = ['archive', 'autocomplete', 'calibrate', 'export', 'help', 'import', 'init', 'lint', 'preview', 'render', 'report', 'rules', 'schema', 'sensitivity', 'simulate', 'stratify', 'sweep', 'synth', 'test', 'verify', 'version'];

describe('help', () => {
  it('`logi --help` is in French when no language is chosen (LANG=C.UTF-8), and lists every command', () => {
    const run = logi(['--help'], { env: NO_LANGUAGE });
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith("Écrire, vérifier, dessiner et simuler des logigrammes cliniques (arbres de décision par strate d'une pyramide de population)\n")).toBe(true);
    expect(run.stdout).toContain('\nUTILISATION\n  $ logi [COMMANDE]\n');
    expect(run.stdout).toContain('\nCOMMANDES\n');
    expect(flat(run.stdout)).toContain(' lint Vérifier les logigrammes, pyramides, territoires, programmes et scénarios. ');
    expect(flat(run.stdout)).toContain(' help Afficher l\'aide de logi. ');
    for (const command of VISIBLE_COMMANDS) expect(run.stdout, command).toMatch(new RegExp(`^ {2}${command} +\\S`, 'm'));
  });

  it('`logi --help --lang en` is in English', () => {
    const run = logi(['--help', '--lang', 'en'], { env: NO_LANGUAGE });
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('Author, lint, render and simulate clinical logigrammes (decision flowcharts per stratum of a population pyramid)\n')).toBe(true);
    expect(run.stdout).toContain('\nUSAGE\n  $ logi [COMMAND]\n');
    expect(flat(run.stdout)).toContain(' lint Check logigrammes, pyramids, territories, programs and scenarios. ');
    expect(flat(run.stdout)).toContain(' help Display help for logi. ');
  });

  it('`logi -h` is `logi --help`', () => {
    const long = logi(['--help']);
    const short = logi(['-h']);
    expect(short.status).toBe(0);
    expect(short.stdout).toBe(long.stdout);
  });

  it('`logi help lint`, `logi lint -h` and `logi lint --help` show the same help of lint', () => {
    const help = logi(['help', 'lint']);
    expect(help.status).toBe(0);
    expect(logi(['lint', '-h']).stdout).toBe(help.stdout);
    expect(logi(['lint', '--help']).stdout).toBe(help.stdout);
    expect(help.stdout.startsWith('Check logigrammes, pyramids, territories, programs and scenarios.\n\nUSAGE\n  $ logi lint [PATHS...]')).toBe(true);
    const text = flat(help.stdout);
    for (const flag of ['-f, --format=<option>', '--max-warnings=<value>', '-q, --quiet', '-o, --output-file=<value>', '--stdin ', '--stdin-filename=<value>', '--[no-]color', '-l, --lang=<option>', '--json']) {
      expect(text, flag).toContain(flag);
    }
    expect(text).toContain('--max-warnings=<value> exit with 1 when there are more warnings than this (-1: no limit)');
    expect(help.stdout).toContain('\nGLOBAL FLAGS\n');
    expect(help.stdout).toContain('\nEXAMPLES\n');
  });

  it('the help of lint in French: headings, descriptions and oclif\'s notes', () => {
    const run = logi(['lint', '--help'], { env: FRENCH });
    const text = flat(run.stdout);
    for (const heading of ['UTILISATION', 'ARGUMENTS', 'OPTIONS', 'OPTIONS GLOBALES', 'DESCRIPTION', 'EXEMPLES']) expect(run.stdout, heading).toContain(`\n${heading}\n`);
    expect(text).toContain('-f, --format=<option> [défaut : stylish] format de sortie <valeurs : stylish|json|sarif|github>');
    expect(text).toContain("--max-warnings=<valeur> sortir avec le code 1 au-delà de ce nombre d'avertissements (-1 : sans limite)");
    expect(text).toContain('-q, --quiet les erreurs seulement : les avertissements ne sont ni affichés ni comptés');
    expect(text).toContain("Vérifier tout l'espace de travail du dossier courant $ logi lint");
    expect(run.stdout).not.toContain('FLAGS');
  });

  it('`logi help simulat` is an unknown command, as `logi simulat` is', () => {
    const run = logi(['help', 'simulat']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('logi: unknown command `simulat`: did you mean `simulate`?\n  hint: see `logi simulate --help`\n');
  });
});

describe('shell completion', () => {
  it('`logi autocomplete bash` explains the set-up and writes completion functions that know the commands and their flags', () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'logi-autocomplete-'));
    try {
      // LOGI_CACHE_DIR: oclif's cache folder for the `logi` command, here a temporary one.
      const run = logi(['autocomplete', 'bash'], { env: { LOGI_CACHE_DIR: cache } });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('printf "$(logi autocomplete script bash)" >> ~/.bashrc');
      const bash = readFileSync(path.join(cache, 'autocomplete/functions/bash/logi.bash'), 'utf8');
      expect(bash).toMatch(/^lint --json --lang --format --preset --max-warnings --quiet --fix --output-file --stdin --stdin-filename --color$/m);
      expect(bash).toMatch(/^version --json --lang$/m);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('version', () => {
  const platform = `${process.platform}-${process.arch === 'ia32' ? 'x86' : process.arch}`;
  const line = `${PACKAGE.name}/${PACKAGE.version} ${platform} node-${process.version}\n`;

  it.each([['--version'], ['-v'], ['version']])('`logi %s` prints the package, its version, the platform and Node', (flag) => {
    const run = logi([flag]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(line);
    expect(PACKAGE.name).toBe('@logi-sante/logi');
  });

  it('`logi version --json` gives the same facts', () => {
    const run = logi(['version', '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ name: '@logi-sante/logi', bin: 'logi', version: PACKAGE.version, node: process.version, platform: process.platform, arch: process.arch });
  });
});

describe('usage errors: exit 2, in the user\'s words, never oclif\'s', () => {
  const noOclifText = (run: Run) => {
    expect(run.stderr).not.toMatch(/Nonexistent|See more help|Expected|Missing \d+ required|Unexpected argument|The following error/);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stdout).toBe('');
  };

  it.each([
    [['simulat', 'pionniers-dt2-2026'], 'logi: unknown command `simulat`: did you mean `simulate`?\n  hint: see `logi simulate --help`\n'],
    [['simulat', 'x'], 'logi: unknown command `simulat`: did you mean `simulate`?\n  hint: see `logi simulate --help`\n'],
    [['lnit'], 'logi: unknown command `lnit`: did you mean `init`?\n  hint: see `logi init --help`\n'],
    // The hint names commands whole: `export fhir`, where the root help lists the topic `export`.
    [['nope'], `logi: unknown command \`nope\`\n  hint: the commands are ${VISIBLE_COMMANDS.map((c) => (c === 'export' || c === 'import' ? `${c} fhir` : c)).join(', ')}; see \`logi --help\`\n`],
    [['--lang', 'en', 'simulat', 'x'], 'logi: unknown command `simulat`: did you mean `simulate`?\n  hint: see `logi simulate --help`\n'],
    [['--quiet'], 'logi: `--quiet` is a flag, not a command\n  hint: write the command first, then its flags, e.g. `logi lint --quiet`\n'],
    [['lint', '--formt', 'json'], 'logi: unknown flag `--formt`: did you mean `--format`?\n  hint: see `logi lint --help`\n'],
    [['lint', '--no-colour'], 'logi: unknown flag `--no-colour`: did you mean `--no-color`?\n  hint: see `logi lint --help`\n'],
    [['rules', '--zzz'], 'logi: unknown flag `--zzz`\n  hint: the flags of `logi rules` are --lang, --fixable, --json; see `logi rules --help`\n'],
    [['lint', '--format', 'xml'], 'logi: `--format xml` is not allowed: the values are stylish, json, sarif, github\n  hint: see `logi lint --help`\n'],
    [['lint', '-f', 'jsn'], 'logi: `--format jsn` is not allowed: the values are stylish, json, sarif, github\n  hint: did you mean `--format json`?\n'],
    [['lint', '--format'], 'logi: --format needs a value: one of stylish, json, sarif, github\n  hint: see `logi lint --help`\n'],
    [['lint', '--max-warnings', 'many'], 'logi: --max-warnings expects a whole number, not `many`\n  hint: see `logi lint --help`\n'],
    [['lint', '--max-warnings', '-2'], 'logi: --max-warnings is at least -1, not -2\n  hint: see `logi lint --help`\n'],
    [['simulate'], 'logi: missing argument SCENARIO: scenario id, or the YAML file holding the scenario\n  hint: see `logi simulate --help`\n'],
    [['rules', 'extra'], 'logi: unexpected argument `extra`\n  hint: `logi rules` takes no argument; see `logi rules --help`\n'],
    [['report', 'a.json', 'b.json'], 'logi: unexpected argument `b.json`\n  hint: `logi report` takes one argument; see `logi report --help`\n'],
    [['render', '--territory', 'douaisis'], 'logi: --territory needs --pyramid\n  hint: see `logi render --help`\n'],
    [['lint', '--stdin', '--fix'], 'logi: --fix cannot be used with --stdin\n  hint: see `logi lint --help`\n'],
  ])('logi %j', (args, stderr) => {
    const run = logi(args);
    expect(run.stderr).toBe(stderr);
    expect(run.status).toBe(2);
    noOclifText(run);
  });

  it.each([
    [['simulat', 'x'], 'logi: commande inconnue `simulat` : vouliez-vous dire `simulate` ?\n  conseil : voir `logi simulate --help`\n'],
    [['lint', '--formt', 'json'], 'logi: option inconnue `--formt` : vouliez-vous dire `--format` ?\n  conseil : voir `logi lint --help`\n'],
    [['lint', '--format', 'xml'], "logi: `--format xml` n'est pas permis : les valeurs sont stylish, json, sarif, github\n  conseil : voir `logi lint --help`\n"],
    [['simulate'], 'logi: argument manquant SCENARIO : identifiant du scénario, ou le fichier YAML qui le contient\n  conseil : voir `logi simulate --help`\n'],
    [['rules', 'extra'], 'logi: argument inattendu `extra`\n  conseil : `logi rules` ne prend aucun argument ; voir `logi rules --help`\n'],
  ])('logi %j in French', (args, stderr) => {
    const run = logi(args, { env: FRENCH });
    expect(run.stderr).toBe(stderr);
    expect(run.status).toBe(2);
    noOclifText(run);
  });

  it('`--lang` before the command is taken as the language of that command', () => {
    const run = logi(['--lang', 'fr', 'lint', '--formt', 'json']);
    expect(run.stderr).toBe('logi: option inconnue `--formt` : vouliez-vous dire `--format` ?\n  conseil : voir `logi lint --help`\n');
    expect(run.status).toBe(2);
  });
});

describe('logi lint: exit codes, --max-warnings, --quiet, -o, --stdin, colour', () => {
  let work: string;
  const LONG_LABEL = "Dosage de l'HbA1c tous les trois mois, ou tous les six mois si l'équilibre glycémique est stable";
  const logigramme = (label: string, actor = 'laboratoire') =>
    `kind: Logigramme\nversion: 1\nid: drapeaux\ntitle: Drapeaux\npyramid: diabete\nstratum: S2\nstart: inclusion\nnodes:\n  inclusion: { type: start, label: Patient diabétique, next: hba1c }\n  hba1c:\n    type: action\n    label: ${label}\n    actor: ${actor}\n    frequency: 4/year\n    next: fin\n  fin: { type: end, label: Fin }\n`;
  /** The one finding, as stylish writes it (line 12, column 12: the label's value; 96 characters). */
  const WARNING_LINE = '  drapeaux.yaml:12:12  warning  this label has 96 characters; node labels stay within 80 so that the diagram stays legible  label-length';
  const SUMMARY = '✖ 1 problem (0 errors, 1 warning)\n';

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'logi-conventions-'));
    writeFileSync(path.join(work, 'logi.config.yaml'), 'include: [context]\n');
    cpSync(path.join(REPO, 'test/fixtures/rules/context'), path.join(work, 'context'), { recursive: true });
    writeFileSync(path.join(work, 'drapeaux.yaml'), logigramme(LONG_LABEL));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const lint = (args: readonly string[], options: { env?: Record<string, string>; input?: string } = {}) => logi(['lint', ...args], { cwd: work, ...options });

  it('a warning alone exits 0; more warnings than --max-warnings exit 1; -1 sets no limit', () => {
    const plain = lint(['drapeaux.yaml']);
    expect(plain.stdout).toContain(`${WARNING_LINE}\n`);
    expect(plain.stdout.endsWith(`\n${SUMMARY}`)).toBe(true);
    expect(plain.status).toBe(0);
    const over = lint(['drapeaux.yaml', '--max-warnings', '0']);
    expect(over.stdout.endsWith(`${SUMMARY}✖ 1 warning: more than --max-warnings 0.\n`)).toBe(true);
    expect(over.status).toBe(1);
    const unlimited = lint(['drapeaux.yaml', '--max-warnings', '-1']);
    expect(unlimited.stdout).toBe(plain.stdout);
    expect(unlimited.status).toBe(0);
  });

  it('--quiet: the warning is neither shown nor counted, even by --max-warnings 0', () => {
    const run = lint(['drapeaux.yaml', '--quiet', '--max-warnings', '0']);
    // Two files: drapeaux.yaml and the config, which is always checked.
    expect(run.stdout).toBe('✔ 2 files checked, no problems.\n');
    expect(run.status).toBe(0);
    const json = JSON.parse(lint(['drapeaux.yaml', '--quiet', '--format', 'json']).stdout) as { warningCount: number; diagnostics: unknown[] };
    expect([json.warningCount, json.diagnostics]).toEqual([0, []]);
  });

  it('-o FILE writes the report to FILE (uncoloured, even when colour is forced) and prints only the summary', () => {
    const file = path.join(work, 'rapport.txt');
    const run = lint(['drapeaux.yaml', '-o', file], { env: { FORCE_COLOR: '1' } });
    expect(run.stdout).toBe(`\u001b[33m\u001b[1m${SUMMARY.trimEnd()}\u001b[0m\u001b[0m\n`);
    expect(run.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(lint(['drapeaux.yaml']).stdout);
    const jsonFile = path.join(work, 'rapport.json');
    const json = lint(['drapeaux.yaml', '--output-file', jsonFile, '--format', 'json']);
    expect(json.stdout).toBe(SUMMARY);
    expect(JSON.parse(readFileSync(jsonFile, 'utf8'))).toMatchObject({ errorCount: 0, warningCount: 1, exitCode: 0, diagnostics: [{ ruleId: 'label-length', file: 'drapeaux.yaml' }] });
  });

  it('--stdin --stdin-filename F lints standard input as F, in F\'s workspace, instead of the file on disk', () => {
    // The file on disk has the long label; standard input has a short one: no warning.
    const clean = lint(['--stdin', '--stdin-filename', 'drapeaux.yaml', '--format', 'json'], { input: logigramme('Dosage de l\'HbA1c') });
    expect(JSON.parse(clean.stdout)).toMatchObject({ filesChecked: 2, errorCount: 0, warningCount: 0, diagnostics: [] });
    expect(clean.status).toBe(0);
    // A file that does not exist yet, whose actor is resolved against the workspace's registry.
    const typo = lint(['--stdin', '--stdin-filename', 'nouveau.yaml', '--format', 'json'], { input: logigramme("Dosage de l'HbA1c", 'laboratoir') });
    expect(JSON.parse(typo.stdout)).toMatchObject({
      errorCount: 1,
      diagnostics: [{ ruleId: 'known-actor', file: 'nouveau.yaml', range: { start: { line: 13, column: 12 } }, hint: 'did you mean `laboratoire`?' }],
    });
    expect(typo.status).toBe(1);
  });

  it('without --stdin, standard input is not read (oclif would take it for a path)', () => {
    // The whole workspace: the config and the six files of context/ (`include: [context]`).
    const run = lint(['--format', 'json'], { input: 'nowhere.yaml\n' });
    expect(JSON.parse(run.stdout)).toMatchObject({ filesChecked: 7, errorCount: 0 });
    expect(run.status).toBe(0);
  });

  it('--stdin without --stdin-filename, or with paths, is a usage error', () => {
    expect(lint(['--stdin'])).toMatchObject({ status: 2, stderr: 'logi: --stdin needs --stdin-filename: the path of the file the text stands for, in its workspace\n  hint: e.g. `logi lint --stdin --stdin-filename logigrammes/s1.yaml < s1.yaml`\n' });
    expect(lint(['--stdin', '--stdin-filename', 'a.yaml', 'drapeaux.yaml']).status).toBe(2);
    expect(lint(['--stdin-filename', 'a.yaml']).stderr).toBe('logi: --stdin-filename needs --stdin\n  hint: see `logi lint --help`\n');
  });

  it.each([
    ['not a terminal, NO_COLOR=1', [], {}, false],
    ['FORCE_COLOR=1 wins over NO_COLOR', [], { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=3', [], { FORCE_COLOR: '3', NO_COLOR: '' }, true],
    ['--no-color wins over FORCE_COLOR=1', ['--no-color'], { FORCE_COLOR: '1' }, false],
    ['--color wins over NO_COLOR', ['--color'], {}, true],
    ['--color wins over FORCE_COLOR=0', ['--color'], { FORCE_COLOR: '0' }, true],
    ['FORCE_COLOR=0', [], { FORCE_COLOR: '0', NO_COLOR: '' }, false],
  ])('colour: %s', (_why, flags, env, coloured) => {
    const run = lint(['drapeaux.yaml', ...flags], { env });
    // The severity in yellow, the summary in bold yellow: escapes only when coloured.
    expect(run.stdout.includes('\u001b[33mwarning\u001b[0m')).toBe(coloured);
    expect(run.stdout.includes('\u001b[')).toBe(coloured);
  });

  it('a configuration error exits 2, not 1: an unknown preset, an unknown rule', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-config-error-'));
    try {
      cpSync(path.join(work, 'context'), path.join(dir, 'context'), { recursive: true });
      writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [context]\nextends: lenient\n');
      const preset = logi(['lint', '--format', 'json'], { cwd: dir });
      expect(JSON.parse(preset.stdout)).toMatchObject({ exitCode: 2, diagnostics: [{ file: 'logi.config.yaml', range: { start: { line: 2 } } }] });
      expect(preset.status).toBe(2);
      writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [context]\nrules:\n  label-lenght: off\n');
      const rule = logi(['lint'], { cwd: dir });
      expect(rule.stdout).toContain('logi.config.yaml:3:3  error  unknown rule `label-lenght`');
      expect(rule.status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('speaks French: the summary, the severity, the hint', () => {
    const run = lint(['drapeaux.yaml', '--max-warnings', '0'], { env: FRENCH });
    expect(run.stdout).toContain('  drapeaux.yaml:12:12  avertissement  ');
    expect(run.stdout).toContain('\n    conseil : ');
    expect(run.stdout.endsWith('✖ 1 problème (0 erreur, 1 avertissement)\n✖ 1 avertissement : plus que --max-warnings 0.\n')).toBe(true);
    expect(lint(['drapeaux.yaml', '--quiet'], { env: FRENCH }).stdout).toBe('✔ 2 fichiers vérifiés, aucun problème.\n');
  });
});
