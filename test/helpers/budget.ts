/**
 * Sample sizes of the long statistical tests. Under mutation testing (`npm run mutation`, which
 * sets LOGI_MUTATION=1 in vitest.mutation.config.ts) every line of src/ is instrumented and runs
 * ten to thirty times slower, and each mutant reruns the tests that cover it: these tests then
 * draw a tenth of their usual sample, and their tolerances, computed from the sample size, widen
 * accordingly. They stay valid tests, with less power, so the mutation score is a lower bound.
 */
export const UNDER_MUTATION = process.env.LOGI_MUTATION === '1';

export function sampleSize(n: number): number {
  return UNDER_MUTATION ? Math.ceil(n / 10) : n;
}
