/**
 * `ro-crate-metadata.json`: the package described as an RO-Crate 1.1 (https://w3id.org/ro/crate/1.1),
 * the research-object packaging that research repositories read. Sections of the specification:
 *
 * - "Root Data Entity" / "RO-Crate Metadata File Descriptor": the descriptor `ro-crate-metadata.json`
 *   (CreativeWork, `conformsTo` the 1.1 permalink, `about` the root `./`);
 * - "Direct properties of the Root Data Entity": `./` is a Dataset with `name`, `description`,
 *   `datePublished` (ISO 8601) and `license` — the scenario's licence, else a sentence saying that
 *   none was given (the specification allows "a textual description of how the RO-Crate may be used");
 * - "Data Entities": every file is a `File` whose `@id` is its path relative to the crate's root,
 *   linked from the root by `hasPart`, with `contentSize`, `encodingFormat` and `sha256` (schema.org's
 *   term, added to the context: the 1.1 context predates it);
 * - "Provenance" ("Software used to create files"): a CreateAction whose `instrument` is logi at its
 *   version, `object` the inputs and `result` the outputs — each file's role in the run;
 * - "Contextual Entities" ("People"): the scenario's authors, by ORCID when given.
 *
 * Everything is in English and in a fixed order: the same run gives the same bytes, whatever the
 * language or the locale (docs/reproducibility.md).
 */
import type { CollectedRun, FileRole, PackageFile } from './collect.js';
import type { ToolRecord } from './tool.js';

export const CRATE_FILE = 'ro-crate-metadata.json';
export const PACKAGE_FILE = 'logi-package.json';
export const RO_CRATE_1_1 = 'https://w3id.org/ro/crate/1.1';

type Entity = Record<string, unknown> & { '@id': string };
const ref = (id: string) => ({ '@id': id });

const FORMATS: Record<string, string> = {
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.parquet': 'application/vnd.apache.parquet',
  '.html': 'text/html',
  '.md': 'text/markdown',
  '.svg': 'image/svg+xml',
};

function encodingFormat(name: string): string {
  const dot = name.lastIndexOf('.');
  return FORMATS[dot >= 0 ? name.slice(dot).toLowerCase() : ''] ?? 'application/octet-stream';
}

const ROLE_WORDS: Record<FileRole, string> = {
  input: 'Input of the run: a workspace document it read, byte for byte (path relative to the workspace root under workspace/).',
  configuration: "The workspace's logi.config.yaml: which files are its documents and how lint checks them.",
  workspace: 'Another document of the workspace: not read by the run, packaged so that the workspace lints as it did (a territory names every pyramid it counts).',
  output: 'Output of the run, as it wrote it.',
  draws: 'Output of the run: every iteration\'s drawn parameters and valuation (simulate --draws).',
};

/** A `@id` is a URI reference: `/` kept, anything else that URIs reserve percent-encoded ("Encoding file paths"). */
export function fileId(name: string): string {
  return name
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function fileEntity(file: PackageFile): Entity {
  return {
    '@id': fileId(file.name),
    '@type': 'File',
    name: file.name.split('/').at(-1)!,
    description: ROLE_WORDS[file.role],
    encodingFormat: encodingFormat(file.name),
    contentSize: String(file.size),
    sha256: file.sha256,
  };
}

const SPDX = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;

/** The root's `license` and its contextual entity: an URL or an SPDX id becomes an entity; a sentence stays text. */
function licenseOf(license: string | undefined): { value: unknown; entities: Entity[] } {
  if (license === undefined) return { value: 'No licence was given by the scenario (its `license` key): ask its authors before reusing these results.', entities: [] };
  if (/^https?:\/\//i.test(license)) return { value: ref(license), entities: [{ '@id': license, '@type': 'CreativeWork', name: license }] };
  if (SPDX.test(license)) {
    const id = `https://spdx.org/licenses/${license}`;
    return { value: ref(id), entities: [{ '@id': id, '@type': 'CreativeWork', name: license, identifier: license }] };
  }
  return { value: license, entities: [] };
}

function authorEntities(run: CollectedRun): Entity[] {
  return (run.scenario.authors ?? []).map((author, k) => ({
    '@id': author.orcid ? `https://orcid.org/${author.orcid}` : `#author-${k + 1}`,
    '@type': 'Person',
    name: author.name,
    ...(author.affiliation ? { affiliation: author.affiliation } : {}),
  }));
}

function describeRun(run: CollectedRun): string {
  const { invocation, manifest } = run;
  return `logi ${invocation.command} ${invocation.target}, seed ${manifest.seed}, with logi ${manifest.version}`;
}

/** The RO-Crate of a package. `date` is its publication date, YYYY-MM-DD. */
export function buildCrate(run: CollectedRun, tool: ToolRecord, date: string): { '@context': unknown; '@graph': Entity[] } {
  const files = run.files.map(fileEntity);
  const license = licenseOf(run.scenario.license);
  const authors = authorEntities(run);
  const packageFile: Entity = { '@id': PACKAGE_FILE, '@type': 'File', name: PACKAGE_FILE, description: 'How to run again: the invocation, the tool and its dependencies\' versions, the platform (logi verify reads it).', encodingFormat: 'application/json' };
  const root: Entity = {
    '@id': './',
    '@type': 'Dataset',
    name: run.scenario.title ?? run.scenario.id,
    description: run.scenario.description ?? describeRun(run),
    datePublished: date,
    license: license.value,
    ...(authors.length > 0 ? { author: authors.map((a) => ref(a['@id'])) } : {}),
    hasPart: [ref(PACKAGE_FILE), ...files.map((f) => ref(f['@id']))],
  };
  const software: Entity = { '@id': '#logi', '@type': 'SoftwareApplication', name: tool.name, version: tool.version };
  const action: Entity = {
    '@id': '#run',
    '@type': 'CreateAction',
    name: describeRun(run),
    instrument: ref('#logi'),
    object: run.files.filter((f) => f.role === 'input' || f.role === 'configuration').map((f) => ref(fileId(f.name))),
    result: run.files.filter((f) => f.role === 'output' || f.role === 'draws').map((f) => ref(fileId(f.name))),
  };
  const descriptor: Entity = { '@id': CRATE_FILE, '@type': 'CreativeWork', conformsTo: ref(RO_CRATE_1_1), about: ref('./') };
  return {
    '@context': [`${RO_CRATE_1_1}/context`, { sha256: 'http://schema.org/sha256' }],
    '@graph': [descriptor, root, packageFile, ...files, software, action, ...authors, ...license.entities],
  };
}
