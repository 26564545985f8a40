import { isRealDate } from '../../../policy-schemas/index.js';
import { DISABILITY_KINDS, HOUSEHOLD_ROLES, MARITAL_STATUSES, RESIDENCES, SEXES, type PersonFacts } from '../../engine/index.js';

/*
 * The facts a cohort's CSV may carry in optional columns after the six it must have, as QuoteInput
 * carries them (the notices decide by them; where one is not given a quote states its assumption).
 * A row's facts are stored as one JSON text (cohort_person.facts), null when it has none, and read
 * back as the engine takes them.
 */

/** The optional columns, in any order after `payment_date`; each at most once. */
export const FACT_COLUMNS = [
  'certifications',
  'disability_grade',
  'disability_kind',
  'multi_disabled_household',
  'residence',
  'household_role',
  'sex',
  'marital_status',
  'insured_earlier_in_year',
] as const;
export type FactColumn = (typeof FACT_COLUMNS)[number];

/** The fact columns named after the required header, or why the header is refused. */
export function factColumnsOf(header: string, required: string): { columns: FactColumn[] } | { error: string } {
  if (header === required) return { columns: [] };
  const expected = `must be "${required}", optionally followed by fact columns (${FACT_COLUMNS.join(', ')}), found "${header.slice(0, 160)}"`;
  if (!header.startsWith(`${required},`)) return { error: expected };
  const extra = header.slice(required.length + 1).split(',');
  const unknown = extra.find((c) => !(FACT_COLUMNS as readonly string[]).includes(c));
  if (unknown !== undefined) return { error: `names the column "${unknown}", which is not a fact column (${FACT_COLUMNS.join(', ')})` };
  const twice = extra.find((c, i) => extra.indexOf(c) !== i);
  if (twice !== undefined) return { error: `names the column "${twice}" twice` };
  return { columns: extra as FactColumn[] };
}

/**
 * A checker of the fact cells of rows (the cells in the columns' order): the facts as stored (JSON
 * text, '' for none) and what is wrong, by column. Checked once per distinct set of cells.
 */
export function factsChecker(columns: readonly FactColumn[], categories: ReadonlySet<string>, jurisdictionName: string) {
  const seen = new Map<string, { json: string; problems: [string, string][] }>();
  const oneOf = (value: string, values: readonly string[]) => (values.includes(value) ? null : `"${value}" is not one of ${values.join(', ')}`);
  const bool = (value: string) => (value === 'true' ? true : value === 'false' ? false : null);
  return (cells: readonly string[]): { json: string; problems: [string, string][] } => {
    const key = cells.join('\u0001');
    let known = seen.get(key);
    if (known) return known;
    const facts: Record<string, unknown> = {};
    const problems: [string, string][] = [];
    let grade: number | undefined;
    let kind: string | undefined;
    let multi: boolean | undefined;
    columns.forEach((column, i) => {
      const value = cells[i] ?? '';
      if (value === '') return;
      let why: string | null = null;
      switch (column) {
        case 'certifications': {
          const list: { category: string; certifiedOn: string }[] = [];
          for (const item of value.split(';')) {
            const m = /^([^@]+)@(\d{4}-\d{2}-\d{2})$/.exec(item);
            if (!m) why ??= `"${item}" is not a certification written code@YYYY-MM-DD`;
            else if (!categories.has(m[1]!)) why ??= `"${m[1]}" is not a category code of ${jurisdictionName}`;
            else if (!isRealDate(m[2]!)) why ??= `"${m[2]}" is not a real calendar date`;
            else list.push({ category: m[1]!, certifiedOn: m[2]! });
          }
          facts.certifications = list;
          break;
        }
        case 'disability_grade':
          if (!/^[1-4]$/.test(value)) why = `"${value}" is not a disability grade (1 to 4)`;
          else grade = Number(value);
          break;
        case 'disability_kind':
          if (!(why = oneOf(value, DISABILITY_KINDS))) kind = value;
          break;
        case 'multi_disabled_household':
          if (bool(value) === null) why = `"${value}" is not true or false`;
          else multi = bool(value)!;
          break;
        case 'residence':
          if (!(why = oneOf(value, RESIDENCES))) facts.residence = value;
          break;
        case 'household_role':
          if (!(why = oneOf(value, HOUSEHOLD_ROLES))) facts.householdRole = value;
          break;
        case 'sex':
          if (!(why = oneOf(value, SEXES))) facts.sex = value;
          break;
        case 'marital_status':
          if (!(why = oneOf(value, MARITAL_STATUSES))) facts.maritalStatus = value;
          break;
        case 'insured_earlier_in_year':
          if (bool(value) === null) why = `"${value}" is not true or false`;
          else facts.insuredEarlierInYear = bool(value);
          break;
      }
      if (why) problems.push([column, why]);
    });
    if (grade !== undefined) facts.disability = { grade, ...(kind !== undefined ? { kind } : {}), ...(multi !== undefined ? { multiDisabledHousehold: multi } : {}) };
    else if ((kind !== undefined || multi !== undefined) && !problems.some(([c]) => c === 'disability_grade'))
      problems.push(['disability_grade', 'is required where disability_kind or multi_disabled_household is given']);
    known = { json: Object.keys(facts).length ? JSON.stringify(facts) : '', problems };
    seen.set(key, known);
    return known;
  };
}

/** A row's stored facts (JSON text) as the engine takes them. */
export function storedFacts(json: string): PersonFacts {
  return JSON.parse(json) as PersonFacts;
}
