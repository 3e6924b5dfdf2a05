/**
 * The pyramid's strata in FHIR: a Library (type logic-library) holding the pyramid's population
 * and strata, with their executable criteria in logi's criteria language (docs/stratify.md) as
 * JSON content; and the plan's applicability condition: those criteria's assignment in FHIRPath on
 * the patient's resources (src/fhir/criteria.ts), which holds for the patients that logi places in
 * the logigramme's stratum (as `logi stratify` computes), or `%stratum = 'S2'` for a stratum that
 * no structured criterion decides. The criteria in words (or the free text of a stratum without
 * structured criteria) are the condition's description (docs/fhir.md, "Eligibility").
 */
import type { PyramidDocument } from '../language/schemas/pyramid.js';
import { pyramidCriteria } from '../criteria/parse.js';
import { canonicalUrl, CODE_SYSTEM, computableName, EXTENSION, fhirId } from './canonical.js';
import { assignmentFhirPath } from './criteria.js';
import type { Library, PlanCondition } from './types.js';

/** The FHIRPath constant that names the patient's stratum, as assigned from the Library's criteria. */
export const STRATUM_VARIABLE = 'stratum';
export const CRITERIA_CONTENT_TYPE = 'application/json';

/**
 * The root action's eligibility: the assignment of docs/stratify.md in FHIRPath on the patient's
 * resources when the pyramid's criteria decide who is in the stratum (src/fhir/criteria.ts), else
 * `%stratum = 'S2'` over a stratum assigned elsewhere. The stratum id is always in the
 * `logi-stratum` extension of the condition, which the importer reads.
 */
export function stratumApplicability(pyramidId: string, stratum: string, pyramid: PyramidDocument | undefined): PlanCondition {
  const criteria = pyramid?.strata.find((s) => s.id === stratum)?.criteria;
  const words = typeof criteria === 'string' ? criteria : criteria?.description;
  const computable = pyramid === undefined ? undefined : assignmentFhirPath(pyramidCriteria(pyramid), stratum);
  return {
    extension: [{ url: EXTENSION.stratum, valueString: stratum }],
    kind: 'applicability',
    expression: {
      ...(words !== undefined ? { description: words } : {}),
      language: 'text/fhirpath',
      ...(computable !== undefined
        ? { expression: computable }
        : { expression: `%${STRATUM_VARIABLE} = '${stratum.replace(/[\\']/g, (c) => `\\${c}`)}'`, reference: canonicalUrl('Library', pyramidId) }),
    },
  };
}

/** The stratum of a root action's condition: its `logi-stratum` extension, else an expression `%stratum = '…'` (bundles exported before the extension). */
export function readStratum(condition: PlanCondition | undefined): string | undefined {
  const extension = condition?.extension?.find((e) => e.url === EXTENSION.stratum)?.valueString;
  if (extension !== undefined) return extension;
  const match = /^%stratum = '((?:[^'\\]|\\.)*)'$/.exec(condition?.expression?.expression ?? '');
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
