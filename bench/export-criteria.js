// Exports a pyramid's criteria (the tree of src/criteria/types.ts, in assignment order) as JSON,
// for the pandas peer of the stratify benchmark (bench/stratify_pandas.py).
import { writeFileSync } from 'node:fs';
import { assignmentOrder, pyramidCriteria } from '../dist/criteria/parse.js';
import { loadWorkspace } from '../dist/language/workspace.js';

const [dir, pyramid, out] = process.argv.slice(2);
const workspace = await loadWorkspace({ cwd: dir });
const document = workspace.index.Pyramid.get(pyramid);
if (!document) throw new Error(`no pyramid ${pyramid} in ${dir}`);
const criteria = pyramidCriteria(document.value);
const order = assignmentOrder(criteria).map((s) => ({ stratum: s.stratum, rule: s.rule }));
writeFileSync(out, JSON.stringify({ population: criteria.population ?? null, order, bottom: criteria.strata[0].stratum }));
