import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { quote, QuoteError, refundDecision, type QuoteResult } from '../../engine/index.js';
import type { RefundReason } from '../../../policy-schemas/index.js';
import type { Context } from '../../graphql/context.js';
import type { LoadedPolicy } from '../policy/policy-cache.js';
import { canReadUnpublished } from '../auth/actor.js';
import { Quote, QuoteInput, RefundDecision, RefundInput } from './quote.type.js';
import { badInput, excerpt } from '../../graphql/errors.js';
import { MAX_BATCH, timedOut } from '../../graphql/limits.js';
import { resolveJurisdiction } from '../jurisdiction/jurisdiction.service.js';


@Resolver()
export class QuoteResolver {
  @Query(() => Quote, { description: 'What a person owes if they pay on a date, and when benefits start, with the trace of every rule applied.' })
  async quote(@Ctx() ctx: Context, @Arg('input', () => QuoteInput, { description: 'The person and the payment' }) input: QuoteInput): Promise<Quote> {
    const policy = await resolvePolicy(ctx, input, 'input');
    return run(policy, input, 'input');
  }

  @Query(() => [Quote], { description: `Many quotes in one call, answered in order (at most ${MAX_BATCH} inputs). One bad input fails the call, naming its index.` })
  async quotes(@Ctx() ctx: Context, @Arg('inputs', () => [QuoteInput], { description: 'The persons and payments, answered in this order' }) inputs: QuoteInput[]): Promise<Quote[]> {
    if (inputs.length > MAX_BATCH) throw badInput('inputs', `${inputs.length} inputs; at most ${MAX_BATCH} per call`);
    const policies = new Map<string, Promise<LoadedPolicy>>();
    const out: Quote[] = [];
    for (let i = 0; i < inputs.length; i++) {
      // the request's time limit: a long batch stops at its deadline rather than hold the process
      if ((i & 63) === 63 && performance.now() > ctx.deadline) throw timedOut(ctx.timeoutMs);
      const input = inputs[i]!;
      const key = `${input.jurisdiction}|${input.year}|${input.policyVersionId ?? ''}`;
      let p = policies.get(key);
      if (!p) policies.set(key, (p = resolvePolicy(ctx, input, `inputs[${i}]`)));
      out.push(run(await p, input, `inputs[${i}]`));
    }
    return out;
  }

  @Query(() => RefundDecision, { description: 'Whether a payment may be refunded for a reason on an event date, with the clause.' })
  async refund(@Ctx() ctx: Context, @Arg('input', () => RefundInput, { description: 'The payment and the event' }) input: RefundInput): Promise<RefundDecision> {
    const policy = await resolvePolicy(ctx, input, 'input');
    try {
      const d = refundDecision(policy.compiled, { ...input, reason: input.reason as RefundReason });
      return { ...d, policyVersionId: policy.id, contentHash: policy.contentHash };
    } catch (e) {
      if (e instanceof QuoteError) throw badInput(`input.${e.field}`, e.message.slice(e.field.length + 2));
      throw e;
    }
  }
}

async function resolvePolicy(
  ctx: Context,
  input: { jurisdiction: string; year: number; policyVersionId?: string | null },
  at: string,
): Promise<LoadedPolicy> {
  const j = resolveJurisdiction(await ctx.jurisdictions(), input.jurisdiction, `${at}.jurisdiction`);
  if (!j) throw badInput(`${at}.jurisdiction`, `no jurisdiction has the code or name ${excerpt(input.jurisdiction)}`);
  if (input.policyVersionId) {
    const v = await ctx.cache.byId(ctx.em, input.policyVersionId);
    // a draft is quoted only by those who may read it; for anyone else it does not exist
    const readable = v && (v.status === 'published' || v.status === 'superseded' || canReadUnpublished(ctx.actor, v.jurisdictionId, await ctx.jurisdictions()));
    if (!v || !readable) throw badInput(`${at}.policyVersionId`, `no policy version has the id ${excerpt(input.policyVersionId)}`);
    if (v.jurisdictionId !== j.id || v.compiled.year !== input.year)
      throw badInput(`${at}.policyVersionId`, `version ${v.id} is ${v.compiled.doc.jurisdiction.name} ${v.compiled.year}, not ${j.name} ${input.year}`);
    return v;
  }
  const v = await ctx.cache.publishedFor(() => ctx.em, j.id, input.year);
  if (!v) throw badInput(`${at}.year`, `${j.name} has no published policy for coverage year ${input.year}`);
  return v;
}

function run(policy: LoadedPolicy, input: QuoteInput, at: string): Quote {
  let q: QuoteResult;
  try {
    q = quote(policy.compiled, input);
  } catch (e) {
    if (e instanceof QuoteError) throw badInput(`${at}.${e.field}`, e.message.slice(e.field.length + 2));
    throw e;
  }
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
      clause: s.clause,
    })),
    subsidyTotal: q.subsidyTotalFen,
    amountDue: q.amountDueFen,
    window: q.window,
    benefitStart: q.benefitStart,
    benefitEnd: q.benefitEnd,
    coversCoverageYear: q.coversCoverageYear,
    noCoverageReason: q.noCoverageReason,
    retroactive: q.retroactive,
    waitingRule: q.waitingRule,
    waitingKind: q.waitingKind,
    convention: q.convention,
    appliedGroups: q.appliedGroups,
    ignoredCategories: q.ignoredCategories,
    trace: q.trace,
    policyVersionId: policy.id,
    contentHash: policy.contentHash,
  };
}
