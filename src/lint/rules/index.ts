import type { Rule } from '../rule.js';
import noUnknownTarget from './no-unknown-target.js';

/** Every built-in rule. A new rule is one file in this folder, listed here. */
export const BUILTIN_RULES: readonly Rule[] = [noUnknownTarget];
