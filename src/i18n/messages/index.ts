/** Every area of the catalogue; src/i18n/catalogue.ts merges them and refuses a repeated id. */
import { analysisMessages } from './analysis.js';
import { archiveMessages } from './archive.js';
import { cliMessages } from './cli.js';
import { editorMessages } from './editor.js';
import { fhirMessages } from './fhir.js';
import { ioMessages } from './io.js';
import { languageMessages } from './language.js';
import { lintMessages } from './lint.js';
import { pathwayTestsMessages } from './pathway-tests.js';
import { previewMessages } from './preview.js';
import { renderMessages } from './render.js';
import { reportMessages } from './report.js';
import { resultsMessages } from './results.js';
import { rulesMessages } from './rules.js';
import { rulesCriteriaMessages } from './rules-criteria.js';
import { sensitivityMessages } from './sensitivity.js';
import { simMessages } from './sim.js';
import { stratifyMessages } from './stratify.js';
import { synthMessages } from './synth.js';
import { worklistMessages } from './worklist.js';

export const MESSAGE_AREAS = [analysisMessages, archiveMessages, cliMessages, editorMessages, fhirMessages, ioMessages, languageMessages, lintMessages, pathwayTestsMessages, previewMessages, renderMessages, reportMessages, resultsMessages, rulesMessages, rulesCriteriaMessages, sensitivityMessages, simMessages, stratifyMessages, synthMessages, worklistMessages] as const;
