// Exports the compiled model of a scenario as JSON, for the NumPy peer of the Markov benchmark.
import { writeFileSync } from 'node:fs';
import { loadWorkspace } from '../dist/language/workspace.js';
import { compileModel } from '../dist/sim/model.js';

const [dir, scenario, out] = process.argv.slice(2);
const workspace = await loadWorkspace({ cwd: dir });
const model = await compileModel(workspace, scenario, {});
writeFileSync(out, JSON.stringify(model));
