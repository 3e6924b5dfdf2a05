/**
 * Messages of `logi sensitivity` and `logi sweep` (ids `sensitivity.…`, and their help texts
 * `cli.command.sensitivity.…`, `cli.command.sweep.…`): the outcomes they read, what `--vary` and
 * `--target` refuse, their summaries and their charts (docs/sensitivity.md).
 */
import { defineMessages } from '../define.js';

const list = (items: string[]): string => items.join(', ');

export const sensitivityMessages = defineMessages({
  'sensitivity.unknown-territory': {
    en: (p: { territory: string; scenario: string }) => `${p.territory} is not a territory of scenario ${p.scenario}`,
    fr: (p: { territory: string; scenario: string }) => `${p.territory} n'est pas un territoire du scénario ${p.scenario}`,
  },
  'sensitivity.unknown-territory.hint': {
    en: (p: { territories: string[] }) => `give one of: ${list(p.territories)} (ensemble: the sum over the territories)`,
    fr: (p: { territories: string[] }) => `donnez l'un de : ${list(p.territories)} (ensemble : la somme des territoires)`,
  },
  'sensitivity.outcome.unknown': {
    en: (p: { id: string }) => `${p.id} is not an outcome: write net-cost, incremental-effect, icer, nmb, events:<event> or fte:<actor>`,
    fr: (p: { id: string }) => `${p.id} n'est pas un critère : écrivez net-cost, incremental-effect, icer, nmb, events:<événement> ou fte:<acteur>`,
  },
  'sensitivity.outcome.known': {
    en: (p: { ids: string[] }) => `outcomes of this scenario: ${list(p.ids)}`,
    fr: (p: { ids: string[] }) => `critères de ce scénario : ${list(p.ids)}`,
  },
  'sensitivity.outcome.unknown-event': {
    en: (p: { event: string; pyramid: string }) => `${p.event} is not an event of pyramid ${p.pyramid} nor of its logigrammes`,
    fr: (p: { event: string; pyramid: string }) => `${p.event} n'est pas un événement de la pyramide ${p.pyramid} ni de ses logigrammes`,
  },
  'sensitivity.outcome.unknown-actor': {
    en: (p: { actor: string; scenario: string }) => `${p.actor} is not an actor with acts in scenario ${p.scenario}`,
    fr: (p: { actor: string; scenario: string }) => `${p.actor} n'est pas un acteur ayant des actes dans le scénario ${p.scenario}`,
  },
  'sensitivity.outcome.net-cost': { en: 'Net cost, program − baseline, discounted', fr: 'Coût net, programme − référence, actualisé' },
  'sensitivity.outcome.qalys': { en: 'QALYs gained, program − baseline, discounted', fr: 'QALY gagnés, programme − référence, actualisés' },
  'sensitivity.outcome.life-years': { en: 'Life-years gained, program − baseline, discounted', fr: 'Années de vie gagnées, programme − référence, actualisées' },
  'sensitivity.outcome.icer': {
    en: (p: { unit: string }) => `Incremental cost-effectiveness ratio, € per ${p.unit}`,
    fr: (p: { unit: string }) => `Ratio différentiel coût-résultat, € par ${p.unit === 'QALY' ? 'QALY' : 'année de vie'}`,
  },
  'sensitivity.outcome.nmb': {
    en: (p: { threshold: number; unit: string }) => `Net monetary benefit at ${p.threshold} € per ${p.unit}`,
    fr: (p: { threshold: number; unit: string }) => `Bénéfice monétaire net à ${p.threshold} € par ${p.unit === 'QALY' ? 'QALY' : 'année de vie'}`,
  },
  'sensitivity.outcome.events': {
    en: (p: { title: string; horizon: number }) => `${p.title}, program − baseline, over ${p.horizon} years`,
    fr: (p: { title: string; horizon: number }) => `${p.title}, programme − référence, sur ${p.horizon} ans`,
  },
  'sensitivity.outcome.fte': {
    en: (p: { title: string; year: number }) => `${p.title}, full-time equivalents of the program in year ${p.year}`,
    fr: (p: { title: string; year: number }) => `${p.title}, équivalents temps plein du programme en année ${p.year}`,
  },
  'sensitivity.one-way.out-of-range': {
    en: (p: { expected: string }) => `the quantile is outside the parameter's range (${p.expected}): the model refuses it`,
    fr: (p: { expected: string }) => `le quantile sort du domaine du paramètre (${p.expected}) : le modèle le refuse`,
  },
  'sensitivity.one-way.no-icer': {
    en: 'no ICER: one arm dominates the other, or they are equivalent (see net-cost and incremental-effect)',
    fr: "pas de RDCR : un bras domine l'autre, ou ils sont équivalents (voir net-cost et incremental-effect)",
  },
  'sensitivity.vary.syntax': {
    en: 'write --vary PATH=LO..HI:N (N evenly spaced values) or PATH=a,b,c; PATH is coverage.<stratum> or a parameter path, e.g. --vary coverage.S1=0.1..0.8:8',
    fr: 'écrivez --vary CHEMIN=BAS..HAUT:N (N valeurs régulièrement espacées) ou CHEMIN=a,b,c ; CHEMIN est coverage.<strate> ou un chemin de paramètre, par exemple --vary coverage.S1=0.1..0.8:8',
  },
  'sensitivity.vary.no-equals': {
    en: (p: { vary: string }) => `--vary ${p.vary}: no = between the path and the values`,
    fr: (p: { vary: string }) => `--vary ${p.vary} : pas de = entre le chemin et les valeurs`,
  },
  'sensitivity.vary.no-path': {
    en: (p: { vary: string }) => `--vary ${p.vary}: nothing before =, the path of what varies`,
    fr: (p: { vary: string }) => `--vary ${p.vary} : rien avant =, le chemin de ce qui varie`,
  },
  'sensitivity.vary.not-a-number': {
    en: (p: { text: string; vary: string }) => `--vary ${p.vary}: "${p.text}" is not a number`,
    fr: (p: { text: string; vary: string }) => `--vary ${p.vary} : « ${p.text} » n'est pas un nombre`,
  },
  'sensitivity.vary.bad-range': {
    en: (p: { vary: string }) => `--vary ${p.vary}: a range is LO..HI:N, with the number of values after a colon`,
    fr: (p: { vary: string }) => `--vary ${p.vary} : un intervalle s'écrit BAS..HAUT:N, le nombre de valeurs après deux-points`,
  },
  'sensitivity.vary.count': {
    en: (p: { count: string; vary: string }) => `--vary ${p.vary}: "${p.count}" values; a range needs a whole number of values, at least 2`,
    fr: (p: { count: string; vary: string }) => `--vary ${p.vary} : « ${p.count} » valeurs ; un intervalle demande un nombre entier de valeurs, au moins 2`,
  },
  'sensitivity.vary.order': {
    en: (p: { low: number; high: number; vary: string }) => `--vary ${p.vary}: the range goes from ${p.low} to ${p.high}, not upwards`,
    fr: (p: { low: number; high: number; vary: string }) => `--vary ${p.vary} : l'intervalle va de ${p.low} à ${p.high}, pas en montant`,
  },
  'sensitivity.vary.order.hint': { en: 'write the smaller value first: LO..HI:N with LO < HI', fr: "écrivez d'abord la plus petite valeur : BAS..HAUT:N avec BAS < HAUT" },
  'sensitivity.vary.too-many': {
    en: (p: { count: number; max: number }) => `${p.count} values to sweep: at most ${p.max}, each one a run of the scenario`,
    fr: (p: { count: number; max: number }) => `${p.count} valeurs à parcourir : au plus ${p.max}, chacune étant une exécution du scénario`,
  },
  'sensitivity.vary.too-many.hint': { en: 'use a coarser grid, then a finer one where the curve turns', fr: 'prenez une grille plus grossière, puis une plus fine là où la courbe tourne' },
  'sensitivity.vary.unknown-stratum': {
    en: (p: { stratum: string; pyramid: string }) => `${p.stratum} is not a stratum of pyramid ${p.pyramid}`,
    fr: (p: { stratum: string; pyramid: string }) => `${p.stratum} n'est pas une strate de la pyramide ${p.pyramid}`,
  },
  'sensitivity.vary.uncovered': {
    en: (p: { stratum: string; program: string }) => `program ${p.program} has no logigramme in stratum ${p.stratum}: it has no coverage there to vary`,
    fr: (p: { stratum: string; program: string }) => `le programme ${p.program} n'a pas de logigramme dans la strate ${p.stratum} : il n'y a pas de couverture à faire varier`,
  },
  'sensitivity.vary.covered': {
    en: (p: { strata: string[] }) => (p.strata.length ? `coverages the program has: ${list(p.strata)}` : 'the program covers no stratum'),
    fr: (p: { strata: string[] }) => (p.strata.length ? `couvertures du programme : ${list(p.strata)}` : 'le programme ne couvre aucune strate'),
  },
  'sensitivity.vary.coverage-title': {
    en: (p: { stratum: string; program: string }) => `Coverage of ${p.stratum} by the program (${p.program})`,
    fr: (p: { stratum: string; program: string }) => `Couverture de ${p.stratum} par le programme (${p.program})`,
  },
  'sensitivity.vary.out-of-range': {
    en: (p: { value: number; path: string; expected: string }) => `${p.value} is not a value ${p.path} can take: it must be ${p.expected}`,
    fr: (p: { value: number; path: string; expected: string }) => `${p.value} n'est pas une valeur possible de ${p.path} : elle doit être ${p.expected}`,
  },
  'sensitivity.vary.out-of-range.hint': { en: 'change the grid of --vary', fr: 'changez la grille de --vary' },
  'sensitivity.target.syntax': {
    en: (p: { target: string }) => `--target ${p.target}: write an outcome id, =, and a number`,
    fr: (p: { target: string }) => `--target ${p.target} : écrivez un identifiant de critère, = et un nombre`,
  },
  'sensitivity.target.syntax.hint': {
    en: 'e.g. --target events:nouveaux-diabetes=-500 (events are program − baseline: averted events are negative)',
    fr: 'par exemple --target events:nouveaux-diabetes=-500 (les événements sont programme − référence : les événements évités sont négatifs)',
  },
  'sensitivity.target.reached': {
    en: (p: { outcome: string; target: string; path: string; value: string }) => `${p.outcome} reaches ${p.target} at ${p.path} ≈ ${p.value} (linear interpolation between grid points)`,
    fr: (p: { outcome: string; target: string; path: string; value: string }) => `${p.outcome} atteint ${p.target} pour ${p.path} ≈ ${p.value} (interpolation linéaire entre les points de la grille)`,
  },
  'sensitivity.target.also': {
    en: (p: { values: string[] }) => `It crosses it again at ${list(p.values)}.`,
    fr: (p: { values: string[] }) => `Il le franchit de nouveau en ${list(p.values)}.`,
  },
  'sensitivity.target.not-reached': {
    en: (p: { outcome: string; target: string; path: string; low: string; high: string }) => `${p.outcome} does not reach ${p.target} over the grid of ${p.path}: its mean stays between ${p.low} and ${p.high}`,
    fr: (p: { outcome: string; target: string; path: string; low: string; high: string }) => `${p.outcome} n'atteint pas ${p.target} sur la grille de ${p.path} : sa moyenne reste entre ${p.low} et ${p.high}`,
  },
  'sensitivity.target.no-mean': {
    en: (p: { outcome: string; target: string; path: string }) => `${p.outcome} has no value on the grid of ${p.path} (a dominance case at every point): ${p.target} cannot be placed`,
    fr: (p: { outcome: string; target: string; path: string }) => `${p.outcome} n'a de valeur en aucun point de la grille de ${p.path} (une dominance partout) : ${p.target} ne peut être situé`,
  },
  'sensitivity.target.averted-hint': {
    en: (p: { target: string }) => `Events are program − baseline, so averted events are negative: did you mean =${p.target}?`,
    fr: (p: { target: string }) => `Les événements sont programme − référence, les événements évités sont donc négatifs : vouliez-vous =${p.target} ?`,
  },
  'sensitivity.summary.head': {
    en: (p: { outcome: string; unit: string; territory: string; scenario: string }) => `Sensitivity of ${p.outcome} (${p.unit}), ${p.territory}, scenario ${p.scenario}`,
    fr: (p: { outcome: string; unit: string; territory: string; scenario: string }) => `Sensibilité de « ${p.outcome} » (${p.unit}), ${p.territory}, scénario ${p.scenario}`,
  },
  'sensitivity.summary.base': {
    en: (p: { base: string }) => `Every parameter at its central value (expected mode): ${p.base}`,
    fr: (p: { base: string }) => `Tous les paramètres à leur valeur centrale (mode espérance) : ${p.base}`,
  },
  'sensitivity.summary.one-way': {
    en: (p: { shown: number; count: number }) => `One-way: each uncertain parameter at its 2.5 % and 97.5 % quantiles, the others central (the ${p.shown} widest of ${p.count} bars)`,
    fr: (p: { shown: number; count: number }) => `Analyse univariée : chaque paramètre incertain à ses quantiles 2,5 % et 97,5 %, les autres à leur valeur centrale (les ${p.shown} barres les plus larges sur ${p.count})`,
  },
  'sensitivity.summary.parameter': { en: 'Parameter', fr: 'Paramètre' },
  'sensitivity.summary.low': { en: 'at 2.5 %', fr: 'à 2,5 %' },
  'sensitivity.summary.high': { en: 'at 97.5 %', fr: 'à 97,5 %' },
  'sensitivity.summary.outcome-low': { en: 'outcome (2.5 %)', fr: 'critère (2,5 %)' },
  'sensitivity.summary.outcome-high': { en: 'outcome (97.5 %)', fr: 'critère (97,5 %)' },
  'sensitivity.summary.width': { en: 'width', fr: 'largeur' },
  'sensitivity.summary.coefficient': { en: 'standardised coefficient', fr: 'coefficient standardisé' },
  'sensitivity.summary.refused': {
    en: (p: { count: number }) => `${p.count} bar${p.count === 1 ? ' has' : 's have'} no width (an end the model refuses, or an ICER in a dominance case): see the notes in sensitivity.json`,
    fr: (p: { count: number }) => `${p.count} barre${p.count === 1 ? " n'a" : "s n'ont"} pas de largeur (une borne que le modèle refuse, ou un RDCR en cas de dominance) : voir les notes de sensitivity.json`,
  },
  'sensitivity.summary.regression': {
    en: (p: { iterations: number; rSquared: string; shown: number; count: number }) => `Regression metamodel of the PSA (${p.iterations} iterations): R² = ${p.rSquared}; the ${p.shown} largest of ${p.count} standardised coefficients`,
    fr: (p: { iterations: number; rSquared: string; shown: number; count: number }) => `Métamodèle de régression de l'analyse probabiliste (${p.iterations} itérations) : R² = ${p.rSquared} ; les ${p.shown} plus grands des ${p.count} coefficients standardisés`,
  },
  'sensitivity.summary.no-regression': {
    en: 'No regression metamodel for the ICER: an iteration has no ICER of its own (regress net-cost, incremental-effect or nmb instead)',
    fr: "Pas de métamodèle de régression pour le RDCR : une itération n'a pas de RDCR propre (étudiez plutôt net-cost, incremental-effect ou nmb)",
  },
  'sensitivity.summary.use-out': { en: 'Use --out DIR to write sensitivity.json, tornado.svg and importance.svg.', fr: 'Utilisez --out DOSSIER pour écrire sensitivity.json, tornado.svg et importance.svg.' },
  'sensitivity.sweep.head': {
    en: (p: { title: string; path: string; scenario: string; territory: string; iterations: number; mode: string; seed: number; points: number }) =>
      `Sweep of ${p.title} (${p.path}) over ${p.points} values — scenario ${p.scenario}, ${p.territory}, ${p.iterations} iteration${p.iterations === 1 ? '' : 's'} (${p.mode}) per value, seed ${p.seed} at every value`,
    fr: (p: { title: string; path: string; scenario: string; territory: string; iterations: number; mode: string; seed: number; points: number }) =>
      `Balayage de « ${p.title} » (${p.path}) sur ${p.points} valeurs — scénario ${p.scenario}, ${p.territory}, ${p.iterations} itération${p.iterations === 1 ? '' : 's'} (${p.mode}) par valeur, graine ${p.seed} à chaque valeur`,
  },
  'sensitivity.sweep.mean': { en: 'mean', fr: 'moyenne' },
  'sensitivity.sweep.interval': { en: '95 % interval', fr: 'intervalle à 95 %' },
  'sensitivity.sweep.use-out': { en: 'Use --out DIR to write sweep.json and one chart per outcome.', fr: 'Utilisez --out DOSSIER pour écrire sweep.json et un graphique par critère.' },
  'sensitivity.sweep.progress': {
    en: (p: { point: number; points: number }) => `Value ${p.point}/${p.points}`,
    fr: (p: { point: number; points: number }) => `Valeur ${p.point}/${p.points}`,
  },
  'sensitivity.progress.one-way': { en: 'One-way', fr: 'Univariée' },
  'sensitivity.progress.regression': { en: 'PSA', fr: 'Probabiliste' },
  'sensitivity.verdict.dominant': { en: 'program dominant', fr: 'programme dominant' },
  'sensitivity.verdict.dominated': { en: 'program dominated', fr: 'programme dominé' },
  'sensitivity.verdict.more-costly-more-effective': { en: 'more costly, more effective', fr: 'plus coûteux, plus efficace' },
  'sensitivity.verdict.less-costly-less-effective': { en: 'less costly, less effective', fr: 'moins coûteux, moins efficace' },
  'sensitivity.verdict.equivalent': { en: 'equivalent', fr: 'équivalents' },
  'sensitivity.chart.at-low': { en: 'parameter at its 2.5 % quantile', fr: 'paramètre à son quantile 2,5 %' },
  'sensitivity.chart.at-high': { en: 'parameter at its 97.5 % quantile', fr: 'paramètre à son quantile 97,5 %' },
  'sensitivity.chart.tornado-title': {
    en: (p: { shown: number; count: number }) => `One-way sensitivity: the ${p.shown} widest of ${p.count} bars (the rule: every parameter central)`,
    fr: (p: { shown: number; count: number }) => `Sensibilité univariée : les ${p.shown} barres les plus larges sur ${p.count} (le trait : tous les paramètres centraux)`,
  },
  'sensitivity.chart.negative': { en: 'lowers the outcome', fr: 'diminue le critère' },
  'sensitivity.chart.positive': { en: 'raises the outcome', fr: 'augmente le critère' },
  'sensitivity.chart.importance-title': {
    en: (p: { rSquared: string; iterations: number; shown: number; count: number }) => `Regression metamodel, ${p.iterations} PSA iterations: R² = ${p.rSquared} (the ${p.shown} largest of ${p.count} coefficients)`,
    fr: (p: { rSquared: string; iterations: number; shown: number; count: number }) => `Métamodèle de régression, ${p.iterations} itérations probabilistes : R² = ${p.rSquared} (les ${p.shown} plus grands des ${p.count} coefficients)`,
  },
  'sensitivity.chart.coefficient': {
    en: (p: { unit: string }) => `change of the outcome for one standard deviation of the parameter (${p.unit})`,
    fr: (p: { unit: string }) => `variation du critère pour un écart type du paramètre (${p.unit})`,
  },
  'sensitivity.chart.sweep-title': {
    en: (p: { territory: string; iterations: number; mode: string }) => `${p.territory}: mean and 95 % interval of ${p.iterations} iteration${p.iterations === 1 ? '' : 's'} (${p.mode}) per value, common random numbers`,
    fr: (p: { territory: string; iterations: number; mode: string }) => `${p.territory} : moyenne et intervalle à 95 % de ${p.iterations} itération${p.iterations === 1 ? '' : 's'} (${p.mode}) par valeur, nombres aléatoires communs`,
  },

  'cli.command.sensitivity.summary': {
    en: 'Which parameters matter: one-way sensitivity (tornado) and the regression metamodel of the PSA on a decision outcome',
    fr: "Quels paramètres comptent : sensibilité univariée (tornade) et métamodèle de régression de l'analyse probabiliste sur un critère de décision",
  },
  'cli.command.sensitivity.description': {
    en: 'One-way: runs the scenario in expected mode with each uncertain parameter at its 2.5 % then 97.5 % quantile, the others at their central values, and sorts the bars by width. Regression: runs the scenario in psa mode and regresses the outcome of each iteration on the standardised parameter draws (R², standardised coefficients). Outcomes: net-cost, incremental-effect, icer, nmb, events:<event>, fte:<actor>. With --out, writes sensitivity.json, tornado.svg and importance.svg. See docs/sensitivity.md.\n\nExit codes: 0 done; 2 invalid input.',
    fr: "Univariée : exécute le scénario en mode espérance avec chaque paramètre incertain à son quantile 2,5 % puis 97,5 %, les autres à leur valeur centrale, et trie les barres par largeur. Régression : exécute le scénario en mode psa et régresse le critère de chaque itération sur les tirages standardisés des paramètres (R², coefficients standardisés). Critères : net-cost, incremental-effect, icer, nmb, events:<événement>, fte:<acteur>. Avec --out, écrit sensitivity.json, tornado.svg et importance.svg. Voir docs/sensitivity.md.\n\nCodes de sortie : 0 terminé ; 2 entrée invalide.",
  },
  'cli.command.sensitivity.example.0': { en: 'Which parameters drive the net cost of the bundled diabetes program', fr: 'Quels paramètres pèsent sur le coût net du programme diabète fourni' },
  'cli.command.sensitivity.example.1': { en: 'New diabetes cases averted in Douaisis, with the charts', fr: 'Nouveaux diabètes évités dans le Douaisis, avec les graphiques' },
  'cli.command.sensitivity.arg.scenario': { en: 'scenario id, or the YAML file holding the scenario', fr: 'identifiant du scénario, ou le fichier YAML qui le contient' },
  'cli.command.sensitivity.flag.outcome': {
    en: 'the outcome: net-cost (default), incremental-effect, icer, nmb, events:<event> or fte:<actor>',
    fr: 'le critère : net-cost (par défaut), incremental-effect, icer, nmb, events:<événement> ou fte:<acteur>',
  },
  'cli.command.sensitivity.flag.territory': { en: 'a territory of the scenario, or ensemble (default: the sum over territories)', fr: 'un territoire du scénario, ou ensemble (par défaut : la somme des territoires)' },
  'cli.command.sensitivity.flag.iterations': { en: 'PSA iterations of the regression metamodel (default 1000)', fr: 'itérations probabilistes du métamodèle de régression (1000 par défaut)' },
  'cli.command.sensitivity.flag.seed': { en: "seed of the PSA draws (default: the scenario's)", fr: 'graine des tirages probabilistes (par défaut : celle du scénario)' },
  'cli.command.sensitivity.flag.workers': { en: 'worker threads (default and at most: the number of cores)', fr: 'fils de calcul (par défaut et au plus : le nombre de cœurs)' },
  'cli.command.sensitivity.flag.out': { en: 'folder to write sensitivity.json, tornado.svg and importance.svg into', fr: 'dossier où écrire sensitivity.json, tornado.svg et importance.svg' },

  'cli.command.sweep.summary': {
    en: 'Run a scenario over a grid of values of a coverage or a parameter, with common random numbers, and chart the outcomes against it',
    fr: "Exécuter un scénario sur une grille de valeurs d'une couverture ou d'un paramètre, avec des nombres aléatoires communs, et tracer les critères en fonction d'elle",
  },
  'cli.command.sweep.description': {
    en: "--vary coverage.S1=0.1..0.8:8 runs the scenario with the program's coverage of S1 set to 0.1, 0.2, … 0.8 (the whole coverage, ramp or not, replaced by the constant); --vary 'PATH=a,b,c' sets a parameter path to each value. Every run has the same seed: the random numbers are common across the grid, so the curve moves with the value, not with new noise. Prints each outcome's mean and 95 % interval at each value; --target ID=VALUE also prints where the mean reaches VALUE (linear interpolation). With --out, writes sweep.json and sweep-<outcome>.svg. See docs/sensitivity.md.\n\nExit codes: 0 done; 2 invalid input.",
    fr: "--vary coverage.S1=0.1..0.8:8 exécute le scénario avec la couverture de S1 par le programme fixée à 0,1, 0,2, … 0,8 (toute la couverture, rampe ou non, remplacée par la constante) ; --vary 'CHEMIN=a,b,c' fixe un chemin de paramètre à chaque valeur. Chaque exécution a la même graine : les nombres aléatoires sont communs à toute la grille, la courbe suit donc la valeur et non un nouveau bruit. Affiche la moyenne et l'intervalle à 95 % de chaque critère à chaque valeur ; --target ID=VALEUR affiche aussi où la moyenne atteint VALEUR (interpolation linéaire). Avec --out, écrit sweep.json et sweep-<critère>.svg. Voir docs/sensitivity.md.\n\nCodes de sortie : 0 terminé ; 2 entrée invalide.",
  },
  'cli.command.sweep.example.0': { en: "Eight coverages of S1 for the bundled diabetes program, 1,000 iterations each", fr: 'Huit couvertures de S1 pour le programme diabète fourni, 1 000 itérations chacune' },
  'cli.command.sweep.example.1': {
    en: 'The S1 coverage at which 500 new diabetes cases are averted in Douaisis over the horizon',
    fr: "La couverture de S1 à laquelle 500 nouveaux diabètes sont évités dans le Douaisis sur l'horizon",
  },
  'cli.command.sweep.example.2': { en: 'A parameter path, in expected mode', fr: 'Un chemin de paramètre, en mode espérance' },
  'cli.command.sweep.arg.scenario': { en: 'scenario id, or the YAML file holding the scenario', fr: 'identifiant du scénario, ou le fichier YAML qui le contient' },
  'cli.command.sweep.flag.vary': {
    en: 'what varies and its values: coverage.<stratum>=LO..HI:N, or PATH=a,b,c with a parameter path',
    fr: 'ce qui varie et ses valeurs : coverage.<strate>=BAS..HAUT:N, ou CHEMIN=a,b,c avec un chemin de paramètre',
  },
  'cli.command.sweep.flag.outcome': {
    en: 'an outcome to follow (repeatable; default: net-cost, incremental-effect and every event)',
    fr: 'un critère à suivre (répétable ; par défaut : net-cost, incremental-effect et chaque événement)',
  },
  'cli.command.sweep.flag.territory': { en: 'a territory of the scenario, or ensemble (default: the sum over territories)', fr: 'un territoire du scénario, ou ensemble (par défaut : la somme des territoires)' },
  'cli.command.sweep.flag.target': {
    en: 'ID=VALUE: also print the value of the varied quantity at which the outcome\'s mean reaches VALUE (repeatable)',
    fr: 'ID=VALEUR : afficher aussi la valeur de la grandeur variée à laquelle la moyenne du critère atteint VALEUR (répétable)',
  },
  'cli.command.sweep.flag.iterations': { en: "iterations per value (default: the scenario's)", fr: 'itérations par valeur (par défaut : celles du scénario)' },
  'cli.command.sweep.flag.seed': { en: "seed of every run (default: the scenario's)", fr: 'graine de chaque exécution (par défaut : celle du scénario)' },
  'cli.command.sweep.flag.mode': {
    en: "stochastic, psa or expected (default: the scenario's)",
    fr: 'stochastic, psa ou expected (par défaut : celui du scénario)',
  },
  'cli.command.sweep.flag.workers': { en: 'worker threads, shared by every value (default and at most: the number of cores)', fr: 'fils de calcul, partagés par toutes les valeurs (par défaut et au plus : le nombre de cœurs)' },
  'cli.command.sweep.flag.out': { en: 'folder to write sweep.json and the charts into', fr: 'dossier où écrire sweep.json et les graphiques' },
});
