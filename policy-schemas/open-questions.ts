import type { PolicyDocument, WaitingRule } from './document.js';
import { MONEY, date, money } from './format.js';
import { subsidyFenOf } from './validate.js';

/*
 * What a notice leaves unsaid: the questions a drafter should settle in the text and an approver should
 * see settled, each with where it arises (the document path and the notice's clause), the question
 * and a suggested wording, in Chinese. Pure functions of the document: the readings the product adopts
 * meanwhile are settings of the document (DOMAIN.md, "Readings to adopt where the notices are silent"),
 * and every one of them shows up here until the notice says it.
 */

export type OpenQuestionCode =
  | 'waiting-payment-day'
  | 'waiting-month-end'
  | 'category-agency'
  | 'category-fund-source'
  | 'equal-subsidies-different-funds'
  | 'newborn-boundary-day'
  | 'dates-without-window'
  | 'group-rule-ends'
  | 'group-without-benefit-start'
  | 'no-refund-rule'
  | 'age-reference-date'
  | 'stacking-unstated'
  | 'newly-certified-month'
  | 'fee-several-years';

export interface OpenQuestion {
  code: OpenQuestionCode;
  /** Where in the document (`windows[2].waiting`, `categories[4]`). */
  path: string;
  /** The clause of the notice the question is about; null where the notice has none. */
  clause: string | null;
  /** The question, in Chinese. */
  question: string;
  /** Wording the notice could use to settle it, in Chinese. */
  suggestion: string;
}

type Check = (doc: PolicyDocument) => OpenQuestion[];

/** A calendar date moved by whole days (UTC arithmetic: no time zone plays a part). */
function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Every waiting rule of the document, with its path, clause and what it belongs to. */
function waitingRules(doc: PolicyDocument): { path: string; clause: string | null; owner: string; rule: WaitingRule }[] {
  const out: { path: string; clause: string | null; owner: string; rule: WaitingRule }[] = [];
  doc.windows.forEach((w, i) => out.push({ path: `windows[${i}].waiting`, clause: w.clause, owner: w.name, rule: w.waiting }));
  doc.specialGroups.forEach((g, i) =>
    g.rules.forEach((r, j) => {
      if (r.waiting) out.push({ path: `specialGroups[${i}].rules[${j}].waiting`, clause: r.clause, owner: g.name, rule: r.waiting });
    }),
  );
  return out;
}

/** A waiting period in days: does the payment day count as day 1? */
const waitingPaymentDay: Check = (doc) =>
  waitingRules(doc)
    .filter((w) => w.rule.kind === 'days')
    .map((w) => {
      const days = w.rule.kind === 'days' ? w.rule.days : 0;
      const first = w.rule.kind === 'days' && w.rule.convention === 'payment-day-is-day-1';
      return {
        code: 'waiting-payment-day',
        path: w.path,
        clause: w.clause,
        question: `${w.owner}的${days}日等待期是否包含缴费当日？（现按“${first ? '缴费当日计为第1日' : '自缴费次日起算'}”执行）`,
        suggestion: first
          ? `等待期自缴费之日起计算，缴费当日为第1日，共${days}日；自第${days + 1}日起享受待遇。`
          : `等待期自缴费次日起计算，共${days}日；期满次日起享受待遇。`,
      };
    });

/** A waiting period in months: what if the end month has no such day (31 March + 3 months)? */
const waitingMonthEnd: Check = (doc) =>
  waitingRules(doc)
    .filter((w) => w.rule.kind === 'months')
    .map((w) => {
      const n = w.rule.kind === 'months' ? w.rule.months : 0;
      return {
        code: 'waiting-month-end',
        path: w.path,
        clause: w.clause,
        question: `${w.owner}的${n}个月等待期，期满月份没有对应日的（如3月31日缴费，${n}个月后无对应日）从哪一天起享受待遇？`,
        suggestion: `等待期按月计算的，自缴费之日起满${n}个月的对应日起享受待遇；期满月份没有对应日的，以该月最后一日为期满日。`,
      };
    });

/** A category whose agency or fund source the notice does not name. */
const categoryUnstated: Check = (doc) =>
  doc.categories.flatMap((c, i) => [
    ...(c.unstated.includes('agency')
      ? [
          {
            code: 'category-agency' as const,
            path: `categories[${i}].agency`,
            clause: c.clause,
            question: `${c.name}由哪个部门认定？通知未写明（现按“${c.agency}”记录）。`,
            suggestion: `${c.name}由${c.agency}负责认定，认定名单按时报送医保部门。`,
          },
        ]
      : []),
    ...(c.unstated.includes('fund-source')
      ? [
          {
            code: 'category-fund-source' as const,
            path: `categories[${i}].fundSource`,
            clause: c.clause,
            question: `${c.name}的资助资金从何列支？通知未写明资金来源。`,
            suggestion: `${c.name}的个人缴费资助资金从（医疗救助资金／本级财政专项资金）中列支。`,
          },
        ]
      : []),
  ]);

/**
 * Two categories that give the same (largest) subsidy from different funds, where the notice orders
 * nothing (one subsidy, the highest, or the most favourable): who pays for a person in both?
 */
const equalSubsidies: Check = (doc) => {
  if (doc.stacking.rule === 'priority-order') return [];
  const fee = doc.fees.individual.amountFen;
  const byCode = new Map(doc.categories.map((c) => [c.code, c]));
  const byAmount = new Map<number, PolicyDocument['categories']>();
  for (const c of doc.categories) {
    if (c.unstated.includes('fund-source')) continue; // asked on its own
    const s = subsidyFenOf(c.benefit, fee, byCode);
    if (s === null || s === 0) continue;
    byAmount.set(s, [...(byAmount.get(s) ?? []), c]);
  }
  const out: OpenQuestion[] = [];
  for (const [amount, cats] of [...byAmount].sort((a, b) => b[0] - a[0])) {
    const kinds = [...new Set(cats.map((c) => c.fundSource.kind))];
    if (kinds.length < 2) continue;
    const funds = kinds.map((k) => cats.find((c) => c.fundSource.kind === k)!.fundSource.label);
    const first = cats[0]!;
    const other = cats.find((c) => c.fundSource.kind !== first.fundSource.kind)!;
    const full = amount === fee;
    out.push({
      code: 'equal-subsidies-different-funds',
      path: 'stacking',
      clause: doc.stacking.clause,
      question: `同时属于${first.name}（${first.fundSource.label}）和${other.name}（${other.fundSource.label}）的，${full ? '两者均为全额资助' : `两者资助额均为${money(amount, MONEY.notice)}`}，由哪项资金支付？（共${cats.length}类、${funds.length}种资金来源：${funds.join('、')}）`,
      suggestion: `同时符合多类资助条件且资助标准相同的，按（${funds.join('→')}）的顺序确定资金来源，只享受一次资助。`,
    });
  }
  return out;
};

/** A newborn rule whose days-of-birth limit the notice states without its boundary day (含/不含). */
const newbornBoundary: Check = (doc) =>
  doc.specialGroups.flatMap((g, i) =>
    g.rules.flatMap((r, j) => {
      const limit = r.when.withinDaysOfBirth ?? r.when.afterDaysOfBirth;
      if (!limit || !r.unstated.includes('boundary-day')) return [];
      return [
        {
          code: 'newborn-boundary-day' as const,
          path: `specialGroups[${i}].rules[${j}].when`,
          clause: r.clause,
          question: `${g.name}“出生${limit.days}日内”是否包含第${limit.days}日？（现按“${limit.inclusive ? '含' : '不含'}”执行）`,
          suggestion: `在出生${limit.days}日（含）内参保缴费的，自出生之日起享受待遇；超过${limit.days}日参保缴费的，自缴费次日起享受待遇。`,
        },
      ];
    }),
  );

/** Dates from the first window to the end of the coverage year on which no window takes an ordinary resident's payment. */
const datesWithoutWindow: Check = (doc) => {
  const open = doc.windows.filter((w) => w.acceptsPayment && w.who !== 'listed-groups').sort((a, b) => (a.from < b.from ? -1 : 1));
  if (!open.length) return [];
  const start = doc.windows.reduce((m, w) => (w.from < m ? w.from : m), doc.windows[0]!.from);
  const end = `${doc.coverageYear}-12-31`;
  const gaps: [string, string][] = [];
  let cursor = start;
  for (const w of open) {
    if (w.from > cursor) gaps.push([cursor, addDays(w.from, -1)]);
    if (w.to >= cursor) cursor = addDays(w.to, 1);
  }
  if (cursor <= end) gaps.push([cursor, end]);
  return gaps
    .filter(([a, b]) => a <= b)
    .map(([a, b]) => ({
      code: 'dates-without-window' as const,
      path: 'windows',
      clause: open[0]!.clause,
      question: `${date(a)}至${date(b)}期间缴费的，通知未规定适用哪个缴费期（能否缴费、待遇何时开始）。`,
      suggestion: `${date(a)}至${date(b)}期间参保缴费的，按（某缴费期）的规定办理。`,
    }));
};

/** A special group whose dated rules stop before the end of the year: what after the last one? */
const groupRuleEnds: Check = (doc) => {
  const end = `${doc.coverageYear}-12-31`;
  return doc.specialGroups.flatMap((g, i) => {
    if (!g.rules.length || g.rules.some((r) => !r.when.paidBy)) return [];
    const last = g.rules.map((r) => r.when.paidBy!).sort().pop()!;
    if (last >= end) return [];
    const j = g.rules.findIndex((r) => r.when.paidBy === last);
    return [
      {
        code: 'group-rule-ends' as const,
        path: `specialGroups[${i}].rules[${j}]`,
        clause: g.rules[j]!.clause,
        question: `${g.name}于${date(addDays(last, 1))}后参保缴费的，通知未作规定：按普通城乡居民的规定办理，还是另有规定？`,
        suggestion: `${g.name}于${date(addDays(last, 1))}后参保缴费的，按普通城乡居民参保补缴的有关规定执行。`,
      },
    ];
  });
};

/** A special group with no rule of its own: when do its benefits start? */
const groupWithoutStart: Check = (doc) =>
  doc.specialGroups.flatMap((g, i) =>
    g.rules.length
      ? []
      : [
          {
            code: 'group-without-benefit-start' as const,
            path: `specialGroups[${i}]`,
            clause: g.clause,
            question: `${g.name}何时开始享受待遇？通知${g.externalRules ? `只说按${g.externalRules.reference}执行` : '未作规定'}，未写明待遇起始日。`,
            suggestion: `${g.name}参保缴费的，${g.waitingExempt ? '不设待遇等待期，' : ''}自缴费次日起享受待遇。`,
          },
        ],
  );

/** No refund rule at all: may a payment be refunded (death, duplicate payment, joining employee insurance)? */
const noRefundRule: Check = (doc) =>
  doc.refund
    ? []
    : [
        {
          code: 'no-refund-rule',
          path: 'refund',
          clause: null,
          question: '参保人缴费后死亡、重复缴费或参加职工医保的，能否退费？通知未规定退费情形（现按“不予退费”处理）。',
          suggestion: '参保人在待遇享受期开始前因死亡、重复缴费、参加职工基本医疗保险或在外地参加居民医保等原因申请退费的，可办理个人缴费退费；待遇享受期开始后不予退费。',
        },
      ];

/** Age conditions without the day age is judged on. */
const ageReference: Check = (doc) => {
  const hasAge = doc.categories.some((c) => c.conditions.some((k) => k.age));
  if (!hasAge || doc.ageRule.clause !== null) return [];
  const on = doc.ageRule.referenceDate.kind === 'date' ? doc.ageRule.referenceDate.date : `${doc.coverageYear - 1}-12-31`;
  return [
    {
      code: 'age-reference-date',
      path: 'ageRule',
      clause: null,
      question: `资助条件中的年龄（年满60周岁、未满18周岁等）以哪一天为准计算？通知未规定（现按${date(on)}）。`,
      suggestion: `资助条件涉及年龄的，以${date(on)}为准计算。`,
    },
  ];
};

/** Several categories and no rule for a person in more than one. */
const stackingUnstated: Check = (doc) =>
  doc.categories.length > 1 && doc.stacking.clause === null
    ? [
        {
          code: 'stacking-unstated',
          path: 'stacking',
          clause: null,
          question: '同时符合多类资助条件的，享受哪一类资助？通知未规定（现按对本人最有利的一类执行）。',
          suggestion: '同时符合多类资助条件的，按就高原则享受其中一类资助，不重复享受。',
        },
      ]
    : [];

/** Subsidy from the month after certification: what of a payment in the month of certification, or before it? */
const newlyCertifiedMonth: Check = (doc) =>
  doc.certification.newlyCertified.flatMap((nc, i) =>
    nc.subsidyFrom === 'month-after-certification'
      ? [
          {
            code: 'newly-certified-month' as const,
            path: `certification.newlyCertified[${i}]`,
            clause: nc.clause,
            question: '新认定的资助对象“自认定次月起”享受资助：在认定当月已缴费的，是否资助？认定次月之后缴费的按哪一标准资助？',
            suggestion: '新认定的资助对象，在认定之日次月1日及以后缴费的，按资助标准缴费；在此之前当年已缴费的，当年不再资助，也不退还已缴保费。',
          },
        ]
      : [],
  );

/** A fee for several coverage years (Wuhe's 2023-born newborns): which lines does a payment owe? */
const feeSeveralYears: Check = (doc) =>
  doc.fees.specialCases.flatMap((sc, i) =>
    sc.charges.length > 1
      ? [
          {
            code: 'fee-several-years' as const,
            path: `fees.specialCases[${i}]`,
            clause: sc.clause,
            question: `${sc.label}分${sc.charges.length}个年度缴费（${sc.charges.map((c) => `${c.coverageYear}年度${money(c.amountFen, MONEY.notice)}`).join('、')}）：待遇自${sc.charges[sc.charges.length - 1]!.coverageYear}年起才开始的，是否仍须缴纳前一年度的费用？`,
            suggestion: `${sc.label}只缴纳其享受待遇年度的保费；待遇自${sc.charges[sc.charges.length - 1]!.coverageYear}年开始的，只缴纳${sc.charges[sc.charges.length - 1]!.coverageYear}年度保费。`,
          },
        ]
      : [],
  );

export const CHECKS: readonly Check[] = [
  waitingPaymentDay,
  waitingMonthEnd,
  datesWithoutWindow,
  groupRuleEnds,
  groupWithoutStart,
  newbornBoundary,
  feeSeveralYears,
  categoryUnstated,
  newlyCertifiedMonth,
  equalSubsidies,
  stackingUnstated,
  ageReference,
  noRefundRule,
];

/** The questions a notice leaves open, in the order a reader meets them. */
export function openQuestions(doc: PolicyDocument): OpenQuestion[] {
  return CHECKS.flatMap((check) => check(doc));
}
