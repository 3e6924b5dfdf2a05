/** The keys of a Logigramme (docs/language.md, "Logigramme"), and its five kinds of node. */
import { headerDocs } from './common.js';
import type { Lang } from '../../i18n/language.js';
import { key, prefixed, type Bilingual, type KeyDocs } from './types.js';

const DOCUMENT: KeyDocs = {
  ...headerDocs('Logigramme', {
    fr: "Identifiant du logigramme, unique parmi les logigrammes de l'espace de travail ; les programmes et les nœuds `refer` le citent.",
    en: "Id of the logigramme, unique among the workspace's logigrammes; programs and `refer` nodes cite it.",
    example: 'dt2-s2-suivi',
  }),
  title: key('Titre du logigramme, affiché sur le diagramme et la fiche mémo.', 'Title of the logigramme, shown on the diagram and the memo sheet.', 'Diabète sans complication — suivi'),
  description: key(
    'Présentation du logigramme en texte libre, affichée sur la fiche mémo.',
    'Free-text presentation of the logigramme, shown on the memo sheet.',
    'Suivi annuel en soins primaires du diabète de type 2 sans complication.',
  ),
  pyramid: key(
    'Identifiant de la pyramide (document Pyramid) dont ce logigramme prend en charge une strate.',
    'Id of the pyramid (a Pyramid document) one stratum of which this logigramme serves.',
    'mon-diabete',
  ),
  stratum: key(
    'Identifiant de la strate de cette pyramide que ce logigramme prend en charge (S0, S1…).',
    'Id of the stratum of that pyramid this logigramme serves (S0, S1…).',
    'S2',
  ),
  start: key(
    'Identifiant du nœud de départ, de type `start`, par lequel les personnes entrent dans le logigramme.',
    'Id of the start node, of type `start`, where people enter the logigramme.',
    'inclusion',
  ),
  phases: key(
    'Groupes facultatifs dessinés autour de nœuds, par identifiant : `id: {label}`. Un nœud se range dans un groupe avec `phase:`.',
    'Optional groups drawn around nodes, by id: `id: {label}`. A node joins a group with `phase:`.',
    { bilan: { label: 'Bilan annuel' } },
  ),
  'phases.*': key('Un groupe de nœuds et son libellé.', 'A group of nodes and its label.', { label: 'Bilan annuel' }),
  'phases.*.label': key('Libellé du groupe, affiché sur le diagramme.', 'Label of the group, shown on the diagram.', 'Bilan annuel'),
  nodes: key(
    'Les nœuds du logigramme, par identifiant. Chacun a un `type` (start, action, decision, refer, end) et un `label`.',
    'The nodes of the logigramme, by id. Each has a `type` (start, action, decision, refer, end) and a `label`.',
    { inclusion: { type: 'start', label: 'Patient diabétique de type 2', next: 'fin' }, fin: { type: 'end', label: 'Poursuite du suivi' } },
  ),
  'nodes.*': key(
    'Un nœud du logigramme : son `type` décide des autres clés.',
    'A node of the logigramme: its `type` decides the other keys.',
    { type: 'end', label: 'Poursuite du suivi' },
  ),
};

const NODE: KeyDocs = {
  'nodes.*.type': key(
    "Type de nœud : `start` (l'entrée, un seul par logigramme), `action` (un acte clinique par un acteur), `decision` (les personnes se répartissent entre des branches), `refer` (orientation vers un autre logigramme) ou `end` (fin du parcours pour ce cycle).",
    'Type of node: `start` (the entry, one per logigramme), `action` (a clinical act by one actor), `decision` (people split between branches), `refer` (referral to another logigramme) or `end` (the end of the pathway for this cycle).',
    'action',
    'decision',
  ),
  'nodes.*.label': key(
    "Libellé du nœud, ce que montre le diagramme : l'acte, la question ou l'étape, en langage clinique.",
    'Label of the node, what the diagram shows: the act, the question or the step, in clinical words.',
    "Dosage de l'HbA1c",
    'HbA1c ≤ 7 % ?',
  ),
  'nodes.*.phase': key(
    "Identifiant d'une entrée de `phases` : le nœud est dessiné dans ce groupe.",
    'Id of an entry of `phases`: the node is drawn inside that group.',
    'bilan',
  ),
  'nodes.*.note': key(
    'Note libre sur ce nœud pour le lecteur (précision clinique, hypothèse).',
    'Free note on this node for the reader (a clinical detail, an assumption).',
    'Réévaluation annuelle',
  ),
  'nodes.*.next': key(
    "Identifiant du nœud suivant, où vont les personnes après celui-ci. Obligatoire après `start` ; facultatif après `action` et `refer` (sans `next`, le parcours s'arrête là).",
    'Id of the next node, where people go after this one. Required after `start`; optional after `action` and `refer` (without `next`, the pathway stops there).',
    'hba1c',
  ),
};

/** A recommendation, alone (`evidence: {…}`) or in a list (`evidence: [{…}]`). */
const EVIDENCE: KeyDocs = {
  source: key(
    'Identifiant (ou liste) de la source de `sources` qui fonde la recommandation.',
    'Id (or list of ids) of the entry of `sources` the recommendation comes from.',
    'has-2014',
  ),
  grade: key(
    "Grade de la recommandation dans l'échelle de la source (`grade-scale`) : pour la HAS, A, B, C ou AE (accord d'experts).",
    "Grade of the recommendation in the source's scale (`grade-scale`): for the HAS, A, B, C or AE (expert agreement).",
    'B',
    'AE',
  ),
  note: key("Note sur cette recommandation (ce qu'elle couvre).", 'Note on this recommendation (what it covers).', 'ETP'),
};

const ACTION: KeyDocs = {
  'nodes.*.actor': key(
    "Identifiant de l'acteur (une profession d'un document Actors) qui réalise l'acte ; ses minutes et son coût par acte s'appliquent, sauf `minutes` ou `cost` ici.",
    'Id of the actor (a profession of an Actors document) who performs the act; its minutes and cost per act apply unless `minutes` or `cost` is given here.',
    'medecin-generaliste',
  ),
  'nodes.*.frequency': key(
    "Nombre d'actes par personne : `{times, per}` ou le raccourci `4/year`. Une action atteinte par m personnes produit m × times × (périodes par cycle) actes ; sans `frequency`, une fois par an. Un acte unique s'écrit `once` ou `{once: true, within-days: 7}` : un acte par passage dans le nœud, quelle que soit la durée du cycle.",
    'Acts per person: `{times, per}` or the shorthand `4/year`. An action reached by m people produces m × times × (periods per cycle) acts; without `frequency`, once a year. A one-off act is `once` or `{once: true, within-days: 7}`: one act per passage through the node, whatever the cycle length.',
    { times: 4, per: 'year' },
    '2/year',
    'once',
    { once: true, 'within-days': 7 },
  ),
  'nodes.*.frequency.once': key(
    "`true` : un acte unique, un par passage dans le nœud (et non un nombre d'actes par an).",
    '`true`: a one-off act, one per passage through the node (not a number of acts per year).',
    true,
  ),
  'nodes.*.frequency.within-days': key(
    "Délai en jours (entier ≥ 0) dans lequel l'acte unique est dû après l'entrée dans le nœud : `7` s'imprime « 1 fois, ≤ J7 ». Ne change pas le nombre d'actes simulés.",
    'Days (a whole number ≥ 0) within which the one-off act is due after entering the node: `7` prints "once, by day 7". It does not change the number of simulated acts.',
    7,
  ),
  'nodes.*.frequency.times': key(
    "Nombre d'actes par période pour chaque personne qui atteint ce nœud : un nombre ou une loi (gamma, triangulaire…).",
    'Acts per period for each person reaching this node: a number or a distribution (gamma, triangular…).',
    4,
  ),
  'nodes.*.frequency.per': key('Période de `times` : day, week, month, quarter ou year.', 'Period of `times`: day, week, month, quarter or year.', 'year'),
  'nodes.*.minutes': key(
    "Minutes de travail par acte pour ce nœud : remplace `minutes-per-act` de l'acteur. Un nombre ou une loi.",
    "Working minutes per act at this node: overrides the actor's `minutes-per-act`. A number or a distribution.",
    30,
  ),
  'nodes.*.cost': key(
    "Coût d'un acte en euros pour ce nœud : remplace `cost-per-act` de l'acteur. Un nombre ou une loi.",
    "Cost of one act in euros at this node: overrides the actor's `cost-per-act`. A number or a distribution.",
    30,
    { gamma: { mean: 30, sd: 3 } },
  ),
  'nodes.*.evidence': key(
    'Ce qui fonde ce nœud : `{source, grade?, note?}`, ou une liste quand plusieurs recommandations le fondent.',
    'What this node rests on: `{source, grade?, note?}`, or a list when several recommendations support it.',
    { source: 'has-2014', grade: 'AE' },
    [{ source: 'has-2013', grade: 'B' }, { source: 'has-2014', grade: 'AE', note: 'ETP' }],
  ),
  'nodes.*.evidence.*': key('Une recommandation qui fonde ce nœud.', 'One recommendation supporting this node.', { source: 'has-2013', grade: 'B' }),
  ...prefixed('evidence.', EVIDENCE),
  ...prefixed('evidence.*.', EVIDENCE),
  'nodes.*.effects': key(
    "Ce que ce nœud change dans la pyramide : une liste de `{transition, hr}`. Pour les personnes qui passent ici, la probabilité p de la transition devient 1 − (1 − p)^hr ; `duration`, `waning`, `half-life` et `after-exit` disent combien de temps l'effet dure après le passage.",
    'What this node changes in the pyramid: a list of `{transition, hr}`. For people who pass here, the probability p of the transition becomes 1 − (1 − p)^hr; `duration`, `waning`, `half-life` and `after-exit` say how long the effect lasts after the passage.',
    [{ transition: 'S1->S2', hr: { triangular: [0.42, 0.75, 0.9] }, source: 'dpp' }],
  ),
  'nodes.*.effects.*': key(
    'Un effet : une transition de la pyramide et le hazard ratio appliqué.',
    'One effect: a transition of the pyramid and the hazard ratio applied to it.',
    { transition: 'S2->deces', hr: 0.9, source: 'has-2013' },
    { transition: 'S1->S2', hr: 0.57, duration: 7, waning: 'linear', source: 'dps' },
  ),
  'nodes.*.effects.*.transition': key(
    'La transition de la pyramide que ce nœud modifie, écrite `DE->VERS` avec des identifiants de strate ou de sortie.',
    'The pyramid transition this node changes, written `FROM->TO` with stratum or exit ids.',
    'S1->S2',
  ),
  'nodes.*.effects.*.hr': key(
    'Hazard ratio appliqué à la transition : p devient 1 − (1 − p)^hr ; en dessous de 1 la transition devient moins probable, au-dessus plus probable. Un nombre ou une loi (log-normale publiée).',
    'Hazard ratio applied to the transition: p becomes 1 − (1 − p)^hr; below 1 the transition becomes less likely, above 1 more likely. A number or a distribution (a published lognormal).',
    { lognormal: { median: 0.9, ci95: [0.8, 1.0125] } },
    0.75,
  ),
  'nodes.*.effects.*.duration': key(
    "Nombre de cycles pendant lesquels l'effet s'applique après le dernier passage de la personne, une fois sortie du programme, entier ≥ 1 (1 par défaut : le seul cycle du passage). Au-delà de 1, l'effet reste entier tant que la personne est inscrite.",
    "Cycles during which the effect applies after the person's last passage, once out of the program, a whole number ≥ 1 (1 by default: the cycle of the passage only). Above 1, the effect stays whole while the person is enrolled.",
    7,
  ),
  'nodes.*.effects.*.waning': key(
    "Comment l'effet s'estompe pendant `duration` : `none` (par défaut : plein effet puis plus rien), `linear` (le hazard ratio rejoint 1 linéairement) ou `exponential` (le log du hazard ratio diminue de moitié à chaque `half-life`).",
    'How the effect fades over `duration`: `none` (the default: full effect, then nothing), `linear` (the hazard ratio returns linearly to 1) or `exponential` (the log hazard ratio halves every `half-life`).',
    'linear',
    'exponential',
  ),
  'nodes.*.effects.*.half-life': key(
    "Avec `waning: exponential` : nombre de cycles au bout duquel le log du hazard ratio est divisé par deux (> 0). Un nombre ou une loi.",
    'With `waning: exponential`: cycles after which the log hazard ratio is halved (> 0). A number or a distribution.',
    3,
  ),
  'nodes.*.effects.*.after-exit': key(
    "Si l'effet continue quand la personne quitte le programme : `keep` (par défaut) ou `stop` (l'effet n'agit que pendant l'inscription).",
    'Whether the effect goes on once the person leaves the program: `keep` (the default) or `stop` (the effect acts only while enrolled).',
    'keep',
    'stop',
  ),
  'nodes.*.move-to': key(
    "Dépistage : les personnes qui atteignent ce nœud passent dans une autre strate de la pyramide à la fin du cycle. `move-to: S2`, ou `{stratum: S2, p: 0.03, event: …}` quand seule une part `p` est détectée.",
    'Detection: the people who reach this node move to another stratum of the pyramid at the end of the cycle. `move-to: S2`, or `{stratum: S2, p: 0.03, event: …}` when only a share `p` is detected.',
    'S2',
    { stratum: 'S2', p: 0.03, event: 'diabetes-depistes' },
  ),
  'move-to.stratum': key(
    'La strate de la même pyramide où vont les personnes détectées (pas la strate de ce logigramme, pas une sortie).',
    "The stratum of the same pyramid the detected people move to (not this logigramme's stratum, not an exit).",
    'S2',
  ),
  'move-to.p': key(
    "Part des personnes atteignant ce nœud qui changent de strate, par personne-année (1 par défaut) : chaque année avec des cycles annuels, p / 4 par trimestre avec `cycle: quarter` ; un nombre ou une loi bêta.",
    'Share of the people reaching this node who change stratum, per person-year (1 by default): each year with yearly cycles, p / 4 a quarter with `cycle: quarter`; a number or a beta distribution.',
    0.03,
    { beta: { mean: 0.03, sd: 0.005 } },
  ),
  'move-to.event': key(
    "Événement nommé qui compte ces déplacements : un des `events` de la pyramide (ils s'y ajoutent) ou un nouveau nom qui ne compte qu'eux.",
    "Named event that counts these moves: one of the pyramid's `events` (they are added to it) or a new name that counts only them.",
    'diabetes-depistes',
  ),
  'move-to.source': key("D'où vient la part `p` détectée (identifiant dans `sources`).", 'Where the detected share `p` comes from (an id in `sources`).', 'esteban'),
  'move-to.note': key('Note sur ce déplacement.', 'Note on this move.', 'diabète méconnu parmi les personnes dépistées'),
};

/** The dated atoms of `done-when`, alone or under `any` (docs/stratify.md, "Worklist"). */
const DONE_ATOMS: KeyDocs = {
  diagnosis: key(
    'Les lignes de `diagnoses` dont le code CIM-10 correspond : un code, une liste, ou `{codes, ald?}` ; `E11*` couvre tous les codes qui commencent par E11.',
    'The rows of `diagnoses` whose ICD-10 code matches: a code, a list, or `{codes, ald?}`; `E11*` covers every code starting with E11.',
    'E11*',
    { codes: ['E11*'], ald: true },
  ),
  'diagnosis.codes': key('Codes CIM-10 ou préfixes suivis de `*`.', 'ICD-10 codes, or prefixes followed by `*`.', ['E11*']),
  'diagnosis.ald': key(
    'Avec `true`, seules les lignes marquées ALD (affection de longue durée) comptent.',
    'With `true`, only the rows flagged ALD (long-term condition) count.',
    true,
  ),
  dispensation: key(
    'Les lignes de `dispensations` dont le code ATC correspond : un code, une liste, ou `{atc}`.',
    'The rows of `dispensations` whose ATC code matches: a code, a list, or `{atc}`.',
    'A10*',
    { atc: ['C07AB07'] },
  ),
  'dispensation.atc': key('Codes ATC ou préfixes suivis de `*`.', 'ATC codes, or prefixes followed by `*`.', ['A10BA02']),
  lab: key(
    'Les lignes de `labs` de ce test, quelle que soit la valeur : `{test}`.',
    'The rows of `labs` of this test, whatever their value: `{test}`.',
    { test: 'hba1c' },
  ),
  'lab.test': key(
    "Le test de laboratoire : hba1c, egfr, uacr, nt-probnp, bnp, fasting-glucose, lvef, bmi ou nyha.",
    'The laboratory test: hba1c, egfr, uacr, nt-probnp, bnp, fasting-glucose, lvef, bmi or nyha.',
    'hba1c',
    'egfr',
  ),
  stay: key(
    "Les séjours hospitaliers de `stays`, datés de leur admission : `{}` pour tous, `{main-diagnosis}` pour ceux dont le diagnostic principal correspond.",
    'The hospital stays of `stays`, dated by their admission: `{}` for all, `{main-diagnosis}` for those whose main diagnosis matches.',
    { 'main-diagnosis': ['I50*'] },
  ),
  'stay.main-diagnosis': key('Codes CIM-10 du diagnostic principal, ou préfixes suivis de `*`.', 'ICD-10 codes of the main diagnosis, or prefixes followed by `*`.', ['I50*']),
  act: key(
    'Les lignes de `acts` dont le code (CCAM, NGAP, biologie) correspond : un code, une liste, ou `{codes}`. Vérifiez les codes dans la nomenclature.',
    'The rows of `acts` whose code (CCAM, NGAP, biology) matches: a code, a list, or `{codes}`. Check the codes in the nomenclature.',
    ['DEQP003'],
    { codes: ['BGQP002'] },
  ),
  'act.codes': key('Codes des actes ou préfixes suivis de `*`.', 'Codes of the acts, or prefixes followed by `*`.', ['DEQP003']),
};

const DONE_WHEN: KeyDocs = {
  'nodes.*.done-when': key(
    "Les lignes des données patients qui prouvent que l'acte a été fait, pour la liste de travail (`logi stratify`) : une seule clé parmi `diagnosis`, `dispensation`, `lab`, `stay`, `act`, ou `any` pour plusieurs. La dernière date trouvée, plus la période de `frequency`, donne l'échéance.",
    'The rows of patient data that show the act was done, for the worklist (`logi stratify`): exactly one of `diagnosis`, `dispensation`, `lab`, `stay`, `act`, or `any` for several. The latest date found, plus the period of `frequency`, gives the due date.',
    { lab: { test: 'hba1c' } },
    { any: [{ lab: { test: 'egfr' } }, { lab: { test: 'uacr' } }] },
  ),
  'nodes.*.done-when.any': key(
    "Plusieurs sortes de lignes, dont n'importe laquelle prouve l'acte : une liste de `{diagnosis}`, `{dispensation}`, `{lab}`, `{stay}`, `{act}`.",
    'Several kinds of rows, any of which shows the act: a list of `{diagnosis}`, `{dispensation}`, `{lab}`, `{stay}`, `{act}`.',
    [{ lab: { test: 'egfr' } }, { lab: { test: 'uacr' } }],
  ),
  'nodes.*.done-when.any.*': key(
    'Une sorte de lignes : une seule clé parmi `diagnosis`, `dispensation`, `lab`, `stay`, `act`.',
    'One kind of rows: exactly one of `diagnosis`, `dispensation`, `lab`, `stay`, `act`.',
    { lab: { test: 'uacr' } },
  ),
  ...prefixed('nodes.*.done-when.', DONE_ATOMS),
  ...prefixed('nodes.*.done-when.any.*.', DONE_ATOMS),
};

const DECISION: KeyDocs = {
  'nodes.*.probabilities': key(
    "Parts des branches tirées ensemble (au lieu de `p` sur chaque branche) : `{dirichlet: [a1, a2, …]}`, une concentration par branche dans l'ordre ; elles somment toujours à 1.",
    'Branch shares drawn jointly (instead of `p` on each branch): `{dirichlet: [a1, a2, …]}`, one concentration per branch in order; they always sum to 1.',
    { dirichlet: [60, 25, 10, 5], source: 'estimation' },
  ),
  'nodes.*.probabilities.dirichlet': key(
    "Concentrations de la loi de Dirichlet, une par branche dans l'ordre (> 0) : la part moyenne de la branche i est aᵢ / Σa ; plus elles sont grandes, moins la part est incertaine.",
    'Concentrations of the Dirichlet distribution, one per branch in order (> 0): the mean share of branch i is aᵢ / Σa; the larger they are, the less uncertain the shares.',
    [60, 25, 10, 5],
  ),
  'nodes.*.variable': key(
    'La variable clinique que testent les conditions `when` des branches : `{name, unit?, min?, max?}` ; `min` et `max` bornent ses valeurs pour vérifier que les branches les couvrent toutes.',
    "The clinical variable the branches' `when` conditions test: `{name, unit?, min?, max?}`; `min` and `max` bound its values so that the linter can check that the branches cover them all.",
    { name: 'hba1c', unit: '%', min: 4, max: 15 },
  ),
  'nodes.*.variable.name': key('Nom de la variable testée (un identifiant).', 'Name of the variable tested (an id).', 'hba1c'),
  'nodes.*.variable.unit': key("Unité de la variable, telle qu'on l'écrit en clinique.", 'Unit of the variable, as written in clinical practice.', '%', 'g/L'),
  'nodes.*.variable.min': key('Plus petite valeur possible de la variable.', 'Smallest possible value of the variable.', 4),
  'nodes.*.variable.max': key('Plus grande valeur possible de la variable.', 'Largest possible value of the variable.', 15),
  'nodes.*.branches': key(
    "Les branches de la décision, dans l'ordre : `{label, when?, p?, source?, next, note?}`. Au plus une branche omet `p` et prend le reste.",
    'The branches of the decision, in order: `{label, when?, p?, source?, next, note?}`. At most one branch omits `p` and takes the remainder.',
    [
      { label: 'oui', when: { lte: 7 }, p: 0.55, next: 'fond-oeil' },
      { label: 'non', when: { gt: 7 }, next: 'intensification' },
    ],
  ),
  'nodes.*.branches.*': key(
    'Une branche : son libellé, sa condition, sa part et le nœud où elle mène.',
    'One branch: its label, its condition, its share and the node it leads to.',
    { label: 'non', when: { gt: 7 }, next: 'intensification' },
  ),
  'branches.*.label': key(
    'Libellé de la branche sur le diagramme : la réponse à la question du nœud.',
    "Label of the branch on the diagram: the answer to the node's question.",
    'oui',
    'Grade 2',
  ),
  'branches.*.when': key(
    'Condition de la branche sur `variable`. Plusieurs bornes se combinent par « et » : `{ gt: 7, lte: 8 }` est 7 < x ≤ 8.',
    'Condition of the branch on `variable`. Several bounds combine with "and": `{ gt: 7, lte: 8 }` is 7 < x ≤ 8.',
    { lte: 7 },
    { gt: 7, lte: 8 },
  ),
  'when.lt': key('Strictement inférieur à ce nombre (<).', 'Strictly less than this number (<).', 7),
  'when.lte': key('Inférieur ou égal à ce nombre (≤).', 'Less than or equal to this number (≤).', 7),
  'when.gt': key('Strictement supérieur à ce nombre (>).', 'Strictly greater than this number (>).', 7),
  'when.gte': key('Supérieur ou égal à ce nombre (≥).', 'Greater than or equal to this number (≥).', 1.26),
  'when.eq': key('Égal à ce nombre ou à cette catégorie.', 'Equal to this number or category.', 0, 'positif'),
  'when.in': key("L'une des valeurs de cette liste de nombres ou de catégories.", 'One of the values of this list of numbers or categories.', [1, 2], ['stade-3', 'stade-4']),
  'when.between': key("Dans l'intervalle fermé [bas, haut].", 'Within the closed interval [low, high].', [7, 8]),
  'when.unit': key(
    "Unité des bornes de cette branche, quand la branche l'écrit ; elle doit être celle de la variable.",
    "Unit of this branch's bounds, when the branch states it; it must be the variable's.",
    '%',
  ),
  'branches.*.p': key(
    "Part des personnes qui prennent cette branche, entre 0 et 1 : un nombre ou une loi bêta. Une seule branche peut l'omettre ; elle prend le reste.",
    'Share of people taking this branch, between 0 and 1: a number or a beta distribution. One branch may omit it and take the remainder.',
    0.55,
    { beta: { mean: 0.55, sd: 0.05 } },
  ),
  'branches.*.source': key("D'où vient la part `p` de cette branche (identifiant dans `sources`).", "Where this branch's share `p` comes from (an id in `sources`).", 'estimation'),
  'branches.*.next': key('Identifiant du nœud où mène la branche.', 'Id of the node the branch leads to.', 'intensification'),
  'branches.*.note': key('Note sur cette branche.', 'Note on this branch.', 'part estimée'),
};

const REFER: KeyDocs = {
  'nodes.*.logigramme': key(
    "Identifiant du logigramme vers lequel la personne est orientée. L'orientation est comptée ; la personne continue vers `next`.",
    'Id of the logigramme the person is referred to. The referral is counted; the person goes on to `next`.',
    'dt2-s3-complications',
  ),
};

export const LOGIGRAMME_DOCS: KeyDocs = { ...DOCUMENT, ...NODE, ...ACTION, ...DONE_WHEN, ...DECISION, ...REFER };

export type NodeType = 'start' | 'action' | 'decision' | 'refer' | 'end';

export interface NodeVariantDoc {
  /** The completion item's label: distinct per type. */
  title: Bilingual;
  description: Bilingual;
  /** The keys of a new node of this type, with snippet placeholders (`$1`, `${2:default}`). */
  snippet: (lang: Lang) => Record<string, unknown>;
}

/** The five kinds of node, in the order completion offers them. */
export const NODE_VARIANTS: Readonly<Record<NodeType, NodeVariantDoc>> = {
  start: {
    title: { fr: 'nœud de départ (start)', en: 'start node' },
    description: {
      fr: "L'entrée du logigramme, un seul par logigramme : `label` et `next`.",
      en: 'The entry of the logigramme, one per logigramme: `label` and `next`.',
    },
    snippet: () => ({ type: 'start', label: '$1', next: '$2' }),
  },
  action: {
    title: { fr: 'nœud action', en: 'action node' },
    description: {
      fr: 'Un acte clinique réalisé par un acteur : `actor`, `frequency`, `evidence`, `effects`, `move-to`, `done-when`, `next`.',
      en: 'A clinical act performed by one actor: `actor`, `frequency`, `evidence`, `effects`, `move-to`, `done-when`, `next`.',
    },
    snippet: () => ({ type: 'action', label: '$1', actor: '$2', frequency: { times: 1, per: 'year' }, next: '$3' }),
  },
  decision: {
    title: { fr: 'nœud décision', en: 'decision node' },
    description: {
      fr: 'Les personnes se répartissent entre des branches : `variable`, `branches` (chacune avec `label`, `when`, `p`, `next`).',
      en: 'People split between branches: `variable`, `branches` (each with `label`, `when`, `p`, `next`).',
    },
    snippet: (lang) => ({
      type: 'decision',
      label: '$1',
      branches: [
        { label: lang === 'fr' ? '${2:oui}' : '${2:yes}', next: '$3' },
        { label: lang === 'fr' ? '${4:non}' : '${4:no}', next: '$5' },
      ],
    }),
  },
  refer: {
    title: { fr: 'nœud orientation (refer)', en: 'refer node' },
    description: {
      fr: 'Orientation vers un autre logigramme : `logigramme`, puis `next`.',
      en: 'Referral to another logigramme: `logigramme`, then `next`.',
    },
    snippet: () => ({ type: 'refer', label: '$1', logigramme: '$2', next: '$3' }),
  },
  end: {
    title: { fr: 'nœud de fin (end)', en: 'end node' },
    description: { fr: 'La fin du parcours pour ce cycle : seulement `label`.', en: 'The end of the pathway for this cycle: only `label`.' },
    snippet: () => ({ type: 'end', label: '$1' }),
  },
};

export const NODE_TITLE: Bilingual = { fr: 'nœud', en: 'node' };
