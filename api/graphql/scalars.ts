import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { format, isRealDate } from '../../policy-schemas/index.js';
import { atLiteral, excerpt, scalarRefusal } from './errors.js';

/** RFC 3339 §5.6: `full-date` (YYYY-MM-DD) and `date-time`, the formats of Date and DateTime. */
export const RFC3339 = 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6';
/** The Money format is this project's: the README says it, under a heading of its own (a test checks the anchor). */
export const MONEY_SPEC = 'README.md#money';

/**
 * `Date`: a calendar date written `YYYY-MM-DD`. It is never turned into a point in time, so the
 * answer is the same whatever the server's or the client's timezone.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date written YYYY-MM-DD (no time, no timezone): RFC 3339 full-date, a real calendar day.',
  specifiedByURL: RFC3339,
  serialize(value) {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    throw scalarRefusal('DATE_NOT_REPRESENTABLE', { value: excerpt(value) });
  },
  parseValue(value) {
    return parseDate(value);
  },
  parseLiteral(ast) {
    return atLiteral(ast, () => {
      if (ast.kind !== Kind.STRING) throw scalarRefusal('DATE_LITERAL_NOT_STRING');
      return parseDate(ast.value);
    });
  },
});

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw scalarRefusal('DATE_MALFORMED', { value: excerpt(value) });
  if (!isRealDate(value)) throw scalarRefusal('DATE_OUT_OF_RANGE', { value });
  return value;
}

/**
 * `Money`: an amount of Chinese yuan as a decimal string with exactly two decimals ("400.00").
 * Amounts are held as integer fen inside; the string is exact (no binary floating point on the wire).
 * As input, a string or number with at most two decimals is accepted ("400", "400.5", 400).
 */
export const MoneyScalar = new GraphQLScalarType<number, string>({
  name: 'Money',
  description:
    'An amount in yuan (元) as a decimal string with exactly two decimals, e.g. "400.00". Exact: computed from integer fen (分), never from floating point.',
  specifiedByURL: MONEY_SPEC,
  serialize(value) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value))
      throw scalarRefusal('MONEY_NOT_FEN', { value: excerpt(value) });
    return fenToYuanString(value);
  },
  parseValue(value) {
    return yuanToFen(value);
  },
  parseLiteral(ast) {
    return atLiteral(ast, () => {
      if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return yuanToFen(ast.value);
      throw scalarRefusal('MONEY_LITERAL_NOT_STRING');
    });
  },
});

export function fenToYuanString(fen: number): string {
  return format.money(fen, format.MONEY.wire);
}

export function yuanToFen(value: unknown): number {
  const s = typeof value === 'number' ? String(value) : value;
  const fen = typeof s === 'string' && /^-?\d{1,9}(\.\d{1,2})?$/.test(s) ? format.parseYuan(s) : null;
  if (fen === null) throw scalarRefusal('MONEY_MALFORMED', { value: excerpt(value) });
  return fen;
}

/*
 * graphql-scalars' DateTime (used across the schema) carries no specifiedByURL; its format is RFC 3339's
 * date-time at UTC. Set here, once, on the one instance every module uses, so that the schema says so.
 */
(DateTimeResolver as { specifiedByURL?: string | null }).specifiedByURL ??= RFC3339;
