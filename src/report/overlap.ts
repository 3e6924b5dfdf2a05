/**
 * Overlaps between pyramids (docs/report.md, "People counted in two pyramids"): when the scenario's
 * pyramid states that some of its people are also counted by another pyramid, the report says so
 * where figures invite adding (the summary and next to the FTE), with the pyramid's own assumption.
 * The simulation never subtracts them: logi does not know who, in a territory, is in both.
 */
import type { Block } from './document.js';
import type { ReportContext } from './context.js';

/** One flagged paragraph per overlap the results carry; none when the pyramid states none. */
export function overlapWarnings(ctx: ReportContext): Block[] {
  const stratumList = (ids: readonly string[]) => ids.join(', ');
  return (ctx.results.overlaps ?? []).map((overlap) => ({
    kind: 'paragraph',
    flag: 'warn',
    text: ctx.t('report.overlap.warning', {
      pyramid: overlap.pyramidTitle,
      strata: stratumList(overlap.strata.map(ctx.stateLabel)),
      otherStrata: overlap.otherStrata ? stratumList(overlap.otherStrata) : '',
      note: overlap.note,
    }),
  }));
}

/**
 * The note above the FTE table, flagged and followed by one short sentence per other pyramid (the
 * strata of all its overlaps together) when the pyramid states overlaps; unchanged otherwise. The
 * summary holds the assumptions in full.
 */
export function withOverlapFteWarning(ctx: ReportContext, note: Block): Block {
  const strataByPyramid = new Map<string, string[]>();
  for (const overlap of ctx.results.overlaps ?? []) {
    const strata = strataByPyramid.get(overlap.pyramidTitle) ?? [];
    for (const stratum of overlap.strata) if (!strata.includes(stratum)) strata.push(stratum);
    strataByPyramid.set(overlap.pyramidTitle, strata);
  }
  if (strataByPyramid.size === 0 || note.kind !== 'paragraph') return note;
  const warnings = [...strataByPyramid].map(([pyramid, strata]) => ctx.t('report.overlap.fte', { pyramid, strata: strata.join(', ') }));
  return { kind: 'paragraph', flag: 'warn', text: [note.text, ...warnings].join(' ') };
}
