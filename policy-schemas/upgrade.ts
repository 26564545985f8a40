/*
 * Documents written in schema version 1 (stored before readings became data) brought to the current
 * shape, so that a version published under version 1 keeps being read, quoted and compared as it was:
 * its stored JSON and content hash never change; the upgrade happens on reading. Each reading that
 * version 1 left to the engine is written out as the engine applied it, with a convention saying so.
 * Pure and total on what version 1 could hold; anything else is left for validation to refuse.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The reason given for every reading an upgrade writes out. */
const V1_REASON = '第1版文件结构未写明这一理解，由计算程序自行掌握；升级时按程序当时的做法写明。';

/** Version-1 disability conditions in the structured form. */
const DISABILITY: Record<string, Json> = {
  any: { text: '残疾人' },
  severe: { grades: [1, 2], text: '重度残疾人' },
  'grade-3-4': { grades: [3, 4], text: '三、四级残疾人' },
  'card-holder-not-severe': { grades: [3, 4], multiDisabledHousehold: false, text: '持有《残疾人证》的非重度残疾人（不含一户多残家庭中的残疾人）' },
  'multi-disabled-household': { multiDisabledHousehold: true, text: '一户多残家庭中的残疾人' },
};

/** Version-1 stacking rules, as a convention names them. */
const STACKING: Record<string, string> = {
  'single-most-favourable': '就优：只享受其中对本人最有利的一种资助。',
  highest: '就高：享受其中最高的一种资助。',
  'priority-order': '按规定的先后顺序，符合的最后一类为准。',
};

const MEMBERS: Record<string, Json | null> = {
  self: null,
  'spouses-and-children-under-18': { spouses: true, children: { belowAge: 18 }, text: '夫妻及其未满18周岁子女' },
  'spouses-and-daughters-under-18': { spouses: true, children: { sex: 'female', belowAge: 18 }, text: '夫妻及其未满18周岁女儿' },
  'spouses-and-sons-under-18': { spouses: true, children: { sex: 'male', belowAge: 18 }, text: '夫妻及其未满18周岁儿子' },
};

/**
 * A document in the current schema version: one of version 1 upgraded (a copy; the input is not
 * changed), any other value as it is.
 */
export function upgradeDocument(input: unknown): unknown {
  if (!isObject(input) || input.schemaVersion !== 1) return input;
  const doc = structuredClone(input) as Json;
  const year = typeof doc.coverageYear === 'number' ? doc.coverageYear : 0;
  const conventions = Array.isArray(doc.conventions) ? (doc.conventions as Json[]) : [];
  const convention = (path: string, topic: string, choice: string) => conventions.push({ topic, choice, reason: V1_REASON, path });
  doc.schemaVersion = 2;

  doc.coveragePeriod = { from: `${year}-01-01`, to: `${year}-12-31`, clause: null, convention: true };
  convention('coveragePeriod', '待遇享受期', `${year}年1月1日至${year}年12月31日（自然年度）。`);

  const windows = Array.isArray(doc.windows) ? (doc.windows as Json[]) : [];
  const paying = windows.filter((w) => w.acceptsPayment !== false);
  const central = paying.find((w) => w.kind === 'central') ?? paying[0];
  doc.readings = {
    waitingExemptStart: { benefitStart: 'payment-day', clause: null, convention: true },
    monthEnd: { rule: 'last-day-of-month', clause: null, convention: true },
    emptyPaymentDate: { window: central?.code ?? '', day: 'first-day-or-birth-date', clause: null, convention: true },
  };
  convention('readings.waitingExemptStart', '未另设规则的免等待期人群的待遇起始', '自缴费之日起享受待遇。');
  convention('readings.monthEnd', '按月计算的期限与月末', '到期月份没有对应日的，以该月最后一日为期限的最后一日。');
  convention('readings.emptyPaymentDate', '名单中缴费日期为空', `视为在${String(central?.name ?? '集中参保缴费期')}首日缴费；此后出生的婴儿视为在出生当日缴费。`);

  const age = doc.ageRule;
  if (isObject(age) && age.convention === true) convention('ageRule', '年龄计算基准日', '按第1版文件所设。');
  const stacking = doc.stacking;
  if (isObject(stacking) && stacking.convention === true) convention('stacking', '多重身份', STACKING[String(stacking.rule)] ?? String(stacking.rule));

  // version 1's engine applied a special fee case to payments inside the coverage year only
  if (isObject(doc.fees) && Array.isArray(doc.fees.specialCases))
    for (const sc of doc.fees.specialCases as Json[]) sc.paidFrom ??= `${year}-01-01`;
  const fee = isObject(doc.fees) && isObject(doc.fees.individual) && typeof doc.fees.individual.amountFen === 'number' ? doc.fees.individual.amountFen : 0;
  for (const c of Array.isArray(doc.categories) ? (doc.categories as Json[]) : []) {
    // a fixed payment by the person is a fixed subsidy of the rest of the fee
    if (isObject(c.benefit) && c.benefit.kind === 'fixed-payment')
      c.benefit = { kind: 'fixed-subsidy', amountFen: Math.max(fee - Number(c.benefit.amountFen), 0) };
    for (const set of Array.isArray(c.conditions) ? (c.conditions as Json[]) : []) {
      if (typeof set.disability === 'string') set.disability = DISABILITY[set.disability] ?? { text: set.disability };
      if (set.residence === 'urban') {
        delete set.residence;
        set.note = set.note ? `${String(set.note)}；城镇居民` : '城镇居民';
      }
      if (typeof set.members === 'string') {
        const m = MEMBERS[set.members];
        if (m) set.members = m;
        else delete set.members;
      }
    }
  }

  const certification = doc.certification;
  if (isObject(certification) && Array.isArray(certification.newlyCertified))
    certification.newlyCertified = (certification.newlyCertified as Json[]).map((r, i) => {
      const filled = r.subsidyFrom === null || r.subsidyFrom === undefined;
      if (filled) convention(`certification.newlyCertified[${i}]`, '新增减免对象', '自认定之日起资助。');
      return { ...r, subsidyFrom: filled ? 'on-certification' : r.subsidyFrom, ifAlreadyPaid: r.ifAlreadyPaid ?? null, convention: filled };
    });

  for (const w of windows)
    if (typeof w.condition === 'string') {
      // version 1 kept the condition as words only, which the engine did not read
      w.note = w.condition;
      delete w.condition;
    }

  // groups that enrolled at any time: version 1's engine opened them a window of their own on a day
  // no other window covered, from the first payment day to the end of the year, benefits the next day
  const groups = Array.isArray(doc.specialGroups) ? (doc.specialGroups as Json[]) : [];
  const anytime = groups.filter((g) => g.enrollAnytime === true);
  for (const g of groups) delete g.enrollAnytime;
  for (const g of groups)
    for (const r of Array.isArray(g.rules) ? (g.rules as Json[]) : []) {
      if (r.fee === 'special') r.fee = 'individual';
      if (isObject(r.when)) delete r.when.bornInYear;
    }
  if (anytime.length) {
    const from = paying.map((w) => String(w.from)).sort()[0] ?? `${year}-01-01`;
    const at = windows.findIndex((w) => String(w.from) > from);
    const window: Json = {
      code: 'anytime',
      kind: 'anytime',
      name: '随时参保缴费',
      from,
      to: `${year}-12-31`,
      acceptsPayment: true,
      who: 'listed-groups',
      groups: anytime.map((g) => g.code),
      benefitStart: 'day-after-payment',
      waiting: { kind: 'none' },
      clause: String(anytime[0]!.clause),
    };
    if (at < 0) windows.push(window);
    else windows.splice(at, 0, window);
    convention('windows', '随时参保缴费的人群', `设随时参保缴费期，自${from}起至${year}-12-31止，自缴费次日起享受待遇。`);
  }
  doc.conventions = conventions;
  return doc;
}
