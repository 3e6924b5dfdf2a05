import path from 'node:path';
import { Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { t, translate } from '../i18n/catalogue.js';
import { writeFileAtomic } from '../io/atomic.js';
import { generateJsonSchemas, generateWorkspaceSchemas, serializeSchema, type GeneratedSchema } from '../language/jsonschema.js';
import type { WorkspaceIds } from '../language/schema-docs/workspace.js';
import { findConfig, loadWorkspace, UsageError } from '../language/workspace.js';
import { simulationOutputSchemas } from '../sim/schemas.js';

interface SchemaResult {
  directory?: string;
  /** With --workspace: the folder of the workspace whose ids the schemas offer. */
  workspace?: string;
  files: { kind: string; fileName: string; schema?: Record<string, unknown> }[];
}

export default class Schema extends LogiCommand {
  static override summary = translate('en', 'cli.command.schema.summary');
  static override description = translate('en', 'cli.command.schema.description');
  static override examples = [
    { description: translate('en', 'cli.command.schema.example.0'), command: '<%= config.bin %> <%= command.id %> --out docs/schemas' },
    { description: translate('en', 'cli.command.schema.example.1'), command: '<%= config.bin %> <%= command.id %> --workspace --out schemas' },
    { description: translate('en', 'cli.command.schema.example.2'), command: '<%= config.bin %> <%= command.id %> --json' },
  ];
  static override flags = {
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.schema.flag.out') }),
    workspace: Flags.boolean({ description: translate('en', 'cli.command.schema.flag.workspace'), default: false }),
  };

  async run(): Promise<SchemaResult> {
    const { flags } = await this.parse(Schema);
    const { schemas: inputs, ids, root } = flags.workspace ? await this.workspaceSchemas() : { schemas: generateJsonSchemas(), ids: undefined, root: undefined };
    const schemas = [...inputs, ...simulationOutputSchemas()];
    const workspace = root === undefined ? {} : { workspace: root };
    if (flags.out) {
      for (const schema of schemas) await writeFileAtomic(path.join(flags.out, schema.fileName), serializeSchema(schema));
      if (!this.jsonEnabled()) this.report(flags.out, schemas, ids, root);
      return { directory: path.resolve(flags.out), ...workspace, files: schemas.map((s) => ({ kind: s.kind, fileName: s.fileName })) };
    }
    if (!this.jsonEnabled()) {
      for (const schema of schemas) this.log(`${schema.kind.padEnd(11)} ${schema.fileName}`);
      this.log(t('editor.schema.use-out'));
    }
    return { ...workspace, files: schemas.map((s) => ({ kind: s.kind, fileName: s.fileName, schema: s.schema })) };
  }

  private async workspaceSchemas(): Promise<{ schemas: GeneratedSchema[]; ids: WorkspaceIds; root: string }> {
    // Without a logi.config.yaml the "workspace" would be every YAML file below the current folder.
    if (!(await findConfig(process.cwd()))) throw new UsageError(t('editor.schema.no-workspace', { directory: process.cwd() }), t('editor.schema.no-workspace.hint'));
    const workspace = await loadWorkspace({});
    return { ...generateWorkspaceSchemas(workspace), root: workspace.root };
  }

  private report(directory: string, schemas: GeneratedSchema[], ids: WorkspaceIds | undefined, root: string | undefined): void {
    this.logInert(t('editor.schema.wrote', { count: schemas.length, directory, files: schemas.map((s) => s.fileName) }));
    if (!ids || root === undefined) return;
    const sources = new Set(Object.values(ids.sources).flatMap((options) => options.map((o) => o.id))).size;
    const shown = path.relative(process.cwd(), root) || '.';
    this.logInert(
      t('editor.schema.workspace-ids', {
        root: shown,
        actors: ids.actors.length,
        pyramids: ids.pyramids.length,
        strata: ids.strata.length,
        logigrammes: ids.logigrammes.length,
        phases: ids.phases.length,
        sources,
      }),
    );
    this.log(t('editor.schema.workspace-refresh'));
  }
}
