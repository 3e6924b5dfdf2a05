/**
 * Messages of the analysis area (ids start with `analysis.`): `logi calibrate` — what a
 * calibration refuses, its progress and its summary, and the words that describe a target.
 */
import { defineMessages } from '../define.js';

export const analysisMessages = defineMessages({
  'analysis.run-lint': { en: 'run `logi lint`', fr: 'lancez `logi lint`' },
  'analysis.unknown-calibration': {
    en: (p: { calibration: string; root: string }) => `no calibration has the id ${p.calibration} in ${p.root}`,
    fr: (p: { calibration: string; root: string }) => `aucune calibration n'a l'identifiant ${p.calibration} dans ${p.root}`,
  },
  'analysis.unknown-calibration.hint': {
    en: (p: { calibrations: string[] }) => (p.calibrations.length ? `calibrations of this workspace: ${p.calibrations.join(', ')}` : 'this workspace has no Calibration document'),
    fr: (p: { calibrations: string[] }) => (p.calibrations.length ? `calibrations de cet espace de travail : ${p.calibrations.join(', ')}` : "cet espace de travail n'a aucun document Calibration"),
  },
  'analysis.file-calibrations': {
    en: (p: { file: string; count: number }) => `${p.file} holds ${p.count} calibrations; give the id of one`,
    fr: (p: { file: string; count: number }) => `${p.file} contient ${p.count} calibrations ; donnez l'identifiant de l'une d'elles`,
  },
  'analysis.path-unresolved': {
    en: (p: { path: string; problem: string }) => `the parameter path "${p.path}" does not name a parameter (${p.problem})`,
    fr: (p: { path: string; problem: string }) => `le chemin de paramètre « ${p.path} » ne désigne aucun paramètre (${p.problem})`,
  },
  'analysis.path-not-in-scenario': {
    en: (p: { path: string; scenario: string }) => `"${p.path}" is not a parameter of scenario ${p.scenario}`,
    fr: (p: { path: string; scenario: string }) => `« ${p.path} » n'est pas un paramètre du scénario ${p.scenario}`,
  },
  'analysis.path-not-in-scenario.hint': {
    en: "name a value of the scenario's pyramid, programs, logigrammes, territories or actors",
    fr: 'désignez une valeur de la pyramide, des programmes, des logigrammes, des territoires ou des acteurs du scénario',
  },
  'analysis.path-dirichlet': {
    en: (p: { path: string }) => `"${p.path}" is a Dirichlet's share: its shares are drawn together and cannot be calibrated one by one`,
    fr: (p: { path: string }) => `« ${p.path} » est une part d'une loi de Dirichlet : ses parts sont tirées ensemble et ne peuvent pas être calibrées une à une`,
  },
  'analysis.prior-fixed': {
    en: (p: { path: string }) => `"${p.path}" has a fixed value and no prior: there is nothing to calibrate`,
    fr: (p: { path: string }) => `« ${p.path} » a une valeur fixe et pas de loi a priori : il n'y a rien à calibrer`,
  },
  'analysis.prior-fixed.hint': {
    en: 'write its `prior`: a distribution, e.g. `prior: { beta: { mean: 0.02, sd: 0.01 } }`',
    fr: 'écrivez sa loi a priori `prior` : une distribution, par exemple `prior: { beta: { mean: 0.02, sd: 0.01 } }`',
  },
  'analysis.unknown-targets': {
    en: (p: { targets: string }) => `no Targets document has the id ${p.targets}`,
    fr: (p: { targets: string }) => `aucun document Targets n'a l'identifiant ${p.targets}`,
  },
  'analysis.unknown-state': {
    en: (p: { state: string; pyramid: string }) => `${p.state} is not a stratum or an exit of pyramid ${p.pyramid}`,
    fr: (p: { state: string; pyramid: string }) => `${p.state} n'est ni une strate ni une sortie de la pyramide ${p.pyramid}`,
  },
  'analysis.unknown-event': {
    en: (p: { event: string; pyramid: string }) => `${p.event} is not an event of pyramid ${p.pyramid} nor of its logigrammes`,
    fr: (p: { event: string; pyramid: string }) => `${p.event} n'est pas un événement de la pyramide ${p.pyramid} ni de ses logigrammes`,
  },
  'analysis.target-territory': {
    en: (p: { target: string; territory: string; scenario: string }) => `target ${p.target}: territory ${p.territory} is not one of scenario ${p.scenario}`,
    fr: (p: { target: string; territory: string; scenario: string }) => `cible ${p.target} : le territoire ${p.territory} n'est pas un territoire du scénario ${p.scenario}`,
  },
  'analysis.target-year': {
    en: (p: { target: string; year: number; horizon: number }) => `target ${p.target}: year ${p.year} is outside the simulation (years 1 to ${p.horizon}, 0 for counts at the start)`,
    fr: (p: { target: string; year: number; horizon: number }) => `cible ${p.target} : l'année ${p.year} est hors de la simulation (années 1 à ${p.horizon}, 0 pour les effectifs au départ)`,
  },
  'analysis.target-year.hint': {
    en: "years are model years: 0 is the start, 1 the end of the first simulated year; lengthen the scenario's `horizon` or move the target",
    fr: "les années sont celles du modèle : 0 est le départ, 1 la fin de la première année simulée ; allongez l'horizon `horizon` du scénario ou déplacez la cible",
  },
  'analysis.describe.count': {
    en: (p: { states: string }) => `people in ${p.states}`,
    fr: (p: { states: string }) => `personnes en ${p.states}`,
  },
  'analysis.describe.flow': {
    en: (p: { from: string; to: string }) => `people moving from ${p.from} to ${p.to}`,
    fr: (p: { from: string; to: string }) => `personnes passant de ${p.from} à ${p.to}`,
  },
  'analysis.describe.event': {
    en: (p: { event: string }) => `event ${p.event}`,
    fr: (p: { event: string }) => `événement ${p.event}`,
  },
  'analysis.describe.per-population': {
    en: (p: { scale: number }) => (p.scale === 1 ? ' per inhabitant' : ` per ${p.scale} inhabitants`),
    fr: (p: { scale: number }) => (p.scale === 1 ? ' par habitant' : ` pour ${p.scale} habitants`),
  },
  'analysis.describe.per-count': {
    en: (p: { states: string; scale: number }) => (p.scale === 1 ? ` per person in ${p.states}` : ` per ${p.scale} people in ${p.states}`),
    fr: (p: { states: string; scale: number }) => (p.scale === 1 ? ` par personne en ${p.states}` : ` pour ${p.scale} personnes en ${p.states}`),
  },
  'analysis.describe.year': {
    en: (p: { year: number }) => (p.year === 0 ? ', at the start' : `, year ${p.year}`),
    fr: (p: { year: number }) => (p.year === 0 ? ', au départ' : `, année ${p.year}`),
  },
  'analysis.describe.change': {
    en: (p: { first: number; last: number }) => `: annual change from year ${p.first} to year ${p.last}`,
    fr: (p: { first: number; last: number }) => ` : évolution annuelle de l'année ${p.first} à l'année ${p.last}`,
  },
  'analysis.warn.not-converged': {
    en: (p: { ess: number; threshold: number; rounds: number }) => `not converged: the effective sample size is ${p.ess}, below ${p.threshold}, after ${p.rounds} IMIS rounds; the posterior sample is not reliable`,
    fr: (p: { ess: number; threshold: number; rounds: number }) => `non convergé : la taille d'échantillon efficace est de ${p.ess}, sous le seuil de ${p.threshold}, après ${p.rounds} tours d'IMIS ; l'échantillon a posteriori n'est pas fiable`,
  },
  'analysis.warn.target-missed': {
    en: (p: { target: string; value: number; low: number; high: number }) => `target ${p.target}: the best fit gives ${p.value}, outside its 95 % interval [${p.low}, ${p.high}]: the model cannot reach it with these free parameters`,
    fr: (p: { target: string; value: number; low: number; high: number }) => `cible ${p.target} : le meilleur ajustement donne ${p.value}, hors de son intervalle à 95 % [${p.low} ; ${p.high}] : le modèle ne peut pas l'atteindre avec ces paramètres libres`,
  },
  'analysis.warn.point-not-converged': {
    en: (p: { evaluations: number }) => `the maximum-likelihood search stopped after ${p.evaluations} model runs without converging: the point estimate is the best point found`,
    fr: (p: { evaluations: number }) => `la recherche du maximum de vraisemblance s'est arrêtée après ${p.evaluations} exécutions du modèle sans converger : l'estimation ponctuelle est le meilleur point trouvé`,
  },
  'analysis.summary.head': {
    en: (p: { calibration: string; scenario: string; method: string; runs: number }) => `Calibration ${p.calibration} of scenario ${p.scenario}: ${p.method}, ${p.runs} model runs`,
    fr: (p: { calibration: string; scenario: string; method: string; runs: number }) => `Calibration ${p.calibration} du scénario ${p.scenario} : ${p.method}, ${p.runs} exécutions du modèle`,
  },
  'analysis.summary.converged': {
    en: (p: { ess: string; threshold: number }) => `Converged: effective sample size ${p.ess} (threshold ${p.threshold})`,
    fr: (p: { ess: string; threshold: number }) => `Convergé : taille d'échantillon efficace ${p.ess} (seuil ${p.threshold})`,
  },
  'analysis.summary.not-converged': {
    en: (p: { ess: string; threshold: number }) => `NOT CONVERGED: effective sample size ${p.ess}, below the threshold ${p.threshold}`,
    fr: (p: { ess: string; threshold: number }) => `NON CONVERGÉ : taille d'échantillon efficace ${p.ess}, sous le seuil de ${p.threshold}`,
  },
  'analysis.summary.likelihood': {
    en: (p: { before: string; mle: string; after: string }) => `Log-likelihood of the fitting targets: ${p.before} before, ${p.mle} at its maximum, ${p.after} at the point estimate (maximum a posteriori)`,
    fr: (p: { before: string; mle: string; after: string }) => `Log-vraisemblance des cibles d'ajustement : ${p.before} avant, ${p.mle} à son maximum, ${p.after} à l'estimation ponctuelle (maximum a posteriori)`,
  },
  'analysis.summary.parameter': { en: 'Parameter', fr: 'Paramètre' },
  'analysis.summary.before': { en: 'Before', fr: 'Avant' },
  'analysis.summary.mle': { en: 'Max. likelihood', fr: 'Max. de vraisemblance' },
  'analysis.summary.point': { en: 'Point estimate (MAP)', fr: 'Estimation ponctuelle (MAP)' },
  'analysis.summary.posterior': { en: 'Posterior 95 %', fr: 'A posteriori 95 %' },
  'analysis.summary.target': { en: 'Target', fr: 'Cible' },
  'analysis.summary.use': { en: 'Use', fr: 'Usage' },
  'analysis.summary.use-fit': { en: 'fit', fr: 'ajustement' },
  'analysis.summary.use-validation': { en: 'held out', fr: 'validation' },
  'analysis.summary.observed': { en: 'Observed [95 %]', fr: 'Observé [95 %]' },
  'analysis.summary.model-before': { en: 'Model before', fr: 'Modèle avant' },
  'analysis.summary.model-point': { en: 'Model after', fr: 'Modèle après' },
});
