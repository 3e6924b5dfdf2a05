/**
 * The rules of Targets, Calibration and ParameterSet documents (issue 15): their findings on the
 * fixtures of test/fixtures/rules/<rule>/invalid, each message and hint written out by hand, in
 * English and in French; and that a path into a broken document is not reported a second time.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language.js';
import { lint } from '../../src/lint/engine.js';
import { BUILTIN_RULES } from '../../src/lint/rules/index.js';
import { FIXTURES } from './helpers.js';

type Finding = [at: string, message: string, hint: string | undefined];

async function findings(fixture: string, ruleId: string): Promise<Finding[]> {
  const result = await lint({ cwd: FIXTURES, paths: [path.join(FIXTURES, fixture)], rules: BUILTIN_RULES });
  return result.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => [`${d.range.start.line}:${d.range.start.column}`, d.message, d.hint]);
}

afterEach(() => setLanguage('en'));

describe('target-reference', () => {
  it('names the unknown state, the exit a flow cannot leave, the misspelt event (English)', async () => {
    expect(await findings('target-reference/invalid/unknown-states-and-event.yaml', 'target-reference')).toEqual([
      ['11:84', '`S3` is no stratum nor exit of pyramid `diabete`', 'did you mean `S0`, `S1` or `S2`?'],
      ['12:64', '`nouveaux-diabete` is no event of pyramid `diabete` nor of a `move-to` of its logigrammes', 'did you mean `nouveaux-diabetes`?'],
      ['13:73', '`deces` is an exit: nobody leaves it, so a flow from it is always 0', 'a flow goes `from` strata `to` strata or exits: to count deaths, put the exit in `to`'],
      ['14:75', '`s2` is no stratum nor exit of pyramid `diabete`', 'did you mean `S2`?'],
    ]);
  });

  it('territories and repeated ids (French)', async () => {
    setLanguage('fr');
    expect(await findings('target-reference/invalid/territories-and-ids.yaml', 'target-reference')).toEqual([
      ['17:89', 'territoire `territoir` inconnu', 'vouliez-vous dire `territoire` ?'],
      [
        '18:89',
        "le territoire `territoire-sans-diabete` n'a pas d'effectifs pour la pyramide `diabete` : le modèle n'y a personne à comparer",
        'nommez un territoire dont `pyramids` contient `diabete`, ou retirez `territory` pour additionner les territoires du scénario',
      ],
      ['19:11', "l'identifiant de cible `a` est déjà pris ligne 17", 'donnez à chaque cible son propre identifiant : rapports et étalonnages désignent les cibles par leur identifiant'],
    ]);
  });
});

describe('calibration-reference', () => {
  it('says why each path fails, and finds one parameter named twice in two spellings (English)', async () => {
    expect(await findings('calibration-reference/invalid/paths.yaml', 'calibration-reference')).toEqual([
      ['29:13', '`diabet` names no document that holds parameters (a Pyramid, Logigramme, Program, Territory or Actors)', 'did you mean `diabete`?'],
      ['30:13', '`diabete transitions` has no `S1->S3`', 'did you mean `S1->S0` or `S1->S2`?'],
      ['31:13', '`diabete transitions S1->S2` is not a parameter: a path ends on a number or a distribution that the simulation reads', 'continue the path with `p`'],
      ['33:13', '`diabete transitions 2 p` names the same parameter as `diabete transitions S1 -> S2 p` above', 'remove the repeated entry'],
      [
        '34:13',
        '`territoire population` is not a parameter: a path ends on a number or a distribution that the simulation reads',
        'nothing below it is a parameter the simulation draws; see docs/language.md, "Parameter paths"',
      ],
    ]);
  });

  it('priors and bounds (French)', async () => {
    setLanguage('fr');
    const give = 'donnez une loi, par exemple `prior: { beta: { mean: 0.02, sd: 0.01 } }` pour une probabilité, `{ uniform: [bas, haut] }` pour une plage';
    const centre = 'centrez la loi a priori entre les bornes, ou élargissez les bornes';
    const got = await findings('calibration-reference/invalid/priors-and-bounds.yaml', 'calibration-reference');
    expect(got.filter(([at]) => at !== '37:80')).toEqual([
      ['32:50', '`prior: 0.05` est un nombre fixe : il ne laisse rien à étalonner', give],
      ['33:13', "`diabete transitions S0->S1 p` vaut le nombre fixe 0.02 et aucune loi a priori (`prior`) n'est donnée : rien à étalonner", give],
      ['34:50', 'la valeur centrale de la loi a priori, 0.02, est hors des bornes [0.5, 1.5]', centre],
      ['34:94', 'les bornes [0.5, 1.5] sortent du domaine du paramètre : une probabilité dans [0, 1]', 'donnez des bornes dans le domaine (une probabilité dans [0, 1]), ou retirez `bounds` pour prendre tout le domaine'],
      ['35:53', 'la valeur centrale de la loi a priori, 0.3, est hors des bornes [0.01, 0.1]', centre],
      ['36:53', 'la valeur centrale de la loi a priori, -0.5, est hors du domaine du paramètre : une probabilité dans [0, 1]', 'centrez la loi a priori dans le domaine du paramètre (une probabilité dans [0, 1])'],
      ['38:59', 'la valeur centrale de la loi a priori, 0.5, est hors des bornes [0.6, 0.9]', centre],
    ]);
    // A prior that defines no distribution is reported inside `prior`, in parameter-feasible's words.
    expect(got.find(([at]) => at === '37:80')?.[1]).toMatch(/^une loi beta de moyenne 0.5 ne peut pas avoir un sd de 0.6/);
  });

  it('targets outside the scenario, reported at the Calibration\'s `targets` entry (English)', async () => {
    const horizonHint = "the model computes years 0 to 3: lengthen the scenario's `horizon`, or move the target";
    expect(await findings('calibration-reference/invalid/targets-outside-scenario.yaml', 'calibration-reference')).toEqual([
      ['58:11', 'target `ailleurs` of `cibles-ailleurs` is for territory `autre-territoire`, which scenario `scenario-court` does not simulate', "the scenario's territories: `territoire`; add the territory to the scenario, or change the target"],
      ['58:11', 'target `evolution` of `cibles-ailleurs` is measured in year 4, beyond the horizon of scenario `scenario-court` (3 years)', horizonHint],
      ['58:11', 'target `lointaine` of `cibles-ailleurs` is measured in year 5, beyond the horizon of scenario `scenario-court` (3 years)', horizonHint],
      ['58:28', 'Targets `cibles-autre-pyramide` measure pyramid `autre-pyramide`, but scenario `scenario-court` simulates `diabete`', 'list Targets of pyramid `diabete`, or calibrate a scenario of their pyramid'],
      ['58:51', 'Targets `cibles-ailleurs` is listed twice: its targets would count twice in the fit', 'remove the repeated entry'],
      [
        '61:13',
        'this parameter belongs to Pyramid `autre-pyramide`, which scenario `scenario-court` does not use: calibrating it changes nothing',
        "name a parameter of the scenario's pyramid, territories, programs, the logigrammes of its baseline, or the actors",
      ],
    ]);
  });
});

describe('parameter-set-path', () => {
  it('paths, values out of range and a posterior that is not relative (French)', async () => {
    setLanguage('fr');
    const got = await findings('parameter-set-path/invalid/paths-and-values.yaml', 'parameter-set-path');
    expect(got.filter(([at]) => at !== '15:87')).toEqual([
      ['12:13', '`diabete transitions S1 -> S2 p` désigne le même paramètre que `diabete transitions S1->S2 p` plus haut : seule la dernière valeur compterait', 'gardez une seule valeur par paramètre'],
      ['13:13', "`diabete` n'a pas de `transition`", 'vouliez-vous dire `transitions` ?'],
      ['14:55', "1.4 n'est pas une probabilité dans [0, 1]", 'écrivez une proportion entre 0 et 1, par exemple 0.03 pour 3 %'],
      [
        '16:12',
        "`posterior: /tmp/posterior.csv` n'est pas un chemin relatif à ce fichier",
        'placez le fichier CSV à côté de ce fichier YAML (ou en dessous) et écrivez son chemin depuis ici, par exemple `posterior: posterior.csv`',
      ],
    ]);
  });

  it('accepts relative posterior paths, refuses Windows and URL forms', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-parameter-set-'));
    const temporaryFiles: string[] = [];
    try {
      cpSync(path.join(FIXTURES, 'logi.config.yaml'), path.join(dir, 'logi.config.yaml'));
      cpSync(path.join(FIXTURES, 'context'), path.join(dir, 'context'), { recursive: true });
      const verdicts: Record<string, boolean> = {};
      for (const [k, posterior] of ['posterior.csv', 'etalonnage/posterior.csv', '../posterior.csv', 'C:\\data\\posterior.csv', 'https://example.org/p.csv', '\\\\server\\p.csv'].entries()) {
        const file = path.join(dir, `set-${k}.yaml`);
        writeFileSync(file, `kind: ParameterSet\nversion: 1\nid: jeu-${k}\ntitle: Jeu\nposterior: '${posterior}'\n`);
        // A relative file that is there and valid: only the form of the path is at stake here.
        if (!/^[A-Za-z]:|^\\\\|:\/\//.test(posterior)) {
          const csv = path.resolve(dir, posterior);
          mkdirSync(path.dirname(csv), { recursive: true });
          writeFileSync(csv, 'diabete transitions S1->S2 p\n0.05\n');
          temporaryFiles.push(csv);
        }
        const result = await lint({ cwd: dir, paths: [file], rules: BUILTIN_RULES });
        verdicts[posterior] = result.diagnostics.some((d) => d.ruleId === 'parameter-set-path');
      }
      expect(verdicts).toEqual({
        'posterior.csv': false,
        'etalonnage/posterior.csv': false,
        '../posterior.csv': false,
        'C:\\data\\posterior.csv': true,
        'https://example.org/p.csv': true,
        '\\\\server\\p.csv': true,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      for (const file of temporaryFiles) rmSync(file, { force: true });
    }
  });
});

describe('paths into a broken document', () => {
  it('are not reported again: the document\'s own error is the one to fix', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-broken-path-'));
    try {
      writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [.]\n');
      // A pyramid that fails its schema (`strata` missing), and a set that names one of its values.
      writeFileSync(path.join(dir, 'pyramide.yaml'), 'kind: Pyramid\nversion: 1\nid: cassee\ntitle: Cassée\n');
      writeFileSync(path.join(dir, 'jeu.yaml'), 'kind: ParameterSet\nversion: 1\nid: jeu\ntitle: Jeu\nvalues:\n  - { path: cassee transitions S1->S2 p, value: 0.1 }\n');
      const result = await lint({ cwd: dir, rules: BUILTIN_RULES });
      expect(result.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['pyramide.yaml schema']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
