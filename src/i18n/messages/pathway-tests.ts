/**
 * Messages of pathway tests (ids start with `pathway-tests.`, and the PathwayTest schema's
 * `language.schema.pathway-test.`, the lint rules' `rules.test-…` and the command's
 * `cli.command.test.`): see src/i18n/catalogue.ts and docs/testing.md.
 */
import { defineMessages } from '../define.js';

export const pathwayTestsMessages = defineMessages({
  // The schema of PathwayTest documents.
  'language.schema.pathway-test.interval-order': { en: 'an interval is written [low, high], low ≤ high', fr: 'un intervalle s’écrit [bas, haut], bas ≤ haut' },
  'language.schema.pathway-test.path-expectation': {
    en: 'a path case states what it expects: `path`, `reaches` or `avoids`',
    fr: 'un cas de chemin dit ce qu’il attend : `path`, `reaches` ou `avoids`',
  },
  'language.schema.pathway-test.one-flow-target': {
    en: 'an expected flow names one of `node`, `edge` or `acts`',
    fr: 'un flux attendu nomme un seul de `node`, `edge` ou `acts`',
  },
  'language.schema.pathway-test.one-flow-bound': {
    en: 'an expected flow gives one interval: `share` or `count`',
    fr: 'un flux attendu donne un seul intervalle : `share` ou `count`',
  },
  'language.schema.pathway-test.probability-bound': {
    en: 'a probability is bounded by `at-least` or `at-most` (in 0–1)',
    fr: 'une probabilité est bornée par `at-least` ou `at-most` (entre 0 et 1)',
  },
  'language.schema.pathway-test.one-comparison': {
    en: 'an expected outcome has one comparison: `below`, `at-most`, `above`, `at-least` or `between`',
    fr: 'un résultat attendu a une seule comparaison : `below`, `at-most`, `above`, `at-least` ou `between`',
  },
  'language.schema.pathway-test.probability-statistic': {
    en: 'with `probability`, each iteration’s value is compared: `statistic` does not apply',
    fr: 'avec `probability`, la valeur de chaque itération est comparée : `statistic` ne s’applique pas',
  },
  'language.schema.pathway-test.iterations': {
    en: 'a stochastic case states its `iterations` (the test’s run time depends on it)',
    fr: 'un cas stochastique donne ses `iterations` (la durée du test en dépend)',
  },
  'language.reference.unknown-pathway-test': { en: (p: { id: string }) => `unknown pathway test \`${p.id}\``, fr: (p: { id: string }) => `test de parcours \`${p.id}\` inconnu` },
  'language.reference.no-logigramme': {
    en: 'this case names no logigramme',
    fr: 'ce cas ne nomme aucun logigramme',
  },
  'language.reference.no-logigramme.hint': {
    en: 'give the case a `logigramme`, or the document one for all its cases',
    fr: 'donnez un `logigramme` au cas, ou un au document pour tous ses cas',
  },
  // Path cases (src/pathway-tests/paths.ts).
  'pathway-tests.path.auto': { en: '`path: auto`: the path has not been written yet', fr: '`path: auto` : le chemin n’a pas encore été écrit' },
  'pathway-tests.path.auto.hint': {
    en: (p: { path: string }) => `check the path found, ${p.path}, then run \`logi test --update\` to write it`,
    fr: (p: { path: string }) => `vérifiez le chemin trouvé, ${p.path}, puis lancez \`logi test --update\` pour l’écrire`,
  },
  'pathway-tests.path.not-reached': {
    en: (p: { node: string; path: string }) => `the path does not go through ${p.node}: ${p.path}`,
    fr: (p: { node: string; path: string }) => `le chemin ne passe pas par ${p.node} : ${p.path}`,
  },
  'pathway-tests.path.reached': {
    en: (p: { node: string; path: string }) => `the path goes through ${p.node}: ${p.path}`,
    fr: (p: { node: string; path: string }) => `le chemin passe par ${p.node} : ${p.path}`,
  },
  'pathway-tests.path.ends-early': {
    en: (p: { node: string; expected: string }) => `the path ends at ${p.node}; expected to go on to ${p.expected}`,
    fr: (p: { node: string; expected: string }) => `le chemin s’arrête à ${p.node} ; il devait continuer vers ${p.expected}`,
  },
  'pathway-tests.path.goes-on': {
    en: (p: { node: string; actual: string }) => `the path goes on after ${p.node}, to ${p.actual}; expected to end there`,
    fr: (p: { node: string; actual: string }) => `le chemin continue après ${p.node}, vers ${p.actual} ; il devait s’y arrêter`,
  },
  'pathway-tests.path.differs': {
    en: (p: { position: number; expected: string; actual: string }) => `node ${p.position} of the path is ${p.actual}, expected ${p.expected}`,
    fr: (p: { position: number; expected: string; actual: string }) => `le nœud n° ${p.position} du chemin est ${p.actual}, ${p.expected} attendu`,
  },
  'pathway-tests.path.actual': { en: (p: { path: string }) => `the path followed: ${p.path}`, fr: (p: { path: string }) => `le chemin suivi : ${p.path}` },
  'pathway-tests.cause.chosen': {
    en: (p: { decision: string; branch: string }) => `decision ${p.decision} took the branch chosen, ${p.branch}`,
    fr: (p: { decision: string; branch: string }) => `la décision ${p.decision} a pris la branche choisie, ${p.branch}`,
  },
  'pathway-tests.cause.condition': {
    en: (p: { decision: string; branch: string; condition: string; value: string }) => `decision ${p.decision} took branch ${p.branch}: ${p.condition} holds for ${p.value}`,
    fr: (p: { decision: string; branch: string; condition: string; value: string }) => `la décision ${p.decision} a pris la branche ${p.branch} : ${p.condition} est vrai pour ${p.value}`,
  },
  'pathway-tests.cause.stopped': {
    en: (p: { decision: string; path: string }) => `the path stopped at decision ${p.decision}, after ${p.path}`,
    fr: (p: { decision: string; path: string }) => `le chemin s’est arrêté à la décision ${p.decision}, après ${p.path}`,
  },
  'pathway-tests.cause.node': { en: (p: { node: string }) => `node ${p.node}`, fr: (p: { node: string }) => `nœud ${p.node}` },
  'pathway-tests.stop.no-value': {
    en: (p: { decision: string; variable: string }) => `decision ${p.decision} tests ${p.variable}, to which the case gives no value`,
    fr: (p: { decision: string; variable: string }) => `la décision ${p.decision} teste ${p.variable}, dont le cas ne donne pas la valeur`,
  },
  'pathway-tests.stop.no-value.hint': {
    en: (p: { variable: string }) => `add it to \`given\`: \`given: { ${p.variable}: … }\``,
    fr: (p: { variable: string }) => `ajoutez-la à \`given\` : \`given: { ${p.variable}: … }\``,
  },
  'pathway-tests.stop.no-branch': {
    en: (p: { decision: string; variable: string; value: string }) => `no branch of decision ${p.decision} holds for ${p.variable} = ${p.value}`,
    fr: (p: { decision: string; variable: string; value: string }) => `aucune branche de la décision ${p.decision} ne vaut pour ${p.variable} = ${p.value}`,
  },
  'pathway-tests.stop.no-branch.hint': {
    en: (p: { branches: string }) => `the branches: ${p.branches}`,
    fr: (p: { branches: string }) => `les branches : ${p.branches}`,
  },
  'pathway-tests.stop.several': {
    en: (p: { decision: string; variable: string; value: string }) => `several branches of decision ${p.decision} hold for ${p.variable} = ${p.value}`,
    fr: (p: { decision: string; variable: string; value: string }) => `plusieurs branches de la décision ${p.decision} valent pour ${p.variable} = ${p.value}`,
  },
  'pathway-tests.stop.no-choice': {
    en: (p: { decision: string }) => `decision ${p.decision} states no condition: the case must choose its branch`,
    fr: (p: { decision: string }) => `la décision ${p.decision} n’a pas de condition : le cas doit choisir sa branche`,
  },
  'pathway-tests.stop.no-choice.hint': {
    en: (p: { decision: string; branches: string }) => `write \`choose: { ${p.decision}: … }\` with one of ${p.branches} (or a branch label)`,
    fr: (p: { decision: string; branches: string }) => `écrivez \`choose: { ${p.decision}: … }\` avec l’un de ${p.branches} (ou le libellé d’une branche)`,
  },
  'pathway-tests.stop.unknown-choice': {
    en: (p: { decision: string; choice: string }) => `decision ${p.decision} has no branch ${p.choice}`,
    fr: (p: { decision: string; choice: string }) => `la décision ${p.decision} n’a pas de branche ${p.choice}`,
  },
  'pathway-tests.stop.loop': {
    en: (p: { node: string; path: string }) => `the path comes back to ${p.node}: ${p.path}`,
    fr: (p: { node: string; path: string }) => `le chemin revient à ${p.node} : ${p.path}`,
  },
  'pathway-tests.stop.dead-end': {
    en: (p: { node: string; path: string }) => `the path stops at ${p.node}, which leads nowhere: ${p.path}`,
    fr: (p: { node: string; path: string }) => `le chemin s’arrête à ${p.node}, qui ne mène nulle part : ${p.path}`,
  },
  'pathway-tests.stop.unknown-node': {
    en: (p: { node: string; path: string }) => `the path goes to ${p.node}, which the logigramme does not have: ${p.path}`,
    fr: (p: { node: string; path: string }) => `le chemin va vers ${p.node}, que le logigramme n’a pas : ${p.path}`,
  },
  // Flow cases (src/pathway-tests/flows.ts).
  'pathway-tests.flow.node': { en: (p: { node: string }) => `the people reaching \`${p.node}\``, fr: (p: { node: string }) => `les personnes qui atteignent \`${p.node}\`` },
  'pathway-tests.flow.edge': {
    en: (p: { from: string; to: string }) => `the people going from \`${p.from}\` to \`${p.to}\``,
    fr: (p: { from: string; to: string }) => `les personnes qui vont de \`${p.from}\` à \`${p.to}\``,
  },
  'pathway-tests.flow.acts': { en: (p: { node: string }) => `the acts of \`${p.node}\``, fr: (p: { node: string }) => `les actes de \`${p.node}\`` },
  'pathway-tests.flow.not-found': {
    en: (p: { what: string }) => `the simulation does not count ${p.what}`,
    fr: (p: { what: string }) => `la simulation ne compte pas ${p.what}`,
  },
  'pathway-tests.flow.not-found.hint': {
    en: 'name a node reachable from the start, an edge of the logigramme, or an action node for `acts`',
    fr: 'nommez un nœud atteignable depuis le début, une arête du logigramme, ou un nœud action pour `acts`',
  },
  'pathway-tests.flow.share': {
    en: (p: { what: string; actual: string; low: number; high: number; people: number }) => `${p.what}: a share of ${p.actual} of the ${p.people} people, outside [${p.low}, ${p.high}]`,
    fr: (p: { what: string; actual: string; low: number; high: number; people: number }) => `${p.what} : une part de ${p.actual} des ${p.people} personnes, hors de [${p.low} ; ${p.high}]`,
  },
  'pathway-tests.flow.count': {
    en: (p: { what: string; actual: string; low: number; high: number }) => `${p.what}: ${p.actual}, outside [${p.low}, ${p.high}]`,
    fr: (p: { what: string; actual: string; low: number; high: number }) => `${p.what} : ${p.actual}, hors de [${p.low} ; ${p.high}]`,
  },
  // Outcome cases (src/pathway-tests/outcomes.ts, outcome-values.ts).
  'pathway-tests.outcome.fails': {
    en: (p: { outcome: string; value: string; bound: string }) => `${p.outcome} is ${p.value}, expected ${p.bound}`,
    fr: (p: { outcome: string; value: string; bound: string }) => `${p.outcome} vaut ${p.value}, attendu ${p.bound}`,
  },
  'pathway-tests.outcome.probability': {
    en: (p: { outcome: string; bound: string; share: string; meeting: number; iterations: number; wanted: string }) =>
      `${p.outcome} ${p.bound} in ${p.meeting} of ${p.iterations} iterations (a share of ${p.share}), expected a share ${p.wanted}`,
    fr: (p: { outcome: string; bound: string; share: string; meeting: number; iterations: number; wanted: string }) =>
      `${p.outcome} ${p.bound} dans ${p.meeting} itérations sur ${p.iterations} (une part de ${p.share}), part attendue ${p.wanted}`,
  },
  'pathway-tests.outcome.bad-path': {
    en: (p: { path: string }) => `\`${p.path}\` is not an outcome path`,
    fr: (p: { path: string }) => `\`${p.path}\` n’est pas un chemin de résultat`,
  },
  'pathway-tests.outcome.bad-path.hint': {
    en: 'write a measure and its key (`events nouveaux-diabetes`, `fte infirmier`), `totalCost`, `economics <line>`, `decision <field>` or `workforce <actor>` (docs/testing.md)',
    fr: 'écrivez une mesure et sa clé (`events nouveaux-diabetes`, `fte infirmier`), `totalCost`, `economics <ligne>`, `decision <champ>` ou `workforce <acteur>` (docs/testing.md)',
  },
  'pathway-tests.outcome.territory': {
    en: (p: { territory: string }) => `the scenario has no territory \`${p.territory}\``,
    fr: (p: { territory: string }) => `le scénario n’a pas de territoire \`${p.territory}\``,
  },
  'pathway-tests.outcome.territory.hint': {
    en: (p: { territories: string }) => `its territories: ${p.territories}, or \`ensemble\` for their sum`,
    fr: (p: { territories: string }) => `ses territoires : ${p.territories}, ou \`ensemble\` pour leur somme`,
  },
  'pathway-tests.outcome.total-of-counts': {
    en: 'people in a state are counted at a date: their sum over the years means nothing',
    fr: 'les personnes d’un état se comptent à une date : leur somme sur les années n’a pas de sens',
  },
  'pathway-tests.outcome.total-of-counts.hint': { en: 'give a `year`, or `last` for the horizon', fr: 'donnez une année (`year`), ou `last` pour l’horizon' },
  'pathway-tests.outcome.year': {
    en: (p: { year: string; horizon: number }) => `year ${p.year} is outside the simulation (horizon ${p.horizon} years)`,
    fr: (p: { year: string; horizon: number }) => `l’année ${p.year} est hors de la simulation (horizon de ${p.horizon} ans)`,
  },
  'pathway-tests.outcome.missing': {
    en: (p: { path: string }) => `the results have no outcome \`${p.path}\``,
    fr: (p: { path: string }) => `les résultats n’ont pas de résultat \`${p.path}\``,
  },
  'pathway-tests.outcome.keys': { en: (p: { keys: string }) => `the keys of this measure: ${p.keys}`, fr: (p: { keys: string }) => `les clés de cette mesure : ${p.keys}` },
  'pathway-tests.outcome.lines': { en: (p: { lines: string }) => `the economics lines: ${p.lines}`, fr: (p: { lines: string }) => `les lignes économiques : ${p.lines}` },
  'pathway-tests.outcome.no-iterations': {
    en: (p: { path: string }) => `\`${p.path}\` is computed from the means, not iteration by iteration: it has no probability`,
    fr: (p: { path: string }) => `\`${p.path}\` se calcule sur les moyennes, pas itération par itération : il n’a pas de probabilité`,
  },
  'pathway-tests.outcome.no-iterations.hint': {
    en: 'compare it with a bound without `probability`, or use `probabilityCostEffective`',
    fr: 'comparez-le à une borne sans `probability`, ou utilisez `probabilityCostEffective`',
  },
  'pathway-tests.outcome.no-workforce': {
    en: (p: { actor: string }) => `no territory of the scenario gives the workforce of \`${p.actor}\``,
    fr: (p: { actor: string }) => `aucun territoire du scénario ne donne l’effectif de \`${p.actor}\``,
  },
  'pathway-tests.outcome.no-workforce.hint': {
    en: 'a Territory states its FTE by profession in `workforce`',
    fr: 'un territoire (Territory) donne ses ETP par profession dans `workforce`',
  },
  // Running the cases (src/pathway-tests/run.ts, update.ts).
  'pathway-tests.none': { en: 'no pathway test found', fr: 'aucun test de parcours trouvé' },
  'pathway-tests.none.hint': {
    en: 'tests are PathwayTest documents, in files named *.test.yaml (docs/testing.md); `logi init` writes an example',
    fr: 'les tests sont des documents PathwayTest, dans des fichiers nommés *.test.yaml (docs/testing.md) ; `logi init` en écrit un exemple',
  },
  'pathway-tests.grep.invalid': {
    en: (p: { pattern: string }) => `\`${p.pattern}\` is not a regular expression`,
    fr: (p: { pattern: string }) => `\`${p.pattern}\` n’est pas une expression régulière`,
  },
  'pathway-tests.grep.invalid.hint': {
    en: 'give a word of the cases’ names, or a JavaScript regular expression (escape ( ) [ ] with \\)',
    fr: 'donnez un mot du nom des cas, ou une expression régulière JavaScript (échappez ( ) [ ] par \\)',
  },
  'pathway-tests.case.error': { en: (p: { message: string }) => `the case cannot run: ${p.message}`, fr: (p: { message: string }) => `le cas ne peut pas s’exécuter : ${p.message}` },
  'pathway-tests.case.no-logigramme': { en: 'the logigramme of this case cannot be read', fr: 'le logigramme de ce cas ne peut pas être lu' },
  'pathway-tests.case.no-logigramme.hint': { en: 'fix the errors `logi lint` reports in it', fr: 'corrigez les erreurs que `logi lint` y signale' },
  'pathway-tests.update.cannot': {
    en: (p: { file: string }) => `cannot write the paths into ${p.file}`,
    fr: (p: { file: string }) => `impossible d’écrire les chemins dans ${p.file}`,
  },
  'pathway-tests.update.cannot.hint': {
    en: 'write `path: auto` on one line, as a plain value',
    fr: 'écrivez `path: auto` sur une ligne, comme une valeur simple',
  },
  // The reports (src/pathway-tests/format.ts).
  'pathway-tests.report.unusable': {
    en: (p: { count: number }) => `the tests cannot run: ${p.count} ${p.count === 1 ? 'error' : 'errors'} in the test files (logi lint)`,
    fr: (p: { count: number }) => `les tests ne peuvent pas s’exécuter : ${p.count} ${p.count === 1 ? 'erreur' : 'erreurs'} dans les fichiers de tests (logi lint)`,
  },
  'pathway-tests.report.error-word': { en: 'cannot run', fr: 'ne peut pas s’exécuter' },
  'pathway-tests.report.updated': {
    en: (p: { file: string; count: number }) => `${p.file}: ${p.count} ${p.count === 1 ? 'path' : 'paths'} written`,
    fr: (p: { file: string; count: number }) => `${p.file} : ${p.count} ${p.count === 1 ? 'chemin écrit' : 'chemins écrits'}`,
  },
  'pathway-tests.report.all-passed': {
    en: (p: { count: number }) => `✔ ${p.count} ${p.count === 1 ? 'case passes' : 'cases pass'}.`,
    fr: (p: { count: number }) => `✔ ${p.count} ${p.count === 1 ? 'cas réussi' : 'cas réussis'}.`,
  },
  'pathway-tests.report.some-failed': {
    en: (p: { failed: number; errors: number; passed: number; total: number }) => `✖ ${p.failed} failed, ${p.errors} cannot run, ${p.passed} passed, of ${p.total} ${p.total === 1 ? 'case' : 'cases'}.`,
    fr: (p: { failed: number; errors: number; passed: number; total: number }) => `✖ ${p.failed} en échec, ${p.errors} impossibles à exécuter, ${p.passed} réussis, sur ${p.total} cas.`,
  },
  'pathway-tests.progress': { en: 'Testing', fr: 'Tests' },
  // The command (src/commands/test.ts).
  'cli.command.test.summary': {
    en: 'Run the pathway tests (*.test.yaml): the paths, flows and outcomes the logigrammes must give.',
    fr: 'Lancer les tests de parcours (*.test.yaml) : les chemins, flux et résultats que les logigrammes doivent donner.',
  },
  'cli.command.test.description': {
    en: 'Runs the PathwayTest documents of the given files or folders (default: the whole workspace): path cases (the way a patient with given values goes through a logigramme), flow cases (the share of a stratum reaching a node, in the expected mode) and outcome cases (a scenario\'s results against bounds, or over its iterations). Each case gives one result; a failure shows its file:line:col, the value found and, for a path, the decision that turned it (docs/testing.md).\n\nExit codes: 0 every case passes; 1 a case fails; 2 a test file has errors (logi lint), a case cannot run, or a usage error.',
    fr: 'Lance les documents PathwayTest des fichiers ou dossiers donnés (par défaut : tout l\'espace de travail) : cas de chemin (le parcours d\'un patient aux valeurs données dans un logigramme), cas de flux (la part d\'une strate qui atteint un nœud, en mode espéré) et cas de résultats (les résultats d\'un scénario comparés à des bornes, ou sur ses itérations). Chaque cas donne un résultat ; un échec montre son fichier:ligne:colonne, la valeur trouvée et, pour un chemin, la décision qui l\'a fait bifurquer (docs/testing.md).\n\nCodes de sortie : 0 tous les cas réussissent ; 1 un cas échoue ; 2 un fichier de tests a des erreurs (logi lint), un cas ne peut pas s\'exécuter, ou une erreur d\'utilisation.',
  },
  'cli.command.test.example.0': { en: 'Run every test of the workspace', fr: 'Lancer tous les tests de l\'espace de travail' },
  'cli.command.test.example.1': { en: 'The tests of one file, only the cases whose name holds HbA1c', fr: 'Les tests d\'un fichier, seulement les cas dont le nom contient HbA1c' },
  'cli.command.test.example.2': { en: 'Write the paths found into the `path: auto` cases', fr: 'Écrire les chemins trouvés dans les cas `path: auto`' },
  'cli.command.test.example.3': { en: 'A JUnit report for the CI system', fr: 'Un rapport JUnit pour l\'intégration continue' },
  'cli.command.test.arg.paths': { en: 'test files or folders (default: the workspace)', fr: 'fichiers ou dossiers de tests (par défaut : l\'espace de travail)' },
  'cli.command.test.flag.format': {
    en: 'stylish (default), json, junit (XML for CI systems) or tap (TAP version 14)',
    fr: 'stylish (par défaut), json, junit (XML pour l\'intégration continue) ou tap (TAP version 14)',
  },
  'cli.command.test.flag.grep': { en: 'run only the cases whose name (or test id) matches this regular expression', fr: 'ne lancer que les cas dont le nom (ou l\'identifiant du test) correspond à cette expression régulière' },
  'cli.command.test.flag.update': { en: 'write the path found into each `path: auto` case (comments and layout kept)', fr: 'écrire le chemin trouvé dans chaque cas `path: auto` (commentaires et mise en page gardés)' },
  // The lint rules of test files (src/lint/rules/test-*.ts).
  'rules.test-known-node.description': {
    en: 'The nodes, decisions, branches and variables a pathway test names exist in its logigramme.',
    fr: 'Les nœuds, décisions, branches et variables que nomme un test de parcours existent dans son logigramme.',
  },
  'rules.test-known-node.node': { en: (p: { id: string }) => `the logigramme has no node \`${p.id}\``, fr: (p: { id: string }) => `le logigramme n’a pas de nœud \`${p.id}\`` },
  'rules.test-known-node.decision': { en: (p: { id: string }) => `the logigramme has no decision \`${p.id}\``, fr: (p: { id: string }) => `le logigramme n’a pas de décision \`${p.id}\`` },
  'rules.test-known-node.branch': {
    en: (p: { decision: string; choice: string }) => `decision \`${p.decision}\` has no branch \`${p.choice}\``,
    fr: (p: { decision: string; choice: string }) => `la décision \`${p.decision}\` n’a pas de branche \`${p.choice}\``,
  },
  'rules.test-known-node.branch.hint': {
    en: (p: { branches: string }) => `name a branch by its next node (${p.branches}) or by its label`,
    fr: (p: { branches: string }) => `nommez une branche par son nœud suivant (${p.branches}) ou par son libellé`,
  },
  'rules.test-known-node.variable': {
    en: (p: { name: string }) => `no decision of the logigramme tests \`${p.name}\``,
    fr: (p: { name: string }) => `aucune décision du logigramme ne teste \`${p.name}\``,
  },
  'rules.test-known-node.variable.hint': {
    en: (p: { variables: string }) => `the variables of its decisions: ${p.variables || '(none)'}`,
    fr: (p: { variables: string }) => `les variables de ses décisions : ${p.variables || '(aucune)'}`,
  },
  'rules.test-known-node.not-action': {
    en: (p: { id: string }) => `\`${p.id}\` is not an action node: it produces no acts`,
    fr: (p: { id: string }) => `\`${p.id}\` n’est pas un nœud action : il ne produit pas d’actes`,
  },
  'rules.test-known-node.edge': {
    en: (p: { from: string; to: string }) => `the logigramme has no edge from \`${p.from}\` to \`${p.to}\``,
    fr: (p: { from: string; to: string }) => `le logigramme n’a pas d’arête de \`${p.from}\` à \`${p.to}\``,
  },
  'rules.test-value-range.description': {
    en: 'A value given to a decision variable in a pathway test lies within the variable\'s `min` and `max`.',
    fr: 'Une valeur donnée à une variable de décision dans un test de parcours est comprise entre le `min` et le `max` de la variable.',
  },
  'rules.test-value-range.outside': {
    en: (p: { name: string; value: number; min: number | string; max: number | string; decision: string }) => `${p.name} = ${p.value} is outside the range [${p.min} ; ${p.max}] of decision \`${p.decision}\``,
    fr: (p: { name: string; value: number; min: number | string; max: number | string; decision: string }) => `${p.name} = ${p.value} est hors de l’intervalle [${p.min} ; ${p.max}] de la décision \`${p.decision}\``,
  },
  'rules.test-value-range.outside.hint': {
    en: 'check the value and its unit (a decimal point, not a comma); a patient outside the range is no case the logigramme handles',
    fr: 'vérifiez la valeur et son unité (un point décimal, pas une virgule) ; un patient hors de l’intervalle n’est pas un cas que le logigramme traite',
  },
  'rules.test-outcome-path.description': {
    en: 'The outcome paths of a pathway test name values that its scenario\'s results have: their form, the event, state, actor or action, the territory.',
    fr: 'Les chemins de résultats d’un test de parcours nomment des valeurs qu’ont les résultats de son scénario : leur forme, l’événement, l’état, l’acteur ou l’action, le territoire.',
  },
  'rules.test-outcome-path.syntax': {
    en: (p: { path: string }) => `\`${p.path}\` is not an outcome path`,
    fr: (p: { path: string }) => `\`${p.path}\` n’est pas un chemin de résultat`,
  },
  'rules.test-outcome-path.key': {
    en: (p: { key: string; measure: string }) => `the results of the scenario have no \`${p.key}\` in \`${p.measure}\``,
    fr: (p: { key: string; measure: string }) => `les résultats du scénario n’ont pas de \`${p.key}\` dans \`${p.measure}\``,
  },
});
