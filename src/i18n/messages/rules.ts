/**
 * Messages of the rules area (ids start with `rules.`): see src/i18n/catalogue.ts. One group per
 * check of `logi rules` (src/lint/catalogue.ts): `rules.<id>.description` says what it checks (a
 * string, looked up by id when shown), then its findings' messages and hints. User text (ids,
 * labels, units, file names) arrives as a parameter and is quoted exactly as written.
 */
import { defineMessages } from '../define.js';
import { formatCount } from '../numbers.js';

/** Branch labels between « », as written. */
const quoted = (labels: readonly string[]) => labels.map((label) => `« ${label} »`);

/**
 * `a, b and c`: the items joined by commas, the last one by `and`. The items are joined, never
 * rewritten afterwards: a label may itself hold a comma.
 */
function listed(items: readonly string[], and: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Counts of branches in words up to six (branche is feminine), in digits beyond. */
const COUNT_WORDS = { en: ['no', 'one', 'two', 'three', 'four', 'five', 'six'], fr: ['aucune', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six'] };
const countIn = (lang: 'en' | 'fr', n: number) => COUNT_WORDS[lang][n] ?? String(n);

const ticked = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(', ');

/** `in year 3, ` before a finding about a row that changes with the year; nothing otherwise. */
const inYear = (lang: 'en' | 'fr', year: number | undefined) => (year === undefined ? '' : lang === 'en' ? `in year ${year}, ` : `en année ${year}, `);

/** ` 2 cycles after their passage` for people whose lasting effects have aged; nothing at the passage. */
const afterPassage = (lang: 'en' | 'fr', age: number | undefined) => {
  if (age === undefined || age === 0) return '';
  if (lang === 'en') return age === 1 ? ' one cycle after their passage' : ` ${age} cycles after their passage`;
  return age === 1 ? ' un cycle après leur passage' : ` ${age} cycles après leur passage`;
};

const descriptions = defineMessages({
  'rules.start-required.description': {
    en: 'A logigramme has exactly one node of type `start`, and `start:` names it.',
    fr: 'Un logigramme a exactement un nœud de type `start`, et `start:` le désigne.',
  },
  'rules.no-unknown-target.description': {
    en: 'Every `start`, `next` and branch `next` names a node of the logigramme.',
    fr: 'Chaque `start`, chaque `next` et chaque `next` de branche désigne un nœud du logigramme.',
  },
  'rules.no-unreachable-node.description': {
    en: 'Every node can be reached from the start node.',
    fr: 'Chaque nœud peut être atteint depuis le nœud de départ.',
  },
  'rules.no-dead-end.description': {
    en: 'Every path from the start reaches an end node (or a referral); no step leads nowhere.',
    fr: 'Chaque chemin depuis le départ atteint un nœud de fin (ou une orientation) ; aucune étape ne mène nulle part.',
  },
  'rules.no-cycle.description': {
    en: 'No loops: repeating a step is written as its `frequency`, not as a path back to it.',
    fr: "Pas de boucle : la répétition d'une étape s'écrit par sa fréquence (`frequency`), pas par un chemin qui y revient.",
  },
  'rules.decision-needs-two-branches.description': {
    en: 'A decision has at least two branches.',
    fr: 'Une décision a au moins deux branches.',
  },
  'rules.branch-probabilities-sum.description': {
    en: 'Branch probabilities sum to 1, or stay ≤ 1 with exactly one branch (without `p`) taking the remainder.',
    fr: 'La somme des probabilités des branches vaut 1, ou reste ≤ 1 quand une seule branche (sans `p`) prend le reste.',
  },
  'rules.condition-coverage.description': {
    en: "The branches' `when` conditions cover every value of the decision's variable exactly once: no gap, no overlap.",
    fr: 'Les conditions `when` des branches couvrent chaque valeur de la variable de la décision exactement une fois : ni trou, ni chevauchement.',
  },
  'rules.consistent-units.description': {
    en: "A condition's `unit` matches its variable's unit, and a variable has the same unit in every decision of the workspace.",
    fr: "L'unité (`unit`) d'une condition est celle de sa variable, et une variable a la même unité dans toutes les décisions de l'espace de travail.",
  },
  'rules.action-frequency-required.description': {
    en: 'Every action says how often it is done (`frequency`), so that its volume can be counted.',
    fr: 'Chaque action dit à quelle fréquence elle est réalisée (`frequency`), pour que son volume puisse être compté.',
  },
  'rules.frequency-shorthand.description': {
    en: 'Frequencies are written `{ times: N, per: period }` rather than the shorthand `N/period` (strict preset).',
    fr: "Les fréquences s'écrivent `{ times: N, per: period }` plutôt qu'en abrégé `N/period` (préréglage strict).",
  },
  'rules.known-actor.description': {
    en: 'Every `actor` of an action, and every workforce entry of a territory, is an actor of an Actors document.',
    fr: "Chaque `actor` d'une action, et chaque entrée des effectifs (`workforce`) d'un territoire, est un acteur d'un document Actors.",
  },
  'rules.grade-scale-required.description': {
    en: "Every evidence `grade` cites a source that states its `grade-scale` (HAS, ESC, GRADE…): the memo prints the grade after its scale.",
    fr: "Chaque `grade` d'une preuve cite une source qui donne son échelle (`grade-scale` : HAS, ESC, GRADE…) : la fiche mémo imprime le grade après son échelle.",
  },
  'rules.label-repeats-frequency.description': {
    en: "An action's label does not repeat its frequency (`2 par an`, `/an`, `tous les 2 ans`, `per year`…): the memo prints it in its own column.",
    fr: "Le libellé d'une action ne répète pas sa fréquence (`2 par an`, `/an`, `tous les 2 ans`, `per year`…) : la fiche mémo l'imprime dans sa colonne.",
  },
  'rules.evidence-required.description': {
    en: 'Every action cites its evidence (`evidence: {source, grade}`) (strict preset).',
    fr: 'Chaque action cite ses preuves (`evidence: {source, grade}`) (préréglage strict).',
  },
  'rules.known-source.description': {
    en: "Every `source:` (evidence, effects, branches, transitions, counts…) cites an entry of the document's `sources`.",
    fr: 'Chaque `source:` (preuves, effets, branches, transitions, décomptes…) cite une entrée des `sources` du document.',
  },
  'rules.no-unused-source.description': {
    en: 'Every entry of `sources` is cited somewhere in the document.',
    fr: 'Chaque entrée de `sources` est citée quelque part dans le document.',
  },
  'rules.source-url-scheme.description': {
    en: 'The `url` of a source starts with `http://`, `https://` or `doi:`, so that every link the memo sheets and reports write leads to a page.',
    fr: "L'`url` d'une source commence par `http://`, `https://` ou `doi:`, pour que chaque lien écrit dans les fiches mémo et les rapports mène à une page.",
  },
  'rules.no-unused-phase.description': {
    en: 'Every entry of `phases` holds at least one node.',
    fr: 'Chaque entrée de `phases` contient au moins un nœud.',
  },
  'rules.label-length.description': {
    en: (p: { node: number; branch: number }) => `Node labels stay within ${p.node} characters and branch labels within ${p.branch}, so that diagrams stay legible.`,
    fr: (p: { node: number; branch: number }) => `Les libellés des nœuds tiennent en ${p.node} caractères et ceux des branches en ${p.branch}, pour que les diagrammes restent lisibles.`,
  },
  'rules.parameter-feasible.description': {
    en: 'Every number and distribution is valid for what it stands for: a feasible form (e.g. a beta sd below √(m(1 − m))) and values in range; a warning when draws may leave the range.',
    fr: "Chaque nombre et chaque distribution conviennent à ce qu'ils représentent : une forme possible (par exemple l'écart-type d'une loi bêta sous √(m(1 − m))) et des valeurs dans leur domaine ; un avertissement quand des tirages peuvent en sortir.",
  },
  'rules.lognormal-median.description': {
    en: 'A lognormal given with its 95 % interval names its point estimate `median` (what it is), not `mean`.',
    fr: "Une loi lognormale donnée avec son intervalle à 95 % nomme son estimation ponctuelle `median` (ce qu'elle est), et non `mean`.",
  },
  'rules.ci95-consistent.description': {
    en: "A lognormal's point estimate lies near the geometric midpoint of its 95 % interval, so that the simulation draws from the interval written.",
    fr: "L'estimation ponctuelle d'une loi lognormale est proche du milieu géométrique de son intervalle à 95 %, pour que la simulation tire dans l'intervalle écrit.",
  },
  'rules.effect-targets-transition.description': {
    en: "An effect (and a territory multiplier, a named event) names a FROM->TO transition that the pyramid defines, out of the logigramme's own stratum for an effect.",
    fr: "Un effet (ainsi qu'un multiplicateur de territoire ou un événement nommé) désigne une transition FROM->TO que la pyramide définit, sortant de la strate du logigramme pour un effet.",
  },
  'rules.effect-combinations.description': {
    en: (p: { effects: number; sets: number }) =>
      `A logigramme holds at most ${p.effects} effects on its stratum's transitions, and people meet at most ${p.sets} distinct sets of them: the simulation's limits.`,
    fr: (p: { effects: number; sets: number }) =>
      `Un logigramme porte au plus ${p.effects} effets sur les transitions de sa strate, et les personnes en rencontrent au plus ${p.sets} combinaisons distinctes : les limites de la simulation.`,
  },
  'rules.stratum-exists.description': {
    en: "Every stratum or exit named (transitions, inflows, events, a logigramme's stratum, a territory's counts and multipliers, a program's strata, an effect) exists in the pyramid.",
    fr: "Chaque strate ou sortie nommée (transitions, entrées, événements, strate d'un logigramme, décomptes et multiplicateurs d'un territoire, strates d'un programme, effet) existe dans la pyramide.",
  },
  'rules.transition-row-sum.description': {
    en: "The transition probabilities out of a stratum sum to at most 1 (central values; a warning for upper plausible values), also with a territory's multipliers and a logigramme's effects.",
    fr: "La somme des probabilités de transition sortant d'une strate vaut au plus 1 (valeurs centrales ; un avertissement pour les valeurs hautes plausibles), y compris avec les multiplicateurs d'un territoire et les effets d'un logigramme.",
  },
  'rules.territory-counts.description': {
    en: "A territory counts every stratum of its pyramids and no more people than its population; a scenario's territories have counts for its pyramid.",
    fr: "Un territoire dénombre chaque strate de ses pyramides, sans dépasser sa population ; les territoires d'un scénario ont des décomptes pour sa pyramide.",
  },
  'rules.inflow-growth.description': {
    en: "A scenario's inflows, at their plausible upper values, cannot bring a territory beyond 10¹² people by the horizon (where the simulation stops).",
    fr: "Les entrées d'un scénario, à leurs valeurs hautes plausibles, ne peuvent pas porter un territoire au-delà de 10¹² personnes d'ici l'horizon (où la simulation s'arrête).",
  },
  'rules.pyramid-coverage.description': {
    en: 'Each stratum of a program has a logigramme whose `pyramid` and `stratum` match; a scenario compares programs of its own pyramid.',
    fr: 'Chaque strate d\'un programme a un logigramme dont `pyramid` et `stratum` correspondent ; un scénario compare des programmes de sa propre pyramide.',
  },
  'rules.coverage-relative.description': {
    en: "A coverage relative to the baseline has a baseline coverage to add to: the scenario's baseline covers the stratum, and is not relative itself.",
    fr: "Une couverture relative à la référence a une couverture de référence à laquelle s'ajouter : le programme de référence du scénario couvre la strate, et n'est pas lui-même relatif.",
  },
  'rules.move-to-stratum.description': {
    en: "A `move-to` names a stratum of the logigramme's own pyramid, other than its own stratum: not an exit, not a stratum of another pyramid.",
    fr: "Un `move-to` désigne une strate de la pyramide du logigramme, autre que sa propre strate : ni une sortie, ni une strate d'une autre pyramide.",
  },
  'rules.effect-duration.description': {
    en: "An effect's `duration` is at least 1 cycle; `waning` has a duration to wane over, exponential waning a `half-life`; a warning for settings that change nothing.",
    fr: "La durée (`duration`) d'un effet vaut au moins 1 cycle ; un déclin (`waning`) a une durée sur laquelle décliner, un déclin exponentiel une demi-vie (`half-life`) ; un avertissement pour les réglages sans effet.",
  },
  'rules.by-year-horizon.description': {
    en: 'A `by-year` list is no longer than the horizon of the scenarios that use it: values beyond the horizon are never used.',
    fr: "Une liste `by-year` n'est pas plus longue que l'horizon des scénarios qui l'utilisent : les valeurs au-delà de l'horizon ne servent jamais.",
  },
  'rules.program-cost-strata.description': {
    en: "The `strata` of a program cost per enrolled person-year are strata of the program (its enrolled people are counted nowhere else); those of a cost per person-year, strata of its pyramid.",
    fr: "Les strates (`strata`) d'un coût de programme par personne inscrite sont des strates du programme (ses inscrits ne sont comptés nulle part ailleurs) ; celles d'un coût par personne, des strates de sa pyramide.",
  },
  'rules.utility-complete.description': {
    en: 'Once a stratum of a pyramid has a `utility`, every stratum has one: QALYs need them all.',
    fr: "Dès qu'une strate d'une pyramide a une `utility`, toutes en ont une : les QALY les demandent toutes.",
  },
  'rules.on-transfer-needs-retention.description': {
    en: 'A program stratum with `on-transfer` also has `retention`: without it nobody stays enrolled, so `on-transfer` changes nothing.',
    fr: "Une strate de programme avec `on-transfer` a aussi une rétention (`retention`) : sans elle personne ne reste inscrit, et `on-transfer` ne change rien.",
  },
  'rules.target-reference.description': {
    en: "A Targets document names its pyramid's states and events, territories that count that pyramid, and each target id once.",
    fr: "Un document Targets nomme des états et des événements de sa pyramide, des territoires qui dénombrent cette pyramide, et chaque identifiant de cible une seule fois.",
  },
  'rules.calibration-reference.description': {
    en: "A Calibration names an existing scenario, Targets of its pyramid, territories and years it simulates, and parameters it uses once each, with bounds in range and a prior that is a distribution within them.",
    fr: "Un étalonnage nomme un scénario existant, des cibles de sa pyramide, des territoires et des années qu'il simule, et des paramètres qu'il utilise, une fois chacun, avec des bornes dans leur domaine et une loi a priori comprise entre elles.",
  },
  'rules.parameter-set-path.description': {
    en: 'A ParameterSet names each parameter once by a path that resolves, with a value in its range, and its `posterior` file by a relative path.',
    fr: 'Un jeu de paramètres nomme chaque paramètre une seule fois, par un chemin qui existe, avec une valeur dans son domaine, et son fichier `posterior` par un chemin relatif.',
  },
  'rules.known-reference.description': {
    en: "Every id that names another document resolves: a logigramme's pyramid, a program's logigrammes, a scenario's territories, programs and parameter sets, a referral, a phase, the other pyramid of an overlap.",
    fr: "Chaque id qui désigne un autre document existe : la pyramide d'un logigramme, les logigrammes d'un programme, les territoires, programmes et jeux de paramètres d'un scénario, une orientation, une phase, l'autre pyramide d'un chevauchement.",
  },
  // The checks of suppression comments and the reserved checks of the loader and engine.
  'rules.suppression-needs-reason.description': {
    en: 'A suppression comment says why the finding is intended, after ` -- `.',
    fr: 'Un commentaire de suppression dit pourquoi le signalement est voulu, après ` -- `.',
  },
  'rules.no-unused-suppression.description': {
    en: 'A suppression comment names known rules and silences at least one finding.',
    fr: 'Un commentaire de suppression nomme des règles connues et fait taire au moins un signalement.',
  },
  'rules.file-unreadable.description': {
    en: 'The file can be read: it exists, is a regular file of at most 5 MB, and is valid UTF-8.',
    fr: "Le fichier peut être lu : il existe, c'est un fichier ordinaire d'au plus 5 Mo, et il est en UTF-8 valide.",
  },
  'rules.yaml-syntax.description': {
    en: 'The file is valid YAML: spaces not tabs, closed quotes and brackets, no duplicate keys, bounded aliases.',
    fr: 'Le fichier est du YAML valide : des espaces et non des tabulations, des guillemets et des crochets fermés, aucune clé en double, des alias bornés.',
  },
  'rules.schema.description': {
    en: 'Every document matches the language: a known `kind`, `version: 1`, the required keys, no unknown key, values of the right type (`--fix` adds a missing `version: 1`).',
    fr: 'Chaque document respecte le langage : un `kind` connu, `version: 1`, les clés obligatoires, aucune clé inconnue, des valeurs du bon type (`--fix` ajoute un `version: 1` manquant).',
  },
  'rules.duplicate-id.description': {
    en: 'Ids are unique among the documents of one kind in the workspace.',
    fr: "Les id sont uniques parmi les documents d'un même `kind` de l'espace de travail.",
  },
  'rules.rule-error.description': {
    en: 'A rule failed on a document: a bug in logi, reported as a finding instead of a crash.',
    fr: "Une règle a échoué sur un document : un défaut de logi, signalé comme un résultat au lieu d'un arrêt brutal.",
  },
});

const structure = defineMessages({
  'rules.start-required.none': { en: 'this logigramme has no start node', fr: "ce logigramme n'a pas de nœud de départ" },
  'rules.start-required.none.hint': {
    en: 'add a node with `type: start` that leads to the first step',
    fr: 'ajoutez un nœud `type: start` qui mène à la première étape',
  },
  'rules.start-required.none.hint-with-id': {
    en: (p: { start: string }) => `add a node with \`type: start\` that leads to the first step, with the id \`${p.start}\` named in \`start:\``,
    fr: (p: { start: string }) => `ajoutez un nœud \`type: start\` qui mène à la première étape, avec l'id \`${p.start}\` indiqué dans \`start:\``,
  },
  'rules.start-required.not-a-start': {
    en: (p: { start: string; type: string }) => `\`start\` names \`${p.start}\`, a node of type ${p.type}, not a start node`,
    fr: (p: { start: string; type: string }) => `\`start\` désigne \`${p.start}\`, un nœud de type ${p.type}, et non un nœud de départ`,
  },
  'rules.start-required.did-you-mean': {
    en: (p: { node: string }) => `did you mean \`${p.node}\`?`,
    fr: (p: { node: string }) => `vouliez-vous dire \`${p.node}\` ?`,
  },
  'rules.start-required.name-the-start': { en: 'name the node of type `start`', fr: 'indiquez le nœud de type `start`' },
  'rules.start-required.second': {
    en: (p: { start: string }) => `a second start node (\`${p.start}\` is the start): a logigramme has exactly one`,
    fr: (p: { start: string }) => `un second nœud de départ (\`${p.start}\` est le départ) : un logigramme n'en a qu'un`,
  },
  'rules.start-required.second.hint': {
    en: 'people enter a logigramme at one place; make this node an action, or split the logigramme',
    fr: 'on entre dans un logigramme par un seul endroit ; faites de ce nœud une action, ou scindez le logigramme',
  },
  'rules.no-unknown-target.unknown': {
    en: (p: { node: string }) => `no node \`${p.node}\` in this logigramme`,
    fr: (p: { node: string }) => `aucun nœud \`${p.node}\` dans ce logigramme`,
  },
  'rules.no-unreachable-node.unreachable': {
    en: (p: { node: string; start: string; after: number }) =>
      `node \`${p.node}\` cannot be reached from the start \`${p.start}\`${p.after > 0 ? ` (nor the ${p.after} node${p.after > 1 ? 's' : ''} after it)` : ''}`,
    fr: (p: { node: string; start: string; after: number }) =>
      `le nœud \`${p.node}\` ne peut pas être atteint depuis le départ \`${p.start}\`${p.after > 0 ? ` (ni ${p.after > 1 ? `les ${p.after} nœuds qui le suivent` : 'le nœud qui le suit'})` : ''}`,
  },
  'rules.no-unreachable-node.unreachable.hint': {
    en: 'lead to it with `next:` or a branch from a reachable node, or delete it',
    fr: 'menez-y par un `next:` ou une branche depuis un nœud atteignable, ou supprimez-le',
  },
  'rules.no-dead-end.stops': {
    en: (p: { node: string; type: string }) => `the path stops at \`${p.node}\`: this ${p.type} node has no \`next\``,
    fr: (p: { node: string; type: string }) => `le chemin s'arrête à \`${p.node}\` : ce nœud de type ${p.type} n'a pas de \`next\``,
  },
  'rules.no-dead-end.stops.hint': {
    en: 'add `next:` towards the following step, or towards an end node (`type: end`)',
    fr: "ajoutez `next:` vers l'étape suivante, ou vers un nœud de fin (`type: end`)",
  },
  'rules.no-dead-end.trapped': {
    en: (p: { node: string; steps: string }) => `no path from \`${p.node}\` reaches an end: the steps after it loop among themselves (${p.steps})`,
    fr: (p: { node: string; steps: string }) => `aucun chemin depuis \`${p.node}\` n'aboutit à une fin : les étapes qui le suivent tournent en boucle entre elles (${p.steps})`,
  },
  'rules.no-dead-end.trapped.hint': {
    en: 'give one of these steps a way out towards an end node; repetition is a `frequency`, not a loop',
    fr: "donnez à l'une de ces étapes une sortie vers un nœud de fin ; une répétition est une fréquence (`frequency`), pas une boucle",
  },
  'rules.no-cycle.self': {
    en: (p: { node: string }) => `\`${p.node}\` leads back to itself`,
    fr: (p: { node: string }) => `\`${p.node}\` mène à lui-même`,
  },
  'rules.no-cycle.loop': {
    en: (p: { node: string; loop: readonly string[] }) => `this goes back to \`${p.node}\`, making a loop: ${p.loop.join(' → ')}`,
    fr: (p: { node: string; loop: readonly string[] }) => `ce lien revient à \`${p.node}\` et forme une boucle : ${p.loop.join(' → ')}`,
  },
  'rules.no-cycle.hint': {
    en: 'a logigramme is followed once per cycle: repetition is a frequency (e.g. `frequency: { times: 4, per: year }`), not a loop; lead to a later step or an end node',
    fr: 'un logigramme est parcouru une fois par cycle : une répétition est une fréquence (par exemple `frequency: { times: 4, per: year }`), pas une boucle ; menez vers une étape ultérieure ou un nœud de fin',
  },
  'rules.decision-needs-two-branches.too-few': {
    en: (p: { node: string; count: number }) => `decision \`${p.node}\` has ${p.count} branch: a decision needs at least two`,
    fr: (p: { node: string; count: number }) => `la décision \`${p.node}\` a ${p.count} branche : une décision en demande au moins deux`,
  },
  'rules.decision-needs-two-branches.too-few.hint': {
    en: 'add the other outcome as a branch, or make this node an action with `next:`',
    fr: "ajoutez l'autre issue comme branche, ou faites de ce nœud une action avec `next:`",
  },
});

/** `the mean branch probabilities` when a branch's share is a distribution (compared by its mean). */
const probabilitiesEn = (mean: boolean) => (mean ? 'the mean branch probabilities' : 'the branch probabilities');
const probabilitiesFr = (mean: boolean) => (mean ? 'probabilités moyennes' : 'probabilités');

const decisions = defineMessages({
  'rules.branch-probabilities-sum.several-remainders': {
    en: (p: { count: number }) => `${p.count} branches have no \`p\`: only one branch may take the remainder`,
    fr: (p: { count: number }) => `${p.count} branches n'ont pas de \`p\` : une seule branche peut prendre le reste`,
  },
  'rules.branch-probabilities-sum.several-remainders.hint': {
    en: (p: { label: string }) => `give \`p\` to every branch but one (« ${p.label} » can keep the remainder)`,
    fr: (p: { label: string }) => `donnez un \`p\` à toutes les branches sauf une (« ${p.label} » peut garder le reste)`,
  },
  'rules.branch-probabilities-sum.not-one': {
    en: (p: { mean: boolean; node: string; sum: string }) => `${probabilitiesEn(p.mean)} of \`${p.node}\` sum to ${p.sum}, not 1`,
    fr: (p: { mean: boolean; node: string; sum: string }) => `la somme des ${probabilitiesFr(p.mean)} des branches de \`${p.node}\` vaut ${p.sum}, et non 1`,
  },
  'rules.branch-probabilities-sum.not-one.hint-distribution': {
    en: 'remove `p` from one branch so that it takes the remainder, or draw the shares jointly with `probabilities: { dirichlet: [...] }`',
    fr: "retirez le `p` d'une branche pour qu'elle prenne le reste, ou tirez les parts conjointement avec `probabilities: { dirichlet: [...] }`",
  },
  'rules.branch-probabilities-sum.not-one.hint': {
    en: 'make them sum to 1, or remove `p` from one branch so that it takes the remainder',
    fr: "ramenez leur somme à 1, ou retirez le `p` d'une branche pour qu'elle prenne le reste",
  },
  'rules.branch-probabilities-sum.independent': {
    en: (p: { node: string }) =>
      `the shares of \`${p.node}\` are drawn independently: their means sum to 1, so draws sum above 1 in about half the iterations and the simulation stops`,
    fr: (p: { node: string }) =>
      `les parts de \`${p.node}\` sont tirées indépendamment : la somme de leurs moyennes vaut 1, donc celle des tirages dépasse 1 dans environ la moitié des itérations et la simulation s'arrête`,
  },
  'rules.branch-probabilities-sum.independent.hint': {
    en: 'draw the shares jointly with `probabilities: { dirichlet: [...] }`, or remove `p` from one branch so that it takes the remainder',
    fr: "tirez les parts conjointement avec `probabilities: { dirichlet: [...] }`, ou retirez le `p` d'une branche pour qu'elle prenne le reste",
  },
  'rules.branch-probabilities-sum.nothing-remains': {
    en: (p: { mean: boolean; node: string; sum: string; label: string }) =>
      `${probabilitiesEn(p.mean)} of \`${p.node}\` already sum to ${p.sum}, more than 1: nothing remains for « ${p.label} »`,
    fr: (p: { mean: boolean; node: string; sum: string; label: string }) =>
      `la somme des ${probabilitiesFr(p.mean)} des branches de \`${p.node}\` vaut déjà ${p.sum}, soit plus de 1 : il ne reste rien pour « ${p.label} »`,
  },
  'rules.branch-probabilities-sum.nothing-remains.hint': {
    en: 'lower the shares so that they sum to less than 1; the branch without `p` takes what remains',
    fr: 'baissez les parts pour que leur somme reste sous 1 ; la branche sans `p` prend ce qui reste',
  },
  'rules.branch-probabilities-sum.remainder-zero': {
    en: (p: { mean: boolean; label: string }) => `${probabilitiesEn(p.mean)} of the other branches sum to 1: « ${p.label} » takes the remainder, which is 0`,
    fr: (p: { mean: boolean; label: string }) => `la somme des ${probabilitiesFr(p.mean)} des autres branches vaut 1 : « ${p.label} » prend le reste, qui est nul`,
  },
  'rules.branch-probabilities-sum.remainder-zero.hint': {
    en: 'lower the other shares, or remove this branch if nobody takes it',
    fr: 'baissez les autres parts, ou supprimez cette branche si personne ne la prend',
  },
  'rules.branch-probabilities-sum.upper': {
    en: (p: { node: string; sum: string; label: string }) =>
      `the upper plausible values of the shares of \`${p.node}\` sum to ${p.sum}: a draw may leave nothing for « ${p.label} », and the simulation stops on shares above 1`,
    fr: (p: { node: string; sum: string; label: string }) =>
      `la somme des valeurs hautes plausibles des parts de \`${p.node}\` vaut ${p.sum} : un tirage peut ne rien laisser pour « ${p.label} », et la simulation s'arrête quand la somme des parts dépasse 1`,
  },
  'rules.branch-probabilities-sum.upper.hint': {
    en: 'narrow the distributions, or draw the shares jointly with `probabilities: { dirichlet: [...] }`',
    fr: 'resserrez les distributions, ou tirez les parts conjointement avec `probabilities: { dirichlet: [...] }`',
  },
  'rules.condition-coverage.the-value': { en: 'the value', fr: 'la valeur' },
  'rules.condition-coverage.within': {
    en: (p: { name: string; values: string }) => `${p.name} in ${p.values}`,
    fr: (p: { name: string; values: string }) => `${p.name} dans ${p.values}`,
  },
  'rules.condition-coverage.every-value': {
    en: (p: { name: string }) => `every value of ${p.name}`,
    fr: (p: { name: string }) => `toute valeur de ${p.name}`,
  },
  'rules.condition-coverage.no-when': {
    en: (p: { label: string; name: string }) => `branch « ${p.label} » has no \`when\` while the other branches do: the coverage of ${p.name} cannot be checked`,
    fr: (p: { label: string; name: string }) =>
      `la branche « ${p.label} » n'a pas de \`when\` alors que les autres branches en ont : la couverture de ${p.name} ne peut pas être vérifiée`,
  },
  'rules.condition-coverage.no-when.hint': {
    en: 'give every branch its condition, e.g. `when: { gt: 7 }` for the values the others leave out',
    fr: 'donnez à chaque branche sa condition, par exemple `when: { gt: 7 }` pour les valeurs que les autres laissent de côté',
  },
  'rules.condition-coverage.empty-range': {
    en: (p: { name: string; min: number; max: number }) => `the range of ${p.name} is empty: min ${p.min} is above max ${p.max}`,
    fr: (p: { name: string; min: number; max: number }) => `la plage de ${p.name} est vide : min ${p.min} est supérieur à max ${p.max}`,
  },
  'rules.condition-coverage.empty-range.hint': { en: 'swap `min` and `max`', fr: 'intervertissez `min` et `max`' },
  'rules.condition-coverage.mixed': {
    en: (p: { node: string; name: string }) => `the conditions of \`${p.node}\` mix text values and numbers: ${p.name} cannot be both`,
    fr: (p: { node: string; name: string }) => `les conditions de \`${p.node}\` mêlent valeurs textuelles et nombres : ${p.name} ne peut pas être les deux`,
  },
  'rules.condition-coverage.mixed.hint': {
    en: 'compare the variable with numbers only (lt, lte, gt, gte, eq, in, between), or with categories only (eq, in)',
    fr: 'comparez la variable uniquement à des nombres (lt, lte, gt, gte, eq, in, between), ou uniquement à des catégories (eq, in)',
  },
  'rules.condition-coverage.category-twice': {
    en: (p: { name: string; value: string; labels: readonly string[] }) =>
      `${p.name} = « ${p.value} » reaches ${countIn('en', p.labels.length)} branches (${listed(quoted(p.labels), 'and')})`,
    fr: (p: { name: string; value: string; labels: readonly string[] }) =>
      `${p.name} = « ${p.value} » correspond à ${countIn('fr', p.labels.length)} branches (${listed(quoted(p.labels), 'et')})`,
  },
  'rules.condition-coverage.category-twice.hint': { en: 'list each category in one branch only', fr: 'ne citez chaque catégorie que dans une seule branche' },
  'rules.condition-coverage.impossible': {
    en: (p: { label: string; wholeNumbers: boolean; name: string; domain: string }) =>
      `the condition of « ${p.label} » accepts no ${p.wholeNumbers ? 'whole number' : 'value'} of ${p.name} in ${p.domain}: nobody takes this branch`,
    fr: (p: { label: string; wholeNumbers: boolean; name: string; domain: string }) =>
      `la condition de « ${p.label} » n'accepte ${p.wholeNumbers ? 'aucun nombre entier' : 'aucune valeur'} de ${p.name} dans ${p.domain} : personne ne prend cette branche`,
  },
  'rules.condition-coverage.impossible.hint': {
    en: "check the bounds (e.g. `gt` above `lt`), and the variable's `min` and `max`",
    fr: 'vérifiez les bornes (par exemple `gt` au-dessus de `lt`), ainsi que le `min` et le `max` de la variable',
  },
  'rules.condition-coverage.gap': {
    en: (p: { values: string }) => `${p.values} reaches no branch`,
    fr: (p: { values: string }) => `${p.values} ne correspond à aucune branche`,
  },
  'rules.condition-coverage.gap.hint-range': {
    en: 'add a branch for these values, or give the variable its range (`min`, `max`) if they cannot occur',
    fr: 'ajoutez une branche pour ces valeurs, ou donnez sa plage à la variable (`min`, `max`) si elles ne peuvent pas survenir',
  },
  'rules.condition-coverage.gap.hint': {
    en: 'add a branch for these values, or widen a neighbouring condition (e.g. `lte` instead of `lt`)',
    fr: 'ajoutez une branche pour ces valeurs, ou élargissez une condition voisine (par exemple `lte` au lieu de `lt`)',
  },
  'rules.condition-coverage.overlap': {
    en: (p: { values: string; labels: readonly string[] }) => `${p.values} reaches ${countIn('en', p.labels.length)} branches (${listed(quoted(p.labels), 'and')})`,
    fr: (p: { values: string; labels: readonly string[] }) => `${p.values} correspond à ${countIn('fr', p.labels.length)} branches (${listed(quoted(p.labels), 'et')})`,
  },
  'rules.condition-coverage.overlap.hint': {
    en: 'make one side exclusive, e.g. `lte: 7` on one branch and `gt: 7` on the other',
    fr: "rendez l'une des deux bornes exclusive, par exemple `lte: 7` sur une branche et `gt: 7` sur l'autre",
  },
  'rules.consistent-units.no-variable': {
    en: (p: { unit: string }) => `this condition is in ${p.unit} but the decision declares no \`variable\``,
    fr: (p: { unit: string }) => `cette condition est en ${p.unit} mais la décision ne déclare pas de \`variable\``,
  },
  'rules.consistent-units.no-variable.hint': {
    en: (p: { unit: string }) => `declare what is tested: \`variable: { name: …, unit: "${p.unit}" }\``,
    fr: (p: { unit: string }) => `déclarez ce qui est testé : \`variable: { name: …, unit: "${p.unit}" }\``,
  },
  'rules.consistent-units.no-unit': {
    en: (p: { unit: string; variable: string }) => `this condition is in ${p.unit} but ${p.variable} has no unit`,
    fr: (p: { unit: string; variable: string }) => `cette condition est en ${p.unit} mais ${p.variable} n'a pas d'unité`,
  },
  'rules.consistent-units.no-unit.hint': {
    en: (p: { unit: string; variable: string }) => `declare it: \`variable: { name: ${p.variable}, unit: "${p.unit}" }\``,
    fr: (p: { unit: string; variable: string }) => `déclarez-la : \`variable: { name: ${p.variable}, unit: "${p.unit}" }\``,
  },
  'rules.consistent-units.other-unit': {
    en: (p: { unit: string; variable: string; variableUnit: string }) => `this condition is in ${p.unit} but ${p.variable} is in ${p.variableUnit}`,
    fr: (p: { unit: string; variable: string; variableUnit: string }) => `cette condition est en ${p.unit} mais ${p.variable} est en ${p.variableUnit}`,
  },
  'rules.consistent-units.other-unit.hint': {
    en: (p: { unit: string }) => `convert the bounds to ${p.unit} and remove \`unit\`, or correct its spelling`,
    fr: (p: { unit: string }) => `convertissez les bornes en ${p.unit} et retirez \`unit\`, ou corrigez son orthographe`,
  },
  'rules.consistent-units.at-decision': {
    en: (p: { node: string }) => `decision \`${p.node}\``,
    fr: (p: { node: string }) => `la décision \`${p.node}\``,
  },
  'rules.consistent-units.at-decision-of': {
    en: (p: { node: string; document: string; file: string }) => `decision \`${p.node}\` of ${p.document} (${p.file})`,
    fr: (p: { node: string; document: string; file: string }) => `la décision \`${p.node}\` de ${p.document} (${p.file})`,
  },
  'rules.consistent-units.two-units': {
    en: (p: { variable: string; unit: string; firstUnit: string; where: string }) => `${p.variable} is in ${p.unit} here but in ${p.firstUnit} at ${p.where}`,
    fr: (p: { variable: string; unit: string; firstUnit: string; where: string }) => `${p.variable} est en ${p.unit} ici mais en ${p.firstUnit} dans ${p.where}`,
  },
  'rules.consistent-units.two-units.hint': {
    en: (p: { variable: string }) => `use one unit for ${p.variable} everywhere (thresholds in two units are easy to confuse), or give the variables different names`,
    fr: (p: { variable: string }) =>
      `utilisez une seule unité pour ${p.variable} partout (des seuils dans deux unités se confondent facilement), ou donnez des noms différents aux variables`,
  },
});

const actions = defineMessages({
  'rules.action-frequency-required.missing': {
    en: (p: { node: string }) => `action \`${p.node}\` has no \`frequency\`: its volume of acts cannot be counted`,
    fr: (p: { node: string }) => `l'action \`${p.node}\` n'a pas de \`frequency\` : son volume d'actes ne peut pas être compté`,
  },
  'rules.action-frequency-required.missing.hint': {
    en: 'add how many acts per person reaching this step, e.g. `frequency: { times: 1, per: year }`',
    fr: "indiquez combien d'actes par personne arrivant à cette étape, par exemple `frequency: { times: 1, per: year }`",
  },
  'rules.frequency-shorthand.shorthand': {
    en: (p: { written: string; mapping: string }) => `write the frequency \`${p.written}\` as \`${p.mapping}\``,
    fr: (p: { written: string; mapping: string }) => `écrivez la fréquence \`${p.written}\` sous la forme \`${p.mapping}\``,
  },
  'rules.frequency-shorthand.shorthand.hint': {
    en: 'the mapping form is the one the reference, the diagrams and the memo sheets use; `logi lint --fix` rewrites it',
    fr: "la forme développée est celle qu'utilisent la référence du langage, les diagrammes et les fiches mémo ; `logi lint --fix` la réécrit",
  },
  'rules.grade-scale-required.missing': {
    en: (p: { node: string; grade: string; source: string }) => `grade \`${p.grade}\` of \`${p.node}\` has no scale: source \`${p.source}\` states no \`grade-scale\``,
    fr: (p: { node: string; grade: string; source: string }) => `le grade \`${p.grade}\` de \`${p.node}\` n'a pas d'échelle : la source \`${p.source}\` ne donne pas de \`grade-scale\``,
  },
  'rules.grade-scale-required.missing.hint': {
    en: (p: { source: string }) => `add the scale of its grades to the source, e.g. \`${p.source}: { …, grade-scale: HAS }\` (HAS A/B/C/AE, ESC class and level, GRADE…)`,
    fr: (p: { source: string }) => `ajoutez l'échelle de ses grades à la source, par exemple \`${p.source}: { …, grade-scale: HAS }\` (« HAS » A/B/C/AE, classe et niveau « ESC », « GRADE »…)`,
  },
  'rules.label-repeats-frequency.repeats': {
    en: (p: { node: string; text: string }) => `the label of \`${p.node}\` repeats its frequency (\`${p.text}\`)`,
    fr: (p: { node: string; text: string }) => `le libellé de \`${p.node}\` répète sa fréquence (\`${p.text}\`)`,
  },
  'rules.label-repeats-frequency.repeats.hint': {
    en: (p: { text: string; frequency: string }) => `remove \`${p.text}\` from the label: the memo sheet prints the frequency in its own column (here \`${p.frequency}\`); a range is written \`times: { uniform: [4, 12] }\``,
    fr: (p: { text: string; frequency: string }) => `retirez \`${p.text}\` du libellé : la fiche mémo imprime la fréquence dans sa colonne (ici \`${p.frequency}\`) ; une fourchette s'écrit \`times: { uniform: [4, 12] }\``,
  },
  'rules.label-repeats-frequency.default': { en: '1/year, the default', fr: '1/an, par défaut' },
  'rules.evidence-required.missing': {
    en: (p: { node: string }) => `action \`${p.node}\` cites no evidence`,
    fr: (p: { node: string }) => `l'action \`${p.node}\` ne cite aucune preuve`,
  },
  'rules.evidence-required.missing.hint-source': {
    en: (p: { source: string }) => `add \`evidence: { source: ${p.source}, grade: … }\` citing an entry of \`sources\``,
    fr: (p: { source: string }) => `ajoutez \`evidence: { source: ${p.source}, grade: … }\` en citant une entrée de \`sources\``,
  },
  'rules.evidence-required.missing.hint': {
    en: 'add the recommendation to `sources` and cite it: `evidence: { source: <id>, grade: … }`',
    fr: 'ajoutez la recommandation à `sources` et citez-la : `evidence: { source: <id>, grade: … }`',
  },
  'rules.no-unused-source.unused': {
    en: (p: { source: string }) => `source \`${p.source}\` is never cited`,
    fr: (p: { source: string }) => `la source \`${p.source}\` n'est jamais citée`,
  },
  'rules.no-unused-source.unused.hint': {
    en: (p: { source: string }) => `cite it with \`source: ${p.source}\` where it supports a figure, or remove it (\`logi lint --fix\` removes it)`,
    fr: (p: { source: string }) => `citez-la avec \`source: ${p.source}\` là où elle étaye un chiffre, ou supprimez-la (\`logi lint --fix\` la supprime)`,
  },
  'rules.source-url-scheme.scheme': {
    en: (p: { source: string; scheme: string }) => `the url of source \`${p.source}\` uses \`${p.scheme}\`; a source's url starts with \`http://\`, \`https://\` or \`doi:\``,
    fr: (p: { source: string; scheme: string }) => `l'url de la source \`${p.source}\` utilise \`${p.scheme}\` ; l'url d'une source commence par \`http://\`, \`https://\` ou \`doi:\``,
  },
  'rules.source-url-scheme.scheme.hint': {
    en: 'give the address of the page (https://…) or the DOI (doi:10.…); logi writes any other url as plain text, never as a link',
    fr: "donnez l'adresse de la page (https://…) ou le DOI (doi:10.…) ; logi écrit toute autre url en texte brut, jamais comme un lien",
  },
  'rules.no-unused-phase.unused': {
    en: (p: { phase: string }) => `phase \`${p.phase}\` holds no node`,
    fr: (p: { phase: string }) => `la phase \`${p.phase}\` ne contient aucun nœud`,
  },
  'rules.no-unused-phase.unused.hint': {
    en: (p: { phase: string }) => `put nodes in it with \`phase: ${p.phase}\`, or remove it (\`logi lint --fix\` removes it)`,
    fr: (p: { phase: string }) => `placez-y des nœuds avec \`phase: ${p.phase}\`, ou supprimez-la (\`logi lint --fix\` la supprime)`,
  },
  'rules.label-length.node': {
    en: (p: { length: number; max: number }) => `this label has ${p.length} characters; node labels stay within ${p.max} so that the diagram stays legible`,
    fr: (p: { length: number; max: number }) => `ce libellé compte ${p.length} caractères ; les libellés des nœuds tiennent en ${p.max} pour que le diagramme reste lisible`,
  },
  'rules.label-length.node.hint': {
    en: 'keep the label to what the box must say, and move the details to `note:`',
    fr: 'limitez le libellé à ce que la case doit dire, et déplacez les détails dans `note:`',
  },
  'rules.label-length.branch': {
    en: (p: { length: number; max: number }) => `this branch label has ${p.length} characters; branch labels stay within ${p.max}`,
    fr: (p: { length: number; max: number }) => `ce libellé de branche compte ${p.length} caractères ; les libellés des branches tiennent en ${p.max}`,
  },
  'rules.label-length.branch.hint': {
    en: "say the outcome in a few words (e.g. « oui », « HbA1c > 7 % ») and move the details to the branch's `note:`",
    fr: "dites l'issue en quelques mots (par exemple « oui », « HbA1c > 7 % ») et déplacez les détails dans la `note:` de la branche",
  },
});

const numbers = defineMessages({
  'rules.lognormal-median.mean': {
    en: (p: { mean: string; trueMean: string }) => `\`mean: ${p.mean}\` with a \`ci95\` is read as the median (the point estimate); the mean of this lognormal is ${p.trueMean}`,
    fr: (p: { mean: string; trueMean: string }) =>
      `\`mean: ${p.mean}\` avec un \`ci95\` est lu comme la médiane (l'estimation ponctuelle) ; la moyenne de cette loi lognormale est ${p.trueMean}`,
  },
  'rules.lognormal-median.mean.hint': {
    en: (p: { mean: string }) => `write \`median: ${p.mean}\` (same distribution), or \`{mean, sd}\` if ${p.mean} really is the mean`,
    fr: (p: { mean: string }) => `écrivez \`median: ${p.mean}\` (même distribution), ou \`{mean, sd}\` si ${p.mean} est vraiment la moyenne`,
  },
  'rules.ci95-consistent.off-centre': {
    en: (p: { point: string; lo: string; hi: string; below: string; above: string; drawnLo: string; drawnHi: string }) =>
      `the estimate ${p.point} is not near the middle of [${p.lo}, ${p.hi}] on the log scale (distances ${p.below} below, ${p.above} above): the simulation would draw from [${p.drawnLo}, ${p.drawnHi}]`,
    fr: (p: { point: string; lo: string; hi: string; below: string; above: string; drawnLo: string; drawnHi: string }) =>
      `l'estimation ${p.point} n'est pas proche du milieu de [${p.lo}, ${p.hi}] en échelle logarithmique (distances ${p.below} en dessous, ${p.above} au-dessus) : la simulation tirerait dans [${p.drawnLo}, ${p.drawnHi}]`,
  },
  'rules.ci95-consistent.off-centre.hint': {
    en: (p: { median: string; lo: string; hi: string; loForPoint: string; hiForPoint: string }) =>
      `check the figures against the source; consistent alternatives: median ${p.median} with this interval, or ci95 [${p.loForPoint}, ${p.hi}], or [${p.lo}, ${p.hiForPoint}]`,
    fr: (p: { median: string; lo: string; hi: string; loForPoint: string; hiForPoint: string }) =>
      `vérifiez les chiffres dans la source ; alternatives cohérentes : médiane ${p.median} avec cet intervalle, ou ci95 [${p.loForPoint}, ${p.hi}], ou [${p.lo}, ${p.hiForPoint}]`,
  },
});

const populations = defineMessages({
  'rules.effect-targets-transition.staying': {
    en: (p: { stratum: string }) => `${p.stratum}->${p.stratum} is not a transition: staying in ${p.stratum} is the remainder of its row`,
    fr: (p: { stratum: string }) => `${p.stratum}->${p.stratum} n'est pas une transition : rester dans ${p.stratum} correspond à ce qui reste de sa ligne`,
  },
  'rules.effect-targets-transition.staying.hint': {
    en: 'name a transition to another stratum or an exit',
    fr: 'désignez une transition vers une autre strate ou une sortie',
  },
  'rules.effect-targets-transition.undefined': {
    en: (p: { pyramid: string; transition: string }) => `the pyramid \`${p.pyramid}\` has no transition ${p.transition}`,
    fr: (p: { pyramid: string; transition: string }) => `la pyramide \`${p.pyramid}\` n'a pas de transition ${p.transition}`,
  },
  'rules.effect-targets-transition.undefined.hint-out': {
    en: (p: { from: string; out: readonly string[]; transition: string }) => `the transitions out of ${p.from} are ${p.out.join(', ')}; add ${p.transition} to the pyramid first if it exists`,
    fr: (p: { from: string; out: readonly string[]; transition: string }) =>
      `les transitions sortant de ${p.from} sont ${p.out.join(', ')} ; ajoutez d'abord ${p.transition} à la pyramide si elle existe`,
  },
  'rules.effect-targets-transition.undefined.hint-none-out': {
    en: (p: { from: string; transition: string }) => `the pyramid defines no transition out of ${p.from}; add ${p.transition} to its \`transitions\` first`,
    fr: (p: { from: string; transition: string }) => `la pyramide ne définit aucune transition sortant de ${p.from} ; ajoutez d'abord ${p.transition} à ses \`transitions\``,
  },
  'rules.effect-targets-transition.other-stratum': {
    en: (p: { from: string; to: string; stratum: string }) =>
      `this effect changes ${p.from}->${p.to}, but the logigramme serves ${p.stratum}: the people here leave ${p.stratum}, never ${p.from}`,
    fr: (p: { from: string; to: string; stratum: string }) =>
      `cet effet modifie ${p.from}->${p.to}, mais le logigramme concerne ${p.stratum} : les personnes suivies ici quittent ${p.stratum}, jamais ${p.from}`,
  },
  'rules.effect-targets-transition.other-stratum.hint': {
    en: (p: { stratum: string; out: readonly string[] }) => `an effect here acts on a transition out of ${p.stratum}: ${p.out.join(', ')}`,
    fr: (p: { stratum: string; out: readonly string[] }) => `un effet ici agit sur une transition sortant de ${p.stratum} : ${p.out.join(', ')}`,
  },
  'rules.effect-targets-transition.other-stratum.hint-none-out': {
    en: (p: { stratum: string }) => `the pyramid defines no transition out of ${p.stratum}`,
    fr: (p: { stratum: string }) => `la pyramide ne définit aucune transition sortant de ${p.stratum}`,
  },
  'rules.effect-combinations.too-many-effects': {
    en: (p: { number: number; stratum: string; max: number }) =>
      `this is effect number ${p.number} on the transitions out of ${p.stratum} in this logigramme; the simulation follows at most ${p.max}`,
    fr: (p: { number: number; stratum: string; max: number }) =>
      `c'est l'effet n° ${p.number} sur les transitions sortant de ${p.stratum} dans ce logigramme ; la simulation en suit au plus ${p.max}`,
  },
  'rules.effect-combinations.too-many-effects.hint': {
    en: 'merge effects on the same transition into one action (their hazard ratios multiply), or split the logigramme',
    fr: 'regroupez les effets sur une même transition dans une seule action (leurs hazard ratios se multiplient), ou scindez le logigramme',
  },
  'rules.effect-combinations.too-many-sets-at-exit': {
    en: (p: { max: number }) => `people leave this logigramme with more than ${p.max} distinct sets of effects; the simulation follows at most ${p.max}`,
    fr: (p: { max: number }) => `les personnes quittent ce logigramme avec plus de ${p.max} combinaisons distinctes d'effets ; la simulation en suit au plus ${p.max}`,
  },
  'rules.effect-combinations.too-many-sets': {
    en: (p: { node: string; max: number }) => `people reach \`${p.node}\` with more than ${p.max} distinct sets of effects; the simulation follows at most ${p.max}`,
    fr: (p: { node: string; max: number }) => `les personnes arrivent à \`${p.node}\` avec plus de ${p.max} combinaisons distinctes d'effets ; la simulation en suit au plus ${p.max}`,
  },
  'rules.effect-combinations.too-many-sets.hint': {
    en: 'put effects on fewer, shared steps (for example one action after the branches join), or merge effects on the same transition',
    fr: "placez les effets sur moins d'étapes, partagées (par exemple une action après la jonction des branches), ou regroupez les effets sur une même transition",
  },
  'rules.parameter-feasible.annual-change': {
    en: (p: { value: string }) => `an annual change of ${p.value} would make the value zero or negative from year 2 on: a trend's \`annual-change\` is above −1`,
    fr: (p: { value: string }) => `une variation annuelle de ${p.value} rendrait la valeur nulle ou négative dès l'année 2 : l'\`annual-change\` d'une tendance est supérieur à −1`,
  },
  'rules.parameter-feasible.annual-change-may': {
    en: (p: { low: string }) => `this normal may draw an annual change of −1 or below (its 2.5 % quantile is ${p.low}): the simulation would stop at such a draw`,
    fr: (p: { low: string }) => `cette loi normale peut tirer une variation annuelle inférieure ou égale à −1 (son quantile à 2,5 % vaut ${p.low}) : la simulation s'arrêterait à ce tirage`,
  },
  'rules.parameter-feasible.annual-change.hint': {
    en: '`annual-change` is a relative change per year: −0.026 is a fall of 2.6 % a year, 0.05 a rise of 5 %',
    fr: '`annual-change` est une variation relative par an : −0.026 est une baisse de 2,6 % par an, 0.05 une hausse de 5 %',
  },
  'rules.transition-row-sum.effect': {
    en: (p: { node: string; hr: string; to: string }) => `\`${p.node}\` (hr ${p.hr} on ${p.to})`,
    fr: (p: { node: string; hr: string; to: string }) => `\`${p.node}\` (hr ${p.hr} sur ${p.to})`,
  },
  'rules.transition-row-sum.staying': {
    en: (p: { stratum: string }) => `${p.stratum}->${p.stratum} is not a transition: staying in ${p.stratum} is the remainder of its row`,
    fr: (p: { stratum: string }) => `${p.stratum}->${p.stratum} n'est pas une transition : rester dans ${p.stratum} correspond à ce qui reste de sa ligne`,
  },
  'rules.transition-row-sum.staying.hint': {
    en: 'remove it; staying is 1 minus the other transitions out of the stratum',
    fr: 'supprimez-la ; rester vaut 1 moins les autres transitions sortant de la strate',
  },
  'rules.transition-row-sum.twice': {
    en: (p: { from: string; to: string; other: number }) => `${p.from}->${p.to} is listed twice (also transition ${p.other})`,
    fr: (p: { from: string; to: string; other: number }) => `${p.from}->${p.to} figure deux fois (c'est aussi la transition n° ${p.other})`,
  },
  'rules.transition-row-sum.twice.hint': {
    en: 'a row has one probability per destination: merge the two',
    fr: 'une ligne a une probabilité par destination : fusionnez les deux',
  },
  'rules.transition-row-sum.above-one': {
    en: (p: { from: string; sum: string; terms: string; year?: number }) =>
      `${inYear('en', p.year)}the transitions out of ${p.from} sum to ${p.sum} (${p.terms}): more than 1, nothing remains for staying`,
    fr: (p: { from: string; sum: string; terms: string; year?: number }) =>
      `${inYear('fr', p.year)}la somme des transitions sortant de ${p.from} vaut ${p.sum} (${p.terms}), soit plus de 1 : il ne reste rien pour le maintien dans la strate`,
  },
  'rules.transition-row-sum.above-one.hint': {
    en: 'annual probabilities of leaving a stratum sum to at most 1; check each value',
    fr: "la somme des probabilités annuelles de quitter une strate vaut au plus 1 ; vérifiez chaque valeur",
  },
  'rules.transition-row-sum.upper': {
    en: (p: { from: string; sum: string; terms: string; year?: number }) =>
      `${inYear('en', p.year)}the upper plausible values of the transitions out of ${p.from} sum to ${p.sum} (${p.terms}): draws may exceed 1`,
    fr: (p: { from: string; sum: string; terms: string; year?: number }) =>
      `${inYear('fr', p.year)}la somme des valeurs hautes plausibles des transitions sortant de ${p.from} vaut ${p.sum} (${p.terms}) : des tirages peuvent dépasser 1`,
  },
  'rules.transition-row-sum.upper.hint': {
    en: 'narrow the wider distributions (smaller sd or interval); the simulation stops on a row above 1',
    fr: "resserrez les distributions les plus larges (sd ou intervalle plus petit) ; la simulation s'arrête sur une ligne dont la somme dépasse 1",
  },
  'rules.transition-row-sum.multipliers': {
    en: (p: { from: string; sum: string; terms: string; year?: number }) => `${inYear('en', p.year)}with the multipliers, the transitions out of ${p.from} sum to ${p.sum} (${p.terms}): more than 1`,
    fr: (p: { from: string; sum: string; terms: string; year?: number }) =>
      `${inYear('fr', p.year)}avec les multiplicateurs, la somme des transitions sortant de ${p.from} vaut ${p.sum} (${p.terms}), soit plus de 1`,
  },
  'rules.transition-row-sum.multipliers.hint': {
    en: 'lower the multiplier; at most everyone leaves a stratum in a cycle',
    fr: 'baissez le multiplicateur ; au plus, tout le monde quitte une strate en un cycle',
  },
  'rules.transition-row-sum.effects': {
    en: (p: { effects: string; from: string; sum: string; terms: string; year?: number; age?: number }) =>
      `${inYear('en', p.year)}for people who met ${p.effects}${afterPassage('en', p.age)}, the transitions out of ${p.from} sum to ${p.sum} (${p.terms}): more than 1`,
    fr: (p: { effects: string; from: string; sum: string; terms: string; year?: number; age?: number }) =>
      `${inYear('fr', p.year)}pour les personnes passées par ${p.effects}${afterPassage('fr', p.age)}, la somme des transitions sortant de ${p.from} vaut ${p.sum} (${p.terms}), soit plus de 1`,
  },
  'rules.transition-row-sum.effects.hint': {
    en: 'a hazard ratio above 1 raises a transition: lower it, or lower the row in the pyramid',
    fr: 'un hazard ratio supérieur à 1 augmente une transition : baissez-le, ou baissez la ligne dans la pyramide',
  },
  'rules.transition-row-sum.effects-upper': {
    en: (p: { effects: string; from: string; sum: string; year?: number; age?: number }) =>
      `${inYear('en', p.year)}for people who met ${p.effects}${afterPassage('en', p.age)}, the upper plausible values of the transitions out of ${p.from} sum to ${p.sum}: draws may exceed 1`,
    fr: (p: { effects: string; from: string; sum: string; year?: number; age?: number }) =>
      `${inYear('fr', p.year)}pour les personnes passées par ${p.effects}${afterPassage('fr', p.age)}, la somme des valeurs hautes plausibles des transitions sortant de ${p.from} vaut ${p.sum} : des tirages peuvent dépasser 1`,
  },
  'rules.transition-row-sum.effects-upper.hint': {
    en: "narrow the hazard ratios' or the row's distributions; the simulation stops on a row above 1",
    fr: "resserrez les distributions des hazard ratios ou de la ligne ; la simulation s'arrête sur une ligne dont la somme dépasse 1",
  },
  'rules.transition-row-sum.scenario': {
    en: (p: { territory: string; logigramme: string; effects: string; from: string; sum: string; terms: string; year?: number; age?: number }) =>
      `${inYear('en', p.year)}in ${p.territory}, for people of ${p.logigramme} who met ${p.effects}${afterPassage('en', p.age)}, the transitions out of ${p.from} sum to ${p.sum} (${p.terms}) with the territory's multipliers: more than 1`,
    fr: (p: { territory: string; logigramme: string; effects: string; from: string; sum: string; terms: string; year?: number; age?: number }) =>
      `${inYear('fr', p.year)}dans ${p.territory}, avec les multiplicateurs du territoire, pour les personnes de ${p.logigramme} passées par ${p.effects}${afterPassage('fr', p.age)}, la somme des transitions sortant de ${p.from} vaut ${p.sum} (${p.terms}), soit plus de 1`,
  },
  'rules.transition-row-sum.scenario.hint': {
    en: "lower the territory's multiplier or the hazard ratio; the simulation stops on a row above 1",
    fr: "baissez le multiplicateur du territoire ou le hazard ratio ; la simulation s'arrête sur une ligne dont la somme dépasse 1",
  },
  'rules.transition-row-sum.trend': {
    en: (p: { from: string; year: number; horizon: number; sum: string; terms: string; territory?: string }) =>
      `in year ${p.year} of ${p.horizon}${p.territory === undefined ? '' : `, in ${p.territory}`}, the trends make the transitions out of ${p.from} sum to ${p.sum} (${p.terms}): more than 1, where the simulation stops`,
    fr: (p: { from: string; year: number; horizon: number; sum: string; terms: string; territory?: string }) =>
      `en année ${p.year} sur ${p.horizon}${p.territory === undefined ? '' : `, dans ${p.territory}`}, les tendances portent la somme des transitions sortant de ${p.from} à ${p.sum} (${p.terms}), soit plus de 1 : la simulation s'arrête là`,
  },
  'rules.transition-row-sum.trend.hint': {
    en: 'a rising `trend` compounds every year: lower its `annual-change`, give the values year by year with `by-year` (the last one holds), or shorten the horizon',
    fr: "une tendance (`trend`) à la hausse se compose d'année en année : baissez son `annual-change`, donnez les valeurs année par année avec `by-year` (la dernière se maintient), ou raccourcissez l'horizon",
  },
  'rules.territory-counts.no-counts': {
    en: (p: { territory: string; pyramid: string }) => `territory \`${p.territory}\` has no counts for pyramid \`${p.pyramid}\``,
    fr: (p: { territory: string; pyramid: string }) => `le territoire \`${p.territory}\` n'a pas de décomptes pour la pyramide \`${p.pyramid}\``,
  },
  'rules.territory-counts.no-counts.hint': {
    en: (p: { pyramid: string; file: string }) => `add \`pyramids: { ${p.pyramid}: { counts: {…} } }\` to ${p.file}, or remove the territory from the scenario`,
    fr: (p: { pyramid: string; file: string }) => `ajoutez \`pyramids: { ${p.pyramid}: { counts: {…} } }\` dans le fichier ${p.file}, ou retirez le territoire du scénario`,
  },
  'rules.territory-counts.above-population': {
    en: (p: { pyramid: string; people: number; population: number }) =>
      `the strata of ${p.pyramid} hold ${formatCount(p.people, 'en')} people, more than the population (${formatCount(p.population, 'en')})`,
    fr: (p: { pyramid: string; people: number; population: number }) =>
      `les strates de ${p.pyramid} comptent ${formatCount(p.people, 'fr')} personnes, plus que la population (${formatCount(p.population, 'fr')})`,
  },
  'rules.territory-counts.above-population.hint': {
    en: 'counts are people per stratum at the start; check them and `population`',
    fr: 'les décomptes sont des personnes par strate au départ ; vérifiez-les, ainsi que `population`',
  },
  'rules.territory-counts.not-counted': {
    en: (p: { strata: readonly string[]; pyramid: string }) =>
      p.strata.length === 1 ? `stratum ${p.strata.join(', ')} of ${p.pyramid} is not counted` : `strata ${p.strata.join(', ')} of ${p.pyramid} are not counted`,
    fr: (p: { strata: readonly string[]; pyramid: string }) =>
      p.strata.length === 1 ? `la strate ${p.strata.join(', ')} de ${p.pyramid} n'est pas dénombrée` : `les strates ${p.strata.join(', ')} de ${p.pyramid} ne sont pas dénombrées`,
  },
  'rules.territory-counts.not-counted.hint': {
    en: (p: { strata: readonly string[] }) => `add ${p.strata.map((s) => `\`${s}: <people>\``).join(', ')} (0 when nobody is in it)`,
    fr: (p: { strata: readonly string[] }) => `ajoutez ${p.strata.map((s) => `\`${s}: <personnes>\``).join(', ')} (0 pour une strate vide)`,
  },
  'rules.inflow-growth.beyond': {
    en: (p: { pyramid: string; territory: string; horizon: number; bound: string }) =>
      `the inflows of ${p.pyramid} may bring territory \`${p.territory}\` beyond 10¹² people within ${p.horizon} years (up to ${p.bound}), where the simulation stops`,
    fr: (p: { pyramid: string; territory: string; horizon: number; bound: string }) =>
      `les entrées de la pyramide ${p.pyramid} peuvent porter le territoire \`${p.territory}\` au-delà de 10¹² personnes en ${p.horizon} ans (jusqu'à ${p.bound}), où la simulation s'arrête`,
  },
  'rules.inflow-growth.beyond.hint': {
    en: (p: { file: string }) => `check the inflows of ${p.file}: a rate is a fraction per year, a count is entrants per year`,
    fr: (p: { file: string }) => `vérifiez les entrées (\`inflows\`) du fichier ${p.file} : un taux (\`rate\`) est une fraction par an, un effectif (\`count\`) un nombre d'entrants par an`,
  },
  'rules.pyramid-coverage.program-of-other-pyramid': {
    en: (p: { program: string; programPyramid: string; pyramid: string }) => `program \`${p.program}\` is for pyramid \`${p.programPyramid}\`; this scenario simulates \`${p.pyramid}\``,
    fr: (p: { program: string; programPyramid: string; pyramid: string }) => `le programme \`${p.program}\` porte sur la pyramide \`${p.programPyramid}\` ; ce scénario simule \`${p.pyramid}\``,
  },
  'rules.pyramid-coverage.program-of-other-pyramid.hint': {
    en: (p: { pyramid: string }) => `choose a program whose \`pyramid\` is \`${p.pyramid}\``,
    fr: (p: { pyramid: string }) => `choisissez un programme dont la \`pyramid\` est \`${p.pyramid}\``,
  },
  'rules.pyramid-coverage.logigramme-of-other-pyramid': {
    en: (p: { logigramme: string; logigrammePyramid: string; pyramid: string }) =>
      `\`${p.logigramme}\` belongs to pyramid \`${p.logigrammePyramid}\`; this program is for \`${p.pyramid}\``,
    fr: (p: { logigramme: string; logigrammePyramid: string; pyramid: string }) =>
      `\`${p.logigramme}\` appartient à la pyramide \`${p.logigrammePyramid}\` ; ce programme porte sur \`${p.pyramid}\``,
  },
  'rules.pyramid-coverage.logigramme-of-other-stratum': {
    en: (p: { logigramme: string; logigrammeStratum: string; stratum: string }) => `\`${p.logigramme}\` serves stratum ${p.logigrammeStratum}, not ${p.stratum}`,
    fr: (p: { logigramme: string; logigrammeStratum: string; stratum: string }) => `\`${p.logigramme}\` concerne la strate ${p.logigrammeStratum}, et non ${p.stratum}`,
  },
  'rules.pyramid-coverage.fitting': {
    en: (p: { stratum: string; pyramid: string; logigrammes: readonly string[] }) =>
      `the logigramme${p.logigrammes.length > 1 ? 's' : ''} for ${p.stratum} of ${p.pyramid}: ${ticked(p.logigrammes)}`,
    fr: (p: { stratum: string; pyramid: string; logigrammes: readonly string[] }) =>
      `${p.logigrammes.length > 1 ? 'les logigrammes' : 'le logigramme'} de la strate ${p.stratum} de ${p.pyramid} : ${ticked(p.logigrammes)}`,
  },
  'rules.pyramid-coverage.write-one': {
    en: (p: { stratum: string; pyramid: string }) => `write a logigramme with \`pyramid: ${p.pyramid}\` and \`stratum: ${p.stratum}\``,
    fr: (p: { stratum: string; pyramid: string }) => `écrivez un logigramme avec \`pyramid: ${p.pyramid}\` et \`stratum: ${p.stratum}\``,
  },
  'rules.coverage-relative.relative-baseline': {
    en: (p: { baseline: string; stratum: string }) => `\`${p.baseline}\` is this scenario's baseline, but its coverage of ${p.stratum} is relative to the baseline`,
    fr: (p: { baseline: string; stratum: string }) => `\`${p.baseline}\` est la référence de ce scénario, mais sa couverture de ${p.stratum} est relative à la référence`,
  },
  'rules.coverage-relative.relative-baseline.hint': {
    en: (p: { baseline: string }) => `give ${p.baseline} absolute coverages (a number, a distribution or a ramp without \`relative-to\`)`,
    fr: (p: { baseline: string }) => `donnez à ${p.baseline} des couvertures absolues (un nombre, une distribution ou une rampe sans \`relative-to\`)`,
  },
  'rules.coverage-relative.uncovered': {
    en: (p: { stratum: string; program: string; baseline: string }) =>
      `the coverage of ${p.stratum} in \`${p.program}\` is relative to the baseline, but the baseline \`${p.baseline}\` does not cover ${p.stratum}`,
    fr: (p: { stratum: string; program: string; baseline: string }) =>
      `la couverture de ${p.stratum} dans \`${p.program}\` est relative à la référence, mais la référence \`${p.baseline}\` ne couvre pas ${p.stratum}`,
  },
  'rules.coverage-relative.uncovered.hint': {
    en: (p: { stratum: string; program: string; baseline: string }) => `cover ${p.stratum} in ${p.baseline}, or give ${p.program} an absolute coverage of ${p.stratum}`,
    fr: (p: { stratum: string; program: string; baseline: string }) => `couvrez ${p.stratum} dans ${p.baseline}, ou donnez à ${p.program} une couverture absolue de ${p.stratum}`,
  },
  'rules.coverage-relative.clamped': {
    en: (p: { year: number; stratum: string; program: string; base: string; increment: string; sum: string }) =>
      `in year ${p.year}, the coverage of ${p.stratum} in \`${p.program}\` is the baseline's ${p.base} + ${p.increment} = ${p.sum} at central values, outside [0, 1]: the simulation clamps it`,
    fr: (p: { year: number; stratum: string; program: string; base: string; increment: string; sum: string }) =>
      `en année ${p.year}, la couverture de ${p.stratum} dans \`${p.program}\` vaut ${p.base} (référence) + ${p.increment} = ${p.sum} aux valeurs centrales, hors de [0, 1] : la simulation la ramène dans [0, 1]`,
  },
  'rules.coverage-relative.clamped.hint': {
    en: 'lower the increment so that the sum stays a share',
    fr: "baissez l'incrément pour que la somme reste une part, entre 0 et 1",
  },
});


const dynamics = defineMessages({
  'rules.move-to-stratum.own': {
    en: (p: { stratum: string }) => `\`move-to: ${p.stratum}\` is this logigramme's own stratum: the move would move nobody`,
    fr: (p: { stratum: string }) => `\`move-to: ${p.stratum}\` est la strate de ce logigramme : le déplacement ne déplacerait personne`,
  },
  'rules.move-to-stratum.own.hint': {
    en: (p: { others: readonly string[] }) => `name the stratum the detected people belong to: ${ticked(p.others)}`,
    fr: (p: { others: readonly string[] }) => `nommez la strate à laquelle appartiennent les personnes détectées : ${ticked(p.others)}`,
  },
  'rules.move-to-stratum.exit': {
    en: (p: { exit: string; pyramid: string }) => `\`${p.exit}\` is an exit of pyramid \`${p.pyramid}\`, not a stratum: \`move-to\` moves people between strata`,
    fr: (p: { exit: string; pyramid: string }) => `\`${p.exit}\` est une sortie de la pyramide \`${p.pyramid}\`, pas une strate : \`move-to\` déplace des personnes d'une strate à une autre`,
  },
  'rules.move-to-stratum.exit.hint': {
    en: (p: { exit: string }) => `reaching ${p.exit} is a transition of the pyramid; to change it here, give the node an effect on that transition`,
    fr: (p: { exit: string }) => `atteindre ${p.exit} est une transition de la pyramide ; pour la modifier ici, donnez au nœud un effet (\`effects\`) sur cette transition`,
  },
  'rules.move-to-stratum.other-pyramid': {
    en: (p: { target: string; pyramid: string; others: readonly string[] }) =>
      `${p.target} is a stratum of ${ticked(p.others)}, not of this logigramme's pyramid \`${p.pyramid}\`: people move within their pyramid`,
    fr: (p: { target: string; pyramid: string; others: readonly string[] }) =>
      `${p.target} est une strate de ${ticked(p.others)}, pas de la pyramide de ce logigramme, \`${p.pyramid}\` : les personnes se déplacent au sein de leur pyramide`,
  },
  'rules.move-to-stratum.unknown': {
    en: (p: { target: string; pyramid: string }) => `\`move-to: ${p.target}\` names no stratum of pyramid \`${p.pyramid}\``,
    fr: (p: { target: string; pyramid: string }) => `\`move-to: ${p.target}\` ne désigne aucune strate de la pyramide \`${p.pyramid}\``,
  },
  'rules.move-to-stratum.no-other': {
    en: (p: { pyramid: string }) => `pyramid ${p.pyramid} has no other stratum to move people to: add one, or remove \`move-to\``,
    fr: (p: { pyramid: string }) => `la pyramide ${p.pyramid} n'a pas d'autre strate où déplacer des personnes : ajoutez-en une, ou retirez \`move-to\``,
  },
  'rules.effect-duration.below-one': {
    en: (p: { duration: number }) => `\`duration: ${p.duration}\`: an effect lasts at least the cycle of the passage, 1`,
    fr: (p: { duration: number }) => `\`duration: ${p.duration}\` : un effet dure au moins le cycle du passage, soit 1`,
  },
  'rules.effect-duration.below-one.hint': {
    en: 'a duration is a whole number of cycles from 1 (the default: the cycle of the passage only)',
    fr: "une durée est un nombre entier de cycles à partir de 1 (la valeur par défaut : le seul cycle du passage)",
  },
  'rules.effect-duration.waning-without-duration': {
    en: (p: { waning: string }) => `\`waning: ${p.waning}\` without \`duration\`: the effect lasts the cycle of the passage only, so it has nothing to wane over`,
    fr: (p: { waning: string }) => `\`waning: ${p.waning}\` sans \`duration\` : l'effet ne dure que le cycle du passage, il n'a donc pas le temps de décliner`,
  },
  'rules.effect-duration.waning-over-one': {
    en: (p: { waning: string }) => `\`waning: ${p.waning}\` with \`duration: 1\`: the effect lasts the cycle of the passage only, so the waning changes nothing`,
    fr: (p: { waning: string }) => `\`waning: ${p.waning}\` avec \`duration: 1\` : l'effet ne dure que le cycle du passage, le déclin ne change donc rien`,
  },
  'rules.effect-duration.waning-without-duration.hint': {
    en: 'give the number of cycles the effect lasts after the passage (`duration: 5` for five years with yearly cycles), or remove `waning`',
    fr: "donnez le nombre de cycles pendant lesquels l'effet dure après le passage (`duration: 5` pour cinq ans en cycles annuels), ou retirez `waning`",
  },
  'rules.effect-duration.half-life-missing': {
    en: '`waning: exponential` without `half-life`: the speed of the waning is not given',
    fr: '`waning: exponential` sans `half-life` : la vitesse du déclin n\'est pas donnée',
  },
  'rules.effect-duration.half-life-missing.hint': {
    en: 'add `half-life`: the cycles after which the log hazard ratio is halved (or use `waning: linear`)',
    fr: 'ajoutez `half-life` : le nombre de cycles au bout duquel le log du hazard ratio est divisé par deux (ou choisissez `waning: linear`)',
  },
  'rules.effect-duration.half-life-unused': {
    en: (p: { waning: string }) => `\`half-life\` is only used with \`waning: exponential\`; this effect's waning is \`${p.waning}\``,
    fr: (p: { waning: string }) => `\`half-life\` ne sert qu'avec \`waning: exponential\` ; le déclin de cet effet est \`${p.waning}\``,
  },
  'rules.effect-duration.half-life-unused.hint': {
    en: 'write `waning: exponential`, or remove `half-life`',
    fr: 'écrivez `waning: exponential`, ou retirez `half-life`',
  },
  'rules.effect-duration.stop-with-waning': {
    en: (p: { waning: string }) =>
      `with \`after-exit: stop\` the effect is whole while the person is enrolled and stops when they leave, so \`waning: ${p.waning}\` changes nothing`,
    fr: (p: { waning: string }) =>
      `avec \`after-exit: stop\`, l'effet est entier pendant l'inscription et s'arrête à la sortie du programme : \`waning: ${p.waning}\` ne change donc rien`,
  },
  'rules.effect-duration.stop-with-waning.hint': {
    en: 'remove `waning`, or write `after-exit: keep` for an effect that fades after the program',
    fr: "retirez `waning`, ou écrivez `after-exit: keep` pour un effet qui s'estompe après le programme",
  },
  'rules.by-year-horizon.beyond': {
    en: (p: { years: number; scenario: string; horizon: number; unused: number }) =>
      `this \`by-year\` list gives ${p.years} years, but scenario \`${p.scenario}\` simulates ${p.horizon}: its last ${p.unused === 1 ? 'value is' : `${p.unused} values are`} never used`,
    fr: (p: { years: number; scenario: string; horizon: number; unused: number }) =>
      `cette liste \`by-year\` donne ${p.years} années, mais le scénario \`${p.scenario}\` en simule ${p.horizon} : ${p.unused === 1 ? 'sa dernière valeur ne sert' : `ses ${p.unused} dernières valeurs ne servent`} jamais`,
  },
  'rules.by-year-horizon.beyond.hint': {
    en: (p: { horizon: number }) => `keep the first ${p.horizon} values (the last one holds to the horizon), or check that the list starts with year 1`,
    fr: (p: { horizon: number }) => `gardez les ${p.horizon} premières valeurs (la dernière se maintient jusqu'à l'horizon), ou vérifiez que la liste commence à l'année 1`,
  },
  'rules.program-cost-strata.not-in-program': {
    en: (p: { stratum: string; cost: string; program: string }) => `cost \`${p.cost}\` counts the enrolled people of ${p.stratum}, but program \`${p.program}\` enrols nobody in ${p.stratum}`,
    fr: (p: { stratum: string; cost: string; program: string }) => `le coût \`${p.cost}\` compte les inscrits de ${p.stratum}, mais le programme \`${p.program}\` n'inscrit personne dans ${p.stratum}`,
  },
  'rules.program-cost-strata.not-in-pyramid': {
    en: (p: { stratum: string; cost: string; pyramid: string }) => `cost \`${p.cost}\` is paid for the people of ${p.stratum}, but pyramid \`${p.pyramid}\` has no stratum ${p.stratum}`,
    fr: (p: { stratum: string; cost: string; pyramid: string }) => `le coût \`${p.cost}\` est payé pour les personnes de ${p.stratum}, mais la pyramide \`${p.pyramid}\` n'a pas de strate ${p.stratum}`,
  },
  'rules.utility-complete.missing': {
    en: (p: { stratum: string; count: number; total: number }) => `stratum ${p.stratum} has no \`utility\`, but ${p.count} of the pyramid's ${p.total} strata have one: without every utility, no QALYs are counted`,
    fr: (p: { stratum: string; count: number; total: number }) => `la strate ${p.stratum} n'a pas d'\`utility\`, mais ${p.count} des ${p.total} strates de la pyramide en ont une : sans toutes les utilités, aucun QALY n'est compté`,
  },
  'rules.utility-complete.missing.hint': {
    en: 'add `utility:` to this stratum (1 = full health, 0 = death), with its `utility-source`',
    fr: "ajoutez `utility:` à cette strate (1 = pleine santé, 0 = décès), avec sa `utility-source`",
  },
  'rules.program-cost-strata.no-strata': {
    en: 'the program has no strata: add the stratum to its `strata`, or remove the cost',
    fr: "le programme n'a aucune strate : ajoutez la strate à ses `strata`, ou retirez le coût",
  },
  'rules.on-transfer-needs-retention.unused': {
    en: (p: { stratum: string; value: string }) =>
      `\`on-transfer: ${p.value}\` changes nothing here: without \`retention\`, nobody enrolled in ${p.stratum} stays enrolled into the next cycle`,
    fr: (p: { stratum: string; value: string }) =>
      `\`on-transfer: ${p.value}\` ne change rien ici : sans \`retention\`, personne d'inscrit en ${p.stratum} ne le reste au cycle suivant`,
  },
  'rules.on-transfer-needs-retention.unused.hint': {
    en: 'add `retention` (the probability per year of staying enrolled, e.g. 0.8), or remove `on-transfer`',
    fr: 'ajoutez `retention` (la probabilité par an de rester inscrit, par exemple 0.8), ou retirez `on-transfer`',
  },
});

/** The checks of Targets, Calibration and ParameterSet documents (issue 15). */
const calibration = defineMessages({
  'rules.target-reference.unknown-pyramid': {
    en: (p: { pyramid: string }) => `unknown pyramid \`${p.pyramid}\`: the targets measure nothing the model computes`,
    fr: (p: { pyramid: string }) => `pyramide \`${p.pyramid}\` inconnue : les cibles ne mesurent rien de ce que calcule le modèle`,
  },
  'rules.target-reference.no-pyramid': { en: 'no Pyramid document is loaded in this workspace', fr: "aucun document Pyramid n'est chargé dans cet espace de travail" },
  'rules.target-reference.duplicate-id': {
    en: (p: { id: string; line: number }) => `target id \`${p.id}\` is already used on line ${p.line}`,
    fr: (p: { id: string; line: number }) => `l'identifiant de cible \`${p.id}\` est déjà pris ligne ${p.line}`,
  },
  'rules.target-reference.duplicate-id.hint': {
    en: 'give each target an id of its own: reports and calibrations name targets by id',
    fr: "donnez à chaque cible son propre identifiant : rapports et étalonnages désignent les cibles par leur identifiant",
  },
  'rules.target-reference.unknown-territory': { en: (p: { territory: string }) => `unknown territory \`${p.territory}\``, fr: (p: { territory: string }) => `territoire \`${p.territory}\` inconnu` },
  'rules.target-reference.no-territory': { en: 'no Territory document is loaded in this workspace', fr: "aucun document Territory n'est chargé dans cet espace de travail" },
  'rules.target-reference.territory-without-pyramid': {
    en: (p: { territory: string; pyramid: string }) => `territory \`${p.territory}\` has no counts for pyramid \`${p.pyramid}\`: the model has nobody there to compare`,
    fr: (p: { territory: string; pyramid: string }) => `le territoire \`${p.territory}\` n'a pas d'effectifs pour la pyramide \`${p.pyramid}\` : le modèle n'y a personne à comparer`,
  },
  'rules.target-reference.territory-without-pyramid.hint': {
    en: (p: { pyramid: string }) => `name a territory whose \`pyramids\` has \`${p.pyramid}\`, or remove \`territory\` to sum the scenario's territories`,
    fr: (p: { pyramid: string }) => `nommez un territoire dont \`pyramids\` contient \`${p.pyramid}\`, ou retirez \`territory\` pour additionner les territoires du scénario`,
  },
  'rules.target-reference.unknown-state': {
    en: (p: { state: string; pyramid: string }) => `\`${p.state}\` is no stratum nor exit of pyramid \`${p.pyramid}\``,
    fr: (p: { state: string; pyramid: string }) => `\`${p.state}\` n'est ni une strate ni une sortie de la pyramide \`${p.pyramid}\``,
  },
  'rules.target-reference.leaves-exit': {
    en: (p: { exit: string }) => `\`${p.exit}\` is an exit: nobody leaves it, so a flow from it is always 0`,
    fr: (p: { exit: string }) => `\`${p.exit}\` est une sortie : personne n'en repart, un flux qui en part vaut donc toujours 0`,
  },
  'rules.target-reference.leaves-exit.hint': {
    en: 'a flow goes `from` strata `to` strata or exits: to count deaths, put the exit in `to`',
    fr: 'un flux va de strates (`from`) vers des strates ou des sorties (`to`) : pour compter les décès, mettez la sortie dans `to`',
  },
  'rules.target-reference.unknown-event': {
    en: (p: { event: string; pyramid: string }) => `\`${p.event}\` is no event of pyramid \`${p.pyramid}\` nor of a \`move-to\` of its logigrammes`,
    fr: (p: { event: string; pyramid: string }) => `\`${p.event}\` n'est ni un événement de la pyramide \`${p.pyramid}\` ni celui d'un \`move-to\` de ses logigrammes`,
  },
  'rules.target-reference.no-events': {
    en: (p: { pyramid: string }) => `pyramid \`${p.pyramid}\` has no events: add one to its \`events\`, or measure a \`flow\``,
    fr: (p: { pyramid: string }) => `la pyramide \`${p.pyramid}\` n'a pas d'événements : ajoutez-en un à ses \`events\`, ou mesurez un flux (\`flow\`)`,
  },
  'rules.calibration-reference.unknown-scenario': { en: (p: { scenario: string }) => `unknown scenario \`${p.scenario}\``, fr: (p: { scenario: string }) => `scénario \`${p.scenario}\` inconnu` },
  'rules.calibration-reference.no-scenario': { en: 'no Scenario document is loaded in this workspace', fr: "aucun document Scenario n'est chargé dans cet espace de travail" },
  'rules.calibration-reference.unknown-targets': { en: (p: { targets: string }) => `unknown Targets \`${p.targets}\``, fr: (p: { targets: string }) => `cibles (Targets) \`${p.targets}\` inconnues` },
  'rules.calibration-reference.no-targets': { en: 'no Targets document is loaded in this workspace', fr: "aucun document Targets n'est chargé dans cet espace de travail" },
  'rules.calibration-reference.targets-twice': {
    en: (p: { targets: string }) => `Targets \`${p.targets}\` is listed twice: its targets would count twice in the fit`,
    fr: (p: { targets: string }) => `les cibles \`${p.targets}\` sont citées deux fois : elles compteraient deux fois dans l'ajustement`,
  },
  'rules.calibration-reference.twice.hint': { en: 'remove the repeated entry', fr: "retirez l'entrée répétée" },
  'rules.calibration-reference.other-pyramid': {
    en: (p: { targets: string; pyramid: string; scenario: string; scenarioPyramid: string }) =>
      `Targets \`${p.targets}\` measure pyramid \`${p.pyramid}\`, but scenario \`${p.scenario}\` simulates \`${p.scenarioPyramid}\``,
    fr: (p: { targets: string; pyramid: string; scenario: string; scenarioPyramid: string }) =>
      `les cibles \`${p.targets}\` mesurent la pyramide \`${p.pyramid}\`, mais le scénario \`${p.scenario}\` simule \`${p.scenarioPyramid}\``,
  },
  'rules.calibration-reference.other-pyramid.hint': {
    en: (p: { pyramid: string }) => `list Targets of pyramid \`${p.pyramid}\`, or calibrate a scenario of their pyramid`,
    fr: (p: { pyramid: string }) => `citez des cibles de la pyramide \`${p.pyramid}\`, ou étalonnez un scénario de leur pyramide`,
  },
  'rules.calibration-reference.territory': {
    en: (p: { target: string; targets: string; territory: string; scenario: string }) =>
      `target \`${p.target}\` of \`${p.targets}\` is for territory \`${p.territory}\`, which scenario \`${p.scenario}\` does not simulate`,
    fr: (p: { target: string; targets: string; territory: string; scenario: string }) =>
      `la cible \`${p.target}\` de \`${p.targets}\` porte sur le territoire \`${p.territory}\`, que le scénario \`${p.scenario}\` ne simule pas`,
  },
  'rules.calibration-reference.territory.hint': {
    en: (p: { territories: readonly string[] }) => `the scenario's territories: ${ticked(p.territories)}; add the territory to the scenario, or change the target`,
    fr: (p: { territories: readonly string[] }) => `les territoires du scénario : ${ticked(p.territories)} ; ajoutez le territoire au scénario, ou changez la cible`,
  },
  'rules.calibration-reference.year': {
    en: (p: { target: string; targets: string; year: number; scenario: string; horizon: number }) =>
      `target \`${p.target}\` of \`${p.targets}\` is measured in year ${p.year}, beyond the horizon of scenario \`${p.scenario}\` (${p.horizon} years)`,
    fr: (p: { target: string; targets: string; year: number; scenario: string; horizon: number }) =>
      `la cible \`${p.target}\` de \`${p.targets}\` est mesurée en année ${p.year}, au-delà de l'horizon du scénario \`${p.scenario}\` (${p.horizon} ans)`,
  },
  'rules.calibration-reference.year.hint': {
    en: (p: { horizon: number }) => `the model computes years 0 to ${p.horizon}: lengthen the scenario's \`horizon\`, or move the target`,
    fr: (p: { horizon: number }) => `le modèle calcule les années 0 à ${p.horizon} : allongez l'horizon (\`horizon\`) du scénario, ou déplacez la cible`,
  },
  'rules.calibration-reference.path-twice': {
    en: (p: { path: string; earlier: string }) => `\`${p.path}\` names the same parameter as \`${p.earlier}\` above`,
    fr: (p: { path: string; earlier: string }) => `\`${p.path}\` désigne le même paramètre que \`${p.earlier}\` plus haut`,
  },
  'rules.calibration-reference.not-used': {
    en: (p: { kind: string; id: string; scenario: string }) => `this parameter belongs to ${p.kind} \`${p.id}\`, which scenario \`${p.scenario}\` does not use: calibrating it changes nothing`,
    fr: (p: { kind: string; id: string; scenario: string }) => `ce paramètre appartient au document ${p.kind} \`${p.id}\`, que le scénario \`${p.scenario}\` n'utilise pas : l'étalonner ne change rien`,
  },
  'rules.calibration-reference.not-used.hint': {
    en: "name a parameter of the scenario's pyramid, territories, programs, the logigrammes of its baseline, or the actors",
    fr: 'désignez un paramètre de la pyramide du scénario, de ses territoires, de ses programmes, des logigrammes de sa référence, ou des acteurs',
  },
  'rules.calibration-reference.territory-other-pyramid': {
    en: (p: { territory: string; pyramid: string }) => `this parameter of territory \`${p.territory}\` is not in its entry for pyramid \`${p.pyramid}\`, the scenario's: calibrating it changes nothing`,
    fr: (p: { territory: string; pyramid: string }) => `ce paramètre du territoire \`${p.territory}\` n'est pas dans son entrée pour la pyramide \`${p.pyramid}\`, celle du scénario : l'étalonner ne change rien`,
  },
  'rules.calibration-reference.territory-other-pyramid.hint': {
    en: (p: { territory: string; pyramid: string }) => `write \`${p.territory} pyramids ${p.pyramid} multipliers …\``,
    fr: (p: { territory: string; pyramid: string }) => `écrivez \`${p.territory} pyramids ${p.pyramid} multipliers …\``,
  },
  'rules.calibration-reference.range-annual-change': { en: 'a number above −1', fr: 'un nombre supérieur à −1' },
  'rules.calibration-reference.bounds-range': {
    en: (p: { low: string; high: string; range: string }) => `bounds [${p.low}, ${p.high}] leave the parameter's range: ${p.range}`,
    fr: (p: { low: string; high: string; range: string }) => `les bornes [${p.low}, ${p.high}] sortent du domaine du paramètre : ${p.range}`,
  },
  'rules.calibration-reference.bounds-range.hint': {
    en: (p: { range: string }) => `give bounds inside the range (${p.range}), or remove \`bounds\` to use the whole range`,
    fr: (p: { range: string }) => `donnez des bornes dans le domaine (${p.range}), ou retirez \`bounds\` pour prendre tout le domaine`,
  },
  'rules.calibration-reference.fixed-prior': {
    en: (p: { value: string }) => `\`prior: ${p.value}\` is a fixed number: it leaves nothing to calibrate`,
    fr: (p: { value: string }) => `\`prior: ${p.value}\` est un nombre fixe : il ne laisse rien à étalonner`,
  },
  'rules.calibration-reference.fixed-prior.hint': {
    en: 'give a distribution, e.g. `prior: { beta: { mean: 0.02, sd: 0.01 } }` for a probability, `{ uniform: [low, high] }` for a range',
    fr: 'donnez une loi, par exemple `prior: { beta: { mean: 0.02, sd: 0.01 } }` pour une probabilité, `{ uniform: [bas, haut] }` pour une plage',
  },
  'rules.calibration-reference.fixed-value': {
    en: (p: { path: string; value: string }) => `\`${p.path}\` is the fixed number ${p.value} and there is no \`prior\`: nothing to calibrate`,
    fr: (p: { path: string; value: string }) => `\`${p.path}\` vaut le nombre fixe ${p.value} et aucune loi a priori (\`prior\`) n'est donnée : rien à étalonner`,
  },
  'rules.calibration-reference.prior-outside-bounds': {
    en: (p: { value: string; low: string; high: string }) => `the prior's central value ${p.value} is outside the bounds [${p.low}, ${p.high}]`,
    fr: (p: { value: string; low: string; high: string }) => `la valeur centrale de la loi a priori, ${p.value}, est hors des bornes [${p.low}, ${p.high}]`,
  },
  'rules.calibration-reference.value-outside-bounds': {
    en: (p: { value: string; low: string; high: string }) => `the parameter's current central value ${p.value} (the default prior) is outside the bounds [${p.low}, ${p.high}]`,
    fr: (p: { value: string; low: string; high: string }) => `la valeur centrale actuelle du paramètre, ${p.value} (la loi a priori par défaut), est hors des bornes [${p.low}, ${p.high}]`,
  },
  'rules.calibration-reference.prior-outside-bounds.hint': {
    en: 'centre the prior within the bounds, or widen the bounds',
    fr: 'centrez la loi a priori entre les bornes, ou élargissez les bornes',
  },
  'rules.calibration-reference.prior-outside-range': {
    en: (p: { value: string; range: string }) => `the prior's central value ${p.value} is outside the parameter's range: ${p.range}`,
    fr: (p: { value: string; range: string }) => `la valeur centrale de la loi a priori, ${p.value}, est hors du domaine du paramètre : ${p.range}`,
  },
  'rules.calibration-reference.prior-outside-range.hint': {
    en: (p: { range: string }) => `centre the prior in the parameter's range (${p.range})`,
    fr: (p: { range: string }) => `centrez la loi a priori dans le domaine du paramètre (${p.range})`,
  },
  'rules.parameter-set-path.path-twice': {
    en: (p: { path: string; earlier: string }) => `\`${p.path}\` names the same parameter as \`${p.earlier}\` above: only the last value would count`,
    fr: (p: { path: string; earlier: string }) => `\`${p.path}\` désigne le même paramètre que \`${p.earlier}\` plus haut : seule la dernière valeur compterait`,
  },
  'rules.parameter-set-path.path-twice.hint': { en: 'keep one value per parameter', fr: 'gardez une seule valeur par paramètre' },
  'rules.parameter-set-path.posterior-not-relative': {
    en: (p: { file: string }) => `\`posterior: ${p.file}\` is not a path relative to this file`,
    fr: (p: { file: string }) => `\`posterior: ${p.file}\` n'est pas un chemin relatif à ce fichier`,
  },
  'rules.parameter-set-path.posterior-not-relative.hint': {
    en: 'put the CSV file next to this YAML file (or below it) and write its path from here, e.g. `posterior: posterior.csv`',
    fr: 'placez le fichier CSV à côté de ce fichier YAML (ou en dessous) et écrivez son chemin depuis ici, par exemple `posterior: posterior.csv`',
  },
});

export const rulesMessages = defineMessages({ ...descriptions, ...structure, ...decisions, ...actions, ...numbers, ...populations, ...dynamics, ...calibration });
