/** The JSON Schemas of the simulation's outputs, for `logi schema` and docs/schemas. */
import { generateOutputSchemas, type GeneratedSchema } from '../language/jsonschema.js';
import { ResultsSchema } from './results.js';

export function simulationOutputSchemas(): GeneratedSchema[] {
  return generateOutputSchemas([{ kind: 'Results', fileName: 'results.schema.json', title: 'logi simulate: results.json', schema: ResultsSchema }]);
}
