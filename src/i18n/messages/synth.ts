/**
 * Messages of the synth area (ids start with `synth.`): the synthetic-population generator
 * (src/synth/) and its refusals.
 */
import { defineMessages } from '../define.js';

export const synthMessages = defineMessages({
  'synth.unknown-territory': {
    en: (p: { territory: string; root: string }) => `no Territory "${p.territory}" in the workspace ${p.root}`,
    fr: (p: { territory: string; root: string }) => `aucun Territory « ${p.territory} » dans l'espace de travail ${p.root}`,
  },
  'synth.unknown-territory.hint': {
    en: (p: { territories: string[] }) => `known territories: ${p.territories.join(', ') || '(none)'}`,
    fr: (p: { territories: string[] }) => `territoires connus : ${p.territories.join(', ') || '(aucun)'}`,
  },
  'synth.unknown-pyramid': {
    en: (p: { territory: string; pyramid: string; pyramids: string[] }) => `territory ${p.territory} has no counts for the pyramid "${p.pyramid}" (it has: ${p.pyramids.join(', ')})`,
    fr: (p: { territory: string; pyramid: string; pyramids: string[] }) => `le territoire ${p.territory} n'a pas d'effectifs pour la pyramide « ${p.pyramid} » (il a : ${p.pyramids.join(', ')})`,
  },
  'synth.unknown-pyramid.hint': { en: 'give --pyramid one of these, or leave it out for all of them', fr: "donnez à --pyramid l'une d'elles, ou omettez-le pour toutes" },
  'synth.bad-date': {
    en: (p: { value: string }) => `--as-of ${p.value} is not a calendar date written YYYY-MM-DD`,
    fr: (p: { value: string }) => `--as-of ${p.value} n'est pas une date du calendrier écrite AAAA-MM-JJ`,
  },
  'synth.bad-date.hint': { en: 'e.g. --as-of 2026-03-31', fr: 'par exemple --as-of 2026-03-31' },
  'synth.unknown-stratum': {
    en: (p: { territory: string; pyramid: string; stratum: string; strata: string[] }) => `territory ${p.territory}, pyramid ${p.pyramid}: counts name the stratum "${p.stratum}", which the pyramid does not have (${p.strata.join(', ')})`,
    fr: (p: { territory: string; pyramid: string; stratum: string; strata: string[] }) => `territoire ${p.territory}, pyramide ${p.pyramid} : les effectifs citent la strate « ${p.stratum} », que la pyramide n'a pas (${p.strata.join(', ')})`,
  },
  'synth.unknown-stratum.hint': { en: "correct the territory's `counts`", fr: 'corrigez les `counts` du territoire' },
  'synth.counts-exceed': {
    en: (p: { territory: string; pyramid: string; total: number; population: number }) => `territory ${p.territory}, pyramid ${p.pyramid}: the strata hold ${p.total} people, more than the population (${p.population})`,
    fr: (p: { territory: string; pyramid: string; total: number; population: number }) => `territoire ${p.territory}, pyramide ${p.pyramid} : les strates comptent ${p.total} personnes, plus que la population (${p.population})`,
  },
  'synth.counts-exceed.hint': { en: "correct the territory's `population` or `counts`", fr: 'corrigez `population` ou `counts` du territoire' },
  'synth.infeasible': {
    en: (p: { territory: string; pyramid: string; placed: number; population: number; impossible: string }) =>
      `territory ${p.territory}: no patient can be built for some pairs of strata, and the counts of pyramid ${p.pyramid} cannot be met with the others (${p.placed} of ${p.population} patients placed); impossible pairs: ${p.impossible}`,
    fr: (p: { territory: string; pyramid: string; placed: number; population: number; impossible: string }) =>
      `territoire ${p.territory} : aucun patient ne peut être construit pour certaines paires de strates, et les effectifs de la pyramide ${p.pyramid} ne peuvent pas être atteints avec les autres (${p.placed} patients placés sur ${p.population}) ; paires impossibles : ${p.impossible}`,
  },
  'synth.infeasible.hint': {
    en: 'check the criteria (a stratum no patient can reach, a pyramid without `population` whose outside count is not matched by the others), or generate one pyramid at a time with --pyramid',
    fr: 'vérifiez les critères (une strate que nul patient ne peut atteindre, une pyramide sans `population` dont le hors-pyramide ne correspond pas aux autres), ou générez une pyramide à la fois avec --pyramid',
  },
  'synth.patient-failed': {
    en: (p: { index: number; targets: string; tries: number }) => `could not build patient ${p.index} (${p.targets}) in ${p.tries} tries`,
    fr: (p: { index: number; targets: string; tries: number }) => `impossible de construire le patient ${p.index} (${p.targets}) en ${p.tries} essais`,
  },
  'synth.patient-failed.hint': {
    en: 'this pair of strata is rarely reachable: another --seed may pass; simplify the criteria, or use --pyramid',
    fr: "cette paire de strates n'est que rarement atteignable : une autre --seed peut passer ; simplifiez les critères, ou utilisez --pyramid",
  },
  'synth.no-criteria': {
    en: (p: { pyramid: string; detail: string }) => `cannot read the criteria of the pyramid ${p.pyramid}: ${p.detail}`,
    fr: (p: { pyramid: string; detail: string }) => `impossible de lire les critères de la pyramide ${p.pyramid} : ${p.detail}`,
  },
  'synth.no-criteria.hint': { en: 'run `logi lint` on the pyramid', fr: 'lancez `logi lint` sur la pyramide' },
  'synth.no-pyramid': {
    en: (p: { pyramid: string; known: string }) => `the pyramid ${p.pyramid} is not in the workspace (pyramids found: ${p.known})`,
    fr: (p: { pyramid: string; known: string }) => `la pyramide ${p.pyramid} n'est pas dans l'espace de travail (pyramides trouvées : ${p.known})`,
  },
  'synth.no-pyramid.hint': { en: 'check --pyramid, or run the command from the workspace folder', fr: "vérifiez --pyramid, ou lancez la commande depuis le dossier de l'espace de travail" },
  'synth.progress': { en: 'generating patients', fr: 'génération des patients' },
  'synth.wrote': {
    en: (p: { patients: number; out: string; as_of: string; seed: number }) => `✔ wrote ${p.patients} synthetic patients to ${p.out} (as of ${p.as_of}, seed ${p.seed})`,
    fr: (p: { patients: number; out: string; as_of: string; seed: number }) => `✔ ${p.patients} patients synthétiques écrits dans ${p.out} (au ${p.as_of}, graine ${p.seed})`,
  },
  'synth.wrote.stratum': {
    en: (p: { pyramid: string; counts: string }) => `  ${p.pyramid}: ${p.counts}`,
    fr: (p: { pyramid: string; counts: string }) => `  ${p.pyramid} : ${p.counts}`,
  },
});
