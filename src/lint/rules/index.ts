import type { Rule } from '../rule.js';
import actionFrequencyRequired from './action-frequency-required.js';
import branchProbabilitiesSum from './branch-probabilities-sum.js';
import byYearHorizon from './by-year-horizon.js';
import calibrationReference from './calibration-reference.js';
import ci95Consistent from './ci95-consistent.js';
import conditionCoverage from './condition-coverage.js';
import consistentUnits from './consistent-units.js';
import coverageRelative from './coverage-relative.js';
import criteriaBottomIgnored from './criteria-bottom-ignored.js';
import criteriaCodeShape from './criteria-code-shape.js';
import criteriaNumericGaps from './criteria-numeric-gaps.js';
import criteriaUnreachableStratum from './criteria-unreachable-stratum.js';
import decisionNeedsTwoBranches from './decision-needs-two-branches.js';
import effectCombinations from './effect-combinations.js';
import effectDuration from './effect-duration.js';
import effectTargetsTransition from './effect-targets-transition.js';
import evidenceRequired from './evidence-required.js';
import gradeScaleRequired from './grade-scale-required.js';
import frequencyShorthand from './frequency-shorthand.js';
import inflowGrowth from './inflow-growth.js';
import knownActor from './known-actor.js';
import knownReference from './known-reference.js';
import knownSource from './known-source.js';
import labelLength from './label-length.js';
import labelRepeatsFrequency from './label-repeats-frequency.js';
import lognormalMedian from './lognormal-median.js';
import moveToStratum from './move-to-stratum.js';
import noCycle from './no-cycle.js';
import noDeadEnd from './no-dead-end.js';
import noUnknownTarget from './no-unknown-target.js';
import noUnreachableNode from './no-unreachable-node.js';
import noUnusedPhase from './no-unused-phase.js';
import noUnusedSource from './no-unused-source.js';
import onTransferNeedsRetention from './on-transfer-needs-retention.js';
import parameterFeasible from './parameter-feasible.js';
import parameterSetPath from './parameter-set-path.js';
import programCostStrata from './program-cost-strata.js';
import utilityComplete from './utility-complete.js';
import pyramidCoverage from './pyramid-coverage.js';
import sourceUrlScheme from './source-url-scheme.js';
import startRequired from './start-required.js';
import stratumExists from './stratum-exists.js';
import targetReference from './target-reference.js';
import territoryCounts from './territory-counts.js';
import testKnownNode from './test-known-node.js';
import testOutcomePath from './test-outcome-path.js';
import testValueRange from './test-value-range.js';
import transitionRowSum from './transition-row-sum.js';

/** Every built-in rule, in the order `logi rules` lists them. A new rule is one file in this folder, listed here. */
export const BUILTIN_RULES: readonly Rule[] = [
  // Flowchart structure
  startRequired,
  noUnknownTarget,
  noUnreachableNode,
  noDeadEnd,
  noCycle,
  decisionNeedsTwoBranches,
  // Decisions
  branchProbabilitiesSum,
  conditionCoverage,
  consistentUnits,
  // Actions and evidence
  actionFrequencyRequired,
  frequencyShorthand,
  knownActor,
  evidenceRequired,
  gradeScaleRequired,
  knownSource,
  noUnusedSource,
  sourceUrlScheme,
  noUnusedPhase,
  labelLength,
  labelRepeatsFrequency,
  // Numbers and distributions
  parameterFeasible,
  lognormalMedian,
  ci95Consistent,
  // Pyramid, territories, programs, scenarios
  effectTargetsTransition,
  effectCombinations,
  stratumExists,
  transitionRowSum,
  territoryCounts,
  inflowGrowth,
  pyramidCoverage,
  coverageRelative,
  // Stratum criteria (docs/stratify.md)
  criteriaCodeShape,
  criteriaUnreachableStratum,
  criteriaNumericGaps,
  criteriaBottomIgnored,
  // Program dynamics: lasting effects, detection moves, values by year, program costs
  effectDuration,
  moveToStratum,
  byYearHorizon,
  onTransferNeedsRetention,
  programCostStrata,
  utilityComplete,
  // Calibration: targets, calibrations, parameter sets
  targetReference,
  calibrationReference,
  parameterSetPath,
  // Pathway tests (docs/testing.md)
  testKnownNode,
  testValueRange,
  testOutcomePath,
  knownReference,
];
