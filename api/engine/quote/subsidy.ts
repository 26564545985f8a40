import { yuan } from '../../../policy-schemas/index.js';
import type { CompiledCategory, CompiledCertificationRule, CompiledConditionSet, CompiledPolicy } from '../compile.js';
import { ageOn, firstOfNthMonth, fromDay, type Day } from '../dates.js';
import type { Assumption } from './assumptions.js';
import { QuoteError } from './error.js';
import type { Person } from './person.js';
import type { Trace } from './trace.js';
import { format } from '../../../policy-schemas/index.js';
import { code, zhDate, zhGrade, zhMoney, zhValue, type EngineLang } from './lang.js';

/*
 * Subsidies (减免对象 / 资助参保): which of the person's categories hold (their conditions, judged on
 * the facts given, and the day of certification where given), and, when several do, which one subsidy
 * applies (stacking): the most favourable, the highest (就高), or the last in the priority order
 * (Meishan 导盘顺序). Amounts are precomputed on the fee by compile.ts.
 */

export interface QuoteSubsidy {
  categoryCode: string;
  categoryName: string;
  officialCodes: string[];
  amountFen: number;
  agency: string;
  fundSource: string;
  fundSourceKind: string;
  benefitKind: string;
  clause: string;
}

export interface SubsidyOutcome {
  /** The categories that hold for this payment, in the policy's order. */
  eligible: CompiledCategory[];
  /** Categories given that do not hold, with the reason. */
  ignored: { code: string; reason: string }[];
  /** The one category that subsidises the person, or null. */
  chosen: CompiledCategory | null;
  /** What holding assumed, where a fact was not given. */
  assumptions: readonly Assumption[];
}

/**
 * A category judged for a payment: null when it holds and nothing was assumed or needs saying (the
 * common case, at no cost), else whether it failed and why, what it assumed, and a line on its
 * certification for the trace.
 */
export type Verdict = null | { failure: string | null; assumptions: readonly Assumption[]; certification: { detail: string; clause: string | null } | null };

const NONE: readonly Assumption[] = Object.freeze([]);

/** The wording of this step's lines and refusals (English; `subsidyTextZh` is the Chinese twin). */
export const subsidyText = {
  ageRequired: (category: string, code: string, referenceIso: string) => `is required: ${category} (${code}) applies by age, judged on ${referenceIso}`,
  ageFails: (age: number, referenceIso: string, wanted: string) => `age ${age} on ${referenceIso} is not ${wanted}`,
  ageSet: (s: { min?: number; below?: number }) => [s.min !== undefined ? `≥ ${s.min}` : '', s.below !== undefined ? `< ${s.below}` : ''].filter(Boolean).join(' and '),
  gradeFails: (grade: number, grades: readonly number[]) => `disability grade ${grade} is not ${grades.join(' or ')} (${'一二三四'[grade - 1]}级)`,
  multiDisabledFails: (wanted: boolean): string => (wanted ? 'the household has not several disabled members (一户多残)' : 'the person is in a household with several disabled members (一户多残), which this category excludes'),
  residenceFails: (given: string, wanted: string) => `residence ${given} is not ${wanted}`,
  roleFails: (role: string, members: string) => `a household's ${role === 'other' ? 'other member' : role} is not covered (${members})`,
  sexFails: (members: string) => `a child of the other sex is not covered (${members})`,
  childAgeFails: (age: number, referenceIso: string, below: number) => `the child is ${age} on ${referenceIso}, not under ${below}`,
  marriedFails: (status: string) => `the child is ${status}: a child who marries no longer qualifies`,
  or: (reasons: string[]) => reasons.join('; or '),
  /** Alternatives of one condition (the ages wanted). */
  either: (wanted: string[]) => wanted.join(' or '),
  // certification (认定) and newly certified people
  certifiedAfterPayment: (certIso: string, payIso: string) => `certified on ${certIso}, after the payment on ${payIso}: not subsidised for this payment`,
  newlyCertified: (certIso: string, fromIso: string, name: string) => `${name}: newly certified on ${certIso}; payments from ${fromIso} are subsidised`,
  ordinaryCertification: (certIso: string, name: string) => `${name}: certified on ${certIso}`,
  beforeSubsidyStarts: (certIso: string, fromIso: string, payIso: string, noneLater: boolean) =>
    `newly certified on ${certIso}: subsidised from ${fromIso}; this payment on ${payIso} is before that${noneLater ? ', and the year gets no subsidy later (认定前已参保的，不再资助参保)' : ''}`,
  paidBeforeCertification: (certIso: string, payIso: string, ifAlreadyPaid: 'no-subsidy' | 'refund' | null) =>
    `newly certified on ${certIso}, after the payment on ${payIso}: ${
      ifAlreadyPaid === 'no-subsidy'
        ? 'no subsidy for the year (认定前个人当年已参保的，不再资助参保)'
        : ifAlreadyPaid === 'refund'
          ? 'not subsidised at payment; the subsidy is refunded (ask refund with reason newly-certified)'
          : 'not subsidised; the notice states no rule for a person who had already paid'
    }`,
  notApplied: (category: string, reason: string) => `${category}: not applied, ${reason}`,
  applied: (c: CompiledCategory) => `${c.doc.name}: subsidy ${yuan(c.subsidyFen)} (${subsidyText.benefit(c)}), ${c.doc.fundSource.label}, certified by ${c.doc.agency}`,
  benefit: (c: CompiledCategory): string => {
    const b = c.doc.benefit;
    switch (b.kind) {
      case 'full':
        return 'full';
      case 'percent':
        return `${b.percent}% of the fee`;
      case 'fixed-subsidy':
        return `fixed ${yuan(b.amountFen)}`;
      case 'person-pays-percent':
        return `person pays ${b.percent}%`;
      case 'reduction':
        return `${yuan(b.amountFen)} off`;
      case 'same-as':
        return `as ${b.category}`;
    }
  },
  stackingRule: {
    'priority-order': 'the last matching category in the priority order applies',
    highest: 'the highest subsidy applies (就高)',
    'single-most-favourable': 'only one subsidy applies, the most favourable to the person',
  } as Readonly<Record<'priority-order' | 'highest' | 'single-most-favourable', string>>,
  stacked: (rule: string, convention: boolean, chosen: string) => `${rule}${convention ? ' (convention: the notice states no rule)' : ''}: ${chosen}`,
};

const ZH_RESIDENCE: Readonly<Record<string, string>> = { rural: '农村居民', urban: '城镇居民', 'revolutionary-base-village': '革命老区（基点）村居民' };
const ZH_ROLE: Readonly<Record<string, string>> = { spouse: '夫妻一方', child: '子女', other: '其他成员' };
const ZH_MARITAL: Readonly<Record<string, string>> = { unmarried: '未婚', married: '已婚', widowed: '丧偶', divorced: '离婚' };

/** The Chinese wording of this step's lines and refusals. */
export const subsidyTextZh: typeof subsidyText = {
  ageRequired: (category: string, categoryCode: string, referenceIso: string) => `必须填写：${category}（${code(categoryCode)}）按年龄认定，年龄计算至${zhDate(referenceIso)}`,
  ageFails: (age: number, referenceIso: string, wanted: string) => `至${zhDate(referenceIso)}年满${age}周岁，不符合${wanted}`,
  ageSet: (s: { min?: number; below?: number }) => [s.min !== undefined ? `${s.min}周岁及以上` : '', s.below !== undefined ? `未满${s.below}周岁` : ''].filter(Boolean).join('且'),
  gradeFails: (grade: number, grades: readonly number[]) => `残疾等级为${zhGrade(grade)}，不属于${grades.map(zhGrade).join('或')}`,
  multiDisabledFails: (wanted: boolean) => (wanted ? '家庭不属于一户多残' : '此人属于一户多残家庭，该类别不含此情形'),
  residenceFails: (given: string, wanted: string) => `居住地为${ZH_RESIDENCE[given] ?? given}，不属于${ZH_RESIDENCE[wanted] ?? wanted}`,
  roleFails: (role: string, members: string) => `家庭中的${ZH_ROLE[role] ?? role}不在资助范围内（${members}）`,
  sexFails: (members: string) => `另一性别的子女不在资助范围内（${members}）`,
  childAgeFails: (age: number, referenceIso: string, below: number) => `子女至${zhDate(referenceIso)}为${age}周岁，须未满${below}周岁`,
  marriedFails: (status: string) => `子女${ZH_MARITAL[status] ?? status}：子女婚后不再享受`,
  or: (reasons: string[]) => reasons.join('；或'),
  either: (wanted: string[]) => wanted.join('或'),
  certifiedAfterPayment: (certIso: string, payIso: string) => `${zhDate(certIso)}认定，晚于${zhDate(payIso)}缴费：本次缴费不予资助`,
  newlyCertified: (certIso: string, fromIso: string, name: string) => `${name}：${zhDate(certIso)}新认定；自${zhDate(fromIso)}起缴费的予以资助`,
  ordinaryCertification: (certIso: string, name: string) => `${name}：${zhDate(certIso)}认定`,
  beforeSubsidyStarts: (certIso: string, fromIso: string, payIso: string, noneLater: boolean) =>
    `${zhDate(certIso)}新认定：自${zhDate(fromIso)}起予以资助；本次缴费（${zhDate(payIso)}）在此之前${noneLater ? '，当年不再资助（认定前已参保的，不再资助参保）' : ''}`,
  paidBeforeCertification: (certIso: string, payIso: string, ifAlreadyPaid: 'no-subsidy' | 'refund' | null) =>
    `${zhDate(certIso)}新认定，晚于${zhDate(payIso)}缴费：${
      ifAlreadyPaid === 'no-subsidy'
        ? '当年不再资助（认定前个人当年已参保的，不再资助参保）'
        : ifAlreadyPaid === 'refund'
          ? `缴费时不予资助，资助部分予以退费（申请退费，退费情形为${code('newly-certified')}）`
          : '不予资助；通知未规定已缴费人员如何处理'
    }`,
  notApplied: (category: string, reason: string) => `${category}：不予资助，${reason}`,
  applied: (c: CompiledCategory) => `${c.doc.name} 资助${zhMoney(c.subsidyFen)}（${subsidyTextZh.benefit(c)}），资金来源：${c.doc.fundSource.label}，由${c.doc.agency}认定`,
  benefit: (c: CompiledCategory): string => {
    const b = c.doc.benefit;
    switch (b.kind) {
      case 'full':
        return zhValue('categories.benefit.kind', 'full');
      case 'percent':
        return `按个人缴费标准的${format.percent(b.percent)}资助`;
      case 'fixed-subsidy':
        return `定额资助${zhMoney(b.amountFen)}`;
      case 'person-pays-percent':
        return `个人缴纳${format.percent(b.percent)}`;
      case 'reduction':
        return `定额减免${zhMoney(b.amountFen)}`;
      case 'same-as':
        return `同${code(b.category)}`;
    }
  },
  stackingRule: {
    'priority-order': '按导盘顺序，取最后一个符合的类别',
    highest: '就高享受一种资助',
    'single-most-favourable': '只享受一种资助，取对本人最有利的',
  },
  stacked: (rule: string, convention: boolean, chosen: string) => `${rule}${convention ? '（约定：通知未写明）' : ''}：${chosen}`,
};

const subsidyTexts = { en: subsidyText, zh: subsidyTextZh } as const;

/** The wording of the subsidy step in a language (refund.ts words its reasons with it). */
export function subsidyTextIn(lang: EngineLang): typeof subsidyText {
  return subsidyTexts[lang];
}

/** One condition set judged: it holds (with what it assumed), it fails (why; or the ages it wanted), or it needs the birth date (reason null). */
type SetResult = { holds: true; assumed: Assumption[] | null } | { holds: false; reason: string | null; ageWanted?: string };

function judgeSet(p: CompiledPolicy, s: CompiledConditionSet, person: Person): SetResult {
  const f = person.facts;
  let assumed: Assumption[] | null = null;
  const assume = (a: Assumption) => (assumed ??= []).push(a);
  if (s.age) {
    if (person.birth === null) return { holds: false, reason: null };
    const age = ageOn(person.birth, p.ageReference);
    if ((s.age.min !== undefined && age < s.age.min) || (s.age.below !== undefined && age >= s.age.below))
      return { holds: false, reason: subsidyTexts[person.lang].ageFails(age, p.ageReferenceIso, subsidyTexts[person.lang].ageSet(s.age)), ageWanted: subsidyTexts[person.lang].ageSet(s.age) };
  }
  const dis = s.doc.disability;
  if (dis) {
    const given = f.disability;
    if (!given) assume(s.disability!);
    else {
      if (dis.grades && !dis.grades.includes(given.grade)) return { holds: false, reason: subsidyTexts[person.lang].gradeFails(given.grade, dis.grades) };
      if (dis.multiDisabledHousehold !== undefined) {
        const mdh = given.multiDisabledHousehold;
        if (mdh === null || mdh === undefined) assume(s.disability!);
        else if (mdh !== dis.multiDisabledHousehold) return { holds: false, reason: subsidyTexts[person.lang].multiDisabledFails(dis.multiDisabledHousehold) };
      }
    }
  }
  const res = s.doc.residence;
  if (res) {
    const given = f.residence;
    if (!given) assume(s.residence!);
    else if (res === 'revolutionary-base-village' ? given !== res : given === 'urban') return { holds: false, reason: subsidyTexts[person.lang].residenceFails(given, res) };
  }
  const members = s.doc.members;
  if (members) {
    const role = f.householdRole;
    if (!role) assume(s.role!);
    else if (role === 'other' || (role === 'spouse' && !members.spouses) || (role === 'child' && members.children === null))
      return { holds: false, reason: subsidyTexts[person.lang].roleFails(role, members.text) };
    else if (role === 'child') {
      const ch = members.children!;
      if (ch.sex) {
        if (!f.sex) assume(s.sex!);
        else if (f.sex !== ch.sex) return { holds: false, reason: subsidyTexts[person.lang].sexFails(members.text) };
      }
      if (ch.belowAge !== undefined) {
        if (person.birth === null) return { holds: false, reason: null };
        const age = ageOn(person.birth, p.ageReference);
        if (age >= ch.belowAge) return { holds: false, reason: subsidyTexts[person.lang].childAgeFails(age, p.ageReferenceIso, ch.belowAge) };
      }
      if (ch.untilMarried) {
        if (!f.maritalStatus) assume(s.marriage!);
        else if (f.maritalStatus !== 'unmarried') return { holds: false, reason: subsidyTexts[person.lang].marriedFails(f.maritalStatus) };
      }
    }
  }
  return { holds: true, assumed };
}

/**
 * Whether a category holds for this payment. Its conditions: one set must hold, on the facts given
 * or, where a fact is missing, on the assumption that the certifying agency vouches for it (the set
 * needing the fewest is taken); refused when no set can be judged without the birth date. Then its
 * certification: on or before the cutoff (or where no rule of the notice covers its day) a payment
 * on or after it is subsidised; a newly certified person's payment from the day the notice's rule says.
 */
export function judgeCategory(p: CompiledPolicy, c: CompiledCategory, person: Person): Verdict {
  let assumed: readonly Assumption[] = NONE;
  if (c.sets) {
    let best: Assumption[] | null = null;
    let found = false;
    let needsBirth = false;
    let reasons: string[] | null = null;
    let ageWanted: string[] | null = null;
    for (const s of c.sets) {
      const r = judgeSet(p, s, person);
      if (r.holds) {
        if (r.assumed === null) {
          found = true;
          best = null;
          break;
        }
        if (!found || best!.length > r.assumed.length) best = r.assumed;
        found = true;
      } else if (r.reason === null) needsBirth = true;
      else if (r.ageWanted !== undefined) (ageWanted ??= []).push(r.ageWanted);
      else (reasons ??= []).push(r.reason);
    }
    if (!found) {
      if (needsBirth) throw new QuoteError('birthDate', subsidyTexts[person.lang].ageRequired(c.doc.name, c.doc.code, p.ageReferenceIso), 'QUOTE_BIRTH_DATE_REQUIRED');
      // the age is the same for every set: one line names every age wanted
      const all = [...(ageWanted ? [subsidyTexts[person.lang].ageFails(ageOn(person.birth!, p.ageReference), p.ageReferenceIso, subsidyTexts[person.lang].either(ageWanted))] : []), ...(reasons ?? [])];
      return { failure: subsidyTexts[person.lang].or(all), assumptions: NONE, certification: null };
    }
    if (best) assumed = best;
  }
  const certified = person.certifiedOn?.get(c.index);
  if (certified === undefined) {
    if (c.certificationAssumption) return assumed.length ? { failure: null, assumptions: [...assumed, c.certificationAssumption], certification: null } : c.assumedCertified;
    return assumed.length ? { failure: null, assumptions: assumed, certification: null } : null;
  }
  return { ...certification(p, c, person, certified), assumptions: assumed };
}

/** The certification of a category on `day` and a payment: subsidised (with a line for the trace), or why not. */
function certification(p: CompiledPolicy, c: CompiledCategory, person: Person, day: Day): { failure: string | null; certification: { detail: string; clause: string | null } | null } {
  const certIso = fromDay(day);
  const rule = certificationRuleFor(p, day);
  if (!rule) {
    if (person.pay < day) return { failure: subsidyTexts[person.lang].certifiedAfterPayment(certIso, person.payIso), certification: null };
    return { failure: null, certification: { detail: subsidyTexts[person.lang].ordinaryCertification(certIso, c.doc.name), clause: p.doc.certification.clause } };
  }
  const from = rule.doc.subsidyFrom === 'month-after-certification' ? firstOfNthMonth(day, 2) : day;
  if (person.pay >= from) return { failure: null, certification: { detail: subsidyTexts[person.lang].newlyCertified(certIso, fromDay(from), c.doc.name), clause: rule.doc.clause } };
  if (person.pay < day) return { failure: subsidyTexts[person.lang].paidBeforeCertification(certIso, person.payIso, rule.doc.ifAlreadyPaid), certification: null };
  return { failure: subsidyTexts[person.lang].beforeSubsidyStarts(certIso, fromDay(from), person.payIso, rule.doc.ifAlreadyPaid === 'no-subsidy'), certification: null };
}

/** The newly-certified rule of the notice that covers a certification on `day`, or null (ordinary: on or before the cutoff, or no rule covers the day). */
export function certificationRuleFor(p: CompiledPolicy, day: Day): CompiledCertificationRule | null {
  if (p.certificationCutoff !== null && day <= p.certificationCutoff) return null;
  return p.certificationRules.find((r) => (r.from === null || day >= r.from) && (r.to === null || day <= r.to)) ?? null;
}

/** The person's categories judged one by one (each in the trace), then stacked into at most one subsidy. */
export function subsidies(p: CompiledPolicy, person: Person, trace: Trace): SubsidyOutcome {
  const ignored: { code: string; reason: string }[] = [];
  const eligible: CompiledCategory[] = [];
  // what holding assumed: the first category's list as it is (often one made at compile), copied once a second adds to it
  let assumptions: readonly Assumption[] = NONE;
  let own = false;
  for (const c of person.categories) {
    const v = judgeCategory(p, c, person);
    if (v !== null && v.failure !== null) {
      ignored.push({ code: c.doc.code, reason: v.failure });
      trace.push({ rule: 'category', clause: c.doc.clause, detail: subsidyTexts[person.lang].notApplied(c.doc.name, v.failure) });
      continue;
    }
    eligible.push(c);
    if (v !== null) {
      if (v.certification !== null) trace.push({ rule: 'certification', clause: v.certification.clause, detail: v.certification.detail });
      if (v.assumptions.length) {
        if (assumptions.length === 0) assumptions = v.assumptions;
        else {
          if (!own) (assumptions = [...assumptions]), (own = true);
          (assumptions as Assumption[]).push(...v.assumptions);
        }
      }
    }
    trace.push({ rule: 'category', clause: c.doc.clause, detail: subsidyTexts[person.lang].applied(c) });
  }
  return { eligible, ignored, chosen: stack(p, eligible, trace, person.lang), assumptions };
}

/** One subsidy per person: the most favourable, the highest, or the last in the priority order. */
function stack(p: CompiledPolicy, eligible: readonly CompiledCategory[], trace: Trace, lang: EngineLang): CompiledCategory | null {
  if (eligible.length === 0) return null;
  const st = p.doc.stacking;
  let chosen = eligible[0]!;
  if (st.rule === 'priority-order') {
    for (const c of eligible) if (c.rank > chosen.rank) chosen = c;
  } else {
    for (const c of eligible) if (c.subsidyFen > chosen.subsidyFen) chosen = c;
  }
  if (eligible.length > 1) trace.push({ rule: 'stacking', clause: st.clause, detail: subsidyTexts[lang].stacked(subsidyTexts[lang].stackingRule[st.rule], st.convention, chosen.doc.name) });
  return chosen;
}

/** The subsidy of the chosen category, as the quote lists it. */
export function subsidyLines(chosen: CompiledCategory | null): QuoteSubsidy[] {
  if (!chosen) return [];
  return [
    {
      categoryCode: chosen.doc.code,
      categoryName: chosen.doc.name,
      officialCodes: chosen.doc.officialCodes,
      amountFen: chosen.subsidyFen,
      agency: chosen.doc.agency,
      fundSource: chosen.doc.fundSource.label,
      fundSourceKind: chosen.doc.fundSource.kind,
      benefitKind: chosen.doc.benefit.kind,
      clause: chosen.doc.clause,
    },
  ];
}
