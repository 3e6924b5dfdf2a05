/** The keys of an Actors registry (docs/language.md, "Actors"). */
import { headerDocs } from './common.js';
import { key, type KeyDocs } from './types.js';

export const ACTORS_DOCS: KeyDocs = {
  ...headerDocs('Actors', {
    fr: "Identifiant du registre d'acteurs, unique parmi les registres de l'espace de travail.",
    en: "Id of the actors' registry, unique among the workspace's registries.",
    example: 'acteurs',
  }),
  title: key('Titre du registre.', 'Title of the registry.', 'Acteurs du territoire'),
  actors: key(
    "Les professions qui réalisent les actions des logigrammes, par identifiant : le temps et le coût d'un acte, le temps de travail d'un équivalent temps plein.",
    "The professions that perform the logigrammes' actions, by id: the time and cost of one act, the working time of one full-time equivalent.",
    { 'medecin-generaliste': { title: 'Médecin généraliste', 'minutes-per-act': 20, 'cost-per-act': 30, 'fte-minutes-per-year': 96000 } },
  ),
  'actors.*': key(
    "Une profession ; les nœuds `action` la citent par son identifiant (`actor`).",
    'One profession; `action` nodes cite it by its id (`actor`).',
    { title: 'Laboratoire de biologie', 'minutes-per-act': 5, 'cost-per-act': 10, 'fte-minutes-per-year': 96000 },
  ),
  'actors.*.title': key('Nom de la profession.', 'Name of the profession.', 'Médecin généraliste'),
  'actors.*.minutes-per-act': key(
    'Minutes de travail pour un acte : un nombre ou une loi (triangulaire, gamma…).',
    'Working minutes for one act: a number or a distribution (triangular, gamma…).',
    20,
    { triangular: [3, 5, 10] },
  ),
  'actors.*.cost-per-act': key("Coût d'un acte en euros : le tarif quand il existe.", 'Cost of one act in euros: the tariff where one exists.', 30),
  'actors.*.fte-minutes-per-year': key(
    "Minutes de travail d'un équivalent temps plein (ETP) sur un an : au moins 1, au plus 525 600 (les minutes d'une année).",
    'Working minutes of one full-time equivalent (FTE) over a year: at least 1, at most 525,600 (the minutes in a year).',
    96000,
  ),
  'actors.*.payer': key(
    "Qui paie les actes de cette profession, un identifiant de votre choix (docs/economics.md, « Payers ») : `assurance-maladie` par défaut ; `patient`, `hopital`, `ars`, `collectivite`, `mutuelle`…",
    "Who pays this profession's acts, an id of your choice (docs/economics.md, \"Payers\"): `assurance-maladie` by default; `patient`, `hopital`, `ars`, `collectivite`, `mutuelle`…",
    'assurance-maladie',
    'hopital',
  ),
  'actors.*.source': key("D'où viennent les minutes, le coût et le temps de travail (identifiant dans `sources`).", 'Where the minutes, cost and working time come from (an id in `sources`).', 'ameli-2024'),
  'actors.*.note': key('Note sur cette profession (acte de référence, hypothèse).', 'Note on this profession (the reference act, an assumption).', 'Consultation G'),
};
