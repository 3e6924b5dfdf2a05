import { z } from 'zod';

export const RuleSetting = z.enum(['off', 'warn', 'error']);

/** `logi.config.yaml`: marks the root of a workspace. It has no `kind`. */
export const ConfigDocument = z.strictObject({
  include: z.array(z.string().min(1)).optional().describe('Folders or files (relative to this file) that hold the workspace\'s documents. Default: this folder.'),
  exclude: z.array(z.string().min(1)).optional().describe('Folder or file names to skip, e.g. `drafts`. node_modules and dot-folders are always skipped.'),
  extends: z.enum(['recommended', 'strict']).optional().describe('Rule preset.'),
  rules: z.record(z.string(), RuleSetting).optional().describe('Severity per rule id.'),
  overrides: z
    .array(z.strictObject({ files: z.array(z.string()).min(1), rules: z.record(z.string(), RuleSetting) }))
    .optional()
    .describe('Rule settings for some files (paths relative to this file; `*` and `**` wildcards).'),
});
export type ConfigDocument = z.infer<typeof ConfigDocument>;
