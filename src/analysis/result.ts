/**
 * What `logi calibrate` writes to `calibration.json` and what its fit report reads
 * (docs/calibration.md). Every figure is in the unit of the target or the parameter as written in
 * the YAML (a target `per` population with `scale: 1000` is per 1,000 people).
 */

/** A summary of a sample: its mean, standard deviation and 2.5 %, 50 % and 97.5 % quantiles. */
export interface SampleSummary {
  mean: number;
  sd: number;
  p2_5: number;
  p50: number;
  p97_5: number;
}

export interface CalibratedParameter {
  /** The path as written in the Calibration document: `diabete-t2 transitions S1->S2 p`. */
  path: string;
  /** What it is, in the run's language: "transition S1->S2 (p) of pyramid diabete-t2". */
  name: string;
  /** Where the calibrated value is written (the YAML of the model, not the Calibration). */
  file: string;
  line: number;
  column: number;
  /** The prior as written (YAML flow notation), and its summary. */
  prior: { form: string; summary: SampleSummary };
  bounds: [number, number];
  /** The value of the model before calibration (its central value). */
  before: number;
  /** The maximum-likelihood point (Nelder–Mead on the fitting targets' log-likelihood). */
  mle: number;
  /** The point estimate written to point.yaml: the maximum a posteriori (likelihood × priors). */
  point: number;
  posterior: SampleSummary;
  /** Up to 1,000 values of each, for the prior-versus-posterior chart (same order as drawn). */
  priorSample: number[];
  posteriorSample: number[];
}

export interface CalibrationTarget {
  id: string;
  title: string;
  use: 'fit' | 'validation';
  /** The territory, or null for the scenario's territories summed. */
  territory: string | null;
  /** What is measured, in words of the run's language ("people in S2, S3, S4 at the end of year 1"). */
  description: string;
  /** The year (or the two years of a change), model years: 0 is the start. */
  years: number[];
  likelihood: 'normal' | 'poisson' | 'binomial';
  /** The observed value and its 95 % interval (from sd, ci95, or the likelihood's own). */
  observed: { value: number; low: number; high: number };
  /** The model's value: before calibration, at the maximum likelihood, at the point estimate (MAP), and over the posterior sample. */
  model: { before: number; mle: number; point: number; posterior: SampleSummary };
  /** Whether the model's value at the point estimate lies within the observed 95 % interval. */
  withinUncertainty: boolean;
  /** Log-likelihood at the point estimate (fitting targets only count in the fit). */
  logLikelihood: number;
  source: string[];
  file: string;
  line: number;
  column: number;
}

export interface CalibrationResult {
  schemaVersion: 1;
  calibration: { id: string; title: string; scenario: string; file: string };
  manifest: {
    tool: string;
    version: string;
    seed: number;
    draws: number;
    sample: number;
    inputs: { file: string; sha256: string }[];
  };
  fit: {
    /** `sir`, or `imis` when SIR's effective sample size was below the threshold. */
    method: 'sir' | 'imis';
    /** Effective sample size of the final importance weights, and the threshold for "converged". */
    ess: number;
    essThreshold: number;
    converged: boolean;
    /** Model runs: prior draws, IMIS rounds and their draws, Nelder–Mead evaluations. */
    runs: number;
    imisRounds: number;
    /** The maximum-likelihood search, and the maximum-a-posteriori one (the point estimate). */
    nelderMead: { evaluations: number; converged: boolean; logLikelihood: number };
    map: { evaluations: number; converged: boolean; logLikelihood: number; logPosterior: number };
    /** Log-likelihood of the fitting targets before calibration (central values). */
    logLikelihoodBefore: number;
  };
  parameters: CalibratedParameter[];
  targets: CalibrationTarget[];
  /** Warnings in the run's language (a target the model cannot reach, a low ESS…). */
  warnings: string[];
}
