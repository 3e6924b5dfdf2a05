/**
 * The library API of logi, usable without the CLI: load and lint a workspace, generate the
 * language's JSON Schemas, render logigrammes and pyramids, and simulate a scenario.
 */
export type { Diagnostic, Position, Range, Severity } from './language/diagnostic.js';
export { generateJsonSchemas } from './language/jsonschema.js';
export * as schemas from './language/schemas/index.js';
export { findConfig, loadWorkspace, type LoadedDocument, type Workspace } from './language/workspace.js';
export { lint, type LintResult } from './lint/engine.js';
export { compileModel, type Model } from './sim/model.js';
export { runModel } from './sim/runner.js';
export { buildResults, ResultsSchema, type Results } from './sim/results.js';
export { simulate, type Simulation, type SimulateOptions } from './sim/simulate.js';
export { summariesCsv } from './sim/csv.js';
export { logigrammeToMermaid, type MermaidOptions } from './render/mermaid.js';
export { logigrammeToMemo } from './render/memo.js';
export { memoSheetHtml } from './render/sheet.js';
export { pyramidToSvg } from './render/pyramid.js';
export { findBrowser, BrowserNotFoundError, type FoundBrowser } from './render/browser.js';
export { renderTargets, renderText, renderBrowserTarget, type RenderFormat } from './render/batch.js';
export { RenderSession } from './render/session.js';
