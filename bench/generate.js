// Generates a workspace of N logigrammes (with their pyramid and actors) for the lint benchmark.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function generateWorkspace(dir, count) {
  mkdirSync(path.join(dir, 'logigrammes'), { recursive: true });
  writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [.]\n');
  writeFileSync(
    path.join(dir, 'pyramide.yaml'),
    `kind: Pyramid
version: 1
id: bench
title: Pyramide de banc d'essai
strata:
  - { id: S0, title: Population }
  - { id: S1, title: À risque }
  - { id: S2, title: Malades }
exits: [{ id: deces, title: Décès }]
transitions:
  - { from: S0, to: S1, p: 0.02, source: s }
  - { from: S1, to: S2, p: { beta: { mean: 0.046, sd: 0.008 } }, source: s }
  - { from: S2, to: deces, p: 0.03, source: s }
sources:
  s: { title: Source de test, type: illustrative }
`,
  );
  writeFileSync(
    path.join(dir, 'acteurs.yaml'),
    `kind: Actors
version: 1
id: acteurs
actors:
  mg: { title: Médecin généraliste, minutes-per-act: 20, cost-per-act: 30, fte-minutes-per-year: 96000 }
  labo: { title: Laboratoire, minutes-per-act: 5, cost-per-act: 10, fte-minutes-per-year: 96000 }
  ide: { title: Infirmier, minutes-per-act: 30, cost-per-act: 20, fte-minutes-per-year: 96000 }
`,
  );
  for (let i = 0; i < count; i++) {
    const stratum = ['S0', 'S1', 'S2'][i % 3];
    // An effect acts on a transition out of the logigramme's own stratum (rule effect-targets-transition).
    const transition = { S0: 'S0->S1', S1: 'S1->S2', S2: 'S2->deces' }[stratum];
    writeFileSync(
      path.join(dir, 'logigrammes', `l${String(i).padStart(4, '0')}.yaml`),
      `# yaml-language-server: $schema=../schemas/logigramme.schema.json
kind: Logigramme
version: 1
id: l${i}
title: Logigramme n°${i}
pyramid: bench
stratum: ${stratum}
start: debut
phases:
  bilan: { label: Bilan }
nodes:
  debut: { type: start, label: Inclusion du patient ${i}, next: hba1c }
  hba1c:
    type: action
    label: Dosage de l'HbA1c
    actor: labo
    frequency: { times: 4, per: year }
    evidence: { source: has, grade: B }
    phase: bilan
    next: objectif
  objectif:
    type: decision
    label: HbA1c ≤ 7 % ?
    variable: { name: hba1c, unit: "%", min: 4, max: 15 }
    branches:
      - { label: oui, when: { lte: 7 }, p: { beta: { mean: 0.55, sd: 0.05 } }, next: suivi }
      - { label: "7 à 8", when: { gt: 7, lte: 8 }, p: 0.25, next: etp }
      - { label: non, when: { gt: 8 }, next: intensification }
  etp:
    type: action
    label: Éducation thérapeutique
    actor: ide
    frequency: 2/year
    effects:
      - { transition: ${transition}, hr: { lognormal: { mean: 0.9, ci95: [0.8, 1.0] } }, source: has }
    evidence: { source: has, grade: B }
    next: suivi
  intensification:
    type: action
    label: Intensification du traitement
    actor: mg
    frequency: { times: 2, per: year }
    evidence: [{ source: has, grade: A }]
    next: suivi
  suivi:
    type: action
    label: Consultation de suivi
    actor: mg
    frequency: { times: 4, per: year }
    evidence: { source: has, grade: B }
    next: fin
  fin: { type: end, label: Poursuite du suivi }
sources:
  has: { title: "HAS — Guide parcours de soins", year: 2014, type: guideline }
`,
    );
  }
}
