/**
 * Errors of a results folder that a user can act on (a missing, cut or edited file; a disk that
 * refuses summary.parquet). They extend `UsageError`, so every command reports them as `logi: …`
 * with a hint and exit code 2.
 */
import { UsageError } from '../language/workspace.js';

export class ResultsError extends UsageError {
  constructor(message: string, hint: string) {
    super(message, hint);
    this.name = 'ResultsError';
  }
}
