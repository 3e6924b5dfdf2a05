/**
 * The posterior sample files that documentation examples of ParameterSets name: lint reads them
 * (rule parameter-set-path), so a test that lints an example writes one beside it — a header of
 * the example's first parameter path and one set, its first value when it is a number (else 1).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export function writePosteriors(dir: string, yaml: string): void {
  for (const block of yaml.split(/^---$/m)) {
    const posterior = /^posterior: (\S+)$/m.exec(block)?.[1];
    if (!posterior) continue;
    const first = /path: ([^,}\n]+?)\s*,\s*value: ([\d.]+)?/.exec(block);
    writeFileSync(path.join(dir, posterior), `${first?.[1] ?? ''}\n${first?.[2] ?? '1'}\n`);
  }
}
