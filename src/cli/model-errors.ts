/**
 * How the commands that run a scenario (simulate, calibrate, sensitivity, sweep) answer a refused
 * input: a workspace that does not lint clean (its findings printed on stderr, unless --json), or
 * an invalid parameter or model, named with its file:line:column. One home, so that they all say
 * it the same way.
 */
import { formatStylish } from '../lint/formatters/stylish.js';
import { t } from '../i18n/catalogue.js';
import { ModelError } from '../sim/model-error.js';
import { ParameterError } from '../sim/parameters.js';
import { InvalidInputError } from '../sim/simulate.js';
import { colourFor } from './colour.js';

/** The message and hint of a refused input, or undefined for any other error (which the caller rethrows). */
export function refusedInput(error: unknown, json: boolean): { message: string; hint?: string } | undefined {
  if (error instanceof InvalidInputError) {
    if (!json) process.stderr.write(`${formatStylish(error.diagnostics, { color: colourFor(process.stderr), sources: new Map() })}\n`);
    return { message: error.message, hint: t('cli.simulate.fix-errors.hint') };
  }
  if (error instanceof ParameterError || error instanceof ModelError) {
    const place = error.place ? `${error.place.file}:${error.place.line}:${error.place.column}: ` : '';
    return { message: `${place}${error.message}`, hint: error.hint };
  }
  return undefined;
}
