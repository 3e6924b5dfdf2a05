/**
 * Messages of the sim area (ids start with `sim.`): see src/i18n/catalogue.ts. Refusals of a
 * scenario or a model, parameters that cannot be drawn (shared with lint's parameter rules, which
 * read src/sim/distributions/forms.ts), errors of a draw, the memory check, progress, and the
 * terminal summary of `logi simulate`.
 *
 * Figures of the YAML files (a parameter, a bound, a value to write) are passed already written in
 * the YAML notation (src/i18n/numbers.ts, `formatFigure`): `0.3` in both languages. Distribution
 * names (`beta`, `uniform`…) and YAML keys are code and stay as they are.
 */
import { defineMessages } from '../define.js';

const s = (n: number) => (n === 1 ? '' : 's');

export const simMessages = defineMessages({
  // The scenario to simulate (src/sim/simulate.ts).
  'sim.invalid-input': {
    en: (p: { count: number }) => `the workspace has ${p.count} error${s(p.count)}: run \`logi lint\``,
    fr: (p: { count: number }) => `l'espace de travail compte ${p.count} erreur${s(p.count)} : lancez \`logi lint\``,
  },
  'sim.scenario-is-folder': {
    en: (p: { scenario: string }) => `${p.scenario} is a folder; give a scenario id or the YAML file of a scenario`,
    fr: (p: { scenario: string }) => `${p.scenario} est un dossier ; donnez l'identifiant d'un scénario ou le fichier YAML d'un scénario`,
  },
  'sim.no-such-file': {
    en: (p: { file: string }) => `no such file: ${p.file}`,
    fr: (p: { file: string }) => `fichier introuvable : ${p.file}`,
  },
  'sim.file-scenarios': {
    en: (p: { file: string; count: number }) => `${p.file} holds ${p.count} scenarios; give its id instead`,
    fr: (p: { file: string; count: number }) => `${p.file} contient ${p.count} scénarios ; donnez plutôt l'identifiant du scénario`,
  },
  'sim.file-scenarios.none': {
    en: 'a Scenario document starts with `kind: Scenario`',
    fr: 'un document Scenario commence par `kind: Scenario`',
  },
  'sim.unknown-scenario': {
    en: (p: { scenario: string; root: string }) => `no scenario \`${p.scenario}\` in the workspace ${p.root}`,
    fr: (p: { scenario: string; root: string }) => `aucun scénario \`${p.scenario}\` dans l'espace de travail ${p.root}`,
  },
  'sim.unknown-scenario.hint': {
    en: (p: { scenarios: readonly string[] }) => `scenarios here: ${p.scenarios.join(', ') || 'none'}`,
    fr: (p: { scenarios: readonly string[] }) => `scénarios ici : ${p.scenarios.join(', ') || 'aucun'}`,
  },

  // Refusals of the model compiler (src/sim/model.ts).
  'sim.model.no-scenario': {
    en: (p: { scenario: string }) => `no scenario \`${p.scenario}\` in the workspace`,
    fr: (p: { scenario: string }) => `aucun scénario \`${p.scenario}\` dans l'espace de travail`,
  },
  'sim.model.no-scenario.hint': {
    en: (p: { scenarios: readonly string[] }) => `scenarios: ${p.scenarios.join(', ') || 'none'}`,
    fr: (p: { scenarios: readonly string[] }) => `scénarios : ${p.scenarios.join(', ') || 'aucun'}`,
  },
  'sim.model.run-lint': { en: 'run `logi lint`', fr: 'lancez `logi lint`' },
  'sim.model.missing-target': {
    en: (p: { logigramme: string; node: string; target: string }) => `logigramme ${p.logigramme}: node \`${p.node}\` leads to \`${p.target}\`, which does not exist`,
    fr: (p: { logigramme: string; node: string; target: string }) => `logigramme ${p.logigramme} : le nœud \`${p.node}\` mène à \`${p.target}\`, qui n'existe pas`,
  },
  'sim.model.missing-start': {
    en: (p: { logigramme: string; start: string }) => `logigramme ${p.logigramme} starts at \`${p.start}\`, which does not exist`,
    fr: (p: { logigramme: string; start: string }) => `le logigramme ${p.logigramme} commence à \`${p.start}\`, qui n'existe pas`,
  },
  'sim.model.loop': {
    en: (p: { logigramme: string; nodes: readonly string[] }) => `logigramme ${p.logigramme} has a loop through ${p.nodes.map((id) => `\`${id}\``).join(', ')}`,
    fr: (p: { logigramme: string; nodes: readonly string[] }) => `le logigramme ${p.logigramme} a une boucle qui passe par ${p.nodes.map((id) => `\`${id}\``).join(', ')}`,
  },
  'sim.model.loop.hint': {
    en: 'repetition is a frequency (`frequency: {times: 4, per: year}`), not a loop',
    fr: "une répétition s'écrit comme une fréquence (`frequency: {times: 4, per: year}`), pas comme une boucle",
  },
  'sim.model.transition-to-itself': {
    en: (p: { from: string; to: string }) => `transition ${p.from}->${p.to} goes nowhere: staying is the remainder of the row`,
    fr: (p: { from: string; to: string }) => `la transition ${p.from}->${p.to} ne mène nulle part : rester dans la strate est le complément à 1 de la ligne`,
  },
  'sim.model.transition-twice': {
    en: (p: { pyramid: string }) => `pyramid ${p.pyramid} defines a transition twice`,
    fr: (p: { pyramid: string }) => `la pyramide ${p.pyramid} définit deux fois une transition`,
  },
  'sim.model.event-not-transition': {
    en: (p: { event: string; flow: string }) => `event ${p.event} counts ${p.flow}, which is not a transition of the pyramid`,
    fr: (p: { event: string; flow: string }) => `l'événement ${p.event} compte ${p.flow}, qui n'est pas une transition de la pyramide`,
  },
  'sim.model.effect-unknown-transition': {
    en: (p: { transition: string; pyramid: string }) => `effect on ${p.transition}, which pyramid ${p.pyramid} does not define`,
    fr: (p: { transition: string; pyramid: string }) => `effet sur ${p.transition}, que la pyramide ${p.pyramid} ne définit pas`,
  },
  'sim.model.effect-unknown-transition.hint': {
    en: 'an effect changes an existing transition: add it to the pyramid or fix the ids',
    fr: 'un effet modifie une transition existante : ajoutez-la à la pyramide ou corrigez les identifiants',
  },
  'sim.model.too-many-effects': {
    en: (p: { logigramme: string; max: number }) => `logigramme ${p.logigramme} has more than ${p.max} effects on its stratum's transitions`,
    fr: (p: { logigramme: string; max: number }) => `le logigramme ${p.logigramme} a plus de ${p.max} effets sur les transitions de sa strate`,
  },
  'sim.model.too-many-effects.hint': {
    en: 'merge effects on the same transition into one node',
    fr: 'regroupez dans un seul nœud les effets sur une même transition',
  },
  'sim.model.several-remainders': {
    en: (p: { decision: string; count: number }) => `decision ${p.decision}: ${p.count} branches have no \`p\`; at most one may take the remainder`,
    fr: (p: { decision: string; count: number }) => `décision ${p.decision} : ${p.count} branches n'ont pas de \`p\` ; une seule au plus peut prendre le reste`,
  },
  'sim.model.several-remainders.hint': {
    en: 'give `p` to every branch but one',
    fr: 'donnez un `p` à toutes les branches sauf une',
  },
  'sim.model.program-other-pyramid': {
    en: (p: { program: string; programPyramid: string; pyramid: string }) => `program ${p.program} is for pyramid ${p.programPyramid}, the scenario for ${p.pyramid}`,
    fr: (p: { program: string; programPyramid: string; pyramid: string }) => `le programme ${p.program} porte sur la pyramide ${p.programPyramid}, le scénario sur ${p.pyramid}`,
  },
  'sim.model.logigramme-other-stratum': {
    en: (p: { program: string; logigramme: string; stratum: string }) => `program ${p.program} uses ${p.logigramme} for ${p.stratum}, but that logigramme is written for another stratum`,
    fr: (p: { program: string; logigramme: string; stratum: string }) => `le programme ${p.program} utilise ${p.logigramme} pour ${p.stratum}, mais ce logigramme est écrit pour une autre strate`,
  },
  'sim.model.baseline-relative': {
    en: (p: { program: string }) => `program ${p.program} is the scenario's baseline, so its coverage cannot be relative to the baseline`,
    fr: (p: { program: string }) => `le programme ${p.program} est le \`baseline\` du scénario : sa couverture ne peut pas être relative au \`baseline\``,
  },
  'sim.model.baseline-relative.hint': {
    en: 'give the baseline absolute coverages',
    fr: 'donnez des couvertures absolues au `baseline`',
  },
  'sim.model.relative-uncovered': {
    en: (p: { stratum: string; program: string }) => `the coverage of ${p.stratum} in program ${p.program} is relative to the baseline, which does not cover ${p.stratum}`,
    fr: (p: { stratum: string; program: string }) => `la couverture de ${p.stratum} dans le programme ${p.program} est relative au \`baseline\`, qui ne couvre pas ${p.stratum}`,
  },
  'sim.model.relative-uncovered.hint': {
    en: (p: { stratum: string; baseline: string }) => `give an absolute coverage, or cover ${p.stratum} in program ${p.baseline}`,
    fr: (p: { stratum: string; baseline: string }) => `donnez une couverture absolue, ou couvrez ${p.stratum} dans le programme ${p.baseline}`,
  },
  'sim.model.territory-no-counts': {
    en: (p: { territory: string; pyramid: string }) => `territory ${p.territory} has no counts for pyramid ${p.pyramid}`,
    fr: (p: { territory: string; pyramid: string }) => `le territoire ${p.territory} n'a pas d'effectifs pour la pyramide ${p.pyramid}`,
  },
  'sim.model.territory-no-counts.hint': {
    en: (p: { pyramid: string }) => `add \`pyramids: {${p.pyramid}: {counts: …}}\``,
    fr: (p: { pyramid: string }) => `ajoutez \`pyramids: {${p.pyramid}: {counts: …}}\``,
  },
  'sim.model.multiplier-unknown': {
    en: (p: { transition: string; pyramid: string }) => `multiplier on ${p.transition}, which pyramid ${p.pyramid} does not define`,
    fr: (p: { transition: string; pyramid: string }) => `multiplicateur sur ${p.transition}, que la pyramide ${p.pyramid} ne définit pas`,
  },

  // What a parameter is, in messages about it (Place.name, src/sim/model.ts).
  'sim.param.transition': {
    en: (p: { from: string; to: string; pyramid: string }) => `transition ${p.from}->${p.to} (p) of pyramid ${p.pyramid}`,
    fr: (p: { from: string; to: string; pyramid: string }) => `transition ${p.from}->${p.to} (p) de la pyramide ${p.pyramid}`,
  },
  'sim.param.inflow-count': {
    en: (p: { to: string }) => `inflow to ${p.to} (count)`,
    fr: (p: { to: string }) => `flux entrant dans ${p.to} (count)`,
  },
  'sim.param.inflow-rate': {
    en: (p: { to: string }) => `inflow to ${p.to} (rate)`,
    fr: (p: { to: string }) => `flux entrant dans ${p.to} (rate)`,
  },
  'sim.param.minutes-per-act': {
    en: (p: { actor: string }) => `minutes per act of ${p.actor}`,
    fr: (p: { actor: string }) => `minutes par acte de ${p.actor}`,
  },
  'sim.param.cost-per-act': {
    en: (p: { actor: string }) => `cost per act of ${p.actor}`,
    fr: (p: { actor: string }) => `coût par acte de ${p.actor}`,
  },
  'sim.param.by-year': {
    en: (p: { name: string; year: number }) => `${p.name}, year ${p.year}`,
    fr: (p: { name: string; year: number }) => `${p.name}, année ${p.year}`,
  },
  'sim.param.annual-change': {
    en: (p: { name: string }) => `annual change of ${p.name}`,
    fr: (p: { name: string }) => `variation annuelle de ${p.name}`,
  },
  'sim.param.half-life': {
    en: (p: { transition: string; node: string }) => `half-life of the effect on ${p.transition} at ${p.node}`,
    fr: (p: { transition: string; node: string }) => `demi-vie de l'effet sur ${p.transition} au nœud ${p.node}`,
  },
  'sim.param.move-share': {
    en: (p: { node: string }) => `share moved by ${p.node}`,
    fr: (p: { node: string }) => `part déplacée par ${p.node}`,
  },
  'sim.param.retention': {
    en: (p: { stratum: string; program: string }) => `retention in ${p.stratum} of program ${p.program}`,
    fr: (p: { stratum: string; program: string }) => `maintien (retention) en ${p.stratum} du programme ${p.program}`,
  },
  'sim.param.program-cost': {
    en: (p: { cost: string; program: string }) => `cost ${p.cost} of program ${p.program}`,
    fr: (p: { cost: string; program: string }) => `coût ${p.cost} du programme ${p.program}`,
  },
  'sim.param.state-cost': {
    en: (p: { stratum: string; payer: string }) => `cost per person-year of stratum ${p.stratum} (${p.payer})`,
    fr: (p: { stratum: string; payer: string }) => `coût par personne-année de la strate ${p.stratum} (${p.payer})`,
  },
  'sim.param.utility': {
    en: (p: { stratum: string }) => `utility of stratum ${p.stratum}`,
    fr: (p: { stratum: string }) => `utilité de la strate ${p.stratum}`,
  },
  'sim.param.event-cost': {
    en: (p: { event: string; payer: string }) => `cost per event ${p.event} (${p.payer})`,
    fr: (p: { event: string; payer: string }) => `coût par événement ${p.event} (${p.payer})`,
  },
  'sim.model.qalys-without-utilities': {
    en: (p: { pyramid: string }) => `the scenario counts QALYs, but some strata of pyramid ${p.pyramid} have no \`utility\``,
    fr: (p: { pyramid: string }) => `le scénario compte des QALY, mais des strates de la pyramide ${p.pyramid} n'ont pas d'\`utility\``,
  },
  'sim.model.qalys-without-utilities.hint': {
    en: 'give every stratum a `utility`, or write `outcome: life-years`',
    fr: 'donnez une `utility` à chaque strate, ou écrivez `outcome: life-years`',
  },
  'sim.model.effect-duration': {
    en: (p: { transition: string; node: string; duration: number }) => `the effect on ${p.transition} at ${p.node} lasts ${p.duration} cycles: a duration is at least 1`,
    fr: (p: { transition: string; node: string; duration: number }) => `l'effet sur ${p.transition} au nœud ${p.node} dure ${p.duration} cycles : une durée vaut au moins 1`,
  },
  'sim.model.effect-half-life': {
    en: (p: { transition: string; node: string }) => `the effect on ${p.transition} at ${p.node} wanes exponentially but has no \`half-life\``,
    fr: (p: { transition: string; node: string }) => `l'effet sur ${p.transition} au nœud ${p.node} s'estompe de façon exponentielle mais n'a pas de \`half-life\``,
  },
  'sim.model.move-target': {
    en: (p: { node: string; target: string; pyramid: string }) => `${p.node} moves people to ${p.target}, which is not another stratum of pyramid ${p.pyramid}`,
    fr: (p: { node: string; target: string; pyramid: string }) => `${p.node} déplace des personnes vers ${p.target}, qui n'est pas une autre strate de la pyramide ${p.pyramid}`,
  },
  'sim.model.cost-stratum': {
    en: (p: { cost: string; stratum: string; program: string }) => `cost ${p.cost} of program ${p.program} counts stratum ${p.stratum}, which the program does not cover`,
    fr: (p: { cost: string; stratum: string; program: string }) => `le coût ${p.cost} du programme ${p.program} compte la strate ${p.stratum}, que le programme ne couvre pas`,
  },
  'sim.draw.year-value': {
    en: (p: { name: string; value: string; year: number; iteration: number; expected: string }) => `${p.name} is ${p.value} in year ${p.year} (iteration ${p.iteration}): expected ${p.expected}`,
    fr: (p: { name: string; value: string; year: number; iteration: number; expected: string }) => `${p.name} vaut ${p.value} l'année ${p.year} (itération ${p.iteration}) : attendu ${p.expected}`,
  },
  'sim.draw.year-value.hint': {
    en: 'a trend compounds every year: check `annual-change` against the horizon, or write the values `by-year`',
    fr: 'une tendance se compose chaque année : vérifiez `annual-change` au regard de l\'horizon, ou écrivez les valeurs `by-year`',
  },
  'sim.param.hazard-ratio': {
    en: (p: { transition: string; node: string }) => `hazard ratio on ${p.transition} at ${p.node}`,
    fr: (p: { transition: string; node: string }) => `hazard ratio (hr) sur ${p.transition} au nœud ${p.node}`,
  },
  'sim.param.frequency': {
    en: (p: { action: string }) => `frequency of ${p.action}`,
    fr: (p: { action: string }) => `fréquence de ${p.action}`,
  },
  'sim.param.minutes': {
    en: (p: { action: string }) => `minutes of ${p.action}`,
    fr: (p: { action: string }) => `minutes de ${p.action}`,
  },
  'sim.param.cost': {
    en: (p: { action: string }) => `cost of ${p.action}`,
    fr: (p: { action: string }) => `coût de ${p.action}`,
  },
  'sim.param.branch-shares': {
    en: (p: { decision: string }) => `branch shares of ${p.decision}`,
    fr: (p: { decision: string }) => `parts des branches de ${p.decision}`,
  },
  'sim.param.dirichlet-share': {
    en: (p: { name: string; k: number }) => `${p.name} share ${p.k}`,
    fr: (p: { name: string; k: number }) => `${p.name}, part ${p.k}`,
  },
  'sim.param.branch-share': {
    en: (p: { label: string; decision: string }) => `share of branch "${p.label}" of ${p.decision}`,
    fr: (p: { label: string; decision: string }) => `part de la branche « ${p.label} » de ${p.decision}`,
  },
  'sim.param.coverage': {
    en: (p: { stratum: string; program: string }) => `coverage of ${p.stratum} in program ${p.program}`,
    fr: (p: { stratum: string; program: string }) => `couverture de ${p.stratum} dans le programme ${p.program}`,
  },
  'sim.param.coverage-year': {
    en: (p: { stratum: string; year: number; program: string }) => `coverage of ${p.stratum} in year ${p.year} in program ${p.program}`,
    fr: (p: { stratum: string; year: number; program: string }) => `couverture de ${p.stratum} l'année ${p.year} dans le programme ${p.program}`,
  },
  'sim.param.multiplier': {
    en: (p: { transition: string; territory: string }) => `multiplier on ${p.transition} in ${p.territory}`,
    fr: (p: { transition: string; territory: string }) => `multiplicateur sur ${p.transition} dans ${p.territory}`,
  },
  'sim.param.problem': {
    en: (p: { name: string; problem: string }) => `${p.name}: ${p.problem}`,
    fr: (p: { name: string; problem: string }) => `${p.name} : ${p.problem}`,
  },

  // Draws out of range (src/sim/parameters.ts, src/sim/engine.ts): raised in worker threads too.
  'sim.draw.out-of-range': {
    en: (p: { name: string; value: string; iteration: number; expected: string; tooLarge: boolean }) =>
      `${p.name} is ${p.value} in iteration ${p.iteration}; expected ${p.expected}${p.tooLarge ? ', at most 10⁹ in magnitude' : ''}`,
    fr: (p: { name: string; value: string; iteration: number; expected: string; tooLarge: boolean }) =>
      `${p.name} vaut ${p.value} à l'itération ${p.iteration} ; attendu : ${p.expected}${p.tooLarge ? ', au plus 10⁹ en valeur absolue' : ''}`,
  },
  'sim.draw.out-of-range.hint': {
    en: 'narrow the distribution so that every draw stays valid (e.g. a beta for probabilities, a lognormal or gamma for positive values)',
    fr: "resserrez la loi pour que chaque tirage reste valide (par exemple une loi beta pour une probabilité, une lognormale ou une gamma pour une valeur positive)",
  },
  'sim.draw.row-sum': {
    en: (p: { state: string; total: string; iteration: number; withEffects: boolean }) =>
      `the transition probabilities out of ${p.state} sum to ${p.total} > 1 in iteration ${p.iteration}${p.withEffects ? ' (with the effects of the logigramme)' : ''}`,
    fr: (p: { state: string; total: string; iteration: number; withEffects: boolean }) =>
      `les probabilités de transition qui sortent de ${p.state} ont pour somme ${p.total} > 1 à l'itération ${p.iteration}${p.withEffects ? ' (avec les effets du logigramme)' : ''}`,
  },
  'sim.draw.row-sum.place': {
    en: (p: { state: string }) => `transitions out of ${p.state}`,
    fr: (p: { state: string }) => `transitions qui sortent de ${p.state}`,
  },
  'sim.draw.row-sum.hint': {
    en: 'lower the probabilities of this row, or narrow their distributions so that a draw cannot exceed 1',
    fr: "abaissez les probabilités de cette ligne, ou resserrez leurs lois pour qu'un tirage ne puisse pas dépasser 1",
  },
  'sim.draw.too-many-entrants': {
    en: (p: { state: string; year: number; territory: string; iteration: number }) => `the inflow to ${p.state} would bring it beyond 10¹² people in year ${p.year} of territory ${p.territory}, iteration ${p.iteration}`,
    fr: (p: { state: string; year: number; territory: string; iteration: number }) => `le flux entrant dans ${p.state} le porterait au-delà de 10¹² personnes l'année ${p.year} du territoire ${p.territory}, itération ${p.iteration}`,
  },
  'sim.draw.too-many-entrants.rate': {
    en: 'a rate of a stratum compounds every cycle: check its value and unit (a fraction per year)',
    fr: "un taux rapporté à une strate se cumule à chaque cycle : vérifiez sa valeur et son unité (une fraction par an)",
  },
  'sim.draw.too-many-entrants.count': {
    en: 'check the count and its unit (entrants per year)',
    fr: "vérifiez l'effectif et son unité (entrées par an)",
  },
  'sim.draw.branch-sum': {
    en: (p: { decision: string; total: string; iteration: number }) => `the branch shares of decision ${p.decision} sum to ${p.total} > 1 in iteration ${p.iteration}`,
    fr: (p: { decision: string; total: string; iteration: number }) => `les parts des branches de la décision ${p.decision} ont pour somme ${p.total} > 1 à l'itération ${p.iteration}`,
  },
  'sim.draw.branch-sum.place': {
    en: (p: { decision: string }) => `branches of ${p.decision}`,
    fr: (p: { decision: string }) => `branches de ${p.decision}`,
  },
  'sim.draw.branch-sum.hint': {
    en: 'draw the shares jointly with `probabilities: {dirichlet: [...]}`, or narrow their distributions',
    fr: 'tirez les parts ensemble avec `probabilities: {dirichlet: [...]}`, ou resserrez leurs lois',
  },

  // Forms without a distribution and values out of range (src/sim/distributions/forms.ts; lint's parameter rules too).
  'sim.form.not-representable': {
    en: (p: { kind: string; key: string; value: string }) => `this ${p.kind} is not representable: its ${p.key} would be ${p.value}`,
    fr: (p: { kind: string; key: string; value: string }) => `cette loi ${p.kind} n'est pas représentable : son paramètre ${p.key} vaudrait ${p.value}`,
  },
  'sim.form.not-representable.small-sd': {
    en: 'an sd this small is no uncertainty: write the mean as a plain number; or widen the sd',
    fr: "un sd aussi petit n'est pas une incertitude : écrivez la moyenne comme un simple nombre, ou élargissez le sd",
  },
  'sim.form.not-representable.size': {
    en: 'write figures of ordinary size, or a plain number',
    fr: 'écrivez des valeurs de taille ordinaire, ou un simple nombre',
  },
  'sim.form.not-finite': {
    en: (p: { value: string }) => `${p.value} is not a finite number`,
    fr: (p: { value: string }) => `${p.value} n'est pas un nombre fini`,
  },
  'sim.form.not-finite.hint': { en: 'write a number such as 0.3', fr: 'écrivez un nombre, par exemple 0.3' },
  'sim.form.beta-sd': {
    en: (p: { mean: string; sd: string; limit: string }) => `a beta with mean ${p.mean} cannot have sd ${p.sd}: the sd of a beta is below √(mean·(1−mean)) = ${p.limit}`,
    fr: (p: { mean: string; sd: string; limit: string }) => `une loi beta de moyenne ${p.mean} ne peut pas avoir un sd de ${p.sd} : le sd d'une loi beta est inférieur à √(mean·(1−mean)) = ${p.limit}`,
  },
  'sim.form.beta-sd.hint': {
    en: (p: { limit: string; half: string; quarter: string }) => `lower the sd below ${p.limit} (a probability known to ±${p.half} has sd ≈ ${p.quarter}), or write {beta: {alpha, beta}}`,
    fr: (p: { limit: string; half: string; quarter: string }) => `abaissez le sd sous ${p.limit} (une probabilité connue à ±${p.half} près a un sd ≈ ${p.quarter}), ou écrivez {beta: {alpha, beta}}`,
  },
  'sim.form.uniform-order': {
    en: (p: { low: string; high: string }) => `uniform bounds must be increasing, got [${p.low}, ${p.high}]`,
    fr: (p: { low: string; high: string }) => `les bornes d'une loi uniform doivent être croissantes, et non [${p.low}, ${p.high}]`,
  },
  'sim.form.uniform-order.hint': {
    en: 'write {uniform: [low, high]} with low < high',
    fr: 'écrivez {uniform: [low, high]} avec low < high',
  },
  'sim.form.triangular-order': {
    en: (p: { low: string; mode: string; high: string }) => `a triangular needs low ≤ mode ≤ high and low < high, got [${p.low}, ${p.mode}, ${p.high}]`,
    fr: (p: { low: string; mode: string; high: string }) => `une loi triangular demande low ≤ mode ≤ high et low < high, et non [${p.low}, ${p.mode}, ${p.high}]`,
  },
  'sim.form.triangular-order.hint': {
    en: 'write {triangular: [low, mode, high]}',
    fr: 'écrivez {triangular: [low, mode, high]} dans cet ordre',
  },
  'sim.form.ci95-order': {
    en: (p: { low: string; high: string }) => `the 95 % interval [${p.low}, ${p.high}] must be increasing`,
    fr: (p: { low: string; high: string }) => `l'intervalle à 95 % [${p.low}, ${p.high}] doit être croissant`,
  },
  'sim.form.ci95-order.hint': {
    en: 'write ci95: [low, high] with low < high',
    fr: 'écrivez ci95: [low, high] avec low < high',
  },
  'sim.form.point-outside': {
    en: (p: { point: string; low: string; high: string }) => `the point estimate ${p.point} lies outside its 95 % interval [${p.low}, ${p.high}]`,
    fr: (p: { point: string; low: string; high: string }) => `l'estimation ponctuelle ${p.point} est hors de son intervalle à 95 % [${p.low}, ${p.high}]`,
  },
  'sim.form.point-outside.hint': {
    en: 'write {lognormal: {median: estimate, ci95: [low, high]}} with low ≤ estimate ≤ high',
    fr: 'écrivez {lognormal: {median: estimation, ci95: [low, high]}} avec low ≤ estimation ≤ high',
  },
  'sim.range.probability': { en: 'a probability in [0, 1]', fr: 'une probabilité dans [0, 1]' },
  'sim.range.positive': { en: 'a positive number', fr: 'un nombre strictement positif' },
  'sim.range.non-negative': { en: 'a number ≥ 0', fr: 'un nombre ≥ 0' },
  'sim.range.any': { en: 'a finite number', fr: 'un nombre fini' },
  'sim.form.write-probability': {
    en: 'write a share between 0 and 1, e.g. 0.03 for 3 %',
    fr: 'écrivez une proportion entre 0 et 1, par exemple 0.03 pour 3 %',
  },
  'sim.form.write-range': {
    en: (p: { range: string }) => `write ${p.range}`,
    fr: (p: { range: string }) => `écrivez ${p.range}`,
  },
  'sim.form.not-in-range': {
    en: (p: { value: string; range: string }) => `${p.value} is not ${p.range}`,
    fr: (p: { value: string; range: string }) => `${p.value} n'est pas ${p.range}`,
  },
  'sim.form.central-not-in-range': {
    en: (p: { value: string; range: string }) => `its central value ${p.value} is not ${p.range}`,
    fr: (p: { value: string; range: string }) => `sa valeur centrale ${p.value} n'est pas ${p.range}`,
  },
  'sim.form.beyond-magnitude': {
    en: (p: { value: string }) => `${p.value} is beyond 10⁹, the largest magnitude of a parameter`,
    fr: (p: { value: string }) => `${p.value} dépasse 10⁹, la plus grande valeur absolue permise pour un paramètre`,
  },
  'sim.form.may-exceed-magnitude': {
    en: (p: { kind: string }) => `a ${p.kind} this wide draws values beyond 10⁹, the largest magnitude of a parameter; the simulation stops at the first such draw`,
    fr: (p: { kind: string }) => `une loi ${p.kind} aussi large tire des valeurs au-delà de 10⁹, la plus grande valeur absolue permise pour un paramètre ; la simulation s'arrête au premier tirage de ce genre`,
  },
  'sim.form.magnitude.hint': {
    en: 'check the unit; a parameter is at most 10⁹ in magnitude (docs/simulation.md, "Bounds")',
    fr: "vérifiez l'unité ; un paramètre vaut au plus 10⁹ en valeur absolue (docs/simulation.md, « Bounds »)",
  },
  'sim.form.bounded-reaches': {
    en: (p: { kind: string; value: string; range: string }) => `the ${p.kind} reaches ${p.value}, which is not ${p.range}`,
    fr: (p: { kind: string; value: string; range: string }) => `la loi ${p.kind} atteint ${p.value}, qui n'est pas ${p.range}`,
  },
  'sim.form.bounded-reaches.hint': {
    en: (p: { advice: string }) => `narrow it: ${p.advice}`,
    fr: (p: { advice: string }) => `resserrez-la : ${p.advice}`,
  },
  'sim.form.may-leave': {
    en: (p: { kind: string; range: string }) => `a ${p.kind} can draw values that are not ${p.range}; the simulation stops at the first such draw`,
    fr: (p: { kind: string; range: string }) => `une loi ${p.kind} peut tirer des valeurs qui ne sont pas ${p.range} ; la simulation s'arrête au premier tirage de ce genre`,
  },
  'sim.form.may-leave.probability': { en: 'use a beta for a probability', fr: 'utilisez une loi beta pour une probabilité' },
  'sim.form.may-leave.non-negative': {
    en: 'use a gamma or a lognormal for a value that cannot be negative',
    fr: 'utilisez une loi gamma ou lognormale pour une valeur qui ne peut pas être négative',
  },

  // Memory (src/sim/runner.ts): sizes come formatted (src/i18n/numbers.ts).
  'sim.memory.over-max-memory': {
    en: (p: { need: string; iterations: number; perIteration: string; fixed: string; limit: string }) => `this run needs about ${p.need} of memory (${p.iterations} iterations × ${p.perIteration}, plus ${p.fixed}), more than the ${p.limit} allowed by --max-memory`,
    fr: (p: { need: string; iterations: number; perIteration: string; fixed: string; limit: string }) => `cette simulation demande environ ${p.need} de mémoire (${p.iterations} itérations × ${p.perIteration}, plus ${p.fixed}), plus que les ${p.limit} permis par --max-memory`,
  },
  'sim.memory.over-available': {
    en: (p: { need: string; iterations: number; perIteration: string; fixed: string; limit: string }) => `this run needs about ${p.need} of memory (${p.iterations} iterations × ${p.perIteration}, plus ${p.fixed}), more than the ${p.limit} available on this machine`,
    fr: (p: { need: string; iterations: number; perIteration: string; fixed: string; limit: string }) => `cette simulation demande environ ${p.need} de mémoire (${p.iterations} itérations × ${p.perIteration}, plus ${p.fixed}), plus que les ${p.limit} disponibles sur cette machine`,
  },
  'sim.memory.fewer-iterations': {
    en: (p: { fits: number }) => `run at most ${p.fits} iterations (-n ${p.fits}), or fewer territories`,
    fr: (p: { fits: number }) => `lancez au plus ${p.fits} itérations (-n ${p.fits}), ou moins de territoires`,
  },
  'sim.memory.nothing-fits': {
    en: 'free memory, or run fewer territories: even one iteration does not fit',
    fr: 'libérez de la mémoire, ou simulez moins de territoires : même une seule itération ne tient pas',
  },

  // Progress labels (src/cli/progress.ts draws them).
  'sim.progress.simulating': { en: 'simulating', fr: 'simulation' },
  'sim.progress.summarising': { en: 'summarising', fr: 'synthèse' },

  // Errors that are bugs of logi: never expected, said plainly all the same.
  'sim.internal.effect-combinations': {
    en: (p: { max: number; where: string }) => `internal error: more than ${p.max} combinations of effects in ${p.where}, which lint should have reported`,
    fr: (p: { max: number; where: string }) => `erreur interne : plus de ${p.max} combinaisons d'effets dans ${p.where}, ce que lint aurait dû signaler`,
  },
  'sim.internal.sampler': {
    en: (p: { sampler: string; parameters: string }) => `internal error: the ${p.sampler} sampler cannot draw with ${p.parameters}`,
    fr: (p: { sampler: string; parameters: string }) => `erreur interne : l'échantillonneur ${p.sampler} ne peut pas tirer avec ${p.parameters}`,
  },
  'sim.internal.rejections': {
    en: (p: { count: number }) => `${p.count} rejections in a row`,
    fr: (p: { count: number }) => `${p.count} rejets d'affilée`,
  },
  'sim.internal.poisson-factors': {
    en: (p: { count: number }) => `${p.count} factors above e^(−mean)`,
    fr: (p: { count: number }) => `${p.count} facteurs au-dessus de e^(−mean)`,
  },
  'sim.internal.unit-disc': {
    en: (p: { count: number }) => `a stream that never falls inside the unit disc (${p.count} rejections in a row)`,
    fr: (p: { count: number }) => `un flux qui ne tombe jamais dans le disque unité (${p.count} rejets d'affilée)`,
  },
  'sim.internal.nan': {
    en: 'internal error: a summarised measure holds NaN',
    fr: 'erreur interne : une mesure résumée contient NaN',
  },

  // The terminal summary of `logi simulate` (src/sim/format.ts).
  'sim.summary.heading': {
    en: (p: { scenario: string; pyramid: string; territories: number; iterations: number; mode: string; seed: number; horizon: number }) =>
      `Scenario ${p.scenario} — pyramid ${p.pyramid}, ${p.territories} territor${p.territories === 1 ? 'y' : 'ies'}, ${p.iterations} iteration${s(p.iterations)} (${p.mode}), seed ${p.seed}, ${p.horizon} years`,
    fr: (p: { scenario: string; pyramid: string; territories: number; iterations: number; mode: string; seed: number; horizon: number }) =>
      `Scénario ${p.scenario} — pyramide ${p.pyramid}, ${p.territories} territoire${s(p.territories)}, ${p.iterations} itération${s(p.iterations)} (${p.mode}), graine ${p.seed}, ${p.horizon} ans`,
  },
  'sim.summary.arms': {
    en: (p: { baseline: string; program: string }) => `Baseline: ${p.baseline}.  Program: ${p.program}.`,
    fr: (p: { baseline: string; program: string }) => `Soins courants : ${p.baseline}.  Programme : ${p.program}.`,
  },
  'sim.summary.strata': {
    en: 'People per stratum, all territories (mean; program − baseline with its 95 % interval at the horizon)',
    fr: "Personnes par strate, tous territoires (moyenne ; programme − soins courants avec son intervalle à 95 % à l'horizon)",
  },
  'sim.summary.column.start': { en: 'start', fr: 'départ' },
  'sim.summary.column.year-baseline': {
    en: (p: { year: number }) => `year ${p.year} baseline`,
    fr: (p: { year: number }) => `année ${p.year} soins courants`,
  },
  'sim.summary.column.year-program': {
    en: (p: { year: number }) => `year ${p.year} program`,
    fr: (p: { year: number }) => `année ${p.year} programme`,
  },
  'sim.summary.column.difference-year': {
    en: (p: { year: number }) => `difference, year ${p.year}`,
    fr: (p: { year: number }) => `différence, année ${p.year}`,
  },
  'sim.summary.events': {
    en: (p: { horizon: number }) => `Events over ${p.horizon} years, all territories (program − baseline; negative = averted)`,
    fr: (p: { horizon: number }) => `Événements sur ${p.horizon} ans, tous territoires (programme − soins courants ; négatif = évités)`,
  },
  'sim.summary.column.event': { en: 'event', fr: 'événement' },
  'sim.summary.column.baseline': { en: 'baseline', fr: 'soins courants' },
  'sim.summary.column.program': { en: 'program', fr: 'programme' },
  'sim.summary.column.difference-interval': { en: 'difference [95 % interval]', fr: 'différence [intervalle à 95 %]' },
  'sim.summary.event-difference': {
    en: (p: { total: string; year: number; last: string; interval: string }) => `${p.total} (year ${p.year}: ${p.last} ${p.interval})`,
    fr: (p: { total: string; year: number; last: string; interval: string }) => `${p.total} (année ${p.year} : ${p.last} ${p.interval})`,
  },
  'sim.summary.overlap': {
    en: (p: { pyramid: string; strata: string }) => `⚠ The people of ${p.strata} are also counted by the pyramid “${p.pyramid}”: do not add these FTE to a scenario of that pyramid without removing them (the report states the assumption).`,
    fr: (p: { pyramid: string; strata: string }) => `⚠ Les personnes de ${p.strata} sont aussi comptées par la pyramide « ${p.pyramid} » : n'ajoutez pas ces ETP à ceux d'un scénario de cette pyramide sans les retirer (le rapport dit l'hypothèse).`,
  },
  'sim.summary.workload': {
    en: (p: { year: number }) => `Workload by profession, year ${p.year}, all territories (mean)`,
    fr: (p: { year: number }) => `Charge de travail par profession, année ${p.year}, tous territoires (moyenne)`,
  },
  'sim.summary.column.profession': { en: 'profession', fr: 'profession' },
  'sim.summary.column.acts-program': { en: 'acts (program)', fr: 'actes (programme)' },
  'sim.summary.column.fte-baseline': { en: 'FTE baseline', fr: 'ETP soins courants' },
  'sim.summary.column.fte-program': { en: 'FTE program', fr: 'ETP programme' },
  'sim.summary.column.fte-difference': { en: 'FTE difference [95 %]', fr: 'différence ETP [95 %]' },
  'sim.summary.column.cost-program': { en: 'cost program (€)', fr: 'coût programme (€)' },
  'sim.summary.total-cost': {
    en: (p: { year: number; baseline: string; program: string; difference: string; interval: string; programCosts: boolean }) =>
      `Total cost of the acts${p.programCosts ? ' and of the programs' : ''}, year ${p.year}: baseline ${p.baseline} €, program ${p.program} €, difference ${p.difference} € ${p.interval}`,
    fr: (p: { year: number; baseline: string; program: string; difference: string; interval: string; programCosts: boolean }) =>
      `Coût total des actes${p.programCosts ? ' et des programmes' : ''}, année ${p.year} : soins courants ${p.baseline} €, programme ${p.program} €, différence ${p.difference} € ${p.interval}`,
  },
  'sim.summary.economics': {
    en: (p: { horizon: number; costs: string; outcomes: string; stateTime: string }) =>
      `Valuation over ${p.horizon} years, all territories (discounted: costs ${p.costs}, outcomes ${p.outcomes} a year; person-time: ${p.stateTime}; docs/economics.md):`,
    fr: (p: { horizon: number; costs: string; outcomes: string; stateTime: string }) =>
      `Valorisation sur ${p.horizon} ans, tous territoires (actualisée : coûts ${p.costs}, résultats ${p.outcomes} par an ; temps-personne : ${p.stateTime} ; docs/economics.md) :`,
  },
  'sim.summary.column.line': { en: 'Discounted total', fr: 'Total actualisé' },
  'sim.summary.line.total': { en: 'Costs, all (€)', fr: 'Coûts, tous (€)' },
  'sim.summary.line.cost': {
    en: (p: { category: string; payer: string }) => `${p.category} (${p.payer}, €)`,
    fr: (p: { category: string; payer: string }) => `${p.category} (payeur ${p.payer}, €)`,
  },
  'sim.summary.category.acts': { en: 'Acts', fr: 'Actes' },
  'sim.summary.category.states': { en: 'Strata', fr: 'Strates' },
  'sim.summary.category.events': { en: 'Events', fr: 'Événements' },
  'sim.summary.category.program': { en: 'Program', fr: 'Programme' },
  'sim.summary.outcome.qalys': { en: 'QALYs', fr: 'QALY' },
  'sim.summary.outcome.life-years': { en: 'Life-years', fr: 'Années de vie' },
  'sim.summary.decision': {
    en: (p: { verdict: string; icer: string; outcome: string; threshold: string; probability: string; evpi: string; perPerson: string }) =>
      `${
        {
          dominant: 'The program dominates usual care (no dearer, more effective)',
          dominated: 'The program is dominated (no cheaper, less effective)',
          'more-costly-more-effective': `ICER: ${p.icer} € per ${p.outcome === 'QALYs' ? 'QALY' : 'life-year'} gained`,
          'less-costly-less-effective': `ICER: ${p.icer} € saved per ${p.outcome === 'QALYs' ? 'QALY' : 'life-year'} lost (less costly, less effective)`,
          equivalent: 'The program and usual care are equivalent',
        }[p.verdict]
      }; probability of being cost-effective at ${p.threshold} € per unit: ${p.probability}; EVPI: ${p.evpi} € (${p.perPerson} € per person).`,
    fr: (p: { verdict: string; icer: string; outcome: string; threshold: string; probability: string; evpi: string; perPerson: string }) =>
      `${
        {
          dominant: 'Le programme domine les soins courants (pas plus cher, plus efficace)',
          dominated: 'Le programme est dominé (pas moins cher, moins efficace)',
          'more-costly-more-effective': `RDCR : ${p.icer} € par ${p.outcome === 'QALY' ? 'QALY' : 'année de vie'} gagné${p.outcome === 'QALY' ? '' : 'e'}`,
          'less-costly-less-effective': `RDCR : ${p.icer} € économisés par ${p.outcome === 'QALY' ? 'QALY' : 'année de vie'} perdu${p.outcome === 'QALY' ? '' : 'e'} (moins cher, moins efficace)`,
          equivalent: 'Le programme et les soins courants sont équivalents',
        }[p.verdict]
      } ; probabilité d'être coût-efficace au seuil de ${p.threshold} € par unité : ${p.probability} ; EVPI : ${p.evpi} € (${p.perPerson} € par personne).`,
  },
  // Parameter sets and posterior samples (src/sim/parameter-sets.ts).
  'sim.sets.unknown': {
    en: (p: { set: string }) => `no parameter set has the id ${p.set}`,
    fr: (p: { set: string }) => `aucun jeu de paramètres n'a l'identifiant ${p.set}`,
  },
  'sim.sets.bad-path': {
    en: (p: { path: string; problem: string }) => `the parameter path "${p.path}" does not name a parameter (${p.problem})`,
    fr: (p: { path: string; problem: string }) => `le chemin de paramètre « ${p.path} » ne désigne aucun paramètre (${p.problem})`,
  },
  'sim.sets.not-used': {
    en: (p: { path: string; set: string; scenario: string }) => `parameter set ${p.set}: "${p.path}" is not a parameter of scenario ${p.scenario}`,
    fr: (p: { path: string; set: string; scenario: string }) => `jeu de paramètres ${p.set} : « ${p.path} » n'est pas un paramètre du scénario ${p.scenario}`,
  },
  'sim.sets.not-used.hint': {
    en: 'a parameter set may only change values of the documents the scenario uses: its pyramid, programs, logigrammes, territories and actors',
    fr: 'un jeu de paramètres ne peut changer que des valeurs des documents du scénario : sa pyramide, ses programmes, ses logigrammes, ses territoires et ses acteurs',
  },
  'sim.sets.posterior-missing': {
    en: (p: { file: string }) => `cannot read the posterior sample ${p.file}`,
    fr: (p: { file: string }) => `impossible de lire l'échantillon a posteriori ${p.file}`,
  },
  'sim.sets.posterior-missing.hint': {
    en: 'the path is relative to the ParameterSet file; `logi calibrate --out DIR` writes posterior.csv beside point.yaml',
    fr: 'le chemin est relatif au fichier du ParameterSet ; `logi calibrate --out DOSSIER` écrit posterior.csv à côté de point.yaml',
  },
  'sim.sets.posterior-empty': {
    en: (p: { file: string }) => `${p.file} holds no parameter set: a header line of parameter paths, then one line per set`,
    fr: (p: { file: string }) => `${p.file} ne contient aucun jeu de paramètres : une ligne d'en-tête de chemins de paramètres, puis une ligne par jeu`,
  },
  'sim.sets.posterior-not-used': {
    en: (p: { path: string; file: string }) => `${p.file}: "${p.path}" is not a parameter of this scenario`,
    fr: (p: { path: string; file: string }) => `${p.file} : « ${p.path} » n'est pas un paramètre de ce scénario`,
  },
  'sim.sets.posterior-width': {
    en: (p: { file: string; line: number; found: number; expected: number }) => `${p.file}, line ${p.line}: ${p.found} values where the header has ${p.expected}`,
    fr: (p: { file: string; line: number; found: number; expected: number }) => `${p.file}, ligne ${p.line} : ${p.found} valeurs alors que l'en-tête en a ${p.expected}`,
  },
  'sim.sets.posterior-number': {
    en: (p: { file: string; line: number; column: number; value: string }) => `${p.file}, line ${p.line}, field ${p.column}: "${p.value}" is not a number`,
    fr: (p: { file: string; line: number; column: number; value: string }) => `${p.file}, ligne ${p.line}, champ ${p.column} : « ${p.value} » n'est pas un nombre`,
  },
  'sim.sets.posterior-value': {
    en: (p: { file: string; line: number; value: string; name: string; expected: string }) => `${p.file}, line ${p.line}: "${p.value}" is not a value of ${p.name} (expected ${p.expected})`,
    fr: (p: { file: string; line: number; value: string; name: string; expected: string }) => `${p.file}, ligne ${p.line} : « ${p.value} » n'est pas une valeur de ${p.name} (attendu : ${p.expected})`,
  },
});
