/**
 * The pyramid's strata in FHIR: a Library (type logic-library) holding the pyramid's population
 * and strata, with their executable criteria in logi's criteria language (docs/stratify.md) as
 * JSON content; and the plan's applicability condition, `%stratum = 'S2'`, which holds for the
 * patients that those criteria place in the logigramme's stratum (as `logi stratify` computes).
 * The criteria in words (or the free text of a stratum without structured criteria) are the
 * condition's description (docs/fhir.md, "Eligibility").
 */
import type { PyramidDocument } from '../language/schemas/pyramid.js';
import { canonicalUrl, CODE_SYSTEM, computableName, fhirId } from './canonical.js';
import type { Expression, Library } from './types.js';

/** The FHIRPath constant that names the patient's stratum, as assigned from the Library's criteria. */
export const STRATUM_VARIABLE = 'stratum';
export const CRITERIA_CONTENT_TYPE = 'application/json';

export function stratumApplicability(pyramidId: string, stratum: string, pyramid: PyramidDocument | undefined): { kind: string; expression: Expression } {
  const criteria = pyramid?.strata.find((s) => s.id === stratum)?.criteria;
  const words = typeof criteria === 'string' ? criteria : criteria?.description;
  return {
    kind: 'applicability',
    expression: {
      ...(words !== undefined ? { description: words } : {}),
      language: 'text/fhirpath',
      expression: `%${STRATUM_VARIABLE} = '${stratum.replace(/[\\']/g, (c) => `\\${c}`)}'`,
      reference: canonicalUrl('Library', pyramidId),
    },
  };
}

/** The stratum named by an applicability expression written by stratumApplicability, if it is one. */
export function readStratum(expression: string | undefined): string | undefined {
  const match = /^%stratum = '((?:[^'\\]|\\.)*)'$/.exec(expression ?? '');
  return match ? match[1]!.replace(/\\(.)/g, '$1') : undefined;
}

export function strataLibrary(pyramidId: string, pyramid: PyramidDocument | undefined): Library {
  const content = pyramid === undefined
    ? []
    : [{
        contentType: CRITERIA_CONTENT_TYPE,
        title: 'logi criteria',
        data: Buffer.from(JSON.stringify({
          population: pyramid.population,
          strata: pyramid.strata.map(({ id, title, criteria, description }) => ({ id, title, criteria, description })),
        })).toString('base64'),
      }];
  return {
    resourceType: 'Library',
    id: fhirId(pyramidId),
    url: canonicalUrl('Library', pyramidId),
    identifier: [{ system: CODE_SYSTEM.logiId, value: pyramidId }],
    name: computableName(pyramidId),
    ...(pyramid !== undefined ? { title: pyramid.title } : {}),
    status: 'draft',
    type: { coding: [{ system: CODE_SYSTEM.libraryType, code: 'logic-library' }] },
    ...(pyramid?.description !== undefined ? { description: pyramid.description } : {}),
    ...(content.length > 0 ? { content } : {}),
  };
}
