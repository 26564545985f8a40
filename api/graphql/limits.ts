import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  validate,
  valueFromAST,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { firstBadString, jsonProblem, lineAndColumn } from './input-hygiene.js';

/**
 * Every limit on the work one request to `/graphql` may ask for, in one place (values from api/config.ts,
 * `GRAPHQL_*` settings). A request over a limit is refused before the work it asks for is done, with
 * `extensions: { code: 'LIMIT_EXCEEDED', limit, max, found }` and a message naming both numbers.
 *
 * Where each is checked, in the order a request meets them:
 * - `api/graphql/http.ts`: body bytes (after decompression), query length, the time limit's clock;
 * - this plugin, before parsing: NUL and lone surrogates in the query text, variables and extensions, and
 *   their JSON depth (every request); graphql-js's parser counts tokens (`parseOptions.maxTokens`);
 * - this plugin, once per document (Apollo caches a validated document by its text), after parsing and
 *   *before* graphql-js validates: literals (NUL, nesting), aliases, directives and depth (graphql-armor's
 *   rules) and the selections once fragments are expanded. graphql-js's validation (OverlappingFieldsCanBeMerged
 *   in particular) grows faster than the document over repeated fields and fragments, so the document is
 *   measured first, by memoised walks whose cost is linear in its text;
 * - this plugin, for every request once its variables are known: quotes (engine runs) and cost;
 * - the `quotes` and `quoteBatch` resolvers watch the request's deadline between inputs.
 */
export interface RequestLimits {
  /** Characters of query text. */
  maxQueryLength: number;
  /** Bytes of request body, after decompression. */
  maxBodyBytes: number;
  /** Lexical tokens of the query (graphql-js's parser stops counting past it). */
  maxTokens: number;
  /** Fields nested in one another (fragments followed; introspection's `__schema` not counted). */
  maxDepth: number;
  /** Aliased fields in one operation (fragments counted each time they are spread). */
  maxAliases: number;
  /** Directives in one operation (fragments counted each time they are spread). */
  maxDirectives: number;
  /** Field selections once every fragment spread is replaced by its fragment: the fan-out of fragments. */
  maxSelections: number;
  /** Engine runs in one request: `quote` and `refund` are one each, `quotes` and `quoteBatch` one per input, over every alias and fragment. */
  maxQuotes: number;
  /** Values resolved, as far as the request and the data say: each field once per time it is resolved (see measure). */
  maxCost: number;
  /** Wall-clock time of one request, in milliseconds. */
  timeoutMs: number;
  /** Nesting of JSON in variables and extensions, and of object and list literals in the query. */
  maxJsonDepth: number;
}

/** Most inputs one `quotes` or `quoteBatch` call takes. */
export const MAX_BATCH = 5000;

export const DEFAULT_LIMITS: Readonly<RequestLimits> = Object.freeze({
  maxQueryLength: 20_000,
  maxBodyBytes: 1024 * 1024,
  maxTokens: 2_000,
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxSelections: 1_000,
  // the total over aliases stays within one batch
  maxQuotes: MAX_BATCH,
  // one full batch: 5,000 quotes each selecting every field of Quote once (48 selections) fits
  maxCost: 250_000,
  timeoutMs: 10_000,
  maxJsonDepth: 32,
});

export type LimitName =
  | 'queryLength'
  | 'bodyBytes'
  | 'tokens'
  | 'depth'
  | 'aliases'
  | 'directives'
  | 'selections'
  | 'quotes'
  | 'cost'
  | 'timeMs'
  | 'jsonDepth';

/** A request over a limit: `LIMIT_EXCEEDED`, which limit, its value and (where counted) what was found. */
export class LimitError extends GraphQLError {
  constructor(limit: LimitName, max: number, message: string, opts: { found?: number; status?: number } = {}) {
    super(message, {
      extensions: {
        code: 'LIMIT_EXCEEDED',
        limit,
        max,
        ...(opts.found !== undefined ? { found: opts.found } : {}),
        http: { status: opts.status ?? 400 },
      },
    });
  }
}

const n = (x: number) => Math.round(x).toLocaleString('en');

export function queryTooLong(length: number, limits: RequestLimits): LimitError {
  return new LimitError('queryLength', limits.maxQueryLength, `The query is ${n(length)} characters long; at most ${n(limits.maxQueryLength)} are accepted.`, {
    found: length,
    status: 413,
  });
}

export function bodyTooLarge(limits: RequestLimits): LimitError {
  return new LimitError('bodyBytes', limits.maxBodyBytes, `The request body is larger than ${n(limits.maxBodyBytes)} bytes.`, { status: 413 });
}

export function timedOut(timeoutMs: number): LimitError {
  return new LimitError('timeMs', timeoutMs, `The request took longer than ${n(timeoutMs)} ms and was stopped.`, { status: 503 });
}

/** graphql-js's parser refuses past `maxTokens` with a syntax error; this says so as the other limits do. */
export function tokensLimitError(error: { message: string }, limits: RequestLimits): LimitError | null {
  // graphql-js words it "more that N tokens" (sic) in 16.x
  if (!/Document contains more th(?:an|at) \d+ tokens/.test(error.message)) return null;
  return new LimitError('tokens', limits.maxTokens, `The query has more than ${n(limits.maxTokens)} tokens; at most ${n(limits.maxTokens)} are accepted.`);
}

/**
 * Field selections of each operation with every fragment spread replaced by its fragment. Each fragment
 * is counted once and reused wherever it is spread, so the walk is linear in the document while the
 * number counts the expansion (a 1 KB document of fragments that spread the next one four times counts
 * 2 × 4^12 selections, in microseconds).
 */
export function countSelections(document: DocumentNode): Map<OperationDefinitionNode, number> {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, number | 'busy'>();
  const ofFragment = (name: string): number => {
    const m = memo.get(name);
    if (m === 'busy') return 0; // a cycle: graphql-js's NoFragmentCycles refuses it
    if (m !== undefined) return m;
    const f = fragments.get(name);
    if (!f) return 0;
    memo.set(name, 'busy');
    const count = ofSet(f.selectionSet);
    memo.set(name, count);
    return count;
  };
  const ofSet = (set: SelectionSetNode): number => {
    let count = 0;
    for (const s of set.selections)
      if (s.kind === Kind.FIELD) count += 1 + (s.selectionSet ? ofSet(s.selectionSet) : 0);
      else if (s.kind === Kind.INLINE_FRAGMENT) count += ofSet(s.selectionSet);
      else count += ofFragment(s.name.value);
    return count;
  };
  const out = new Map<OperationDefinitionNode, number>();
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) out.set(d, ofSet(d.selectionSet));
  return out;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return fragments;
}

/** What the data says about the size of lists (the jurisdictions: about 45,000, a few hundred below any one). */
export interface ListSizes {
  jurisdictions: number;
  /** How many of each level (`province`, …, `township`) and of each kind. */
  byLevel: Readonly<Record<string, number>>;
  byKind: Readonly<Record<string, number>>;
  /** Most children of any one jurisdiction. */
  maxChildren: number;
}

/** Until the data says otherwise: the national division list, every level as large as all of it. */
export const DEFAULT_LIST_SIZES: ListSizes = { jurisdictions: 50_000, byLevel: {}, byKind: {}, maxChildren: 500 };

/** Fields whose answer size depends on the data: measuring an operation that selects one asks for ListSizes. */
const DATA_SIZED = new Set(['jurisdictions', 'children']);

/**
 * Engine runs and cost of one operation once the request's variables are known: the operation walked
 * with its fragments expanded (at most maxSelections fields, checked before), each field counted as many
 * times as it will be resolved, as far as the request and the data say:
 * - below `quotes` and `quoteBatch`, once per input; `quote`, `refund` and each input of `quotes` or
 *   `quoteBatch` are one engine run;
 * - below `jurisdictions`, once per jurisdiction; below `children`, at most maxChildren per parent and
 *   never more than there are jurisdictions (each is the child of one parent);
 * - below a paginated field, once per item of its page (`first`);
 * - every other list (categories, windows, a quote's trace) is short and bounded by the rules, and counts once.
 */
export function measure(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  schema: GraphQLSchema,
  variables: Record<string, unknown> | undefined,
  sizes: ListSizes,
): { quotes: number; cost: number } {
  const fragments = fragmentsOf(document);
  const valueOf = (v: ValueNode | undefined): unknown => {
    if (!v) return undefined;
    if (v.kind === Kind.VARIABLE) {
      const name = v.name.value;
      if (variables && name in variables) return variables[name];
      return valueOf(operation.variableDefinitions?.find((d) => d.variable.name.value === name)?.defaultValue);
    }
    if (v.kind === Kind.LIST) return v.values.map(() => 1); // only the length matters
    if (v.kind === Kind.INT) return Number(v.value);
    if (v.kind === Kind.NULL) return null;
    return v;
  };
  const arg = (field: FieldNode, name: string) => valueOf(field.arguments?.find((a) => a.name.value === name)?.value);
  /** An argument as the resolver gets it (enum values as their internal value), for small arguments only. */
  const argValue = (field: FieldNode, def: GraphQLField<unknown, unknown>, name: string): unknown => {
    const node = field.arguments?.find((a) => a.name.value === name)?.value;
    const type = def.args.find((a) => a.name === name)?.type;
    return node && type ? (valueFromAST(node, type, variables) ?? undefined) : undefined;
  };
  let quotes = 0;
  let cost = 0;
  const visiting = new Set<string>();

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, times: number): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet, s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent, times);
      } else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(s.name.value);
        if (!f || visiting.has(f.name.value)) continue;
        visiting.add(f.name.value);
        walk(f.selectionSet, schema.getType(f.typeCondition.name.value), times);
        visiting.delete(f.name.value);
      } else {
        cost += times;
        const name = s.name.value;
        const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        let below = times;
        if (parent === schema.getQueryType()) {
          if (name === 'quote' || name === 'refund') quotes += times;
          if (name === 'quotes' || name === 'quoteBatch') {
            const inputs = arg(s, 'inputs');
            const count = Array.isArray(inputs) ? inputs.length : inputs == null ? 0 : 1;
            quotes += times * count;
            below = times * count;
          }
          if (name === 'jurisdictions' && def) {
            // as the resolver filters: one level, some kinds
            const level = argValue(s, def, 'level') as string | undefined;
            const kinds = argValue(s, def, 'kinds') as string[] | undefined;
            let count = level ? (sizes.byLevel[level] ?? sizes.jurisdictions) : sizes.jurisdictions;
            if (kinds?.length) count = Math.min(count, kinds.reduce((t, k) => t + (sizes.byKind[k] ?? sizes.jurisdictions), 0));
            below = times * count;
          }
        }
        if (name === 'children' && parent?.name === 'Jurisdiction') below = Math.min(times * sizes.maxChildren, sizes.jurisdictions);
        const first = def?.args.some((a) => a.name === 'first') ? arg(s, 'first') : undefined;
        if (typeof first === 'number') below = times * Math.max(0, first);
        if (s.selectionSet && def) walk(s.selectionSet, getNamedType(def.type), below);
      }
    }
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  walk(operation.selectionSet, root ?? undefined, 1);
  return { quotes, cost };
}

/** Whether measuring the operation needs the data's list sizes. */
function selectsDataSized(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (DATA_SIZED.has(node.name.value)) found = true;
    },
  });
  return found;
}

/** graphql-armor's rules for aliases, directives and depth, reporting in our shape (LIMIT_EXCEEDED with the numbers). */
function armorRules(limits: RequestLimits) {
  const report = (limit: LimitName, max: number, say: (found: number) => string) => (ctx: ValidationContext | null, error: GraphQLError) => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
    ctx?.reportError(new LimitError(limit, max, say(found), Number.isFinite(found) ? { found } : {}));
  };
  const { validationRules } = new ApolloArmor({
    // tokens: graphql-js's parser counts them (parseOptions.maxTokens) in the one parse Apollo makes
    maxTokens: { enabled: false },
    // our cost counts what a field costs (engine runs), which armor's cost rule does not know
    costLimit: { enabled: false },
    // introspection is on (the schema is public), so suggestions give nothing away
    blockFieldSuggestion: { enabled: false },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [report('aliases', limits.maxAliases, (f) => `The query has ${f} aliases; at most ${limits.maxAliases} are allowed.`)],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [report('directives', limits.maxDirectives, (f) => `The query has ${f} directives; at most ${limits.maxDirectives} are allowed.`)],
    },
    maxDepth: {
      n: limits.maxDepth,
      // a fragment adds no level of its own: depth is fields nested in fields
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [report('depth', limits.maxDepth, (f) => `The query is nested ${f} levels deep; at most ${limits.maxDepth} are allowed.`)],
    },
  }).protect();
  return validationRules;
}

/** NUL characters (in escapes: the parser refuses raw ones) and nesting of the document's literals. */
function checkLiterals(document: DocumentNode, limits: RequestLimits): GraphQLError | null {
  let found: GraphQLError | null = null;
  const source = document.loc?.source;
  const at = (start: number | undefined) => (source && start !== undefined ? `query text, ${lineAndColumn(source.body, start)}` : 'query text');
  // containers nested in one another: a scalar is 0, `{ a: 1 }` is 1; stops counting past the limit
  const depthOf = (v: ValueNode, d: number): number => {
    if (v.kind !== Kind.LIST && v.kind !== Kind.OBJECT) return d;
    if (d + 1 > limits.maxJsonDepth) return d + 1;
    let deepest = d + 1;
    for (const x of v.kind === Kind.LIST ? v.values : v.fields.map((f) => f.value)) deepest = Math.max(deepest, depthOf(x, d + 1));
    return deepest;
  };
  const tooDeep = (start: number | undefined, what: string) =>
    new LimitError('jsonDepth', limits.maxJsonDepth, `${at(start)}: ${what} is nested more than ${limits.maxJsonDepth} levels deep; at most ${limits.maxJsonDepth} are accepted.`);
  visit(document, {
    StringValue(node) {
      const bad = firstBadString(node.value);
      if (bad && !found) found = invalidCharacter(`${at(node.loc?.start)}: a string ${bad.what}`);
    },
    Argument(node) {
      if (!found && depthOf(node.value, 0) > limits.maxJsonDepth) found = tooDeep(node.loc?.start, `the value of ${node.name.value}`);
    },
    VariableDefinition(node) {
      if (!found && node.defaultValue && depthOf(node.defaultValue, 0) > limits.maxJsonDepth) found = tooDeep(node.loc?.start, `the default of $${node.variable.name.value}`);
    },
  });
  return found;
}

export function invalidCharacter(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'INVALID_CHARACTER', http: { status: 400 } } });
}

/** Checks of the request as a whole before anything else reads it: the query text, variables and extensions. */
function checkRequest(request: GraphQLRequestContext<any>['request'], limits: RequestLimits): GraphQLError | null {
  const query = request.query ?? '';
  const bad = firstBadString(query);
  if (bad) return invalidCharacter(`query text, ${lineAndColumn(query, bad.index)}: ${bad.what}`);
  for (const [name, value] of [
    ['operationName', request.operationName],
    ['variables', request.variables],
    ['extensions', request.extensions],
  ] as const) {
    if (value == null) continue;
    const problem = jsonProblem(value, name, limits.maxJsonDepth);
    if (problem?.kind === 'string') return invalidCharacter(`${problem.path}: ${problem.what}`);
    if (problem)
      return new LimitError('jsonDepth', limits.maxJsonDepth, `${problem.path}: nested more than ${limits.maxJsonDepth} levels deep; at most ${limits.maxJsonDepth} are accepted.`);
  }
  return null;
}

export interface QuoteGate {
  /** Called with the engine runs a request asks for (> 0), before it runs; throws to refuse it. */
  (quotes: number, context: unknown): Promise<void>;
}

/**
 * The Apollo plugin that enforces the limits (see the top of this file), and hands the engine runs of each
 * request to `gate` (the quote rate limits) once they are known. `listSizes` says how large the
 * data-sized lists are (asked only for operations that select one).
 */
export function requestLimitsPlugin(
  limits: RequestLimits,
  schema: GraphQLSchema,
  opts: { gate?: QuoteGate; listSizes?: () => Promise<ListSizes> | ListSizes } = {},
): ApolloServerPlugin<any> {
  const rules = armorRules(limits);
  // checked when first parsed; Apollo keeps the parsed document for later requests of the same text
  const checked = new WeakMap<DocumentNode, { dataSized: boolean }>();

  const staticChecks = (document: DocumentNode) => {
    const literal = checkLiterals(document, limits);
    if (literal) throw literal;
    const errors = validate(schema, document, rules);
    if (errors.length) throw errors[0]!;
    for (const selections of countSelections(document).values())
      if (selections > limits.maxSelections)
        throw new LimitError(
          'selections',
          limits.maxSelections,
          `The query selects ${n(selections)} fields once its fragments are expanded; at most ${n(limits.maxSelections)} are allowed.`,
          { found: selections },
        );
    const result = { dataSized: selectsDataSized(document) };
    checked.set(document, result);
    return result;
  };

  // what this plugin throws before Apollo's own error handling starts (didResolveOperation has it)
  const refusals = new WeakSet<Error>();
  const refuse = (e: GraphQLError): never => {
    refusals.add(e);
    throw e;
  };

  return {
    // Apollo answers an error thrown in didResolveSource or validationDidStart as an internal error
    // unless a plugin rethrows it from here, which makes it the answer (graphql-armor's token limit does
    // the same): our refusals are answered as they are, with their status
    async unexpectedErrorProcessingRequest({ error }) {
      if (refusals.has(error)) throw error;
    },
    async requestDidStart() {
      return {
        async didResolveSource({ request }) {
          const refused = checkRequest(request, limits);
          if (refused) refuse(refused);
        },
        async validationDidStart({ document }) {
          try {
            staticChecks(document);
          } catch (e) {
            if (e instanceof GraphQLError) refuse(e);
            throw e;
          }
        },
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) return;
          const { dataSized } = checked.get(document) ?? staticChecks(document);
          const sizes = dataSized && opts.listSizes ? await opts.listSizes() : DEFAULT_LIST_SIZES;
          const { quotes, cost } = measure(operation, document, schema, request.variables, sizes);
          if (quotes > limits.maxQuotes)
            throw new LimitError(
              'quotes',
              limits.maxQuotes,
              `The request asks for ${n(quotes)} quotes (every quote, refund and input of quotes or quoteBatch, over all aliases and fragments); at most ${n(limits.maxQuotes)} are answered in one request.`,
              { found: quotes },
            );
          if (cost > limits.maxCost)
            throw new LimitError(
              'cost',
              limits.maxCost,
              `The request costs ${n(cost)} (each field counts once per time it is resolved: below quotes and quoteBatch once per input, below jurisdictions once per jurisdiction); at most ${n(limits.maxCost)} is answered in one request.`,
              { found: cost },
            );
          if (quotes > 0 && opts.gate) await opts.gate(quotes, contextValue);
        },
      };
    },
  };
}
