import { isRealDate } from '../../../policy-schemas/index.js';
import type { CompiledCategory, CompiledGroup, CompiledPolicy } from '../compile.js';
import { toDay, type Day } from '../dates.js';
import { QuoteError } from './error.js';
import { code, zhDate, zhGrade, type EngineLang } from './lang.js';

/*
 * Who the person is, as the policy knows them: the dates of the request as day numbers, the
 * categories and special groups named (each refused when the policy has no such code), and the facts
 * a rule may ask about (certification dates, disability, household role, …), checked here so that
 * every later step finds them on `Person`. A request without facts costs nothing more.
 */

/** The facts of a person a rule may ask about; each optional (a rule that needs one not given states its assumption). */
export const RESIDENCES = ['rural', 'urban', 'revolutionary-base-village'] as const;
/** In the household of a household's category: one of the couple (夫妻), their child, or another member. */
export const HOUSEHOLD_ROLES = ['spouse', 'child', 'other'] as const;
export const SEXES = ['female', 'male'] as const;
/** 婚姻状况 (GB/T 2261.2): 未婚, 已婚, 丧偶, 离婚. */
export const MARITAL_STATUSES = ['unmarried', 'married', 'widowed', 'divorced'] as const;
/** 残疾类别 of the 残疾人证: 视力, 听力, 言语, 肢体, 智力, 精神, 多重. */
export const DISABILITY_KINDS = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const;

export interface PersonFacts {
  /** Certification days of categories (a category named here need not be repeated in `categories`). */
  certifications?: readonly { category: string; certifiedOn: string }[] | null;
  /** 残疾人证: grade 1 (一级, the most severe) to 4; kind; whether the household has several disabled members (一户多残). */
  disability?: { grade: number; kind?: (typeof DISABILITY_KINDS)[number] | null; multiDisabledHousehold?: boolean | null } | null;
  residence?: (typeof RESIDENCES)[number] | null;
  householdRole?: (typeof HOUSEHOLD_ROLES)[number] | null;
  sex?: (typeof SEXES)[number] | null;
  maritalStatus?: (typeof MARITAL_STATUSES)[number] | null;
  /** Had basic insurance (of any scheme) earlier in the coverage year. */
  insuredEarlierInYear?: boolean | null;
}

export interface QuoteRequest extends PersonFacts {
  paymentDate: string;
  birthDate?: string | null;
  /** Category codes or official identity codes. */
  categories?: readonly string[] | null;
  groups?: readonly string[] | null;
  /** The event a group rule counts from (e.g. the day employee insurance stopped). */
  eventDate?: string | null;
}

export interface Person {
  /** The payment day (the request's `paymentDate`). */
  pay: Day;
  payIso: string;
  birth: Day | null;
  event: Day | null;
  /** The categories named (in `categories` or `certifications`), each once, in the policy's order: the answer never depends on the order given. */
  categories: CompiledCategory[];
  /** The day each category was certified, by the category's index in the policy; null when no certification was given. */
  certifiedOn: ReadonlyMap<number, Day> | null;
  /** The special groups named, each once, in the order given (groups.ts adds implied ones and sorts). */
  groups: CompiledGroup[];
  /** The request's facts, checked. */
  facts: PersonFacts;
  /** The language the answer is worded in. */
  lang: EngineLang;
}

/** The wording of this step's refusals (English; `personTextZh` is the Chinese twin). */
export const personText = {
  notADate: (value: string) => `"${value}" is not a date written YYYY-MM-DD`,
  bornAfterPayment: (birthIso: string, payIso: string) => `(${birthIso}) is after the payment date (${payIso})`,
  unknownCategory: (key: string, jurisdiction: string, year: number) => `unknown category "${key}" for ${jurisdiction} ${year}`,
  unknownGroup: (key: string, jurisdiction: string, year: number) => `unknown special group "${key}" for ${jurisdiction} ${year}`,
  certifiedTwice: (category: string, a: string, b: string) => `${category} is certified twice, on ${a} and on ${b}; give one certification per category`,
  certifiedAfterCoverage: (iso: string, endIso: string) => `(${iso}) is after the coverage period ends (${endIso})`,
  grade: (value: unknown) => `${JSON.stringify(value)} is not a disability grade (1 to 4, 一级 to 四级)`,
  oneOf: (value: unknown, values: readonly string[]) => `${JSON.stringify(value)} is not one of ${values.join(', ')}`,
};


/** The Chinese wording of this step's refusals. */
export const personTextZh: typeof personText = {
  notADate: (value: string) => `“${value}” 不是 YYYY-MM-DD 格式的日期`,
  bornAfterPayment: (birthIso: string, payIso: string) => `（${zhDate(birthIso)}）晚于缴费日期（${zhDate(payIso)}）`,
  unknownCategory: (key: string, jurisdiction: string, year: number) => `“${key}” 不是${jurisdiction} ${year}年度的类别`,
  unknownGroup: (key: string, jurisdiction: string, year: number) => `“${key}” 不是${jurisdiction} ${year}年度的特殊群体`,
  certifiedTwice: (category: string, a: string, b: string) => `${category}认定了两次（${zhDate(a)}、${zhDate(b)}）；每个类别只填一次认定`,
  certifiedAfterCoverage: (iso: string, endIso: string) => `（${zhDate(iso)}）晚于待遇期结束日（${zhDate(endIso)}）`,
  grade: (value: unknown) => `${JSON.stringify(value)} 不是残疾等级（${zhGrade(1)}至${zhGrade(4)}）`,
  oneOf: (value: unknown, values: readonly string[]) => `${typeof value === 'string' ? `“${value}”` : JSON.stringify(value)} 不是以下之一：${values.map(code).join('、')}`,
};

export const personTexts = { en: personText, zh: personTextZh } as const;

function parseDate(field: string, value: string, t: typeof personText): Day {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) throw new QuoteError(field, t.notADate(value), 'QUOTE_DATE_MALFORMED');
  return toDay(value);
}

function checkOneOf(field: string, value: unknown, values: readonly string[], t: typeof personText) {
  if (value !== null && value !== undefined && !values.includes(value as string)) throw new QuoteError(field, t.oneOf(value, values), 'QUOTE_NOT_ONE_OF');
}

/** The person of a request; refuses a date that is not one, a birth after the payment, an unknown code, a fact out of range. */
export function identify(p: CompiledPolicy, req: QuoteRequest, lang: EngineLang = 'en'): Person {
  const t = personTexts[lang];
  const pay = parseDate('paymentDate', req.paymentDate, t);
  const birth = req.birthDate ? parseDate('birthDate', req.birthDate, t) : null;
  const event = req.eventDate ? parseDate('eventDate', req.eventDate, t) : null;
  if (birth !== null && birth > pay) throw new QuoteError('birthDate', t.bornAfterPayment(req.birthDate!, req.paymentDate), 'QUOTE_BORN_AFTER_PAYMENT');

  const categories: CompiledCategory[] = [];
  const seen = new Set<CompiledCategory>();
  for (const key of req.categories ?? []) {
    const c = p.categoryByKey.get(key.trim());
    if (!c) throw new QuoteError('categories', t.unknownCategory(key, p.doc.jurisdiction.name, p.year), 'QUOTE_UNKNOWN_CATEGORY');
    if (!seen.has(c)) categories.push(c), seen.add(c);
  }
  let certifiedOn: Map<number, Day> | null = null;
  const certifications = req.certifications;
  if (certifications && certifications.length) {
    certifiedOn = new Map();
    const given = new Map<number, string>();
    certifications.forEach((cert, i) => {
      const c = p.categoryByKey.get(cert.category.trim());
      if (!c) throw new QuoteError(`certifications[${i}].category`, t.unknownCategory(cert.category, p.doc.jurisdiction.name, p.year), 'QUOTE_UNKNOWN_CATEGORY');
      const day = parseDate(`certifications[${i}].certifiedOn`, cert.certifiedOn, t);
      const earlier = given.get(c.index);
      if (earlier !== undefined && earlier !== cert.certifiedOn)
        throw new QuoteError(`certifications[${i}].certifiedOn`, t.certifiedTwice(c.doc.name, earlier, cert.certifiedOn), 'QUOTE_CERTIFIED_TWICE');
      given.set(c.index, cert.certifiedOn);
      certifiedOn!.set(c.index, day);
      if (!seen.has(c)) categories.push(c), seen.add(c);
    });
  }
  if (categories.length > 1) categories.sort((a, b) => a.index - b.index);

  const groups: CompiledGroup[] = [];
  for (const key of req.groups ?? []) {
    const g = p.groupByCode.get(key.trim());
    if (!g) throw new QuoteError('groups', t.unknownGroup(key, p.doc.jurisdiction.name, p.year), 'QUOTE_UNKNOWN_GROUP');
    if (!groups.includes(g)) groups.push(g);
  }

  const d = req.disability;
  if (d) {
    if (!Number.isInteger(d.grade) || d.grade < 1 || d.grade > 4) throw new QuoteError('disability.grade', t.grade(d.grade), 'QUOTE_NOT_A_GRADE');
    checkOneOf('disability.kind', d.kind, DISABILITY_KINDS, t);
  }
  checkOneOf('residence', req.residence, RESIDENCES, t);
  checkOneOf('householdRole', req.householdRole, HOUSEHOLD_ROLES, t);
  checkOneOf('sex', req.sex, SEXES, t);
  checkOneOf('maritalStatus', req.maritalStatus, MARITAL_STATUSES, t);
  return { pay, payIso: req.paymentDate, birth, event, categories, certifiedOn, groups, facts: req, lang };
}
