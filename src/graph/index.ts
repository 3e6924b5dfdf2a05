/** Pure flowchart analysis, shared by lint, render and simulate (DESIGN §1). */
export * from './coverage.js';
export * from './effects.js';
export * from './flow.js';
