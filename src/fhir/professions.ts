/**
 * The standard code of the profession behind a logi actor, where one exists: the French health
 * professions of the ANS (Nomenclatures des objets de santé, TRE_G15-ProfessionSante, the code
 * system of the RPPS and of French FHIR profiles). Physicians of every specialty are profession
 * 10, "Médecin"; the specialty is in the actor's own coding. Structures (a laboratory, a day
 * hospital, a coordination team) and professions outside the health code (adapted physical
 * activity teachers) have no code there and keep only logi's actor coding. Keyed by the actor ids
 * of the bundled registry (guidelines/acteurs.yaml); other registries' actors get no standard code.
 */
import type { Coding } from './types.js';
import { CODE_SYSTEM } from './canonical.js';

const G15: Record<string, { code: string; display: string }> = {
  'medecin-generaliste': { code: '10', display: 'Médecin' },
  endocrinologue: { code: '10', display: 'Médecin' },
  cardiologue: { code: '10', display: 'Médecin' },
  ophtalmologiste: { code: '10', display: 'Médecin' },
  nephrologue: { code: '10', display: 'Médecin' },
  angiologue: { code: '10', display: 'Médecin' },
  infirmier: { code: '60', display: 'Infirmier' },
  pharmacien: { code: '21', display: 'Pharmacien' },
  dentiste: { code: '40', display: 'Chirurgien-Dentiste' },
  kinesitherapeute: { code: '70', display: 'Masseur-Kinésithérapeute' },
  podologue: { code: '80', display: 'Pédicure-Podologue' },
  orthoptiste: { code: '92', display: 'Orthoptiste' },
  dieteticien: { code: '95', display: 'Diététicien' },
};

/** The standard coding of an actor's profession, or undefined when it has none. */
export function professionCoding(actor: string): Coding | undefined {
  const entry = Object.prototype.hasOwnProperty.call(G15, actor) ? G15[actor] : undefined;
  return entry ? { system: CODE_SYSTEM.professionG15, ...entry } : undefined;
}
