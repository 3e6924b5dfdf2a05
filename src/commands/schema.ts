import path from 'node:path';
import { Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { writeFileAtomic } from '../io/atomic.js';
import { generateJsonSchemas, serializeSchema } from '../language/jsonschema.js';
import { simulationOutputSchemas } from '../sim/schemas.js';

interface SchemaResult {
  directory?: string;
  files: { kind: string; fileName: string; schema?: Record<string, unknown> }[];
}

export default class Schema extends LogiCommand {
  static override summary = 'Write one JSON Schema per document kind, and the schema of results.json (generated from the code\'s own definitions).';
  static override description =
    'Editors use these schemas to complete and check YAML as you type: start a file with `# yaml-language-server: $schema=path/to/logigramme.schema.json`. Without --out, prints the list of schemas (or, with --json, the schemas themselves).';
  static override examples = [
    { description: 'Write the schemas into docs/schemas', command: '<%= config.bin %> <%= command.id %> --out docs/schemas' },
    { description: 'Print every schema as JSON', command: '<%= config.bin %> <%= command.id %> --json' },
  ];
  static override flags = { out: Flags.string({ char: 'o', description: 'folder to write the schemas into' }) };

  async run(): Promise<SchemaResult> {
    const { flags } = await this.parse(Schema);
    const schemas = [...generateJsonSchemas(), ...simulationOutputSchemas()];
    if (flags.out) {
      for (const schema of schemas) await writeFileAtomic(path.join(flags.out, schema.fileName), serializeSchema(schema));
      if (!this.jsonEnabled()) this.logInert(`✔ wrote ${schemas.length} schemas to ${flags.out}: ${schemas.map((s) => s.fileName).join(', ')}`);
      return { directory: path.resolve(flags.out), files: schemas.map((s) => ({ kind: s.kind, fileName: s.fileName })) };
    }
    if (!this.jsonEnabled()) {
      for (const schema of schemas) this.log(`${schema.kind.padEnd(11)} ${schema.fileName}`);
      this.log('Use --out DIR to write them, or --json to print them.');
    }
    return { files: schemas.map((s) => ({ kind: s.kind, fileName: s.fileName, schema: s.schema })) };
  }
}
