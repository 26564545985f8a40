import { GraphQLError } from 'graphql';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { quote, QuoteError, refundDecision, type EngineOptions, type QuoteResult } from '../../engine/index.js';
import type { Context } from '../../graphql/context.js';
import { badInput, excerpt, localizedOf, refusal } from '../../graphql/errors.js';
import type { Reason } from '../../i18n/catalog.js';
import { message } from '../../i18n/render.js';
import { short, type Language } from '../../i18n/language.js';
import { MAX_BATCH, timedOut } from '../../graphql/limits.js';
import { format } from '../../../policy-schemas/index.js';
import { messageIn as messageOf } from '../../graphql/errors.js';
import { canReadUnpublished } from '../auth/actor.js';
import { resolveJurisdiction } from '../jurisdiction/jurisdiction.service.js';
import { versionInForce, type LoadedPolicy, type VersionsOfYear } from '../policy/policy-cache.js';
import { Quote, QuoteInput, QuoteOutcome, RefundDecision, RefundInput } from './quote.type.js';

/** The fields of an input that choose the version answering it. */
interface VersionChoice {
  jurisdiction: string;
  year: number;
  paymentDate: string;
  policyVersionId?: string | null;
  asOf?: string | null;
  expectedContentHash?: string | null;
}

/** A refusal of one input: the field (as the caller names it), a stable code and the reason. */
class InputRefused extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
    readonly reason: Reason,
    readonly params: Record<string, unknown> = {},
  ) {
    super(field);
  }
  toGraphQL(): GraphQLError {
    return refusal(this.reason, { ...this.params, field: this.field }, { code: this.code, field: this.field });
  }
  /** The message in a language: the field, then why. */
  in(lang: Language): string {
    return message(this.reason, { ...this.params, field: this.field }, lang);
  }
}

@Resolver()
export class QuoteResolver {
  @Query(() => Quote, {
    description:
      'What a person owes if they pay on a date, and when benefits start, with the trace of every rule applied; answered by the version in force on the payment date (or on `asOf`, or the version named).',
  })
  async quote(@Ctx() ctx: Context, @Arg('input', () => QuoteInput, { description: 'The person and the payment' }) input: QuoteInput): Promise<Quote> {
    const versions = new Versions(ctx);
    try {
      return run(await versions.choose(input, 'input'), input, 'input', ctx.lang);
    } catch (e) {
      throw e instanceof InputRefused ? e.toGraphQL() : e;
    }
  }

  @Query(() => [Quote], { description: `Many quotes in one call, answered in order (at most ${MAX_BATCH} inputs). One bad input fails the call, naming its index; quoteBatch answers every good one.` })
  async quotes(@Ctx() ctx: Context, @Arg('inputs', () => [QuoteInput], { description: 'The persons and payments, answered in this order' }) inputs: QuoteInput[]): Promise<Quote[]> {
    if (inputs.length > MAX_BATCH) throw badInput('inputs', 'BATCH_TOO_LARGE', { count: inputs.length, max: MAX_BATCH });
    const versions = new Versions(ctx);
    const out: Quote[] = [];
    try {
      for (let i = 0; i < inputs.length; i++) {
        // the request's time limit: a long batch stops at its deadline rather than hold the process
        if ((i & 63) === 63 && performance.now() > ctx.deadline) throw timedOut(ctx.timeoutMs);
        out.push(run(await versions.choose(inputs[i]!, `inputs[${i}]`), inputs[i]!, `inputs[${i}]`, ctx.lang));
      }
    } catch (e) {
      throw e instanceof InputRefused ? e.toGraphQL() : e;
    }
    return out;
  }

  @Query(() => [QuoteOutcome], {
    description: `Many quotes in one call (at most ${MAX_BATCH} inputs), each answered on its own: an outcome per input, in order, with its quote or, for an input refused, the field, a stable code and the reason. One bad input never fails the others.`,
  })
  async quoteBatch(@Ctx() ctx: Context, @Arg('inputs', () => [QuoteInput], { description: 'The persons and payments, answered in this order' }) inputs: QuoteInput[]): Promise<QuoteOutcome[]> {
    if (inputs.length > MAX_BATCH) throw badInput('inputs', 'BATCH_TOO_LARGE', { count: inputs.length, max: MAX_BATCH });
    const versions = new Versions(ctx);
    const out: QuoteOutcome[] = new Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) {
      // the request's time limit, as in `quotes`: the call stops at its deadline rather than hold the process
      if ((i & 63) === 63 && performance.now() > ctx.deadline) throw timedOut(ctx.timeoutMs);
      const at = `inputs[${i}]`;
      try {
        out[i] = { index: i, quote: run(await versions.choose(inputs[i]!, at), inputs[i]!, at, ctx.lang), error: null };
      } catch (e) {
        if (e instanceof InputRefused) out[i] = { index: i, quote: null, error: { field: e.field, code: e.code, reason: e.reason, message: e.in(ctx.lang) } };
        else if (e instanceof GraphQLError && typeof e.extensions.code === 'string' && e.extensions.code !== 'INTERNAL_SERVER_ERROR')
          out[i] = { index: i, quote: null, error: { field: at, code: e.extensions.code, reason: localizedOf(e)?.reason ?? null, message: `${at}: ${localizedOf(e) ? messageOf(e, ctx.lang) : e.message}` } };
        else {
          // a fault of ours, not of the input: the others are still answered; the fault is logged, not shown
          console.error(`quoteBatch ${at}:`, e);
          out[i] = { index: i, quote: null, error: { field: at, code: 'INTERNAL_SERVER_ERROR', reason: 'QUOTE_INPUT_FAILED', message: message('QUOTE_INPUT_FAILED', { field: at }, ctx.lang) } };
        }
      }
    }
    return out;
  }

  @Query(() => RefundDecision, {
    description:
      'Whether a payment may be refunded for a reason on an event date, with the clause; where the notice states no refund rule for the reason, refundable is false and the reason says so. Answered by the version in force on the payment date (or on `asOf`, or the version named).',
  })
  async refund(@Ctx() ctx: Context, @Arg('input', () => RefundInput, { description: 'The payment and the event' }) input: RefundInput): Promise<RefundDecision> {
    try {
      const policy = await new Versions(ctx).choose(input, 'input');
      const d = engine('input', () => refundDecision(policy.compiled, input, engineOptions(ctx.lang)));
      return {
        refundable: d.refundable,
        reason: d.reason,
        clause: d.clause,
        benefitStart: d.benefitStart,
        amount: d.amountFen,
        policyVersionId: policy.id,
        contentHash: policy.contentHash,
        inForceFrom: policy.inForceFrom,
      };
    } catch (e) {
      throw e instanceof InputRefused ? e.toGraphQL() : e;
    }
  }
}

/**
 * Which version answers an input, for the inputs of one call: the version named, or the published
 * (or superseded) version in force on the payment date or on `asOf`, from the process's cache (no
 * query once it holds the jurisdiction's year); and the content hash expected, where given.
 */
class Versions {
  private readonly years = new Map<string, VersionsOfYear | Promise<VersionsOfYear>>();
  private readonly pinned = new Map<string, Promise<LoadedPolicy | null>>();

  constructor(private readonly ctx: Context) {}

  async choose(input: VersionChoice, at: string): Promise<LoadedPolicy> {
    const ctx = this.ctx;
    const index = await ctx.jurisdictions();
    let j: ReturnType<typeof resolveJurisdiction>;
    try {
      j = resolveJurisdiction(index, input.jurisdiction, `${at}.jurisdiction`);
    } catch (e) {
      // a name shared by several jurisdictions: refused with the candidates
      const l = localizedOf(e);
      if (e instanceof GraphQLError && l) throw new InputRefused(`${at}.jurisdiction`, String(e.extensions.code ?? 'BAD_USER_INPUT'), l.reason, { ...l.params, field: undefined });
      throw e;
    }
    if (!j) throw new InputRefused(`${at}.jurisdiction`, 'BAD_USER_INPUT', 'NO_SUCH_JURISDICTION', { value: input.jurisdiction });
    let v: LoadedPolicy | null;
    if (input.policyVersionId) {
      if (input.asOf) throw new InputRefused(`${at}.asOf`, 'BAD_USER_INPUT', 'POLICY_VERSION_AND_AS_OF');
      let p = this.pinned.get(input.policyVersionId);
      if (!p) this.pinned.set(input.policyVersionId, (p = ctx.cache.byId(ctx.em, input.policyVersionId)));
      v = await p;
      // a draft is quoted only by those who may read it; for anyone else it does not exist
      const readable = v && (v.status === 'published' || v.status === 'superseded' || canReadUnpublished(ctx.actor, v.jurisdictionId, index));
      if (!v || !readable) throw new InputRefused(`${at}.policyVersionId`, 'BAD_USER_INPUT', 'NO_SUCH_POLICY_VERSION', { id: input.policyVersionId });
      if (v.jurisdictionId !== j.id || v.compiled.year !== input.year)
        throw new InputRefused(`${at}.policyVersionId`, 'BAD_USER_INPUT', 'VERSION_OF_ANOTHER', { id: v.id, jurisdiction: v.compiled.doc.jurisdiction.name, year: v.compiled.year, wantJurisdiction: j.name, wantYear: input.year });
    } else {
      const key = `${j.id}:${input.year}`;
      let year = this.years.get(key);
      if (!year) this.years.set(key, (year = ctx.cache.versionsOf(() => ctx.em, j.id, input.year)));
      if (year instanceof Promise) this.years.set(key, (year = await year));
      v = versionInForce(year.versions, input.asOf ?? input.paymentDate);
      if (!v) throw new InputRefused(`${at}.year`, 'BAD_USER_INPUT', 'NO_PUBLISHED_POLICY', { jurisdiction: j.name, year: input.year });
    }
    if (input.expectedContentHash != null && input.expectedContentHash !== v.contentHash)
      throw new InputRefused(`${at}.expectedContentHash`, 'CONTENT_HASH_MISMATCH', 'CONTENT_HASH_MISMATCH', {
        id: v.id,
        inForceEn: v.inForceFrom ? ` (in force from ${v.inForceFrom})` : '',
        inForce: v.inForceFrom ? `（${format.date(v.inForceFrom)}起施行）` : '',
        hash: v.contentHash,
        expected: /^[0-9a-f]{64}$/.test(input.expectedContentHash) ? input.expectedContentHash : excerpt(input.expectedContentHash),
      });
    return v;
  }
}

/** The engine's options for a request's language: its words (trace, reasons, refusals) in that language. */
const ENGINE_OPTIONS: Readonly<Record<Language, EngineOptions>> = { 'zh-CN': Object.freeze({ lang: 'zh' }), en: Object.freeze({ lang: 'en' }) };
function engineOptions(lang: Language): EngineOptions {
  return ENGINE_OPTIONS[lang] ?? { lang: short(lang) };
}

/**
 * Run the engine, turning its refusals into refusals of the input's field, each with its own reason;
 * the engine worded it in the request's language already (the catalog's template wraps it).
 */
function engine<T>(at: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof QuoteError) {
      const reason: Reason = e.reason;
      throw new InputRefused(`${at}.${e.field}`, 'BAD_USER_INPUT', reason, { message: e.detail });
    }
    throw e;
  }
}

function run(policy: LoadedPolicy, input: QuoteInput, at: string, lang: Language): Quote {
  const q: QuoteResult = engine(at, () => quote(policy.compiled, input, engineOptions(lang)));
  return {
    jurisdiction: policy.compiled.doc.jurisdiction.name,
    coverageYear: q.coverageYear,
    paymentDate: q.paymentDate,
    individualFee: q.individualFeeFen,
    feeLines: q.feeLines.map((l) => ({ coverageYear: l.coverageYear, amount: l.amountFen, label: l.label, clause: l.clause })),
    surcharge: q.surchargeFen,
    surchargeReason: q.surchargeReason,
    subsidies: q.subsidies.map((s) => ({
      category: { code: s.categoryCode, name: s.categoryName, officialCodes: s.officialCodes },
      amount: s.amountFen,
      agency: s.agency,
      fundSource: s.fundSource,
      fundSourceKind: s.fundSourceKind,
      fundKind: s.fundSourceKind,
      clause: s.clause,
    })),
    subsidyTotal: q.subsidyTotalFen,
    amountDue: q.amountDueFen,
    window: { ...q.window, windowKind: q.window.kind },
    benefitStart: q.benefitStart,
    benefitEnd: q.benefitEnd,
    coversCoverageYear: q.coversCoverageYear,
    noCoverageReason: q.noCoverageReason,
    retroactive: q.retroactive,
    waitingRule: q.waitingRule,
    waitingKind: q.waitingKind,
    waitingPeriodKind: q.waitingKind,
    convention: q.convention,
    appliedGroups: q.appliedGroups,
    ignoredCategories: q.ignoredCategories,
    assumptions: q.assumptions.map((a) => ({ fact: a.fact, category: a.category, detail: a.text, clause: a.clause })),
    trace: q.trace.map((t) => ({ rule: t.rule, step: t.rule, clause: t.clause, detail: t.detail })),
    policyVersionId: policy.id,
    contentHash: policy.contentHash,
    inForceFrom: policy.inForceFrom,
  };
}
