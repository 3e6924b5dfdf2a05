/**
 * JSON Schemas generated from the zod schemas: one per kind, for editors (yaml-language-server).
 * The zod schemas give the structure; src/language/schema-docs/ gives every key its description
 * and examples, written in one language per schema (`logi schema --lang fr|en`): a clinician
 * reads hovers and completions in their own language, and a description is half as long as a
 * bilingual one.
 */
import { z } from 'zod';
import { translate } from '../i18n/catalogue.js';
import { currentLanguage, type Lang } from '../i18n/language.js';
import { ConfigDocument } from './schemas/config.js';
import { ID_PATTERN, KIND_SCHEMAS, KINDS, TRANSITION_PATTERN, type Kind } from './schemas/index.js';
import { FORM_TITLES, KIND_TITLES, keyDoc, NODE_TITLE, NODE_VARIANTS, type NodeType, type SchemaKind } from './schema-docs/index.js';
import { everySchema, isSchema, schemasAt, walkSchema, type JsonSchema } from './schema-docs/walk.js';
import { collectWorkspaceIds, offerWorkspaceIds, type WorkspaceIds } from './schema-docs/workspace.js';
import type { Workspace } from './workspace.js';

export interface GeneratedSchema {
  /** File name, e.g. `logigramme.schema.json`. */
  fileName: string;
  kind: Kind | 'Config' | 'Results';
  schema: Record<string, unknown>;
}

export function schemaFileName(kind: Kind | 'Config'): string {
  return `${kind === 'Config' ? 'logi.config' : kind.toLowerCase()}.schema.json`;
}

/** zod's own descriptions are English and partial: the schema-docs replace them all. */
function stripDescriptions(schema: JsonSchema): void {
  everySchema(schema, (node) => delete node.description);
}

/** Node types in the order completion and messages list them. */
const NODE_ORDER = Object.keys(NODE_VARIANTS) as NodeType[];

function nodeVariantType(variant: unknown): string | undefined {
  if (!isSchema(variant) || !isSchema(variant.properties) || !isSchema(variant.properties.type)) return undefined;
  const constant = variant.properties.type.const;
  return typeof constant === 'string' ? constant : undefined;
}

/**
 * A node is one of five variants chosen by `type`. zod writes a `oneOf`, which editors report
 * through its closest alternative ("Value must be start | action | refer": the other types go
 * unnamed). Here `type` is checked once, against an enum of the five, and each variant applies
 * through `if type is X then …`: a mistyped `type` gives one error naming all five, and the keys
 * of a typed node are those of its variant. Each variant has a title and a snippet, so that
 * completion offers "action node", "decision node"… rather than five identical items.
 */
function discriminateNodes(schema: JsonSchema, lang: Lang): void {
  for (const node of schemasAt(schema, ['nodes', '*'])) {
    const variants = (node.oneOf ?? node.anyOf) as unknown[] | undefined;
    if (!Array.isArray(variants) || !variants.every((v) => nodeVariantType(v) !== undefined)) continue;
    const byType = new Map(variants.map((v) => [nodeVariantType(v) as NodeType, v as JsonSchema]));
    const types = [...NODE_ORDER.filter((t) => byType.has(t)), ...[...byType.keys()].filter((t) => !NODE_ORDER.includes(t))];
    // The keys every type has (label, phase, note) are completed even before `type` is written.
    const first = byType.get(types[0]!)!.properties as JsonSchema;
    const shared = Object.keys(first).filter((k) => k !== 'type' && [...byType.values()].every((v) => isSchema(v.properties) && Object.hasOwn(v.properties, k)));
    delete node.oneOf;
    delete node.anyOf;
    Object.assign(node, {
      type: 'object',
      title: NODE_TITLE[lang],
      properties: {
        type: {
          type: 'string',
          enum: types,
          enumDescriptions: types.map((t) => NODE_VARIANTS[t]?.description[lang] ?? t),
          errorMessage: translate(lang, 'editor.node-type.unknown', { types }),
        },
        ...Object.fromEntries(shared.map((k) => [k, structuredClone(first[k])])),
      },
      required: ['type'],
      allOf: types.map((t) => ({
        // `type: 'object'`: a node still empty (`id:` and nothing) matches no variant, rather than all five.
        if: { type: 'object', properties: { type: { const: t } }, required: ['type'] },
        then: { ...byType.get(t), title: NODE_VARIANTS[t]?.title[lang] ?? t, description: NODE_VARIANTS[t]?.description[lang] ?? t },
      })),
      defaultSnippets: types.flatMap((t) => {
        const variant = NODE_VARIANTS[t];
        return variant ? [{ label: variant.title[lang], description: variant.description[lang], body: variant.snippet(lang) }] : [];
      }),
    });
  }
}

/**
 * Every property, and every entry of a map or list that is an object, gets its description and
 * examples; so does each named definition (a recursive schema such as the Pyramid's `criterion`),
 * whose keys are documented under its name (`criterion.diagnosis`).
 */
function documentKeys(schema: JsonSchema, kind: SchemaKind, lang: Lang): void {
  const document = (node: JsonSchema, path: readonly string[]) => {
    const doc = keyDoc(kind, path);
    if (!doc) return;
    node.description = doc[lang];
    // A key fixed to one value (a variant's `type: action`) has that value as its only example.
    node.examples = node.const === undefined ? structuredClone(doc.examples) : [node.const];
  };
  walkSchema(schema, (node, path, role) => {
    if (role === 'entry' && node.type !== 'object') return;
    document(node, path);
  });
  const definitions = isSchema(schema.definitions) ? schema.definitions : {};
  for (const [name, definition] of Object.entries(definitions)) {
    if (!isSchema(definition)) continue;
    document(definition, [name]);
    walkSchema(definition, (node, path, role) => role === 'property' && document(node, path), [name]);
  }
}

/** Each form a union allows (a number or a beta distribution…) is named by its title. */
function titleForms(schema: JsonSchema, lang: Lang): void {
  everySchema(schema, (node) => {
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const forms = node[keyword];
      if (!Array.isArray(forms)) continue;
      for (const form of forms) {
        if (!isSchema(form) || !isSchema(form.properties) || form.title !== undefined) continue;
        const keys = Object.keys(form.properties).sort().join(',');
        if (Object.hasOwn(FORM_TITLES, keys)) form.title = FORM_TITLES[keys]![lang];
      }
    }
  });
}

/** The editor's message for a malformed id or transition: the linter's own words, in the schema's language. */
function explainPatterns(schema: JsonSchema, lang: Lang): void {
  everySchema(schema, (node) => {
    if (node.pattern === ID_PATTERN.source) node.patternErrorMessage = translate(lang, 'language.schema.id-rule');
    else if (node.pattern === TRANSITION_PATTERN.source) node.patternErrorMessage = translate(lang, 'language.schema.transition-key');
  });
}

function generate(kind: Kind | 'Config', zodSchema: z.ZodType, lang: Lang): GeneratedSchema {
  // `io: 'input'` so that keys with defaults are optional, as the author writes them.
  const json = z.toJSONSchema(zodSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  stripDescriptions(json);
  if (kind === 'Logigramme') discriminateNodes(json, lang);
  documentKeys(json, kind, lang);
  titleForms(json, lang);
  explainPatterns(json, lang);
  return { fileName: schemaFileName(kind), kind, schema: { ...json, title: KIND_TITLES[kind][lang] } };
}

/** Every schema, in a stable order, ready to be written as JSON, in `lang` (default: the current language). */
export function generateJsonSchemas(lang: Lang = currentLanguage()): GeneratedSchema[] {
  return [...KINDS.map((kind) => generate(kind, KIND_SCHEMAS[kind] as unknown as z.ZodType, lang)), generate('Config', ConfigDocument, lang)];
}

/**
 * The schemas of one workspace (`logi schema --workspace`): the generic ones, whose references
 * also offer the ids the workspace defines (src/language/schema-docs/workspace.ts).
 */
export function generateWorkspaceSchemas(workspace: Workspace, lang: Lang = currentLanguage()): { schemas: GeneratedSchema[]; ids: WorkspaceIds } {
  const ids = collectWorkspaceIds(workspace, lang);
  const schemas = generateJsonSchemas(lang);
  for (const generated of schemas) if (generated.kind !== 'Config' && generated.kind !== 'Results') offerWorkspaceIds(generated.schema, generated.kind, ids);
  return { schemas, ids };
}

/**
 * Output schemas documented beside the input ones: `results.json` of `logi simulate`. Generated
 * from the zod schema the code itself builds its results against.
 */
export function generateOutputSchemas(outputs: { kind: string; fileName: string; title: string; schema: z.ZodType }[]): GeneratedSchema[] {
  return outputs.map((o) => ({
    fileName: o.fileName,
    kind: o.kind as GeneratedSchema['kind'],
    schema: { ...(z.toJSONSchema(o.schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>), title: o.title },
  }));
}

export function serializeSchema(schema: GeneratedSchema): string {
  return `${JSON.stringify(schema.schema, null, 2)}\n`;
}
