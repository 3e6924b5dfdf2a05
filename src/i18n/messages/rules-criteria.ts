/**
 * Messages of the rules area (ids start with `rules.`) for the checks of stratum criteria
 * (docs/stratify.md): kept apart from rules.ts so that the criteria language's words stay
 * together. Ids, codes and stratum names arrive as parameters and are quoted as written.
 */
import { defineMessages } from '../define.js';

const ticked = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(', ');

export const rulesCriteriaMessages = defineMessages({
  'rules.criteria-code-shape.description': {
    en: 'A diagnosis, ALD or stay code pattern has the shape of an ICD-10 code (E11, E11*, E119), a dispensation pattern that of an ATC code (A10, A10BA02, A10*).',
    fr: "Un motif de code de diagnostic, d'ALD ou de séjour a la forme d'un code CIM-10 (E11, E11*, E119), un motif de délivrance celle d'un code ATC (A10, A10BA02, A10*).",
  },
  'rules.criteria-unreachable-stratum.description': {
    en: 'Every stratum with a structured criterion can receive patients: not every patient it accepts is taken by a stratum evaluated before it.',
    fr: "Chaque strate dotée d'un critère structuré peut recevoir des patients : les patients qu'elle accepte ne sont pas tous pris par une strate évaluée avant elle.",
  },
  'rules.criteria-numeric-gaps.description': {
    en: "When several strata test the same value (age, a lab test), the values between their bounds belong to one of them: no value falls between two strata's thresholds.",
    fr: "Quand plusieurs strates testent la même valeur (l'âge, un examen biologique), les valeurs comprises entre leurs bornes appartiennent à l'une d'elles : aucune valeur ne tombe entre les seuils de deux strates.",
  },
  'rules.criteria-bottom-ignored.description': {
    en: 'The bottom stratum (the first listed) has no structured criterion: assignment gives it everyone the other strata leave, without evaluating it.',
    fr: "La strate du bas (la première de la liste) n'a pas de critère structuré : l'affectation lui donne toutes les personnes que les autres strates laissent, sans l'évaluer.",
  },
  'rules.criteria-code-shape.icd10': {
    en: (p: { pattern: string }) => `\`${p.pattern}\` is not an ICD-10 code pattern: a letter, two digits, then up to four letters or digits`,
    fr: (p: { pattern: string }) => `\`${p.pattern}\` n'est pas un motif de code CIM-10 : une lettre, deux chiffres, puis jusqu'à quatre lettres ou chiffres`,
  },
  'rules.criteria-code-shape.icd10.hint': {
    en: 'write the code as in the classification (`E11`, `E11.9`, `I50`), followed by `*` for every code that starts with it (`E11*`)',
    fr: 'écrivez le code comme dans la classification (`E11`, `E11.9`, `I50`), suivi de `*` pour tous les codes qui commencent ainsi (`E11*`)',
  },
  'rules.criteria-code-shape.atc': {
    en: (p: { pattern: string }) => `\`${p.pattern}\` is not an ATC code pattern: a letter, then two digits, a letter, a letter, two digits (A10, A10B, A10BA, A10BA02)`,
    fr: (p: { pattern: string }) => `\`${p.pattern}\` n'est pas un motif de code ATC : une lettre, puis deux chiffres, une lettre, une lettre, deux chiffres (A10, A10B, A10BA, A10BA02)`,
  },
  'rules.criteria-code-shape.atc.hint': {
    en: 'a dispensation names the drug by its ATC code (`A10BA02` for metformin), or a class followed by `*` (`A10*`); a diagnosis code goes under `diagnosis`',
    fr: 'une délivrance désigne le médicament par son code ATC (`A10BA02` pour la metformine), ou une classe suivie de `*` (`A10*`) ; un code de diagnostic va sous `diagnosis`',
  },
  'rules.criteria-unreachable-stratum.impossible': {
    en: (p: { stratum: string }) => `the criterion of ${p.stratum} accepts no patient: its conditions contradict each other`,
    fr: (p: { stratum: string }) => `le critère de ${p.stratum} n'accepte aucun patient : ses conditions se contredisent`,
  },
  'rules.criteria-unreachable-stratum.impossible.hint': {
    en: 'check the bounds (e.g. `gt` above `lt`) and the conditions joined under `all`',
    fr: 'vérifiez les bornes (par exemple `gt` au-dessus de `lt`) et les conditions réunies sous `all`',
  },
  'rules.criteria-unreachable-stratum.population': {
    en: (p: { stratum: string }) => `every patient the criterion of ${p.stratum} accepts is outside the pyramid's \`population\`: nobody is assigned to it`,
    fr: (p: { stratum: string }) => `tous les patients qu'accepte le critère de ${p.stratum} sont hors de la \`population\` de la pyramide : personne n'y est affecté`,
  },
  'rules.criteria-unreachable-stratum.population.hint': {
    en: "compare the stratum's criterion with the pyramid's `population`",
    fr: 'comparez le critère de la strate avec la `population` de la pyramide',
  },
  'rules.criteria-unreachable-stratum.taken': {
    en: (p: { stratum: string; earlier: readonly string[] }) =>
      `no patient reaches ${p.stratum}: every patient its criterion accepts is taken first by ${p.earlier.length === 1 ? 'a stratum' : 'strata'} evaluated before it, ${ticked(p.earlier)}`,
    fr: (p: { stratum: string; earlier: readonly string[] }) =>
      `aucun patient n'atteint ${p.stratum} : tous les patients qu'accepte son critère sont pris d'abord par ${p.earlier.length === 1 ? 'une strate évaluée' : 'des strates évaluées'} avant elle, ${ticked(p.earlier)}`,
  },
  'rules.criteria-unreachable-stratum.taken.hint': {
    en: 'give this stratum a `priority` above theirs, or narrow the criteria of the strata evaluated before it (docs/stratify.md, "Assignment")',
    fr: 'donnez à cette strate une `priority` plus haute que les leurs, ou restreignez les critères des strates évaluées avant elle (docs/stratify.md, « Assignment »)',
  },
  'rules.criteria-numeric-gaps.within': {
    en: (p: { name: string; values: string }) => `${p.name} in ${p.values}`,
    fr: (p: { name: string; values: string }) => `${p.name} dans ${p.values}`,
  },
  'rules.criteria-numeric-gaps.gap': {
    en: (p: { values: string; strata: readonly string[] }) => `${p.values} is within no stratum's bounds, between those of ${ticked(p.strata)}`,
    fr: (p: { values: string; strata: readonly string[] }) => `${p.values} n'est dans les bornes d'aucune strate, entre celles de ${ticked(p.strata)}`,
  },
  'rules.criteria-numeric-gaps.gap.hint': {
    en: 'make the thresholds meet, e.g. `lt: 1.26` on one stratum and `gte: 1.26` on the next',
    fr: 'faites se rejoindre les seuils, par exemple `lt: 1.26` sur une strate et `gte: 1.26` sur la suivante',
  },
  'rules.criteria-bottom-ignored.structured': {
    en: (p: { stratum: string }) => `${p.stratum} is the bottom stratum: it takes everyone the other strata leave, and its structured criterion is never evaluated`,
    fr: (p: { stratum: string }) => `${p.stratum} est la strate du bas : elle reçoit toutes les personnes que les autres strates laissent, et son critère structuré n'est jamais évalué`,
  },
  'rules.criteria-bottom-ignored.structured.hint': {
    en: 'write its criteria as free text, state who belongs to the pyramid with `population`, or list a stratum below it',
    fr: "écrivez ses critères en texte libre, dites qui appartient à la pyramide avec `population`, ou ajoutez une strate en dessous d'elle",
  },
});
