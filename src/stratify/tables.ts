/**
 * The input schema of `logi stratify` (docs/stratify.md, "Input data") as data: the tables, their
 * columns, types and which are required; and which tables a set of criteria reads. The loader
 * (load.ts) validates the files against it, the SQL compiler (sql.ts) reads the normalised tables.
 */
import type { Criterion } from '../criteria/types.js';

export type ColumnType = 'text' | 'code' | 'date' | 'double' | 'boolean' | 'sex';

export interface ColumnSpec {
  name: string;
  /** `code`: text normalised as codes.ts does (upper case, dots and white space removed). */
  type: ColumnType;
  /** A required column must be in the file, and every row must have a value. */
  required: boolean;
}

export const TABLE_NAMES = ['patients', 'diagnoses', 'dispensations', 'labs', 'stays', 'acts'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const id: ColumnSpec = { name: 'patient_id', type: 'text', required: true };
const date = (name: string, required = true): ColumnSpec => ({ name, type: 'date', required });

export const INPUT_TABLES: Readonly<Record<TableName, readonly ColumnSpec[]>> = {
  patients: [id, date('birth_date'), { name: 'sex', type: 'sex', required: true }, { name: 'territory', type: 'text', required: true }, date('death_date', false)],
  diagnoses: [id, { name: 'code', type: 'code', required: true }, date('date'), { name: 'ald', type: 'boolean', required: false }],
  dispensations: [id, { name: 'atc', type: 'code', required: true }, date('date')],
  labs: [id, { name: 'test', type: 'text', required: true }, { name: 'value', type: 'double', required: true }, date('date')],
  stays: [id, date('admission'), date('discharge', false), { name: 'main_diagnosis', type: 'code', required: true }],
  acts: [id, { name: 'code', type: 'code', required: true }, date('date')],
};

/** The SQL type each column has in the normalised tables (the same in DuckDB, PostgreSQL and Spark but for text). */
export const NORMALISED_TYPES: Readonly<Record<ColumnType, 'VARCHAR' | 'DATE' | 'DOUBLE' | 'BOOLEAN'>> = {
  text: 'VARCHAR',
  code: 'VARCHAR',
  sex: 'VARCHAR',
  date: 'DATE',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
};

/**
 * The normalised `labs` table has one column more than the file: `value_text`, the value as
 * written in the data, that the reason quotes (`HbA1c 8.40 %`), since engines print a DOUBLE
 * each their own way.
 */
export const LABS_VALUE_TEXT = 'value_text';

/** The tables a criterion reads (patients aside: always read). */
function criterionTables(criterion: Criterion, into: Set<TableName>): void {
  switch (criterion.kind) {
    case 'all':
    case 'any':
      for (const child of criterion.of) criterionTables(child, into);
      return;
    case 'not':
      criterionTables(criterion.of, into);
      return;
    case 'diagnosis':
      into.add('diagnoses');
      return;
    case 'dispensation':
      into.add('dispensations');
      return;
    case 'lab':
      into.add('labs');
      return;
    case 'stay':
      into.add('stays');
      return;
    case 'act':
      into.add('acts');
      return;
    default:
      return;
  }
}

/**
 * The tables the criteria need, in TABLE_NAMES' order: `patients` always, the others when some
 * criterion reads them. `acts` is optional in every case (docs/stratify.md): a missing acts file
 * is read as an empty table.
 */
export function tablesNeeded(criteria: readonly (Criterion | undefined)[]): TableName[] {
  const used = new Set<TableName>(['patients']);
  for (const criterion of criteria) if (criterion) criterionTables(criterion, used);
  return TABLE_NAMES.filter((name) => used.has(name));
}

/** Whether a missing file for `table` is an error when the criteria read it. */
export function tableIsOptional(table: TableName): boolean {
  return table === 'acts';
}
