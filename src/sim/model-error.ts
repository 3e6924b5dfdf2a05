/** A scenario or model the simulation cannot compile, with the place in the YAML that says why. */
import type { Place } from './parameters.js';

export class ModelError extends Error {
  constructor(
    message: string,
    readonly place?: Place,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}
