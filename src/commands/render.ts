import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { writeFileAtomic } from '../io/atomic.js';
import { lint } from '../lint/engine.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import { renderText, type TextFormat } from '../render/text.js';

export default class Render extends LogiCommand {
  static override summary = 'Render logigrammes as Mermaid flowcharts (mmd) or Markdown memo sheets (md).';
  static override description = `Writes one file per logigramme found in the given files or folders (default: the workspace), named after its id. The Mermaid text is deterministic, every label quoted and escaped; the memo sheet (fiche mémo) holds the diagram, the table of actions (profession, frequency, grade, source) and the sources. Rendering to SVG, PNG and PDF through a browser is not available yet.

The workspace must lint clean (errors are printed, exit 2).`;
  static override examples = [
    { description: 'Memo sheets of the bundled guidelines', command: '<%= config.bin %> <%= command.id %> guidelines --format md --out out/memos' },
    { description: 'Mermaid text of one logigramme', command: '<%= config.bin %> <%= command.id %> guidelines/diabete-t2/s2-suivi.yaml --format mmd --out out/mmd' },
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'files or folders holding logigrammes (default: the workspace)', required: false }) };
  static override flags = {
    format: Flags.string({ char: 'f', description: 'output format', options: ['mmd', 'md'], default: 'md' }),
    out: Flags.string({ char: 'o', description: 'folder to write into', default: 'out/render' }),
  };

  async run(): Promise<{ out: string; files: string[] }> {
    const { argv, flags } = await this.parse(Render);
    const result = await lint({ paths: argv as string[] });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 || result.exitCode === 2) {
      if (!this.jsonEnabled()) process.stderr.write(`${formatStylish(errors, { color: false, sources: new Map() })}\n`);
      return this.fail(`the input has ${errors.length} error${errors.length === 1 ? '' : 's'}: nothing was written`, 'fix them first; `logi lint` shows them with their context');
    }
    const files = renderText(result.workspace, flags.format as TextFormat);
    if (files.length === 0) return this.fail('no logigramme found in the given paths', 'give a folder or file that holds `kind: Logigramme` documents');
    const written: string[] = [];
    for (const file of files) {
      const target = path.join(flags.out, file.name);
      await writeFileAtomic(target, file.content);
      written.push(target);
    }
    if (!this.jsonEnabled()) this.log(`✔ wrote ${written.length} ${flags.format === 'md' ? 'memo sheet' : 'Mermaid file'}${written.length === 1 ? '' : 's'} to ${flags.out}`);
    return { out: path.resolve(flags.out), files: written };
  }
}
