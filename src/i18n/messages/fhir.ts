/**
 * Messages of the FHIR area (ids start with `fhir.`), and the help texts of `logi export fhir` and
 * `logi import fhir`: see src/i18n/catalogue.ts and docs/fhir.md.
 */
import { defineMessages } from '../define.js';

export const fhirMessages = defineMessages({
  'fhir.export.input-errors': {
    en: (p: { count: number }) => `the input has ${p.count} error${p.count === 1 ? '' : 's'}: nothing exported`,
    fr: (p: { count: number }) => `l'entrée contient ${p.count} erreur${p.count === 1 ? '' : 's'} : rien n'est exporté`,
  },
  'fhir.export.input-errors.hint': { en: 'fix the errors above (logi lint shows them too), then export again', fr: 'corrigez les erreurs ci-dessus (logi lint les montre aussi), puis exportez de nouveau' },
  'fhir.export.no-logigramme': { en: 'no logigramme among the given paths', fr: 'aucun logigramme parmi les chemins donnés' },
  'fhir.export.no-logigramme.hint': { en: 'give a folder or a file that holds a Logigramme document (logi export fhir guidelines)', fr: 'donnez un dossier ou un fichier qui contient un document Logigramme (logi export fhir guidelines)' },
  'fhir.export.no-when': {
    en: (p: { logigramme: string; node: string; branches: string[] }) => `${p.logigramme}: decision ${p.node} has ${p.branches.length === 1 ? 'a branch' : `${p.branches.length} branches`} without a structured when (${p.branches.map((b) => `"${b}"`).join(', ')}): exported with the label as documentation, without a FHIRPath condition`,
    fr: (p: { logigramme: string; node: string; branches: string[] }) => `${p.logigramme} : la décision ${p.node} a ${p.branches.length === 1 ? 'une branche' : `${p.branches.length} branches`} sans when structuré (${p.branches.map((b) => `« ${b} »`).join(', ')}) : exportée${p.branches.length === 1 ? '' : 's'} avec le libellé comme documentation, sans condition FHIRPath`,
  },
  'fhir.export.wrote': {
    en: (p: { count: number; out: string }) => `wrote ${p.count} FHIR bundle${p.count === 1 ? '' : 's'} to ${p.out}`,
    fr: (p: { count: number; out: string }) => `${p.count} bundle${p.count === 1 ? '' : 's'} FHIR écrit${p.count === 1 ? '' : 's'} dans ${p.out}`,
  },
  'fhir.import.wrote': {
    en: (p: { count: number; out: string }) => `wrote ${p.count} logigramme${p.count === 1 ? '' : 's'} to ${p.out}`,
    fr: (p: { count: number; out: string }) => `${p.count} logigramme${p.count === 1 ? '' : 's'} écrit${p.count === 1 ? '' : 's'} dans ${p.out}`,
  },
  'fhir.import.unreadable': {
    en: (p: { file: string; reason: string }) => `cannot read ${p.file} (${p.reason})`,
    fr: (p: { file: string; reason: string }) => `impossible de lire ${p.file} (${p.reason})`,
  },
  'fhir.import.unreadable.hint': { en: 'give the path of a bundle written by logi export fhir', fr: 'donnez le chemin d\'un bundle écrit par logi export fhir' },
  'fhir.import.not-json': {
    en: (p: { file: string }) => `${p.file} is not JSON`,
    fr: (p: { file: string }) => `${p.file} n'est pas du JSON`,
  },
  'fhir.import.not-json.hint': { en: 'logi reads FHIR bundles in their JSON form', fr: 'logi lit les bundles FHIR sous leur forme JSON' },
  'fhir.import.refused': {
    en: (p: { file: string; element: string; reason: string }) => `${p.file}: ${p.element}: ${p.reason}`,
    fr: (p: { file: string; element: string; reason: string }) => `${p.file} : ${p.element} : ${p.reason}`,
  },
  'fhir.import.refused.hint': {
    en: 'logi imports the bundles shaped as logi export fhir writes them (docs/fhir.md); nothing was written',
    fr: 'logi importe les bundles construits comme logi export fhir les écrit (docs/fhir.md) ; rien n\'a été écrit',
  },
  'fhir.import.same-id': {
    en: (p: { id: string }) => `two bundles hold the logigramme ${p.id}`,
    fr: (p: { id: string }) => `deux bundles contiennent le logigramme ${p.id}`,
  },
  'fhir.import.same-id.hint': { en: 'import them into different folders', fr: 'importez-les dans des dossiers différents' },
  'fhir.import.not-bundle': { en: 'not a FHIR Bundle (resourceType is not "Bundle")', fr: 'pas un Bundle FHIR (resourceType n\'est pas « Bundle »)' },
  'fhir.import.plan-count': {
    en: (p: { count: number }) => `one PlanDefinition expected, found ${p.count}`,
    fr: (p: { count: number }) => `une PlanDefinition attendue, ${p.count} trouvée${p.count > 1 ? 's' : ''}`,
  },
  'fhir.import.root-action': { en: 'one root action expected, holding the stratum\'s applicability and the nodes', fr: 'une action racine attendue, portant l\'applicabilité de la strate et les nœuds' },
  'fhir.import.stratum': { en: 'no applicability condition naming the stratum (a logi-stratum extension, or %stratum = \'…\')', fr: 'pas de condition d\'applicabilité qui nomme la strate (extension logi-stratum, ou %stratum = \'…\')' },
  'fhir.import.no-nodes': { en: 'the root action holds no node', fr: 'l\'action racine ne contient aucun nœud' },
  'fhir.import.no-library': { en: 'no Library of strata: the pyramid is unknown', fr: 'pas de Library des strates : la pyramide est inconnue' },
  'fhir.import.no-id': { en: 'an action without id cannot be a node', fr: 'une action sans id ne peut pas être un nœud' },
  'fhir.import.no-title': { en: 'an action without title: a node needs a label', fr: 'une action sans title : un nœud a besoin d\'un libellé' },
  'fhir.import.node-type': {
    en: (p: { system: string }) => `no node type: a code of ${p.system} (start, action, decision, end, refer) is expected`,
    fr: (p: { system: string }) => `pas de type de nœud : un code de ${p.system} (start, action, decision, end, refer) est attendu`,
  },
  'fhir.import.related-action': {
    en: 'a node leads to one node: a single relatedAction with relationship before-start is expected',
    fr: 'un nœud mène à un seul nœud : une seule relatedAction de relation before-start est attendue',
  },
  'fhir.import.unknown-action': {
    en: (p: { id: string }) => `the action ${p.id} is not a node of the plan`,
    fr: (p: { id: string }) => `l'action ${p.id} n'est pas un nœud du plan`,
  },
  'fhir.import.no-activity': {
    en: (p: { url: string }) => `no ActivityDefinition of url "${p.url}" in the bundle`,
    fr: (p: { url: string }) => `aucune ActivityDefinition d'url « ${p.url} » dans le bundle`,
  },
  'fhir.import.no-actor': {
    en: (p: { system: string }) => `no actor: a participant role coded in ${p.system} is expected`,
    fr: (p: { system: string }) => `pas d'acteur : un rôle de participant codé dans ${p.system} est attendu`,
  },
  'fhir.import.timing': {
    en: 'a frequency is read from repeat.frequency, period and periodUnit (d, wk, mo, a) without frequencyMax or periodMax, or from logi\'s frequency extension',
    fr: 'une fréquence se lit dans repeat.frequency, period et periodUnit (d, wk, mo, a) sans frequencyMax ni periodMax, ou dans l\'extension de fréquence de logi',
  },
  'fhir.import.condition-language': { en: 'a condition in FHIRPath (language text/fhirpath) is expected', fr: 'une condition en FHIRPath (langage text/fhirpath) est attendue' },
  'fhir.import.condition-syntax': {
    en: (p: { expression: string }) => `the condition "${p.expression}" is not one logi writes (comparisons of one variable joined by and: docs/fhir.md)`,
    fr: (p: { expression: string }) => `la condition « ${p.expression} » n'est pas de celles que logi écrit (comparaisons d'une variable jointes par and : docs/fhir.md)`,
  },
  'fhir.import.condition-variable': {
    en: (p: { found: string; expected: string }) => `the condition tests %${p.found}, the decision's variable is %${p.expected}`,
    fr: (p: { found: string; expected: string }) => `la condition teste %${p.found}, la variable de la décision est %${p.expected}`,
  },
  'fhir.import.branch-next': { en: 'a branch leads to a node: a relatedAction is expected', fr: 'une branche mène à un nœud : une relatedAction est attendue' },
  'fhir.import.refer-target': { en: 'a referral names its logigramme in definitionCanonical', fr: 'un renvoi nomme son logigramme dans definitionCanonical' },
  'fhir.import.keys-not-json': {
    en: (p: { url: string }) => `the extension ${p.url} does not hold a JSON object`,
    fr: (p: { url: string }) => `l'extension ${p.url} ne contient pas d'objet JSON`,
  },
  'fhir.import.schema': {
    en: (p: { key: string; message: string }) => `the logigramme read from it is not valid: ${p.key}: ${p.message}`,
    fr: (p: { key: string; message: string }) => `le logigramme qui en est lu n'est pas valide : ${p.key} : ${p.message}`,
  },
  'cli.topic.export': { en: 'Export logigrammes to other formats: FHIR R4 (logi export fhir).', fr: 'Exporter les logigrammes vers d\'autres formats : FHIR R4 (logi export fhir).' },
  'cli.topic.import': { en: 'Import logigrammes from other formats: FHIR R4 (logi import fhir).', fr: 'Importer des logigrammes depuis d\'autres formats : FHIR R4 (logi import fhir).' },
  'cli.command.export.fhir.summary': {
    en: 'Export logigrammes as FHIR R4 clinical-guideline bundles (CPG-on-FHIR).',
    fr: 'Exporter les logigrammes en bundles FHIR R4 de recommandation clinique (CPG-on-FHIR).',
  },
  'cli.command.export.fhir.description': {
    en: 'Writes, for each logigramme, a FHIR R4 Bundle: a PlanDefinition (one action per node, decisions with FHIRPath conditions), an ActivityDefinition per action and the pyramid\'s strata as a Library. The input must lint clean. See docs/fhir.md.',
    fr: 'Écrit, pour chaque logigramme, un Bundle FHIR R4 : une PlanDefinition (une action par nœud, des décisions à conditions FHIRPath), une ActivityDefinition par action et les strates de la pyramide en Library. L\'entrée doit être sans erreur de lint. Voir docs/fhir.md.',
  },
  'cli.command.export.fhir.example.0': { en: 'Every bundled logigramme, one bundle each', fr: 'Tous les logigrammes fournis, un bundle chacun' },
  'cli.command.export.fhir.example.1': { en: 'One logigramme, with a machine-readable summary', fr: 'Un logigramme, avec un résumé lisible par une machine' },
  'cli.command.export.fhir.arg.paths': { en: 'Files or folders holding the logigrammes (default: the workspace)', fr: 'Fichiers ou dossiers contenant les logigrammes (par défaut : l\'espace de travail)' },
  'cli.command.export.fhir.flag.out': { en: 'Folder to write the bundles into, replaced as a whole', fr: 'Dossier où écrire les bundles, remplacé en entier' },
  'cli.command.import.fhir.summary': {
    en: 'Import FHIR bundles written by logi export fhir back to logigramme YAML.',
    fr: 'Importer en YAML de logigramme les bundles FHIR écrits par logi export fhir.',
  },
  'cli.command.import.fhir.description': {
    en: 'Reads each bundle\'s PlanDefinition, ActivityDefinitions and logi\'s extensions and writes the logigramme as <id>.yaml. A bundle logi cannot represent is refused, naming the element (exit 2); nothing is written then. See docs/fhir.md.',
    fr: 'Lit la PlanDefinition, les ActivityDefinition et les extensions de logi de chaque bundle et écrit le logigramme en <id>.yaml. Un bundle que logi ne peut pas représenter est refusé en nommant l\'élément (code 2) ; rien n\'est alors écrit. Voir docs/fhir.md.',
  },
  'cli.command.import.fhir.example.0': { en: 'A bundle back to YAML', fr: 'Un bundle revenu en YAML' },
  'cli.command.import.fhir.example.1': { en: 'Every bundle of a folder', fr: 'Tous les bundles d\'un dossier' },
  'cli.command.import.fhir.arg.bundles': { en: 'FHIR Bundle files (JSON)', fr: 'Fichiers de Bundle FHIR (JSON)' },
  'cli.command.import.fhir.flag.out': { en: 'Folder to write the logigrammes into, replaced as a whole', fr: 'Dossier où écrire les logigrammes, remplacé en entier' },
});
