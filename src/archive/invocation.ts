/**
 * What `logi verify` needs to make an output set again, recorded in the set's `.logi-output.json`
 * when it is written (issue 21): the command, what it ran (a scenario or a Calibration, by id), and
 * every option that changes the bytes it writes — some of which results.json's manifest does not
 * hold (the CSV delimiter, the report and its language, the per-iteration draws). It lives in
 * `.logi-output.json` rather than in the manifest so that results.json keeps its bytes whatever
 * the delimiter or the report's language (docs/decisions.md, issue 21).
 *
 * The worker count and the locale are recorded with the platform, for the record only: they do not
 * change a byte (docs/simulation.md, "Validation"; test/cli/archive.test.ts).
 */
import os from 'node:os';
import { z } from 'zod';

const Lang = z.enum(['fr', 'en']);
const Mode = z.enum(['stochastic', 'psa', 'expected']);

/** The machine that wrote the set: for the record and for explaining a difference, never re-used. */
export const PlatformSchema = z.object({
  node: z.string().describe('process.version'),
  os: z.string().describe('os.type() and os.release()'),
  arch: z.string(),
  cpus: z.number().int().describe('os.availableParallelism(): the cores the machine offered'),
  workers: z.number().int().describe('worker threads the run was given (results do not depend on it)'),
});
export type Platform = z.infer<typeof PlatformSchema>;

export const SimulateInvocation = z.object({
  command: z.literal('simulate'),
  target: z.string().describe('The scenario id'),
  options: z.object({
    iterations: z.number().int(),
    seed: z.number().int(),
    mode: Mode,
    horizon: z.number().int(),
    csvDelimiter: z.enum([',', ';']),
    report: z.boolean(),
    lang: Lang.describe('The language of the report (the other files do not depend on it)'),
    draws: z.object({ file: z.string().describe('Relative to the output folder, `/`-separated'), sha256: z.string() }).optional(),
  }),
  platform: PlatformSchema,
});

export const CalibrateInvocation = z.object({
  command: z.literal('calibrate'),
  target: z.string().describe('The Calibration id'),
  options: z.object({ draws: z.number().int(), seed: z.number().int(), lang: Lang.describe('calibration.json holds sentences in it') }),
  platform: PlatformSchema,
});

export const SweepInvocation = z.object({
  command: z.literal('sweep'),
  target: z.string().describe('The scenario id'),
  options: z.object({
    vary: z.string(),
    outcomes: z.array(z.string()).optional(),
    territory: z.string().optional(),
    targets: z.array(z.string()).optional(),
    iterations: z.number().int(),
    seed: z.number().int(),
    mode: Mode,
    lang: Lang.describe('sweep.json holds titles in it'),
  }),
  platform: PlatformSchema,
});

export const InvocationSchema = z.discriminatedUnion('command', [SimulateInvocation, CalibrateInvocation, SweepInvocation]);
export type Invocation = z.infer<typeof InvocationSchema>;
export type SimulateRun = z.infer<typeof SimulateInvocation>;
export type CalibrateRun = z.infer<typeof CalibrateInvocation>;
export type SweepRun = z.infer<typeof SweepInvocation>;

/** The commands whose output sets can be archived and verified. */
export const ARCHIVABLE_COMMANDS = ['simulate', 'calibrate', 'sweep'] as const;
export type ArchivableCommand = (typeof ARCHIVABLE_COMMANDS)[number];

/** This machine, as a run on it records itself. */
export function currentPlatform(workers: number): Platform {
  return { node: process.version, os: `${os.type()} ${os.release()}`, arch: process.arch, cpus: os.availableParallelism(), workers };
}
