/** What running pathway tests gives: one result per case, its failures placed in their files. */
import type { Range } from '../language/diagnostic.js';

export type CaseKind = 'paths' | 'flows' | 'outcomes';
/** `pass`; `fail`: an expectation does not hold; `error`: the case cannot run (unusable input). */
export type CaseStatus = 'pass' | 'fail' | 'error';

/** A place in a file, as diagnostics give it. */
export interface Place {
  file: string;
  range: Range;
}

/** One expectation that does not hold (or why the case cannot run). */
export interface Failure extends Place {
  message: string;
  hint?: string;
  /** The value found, as data (a path, a share, a number), for `--format json`. */
  actual?: unknown;
  /** Where the cause lies in the tested files: the decision with no branch for the value, say. */
  cause?: Place & { message: string };
  /** True when the case cannot run at all (an outcome its results do not have): its status is then `error`. */
  error?: boolean;
}

export interface CaseResult extends Place {
  kind: CaseKind;
  /** The id of the PathwayTest document. */
  test: string;
  name: string;
  status: CaseStatus;
  failures: Failure[];
  /** Milliseconds spent on the case (a shared simulation counts for the first case that ran it). */
  duration: number;
}

export interface TestRun {
  results: CaseResult[];
  passed: number;
  failed: number;
  errors: number;
  /** 0 every case passes, 1 a case fails, 2 a case cannot run or a test file is unusable. */
  exitCode: 0 | 1 | 2;
  /** Files rewritten by `--update`, with the cases written in each. */
  updated: { file: string; cases: number }[];
}

export function exitCodeOf(results: readonly CaseResult[], unusable = false): 0 | 1 | 2 {
  if (unusable || results.some((r) => r.status === 'error')) return 2;
  return results.some((r) => r.status === 'fail') ? 1 : 0;
}
