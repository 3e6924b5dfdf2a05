/**
 * Distributions: the YAML forms and their parameters (forms.ts, the formulas), the exact samplers
 * (samplers.ts), and one draw of a distribution (`sample`).
 */
import type { Distribution } from './forms.js';
import { betaSample, standardGamma, standardNormal, triangularSample } from './samplers.js';
import type { Uniform } from '../random.js';

export * from './forms.js';
export * from './samplers.js';

/** One draw of `d` from the stream `uniform`. */
export function sample(d: Distribution, uniform: Uniform): number {
  switch (d.kind) {
    case 'fixed':
      return d.central;
    case 'beta':
      return betaSample(uniform, d.alpha, d.beta);
    case 'gamma':
      return standardGamma(uniform, d.shape) * d.scale;
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * standardNormal(uniform));
    case 'normal':
      return d.mean + d.sd * standardNormal(uniform);
    case 'uniform':
      return d.low + (d.high - d.low) * uniform();
    case 'triangular':
      return triangularSample(uniform, d.low, d.mode, d.high);
  }
}
