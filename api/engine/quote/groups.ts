import type { CompiledCategory, CompiledGroup, CompiledGroupRule, CompiledPolicy } from '../compile.js';
import { ageOn, fromDay, type Day } from '../dates.js';
import { QuoteError } from './error.js';
import type { Person } from './person.js';
import { judgeCategory } from './subsidy.js';
import type { Trace } from './trace.js';
import { code as inCode, zhDate, type EngineLang } from './lang.js';

/*
 * Special groups (newborns, freshmen, employee-insurance transfers, …): which the person belongs to,
 * and which rule of each holds for this payment. The window, the fee, the surcharge and the benefit
 * start all read the answer.
 */

/** A group that applies to the person, with its rule in force for this payment (null: none sets one). */
export interface GroupMatch {
  group: CompiledGroup;
  rule: CompiledGroupRule | null;
}

/** The wording of this step's lines and refusals (English; `groupTextZh` is the Chinese twin). */
export const groupText = {
  impliedByNeedy: (group: string, category: string) => `${group}: applies as ${category} is a needy category (困难人口)`,
  notMember: (group: string) => `${group}: the person does not meet the group's conditions for this payment; the ordinary rules apply`,
  noRuleForDate: (group: string, payIso: string) => `${group}: no rule of the group sets the benefit start for a payment on ${payIso}`,
  birthRequired: (group: string, code: string) => `is required for ${group} (${code}): its rules depend on the date of birth`,
  eventRequired: (group: string, code: string, months: number, event: string) =>
    `is required for ${group} (${code}): its rule counts ${months} months from ${event}`,
  eventAfterPayment: (eventIso: string) => `(${eventIso}) is after the payment date`,
};

/** The Chinese wording of this step's lines and refusals. */
export const groupTextZh: typeof groupText = {
  impliedByNeedy: (group: string, category: string) => `${group}：${category}属于困难人口，适用此群体的规定`,
  notMember: (group: string) => `${group}：本次缴费不符合该群体的条件，按一般规定办理`,
  noRuleForDate: (group: string, payIso: string) => `${group}：该群体没有适用于${zhDate(payIso)}缴费的待遇起始规定`,
  birthRequired: (group: string, code: string) => `必须填写：${group}（${inCode(code)}）的规定按出生日期确定`,
  eventRequired: (group: string, code: string, months: number, event: string) => `必须填写：${group}（${inCode(code)}）的规定自${event}起计算${months}个月`,
  eventAfterPayment: (eventIso: string) => `（${zhDate(eventIso)}）晚于缴费日期`,
};

const groupTexts = { en: groupText, zh: groupTextZh } as const;

/**
 * The groups that apply: those named, and those implied by a needy category (困难人口 defined as the
 * categories flagged needy; `person.groups` gains them), in the policy's order; a group whose personal
 * conditions fail for this payment does not apply, and the trace says so.
 */
export function applyingGroups(p: CompiledPolicy, person: Person, trace: Trace): GroupMatch[] {
  const memberOf = person.groups;
  const needyCategory = person.categories.find((c) => c.doc.needy && holds(p, c, person));
  if (needyCategory)
    for (const g of p.groups)
      if (g.doc.impliedByNeedyCategories && !memberOf.includes(g)) {
        memberOf.push(g);
        trace.push({ rule: 'special-group', clause: g.doc.clause, detail: groupTexts[person.lang].impliedByNeedy(g.doc.name, needyCategory.doc.name) });
      }
  memberOf.sort((a, b) => a.index - b.index);
  const t = groupTexts[person.lang];

  const groups = memberOf.map((g) => ({ group: g, ...matchRule(p, g, person.pay, person.birth, person.event, person.lang) }));
  const applying: GroupMatch[] = groups.filter((m) => m.member);
  for (const m of groups) {
    if (!m.member) trace.push({ rule: 'special-group', clause: m.group.doc.clause, detail: t.notMember(m.group.doc.name) });
    else if (m.rule === null && m.group.doc.rules.length > 0)
      trace.push({ rule: 'special-group', clause: m.group.doc.clause, detail: t.noRuleForDate(m.group.doc.name, person.payIso) });
  }
  return applying;
}

/**
 * The first rule of a group whose conditions hold for this payment (or null), and whether the person is
 * a member at all: a group with rules applies when one of them holds, or when a rule fails only on its
 * payment dates (the person is still, say, a freshman; the rule is for other dates). A rule failing on
 * the person (too old, too long after the event) does not make them a member.
 */
function matchRule(p: CompiledPolicy, g: CompiledGroup, pay: Day, birth: Day | null, event: Day | null, lang: EngineLang): { rule: CompiledGroupRule | null; member: boolean } {
  if (g.rules.length === 0) return { rule: null, member: true };
  let member = false;
  for (const r of g.rules) {
    const datesHold = (r.paidFrom === null || pay >= r.paidFrom) && (r.paidBy === null || pay <= r.paidBy);
    const person = personHolds(p, g, r, pay, birth, event, datesHold, lang);
    if (datesHold && person === true) return { rule: r, member: true };
    if (!datesHold && person !== false) member = true;
  }
  return { rule: null, member };
}

/** Whether a category holds for the payment (its conditions and certification). */
function holds(p: CompiledPolicy, c: CompiledCategory, person: Person): boolean {
  const v = judgeCategory(p, c, person);
  return v === null || v.failure === null;
}

/** Whether a group rule asks for the date of birth (days since birth, age, or benefits from birth). */
export function dependsOnBirth(r: CompiledGroupRule): boolean {
  const w = r.doc.when;
  return !!(w.withinDaysOfBirth || w.afterDaysOfBirth || w.paidBeforeAgeYears !== undefined || r.doc.benefitStart === 'birth-date');
}

/** Whether a rule's personal conditions hold: true, false, or null when an input it needs is missing on a rule that is not in force. */
function personHolds(p: CompiledPolicy, g: CompiledGroup, r: CompiledGroupRule, pay: Day, birth: Day | null, event: Day | null, required: boolean, lang: EngineLang): boolean | null {
  const w = r.doc.when;
  const t = groupTexts[lang];
  if (dependsOnBirth(r)) {
    if (birth === null) {
      if (!required) return null;
      throw new QuoteError('birthDate', t.birthRequired(g.doc.name, g.doc.code), 'QUOTE_BIRTH_DATE_REQUIRED');
    }
    const days = pay - birth;
    if (w.withinDaysOfBirth && !(w.withinDaysOfBirth.inclusive ? days <= w.withinDaysOfBirth.days : days < w.withinDaysOfBirth.days)) return false;
    if (w.afterDaysOfBirth && !(w.afterDaysOfBirth.inclusive ? days >= w.afterDaysOfBirth.days : days > w.afterDaysOfBirth.days)) return false;
    if (w.paidBeforeAgeYears !== undefined && ageOn(birth, pay) >= w.paidBeforeAgeYears) return false;
  }
  if (w.withinMonthsOfEvent) {
    if (event === null) {
      if (!required) return null;
      throw new QuoteError('eventDate', t.eventRequired(g.doc.name, g.doc.code, w.withinMonthsOfEvent.months, w.withinMonthsOfEvent.event), 'QUOTE_EVENT_DATE_REQUIRED');
    }
    if (event > pay) throw new QuoteError('eventDate', t.eventAfterPayment(fromDay(event)), 'QUOTE_EVENT_AFTER_PAYMENT');
    const limit = p.addMonths(event, w.withinMonthsOfEvent.months);
    if (w.withinMonthsOfEvent.inclusive ? pay > limit : pay >= limit) return false;
  }
  return true;
}
