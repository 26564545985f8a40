import { describe, expect, it } from 'vitest';
import { validatePolicyDocument, subsidyFenOf, type PolicyDocument } from '../policy-schemas/index.js';
import { readSeed, SEEDS } from './index.js';

/** Each seed's key figures, asserted against the numbers printed in its notice. */
function load(file: string) {
  const r = validatePolicyDocument(readSeed(file));
  if (!r.ok) throw new Error(`${file}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return r;
}
const yuan = (n: number) => n * 100;
const subsidy = (d: PolicyDocument, code: string) => {
  const byCode = new Map(d.categories.map((c) => [c.code, c]));
  return subsidyFenOf(byCode.get(code)!.benefit, d.fees.individual.amountFen, byCode);
};
const window = (d: PolicyDocument, code: string) => d.windows.find((w) => w.code === code)!;

describe('every seed', () => {
  it.each(SEEDS.map((s) => s.file))('%s validates against the schema', (file) => {
    expect(validatePolicyDocument(readSeed(file)).ok).toBe(true);
  });

  it.each(SEEDS.map((s) => s.file))('%s: every category, window, group and rule names its clause', (file) => {
    const d = load(file).document;
    const rules = [
      ...d.categories,
      ...d.windows,
      ...d.specialGroups,
      ...d.specialGroups.flatMap((g) => g.rules),
      d.fees.individual,
      d.fees.government,
    ];
    for (const r of rules) expect(r.clause, JSON.stringify(r).slice(0, 80)).toMatch(/\S/);
  });
});

describe('石狮市 2024 (狮政办规〔2023〕8号)', () => {
  const { document: d, warnings } = load('shishi-2024.json');
  it('fees 三（一）（二）（三）', () => {
    expect(d.fees.individual.amountFen).toBe(yuan(390));
    expect(d.fees.government).toMatchObject({ basis: 'floor', amountFen: yuan(640) });
    expect(d.fees.lateSurcharge).toMatchObject({ from: '2024-07-01', exemptNeedy: true });
    expect(d.fees.lateSurcharge!.exemptGroups).toEqual(expect.arrayContaining(['newborn', 'freshman', 'employee-transfer']));
  });
  it('windows 二: central, Jan–Feb without waiting, back-pay with 60 days (payment day is day 1)', () => {
    expect(window(d, 'central')).toMatchObject({ from: '2023-09-01', to: '2023-12-31', benefitStart: 'coverage-start' });
    expect(window(d, 'jan-feb')).toMatchObject({ from: '2024-01-01', to: '2024-02-29', benefitStart: 'payment-day' });
    expect(window(d, 'back-payment')).toMatchObject({
      from: '2024-03-01',
      to: '2024-12-31',
      waiting: { kind: 'days', days: 60, convention: 'payment-day-is-day-1' },
    });
  });
  it('categories 四: 低保 90% → 351; one subsidy only', () => {
    expect(d.categories.map((c) => c.clause)).toEqual(expect.arrayContaining(['四（一）', '四（十一）']));
    expect(subsidy(d, 'di-bao')).toBe(yuan(351));
    expect(subsidy(d, 'di-bao-bian-yuan')).toBe(yuan(273)); // 70% of 390; pays 117
    expect(d.stacking.rule).toBe('single-most-favourable');
    expect(d.categories.find((c) => c.code === 'te-kun')!.name).toBe('特困人员');
  });
  it('target ≥ 96%, work funding 3 yuan per person, validity to 2025-12-31', () => {
    expect(d.targets.some((t) => t.percent === 96)).toBe(true);
    expect(d.workFunding[0]!.tiers[0]!.ratePerPersonFen).toBe(yuan(3));
    expect(d.metadata.validity?.until).toBe('2025-12-31');
  });
  it('roster 附件: 27 members led by 蔡俊龙, office in 市政府办公室, successors take over', () => {
    expect(d.leadGroup!.members).toHaveLength(27);
    expect(d.leadGroup!.members[0]).toMatchObject({ role: 'leader', name: '蔡俊龙', post: '市政府副市长' });
    expect(d.leadGroup!.office!.hostedBy).toContain('市政府办公室');
    expect(d.leadGroup!.successorRule).toBe(true);
  });
  it('has no warnings', () => expect(warnings).toEqual([]));
});

describe('石狮市 2025 (狮政办规〔2024〕5号)', () => {
  const { document: d } = load('shishi-2025.json');
  it('fees 400 / floor 670; surcharge from 2025-07-01', () => {
    expect(d.fees.individual.amountFen).toBe(yuan(400));
    expect(d.fees.government).toMatchObject({ basis: 'floor', amountFen: yuan(670) });
    expect(d.fees.lateSurcharge!.from).toBe('2025-07-01');
  });
  it('extended window 2025-01-01 – 02-28 and a 3-month wait after', () => {
    expect(window(d, 'extended')).toMatchObject({ kind: 'extended', from: '2025-01-01', to: '2025-02-28', benefitStart: 'payment-day' });
    expect(window(d, 'back-payment').waiting).toMatchObject({ kind: 'months', months: 3 });
  });
  it('低保 90% → 360; 特困供养人员 under the same code as 2024; no roster; disclosure public', () => {
    expect(subsidy(d, 'di-bao')).toBe(yuan(360));
    expect(d.categories.find((c) => c.code === 'te-kun')!.name).toBe('特困供养人员');
    expect(d.leadGroup).toBeNull();
    expect(d.metadata.disclosure).toBe('public');
    expect(d.metadata.validity?.until).toBe('2026-12-31');
  });
});

describe('灵源街道 2022 (晋政灵〔2021〕111号)', () => {
  const { document: d, warnings } = load('lingyuan-2022.json');
  it('fees 330, floor 580 including 10 from the township, surcharge from 2022-07-01', () => {
    expect(d.fees.individual.amountFen).toBe(yuan(330));
    expect(d.fees.government.amountFen).toBe(yuan(580));
    expect(d.fees.government.split).toContainEqual(expect.objectContaining({ level: 'township', amountFen: yuan(10) }));
    expect(d.fees.lateSurcharge!.from).toBe('2022-07-01');
    expect(d.fees.lateSurcharge!.exemptNeedy).toBe(false);
  });
  it('17 fully subsidised categories as declared (16 printed + 一户多残), 2 partial', () => {
    const full = d.categories.filter((c) => c.list === 'full');
    expect(full).toHaveLength(17);
    expect(d.categoryLists.find((l) => l.code === 'full')).toMatchObject({ declaredCount: 17 });
    expect(d.categoryLists.find((l) => l.code === 'full')!.countingNote).toMatch(/一户多残/);
    expect(full.at(-1)!.name).toContain('一户多残');
    expect(d.categories.filter((c) => c.list === 'partial')).toHaveLength(2);
    expect(warnings.filter((w) => w.code === 'declared-count-differs')).toEqual([]);
  });
  it('low-income elderly pay 30% (99); only-son households pay 300', () => {
    expect(yuan(330) - subsidy(d, 'di-shou-ru')!).toBe(yuan(99));
    expect(yuan(330) - subsidy(d, 'du-zi-hu')!).toBe(yuan(300));
  });
  it('windows: registration, payment from 2021-10-10, no wait to 03-10, then 60 days after payment', () => {
    expect(window(d, 'registration')).toMatchObject({ from: '2021-09-01', to: '2021-12-31', acceptsPayment: false });
    expect(window(d, 'central')).toMatchObject({ from: '2021-10-10', to: '2021-12-31' });
    expect(window(d, 'back-pay-no-wait').to).toBe('2022-03-10');
    expect(window(d, 'back-pay-wait').waiting).toEqual({ kind: 'days', days: 60, convention: 'payment-day-excluded' });
  });
  it('quota table 附件1: 12 rows totalling 32,032 as printed', () => {
    const t = d.quotaTables[0]!;
    expect(t.rows).toHaveLength(12);
    expect(t.printedTotal).toEqual({ population: 27238, residencePermits: 4794, target: 32032 });
    expect(t.rows.reduce((a, r) => a + r.target, 0)).toBe(32032);
  });
  it('activation table 附件2 kept as printed, with the two differences reported', () => {
    const t = d.activationTables[0]!;
    expect(t.printedTotal).toMatchObject({ insured: 26774, activated: 7856, ratePrinted: '29.34%', targetActivated: 16064, gap: 8181 });
    const msgs = warnings.filter((w) => w.code === 'printed-total-differs').map((w) => w.message);
    expect(msgs).toHaveLength(2);
    expect(msgs.join(' ')).toMatch(/16065.*16064/);
    expect(msgs.join(' ')).toMatch(/8209.*8181/);
  });
  it('work funding 2 / 4 / 5 yuan by enrollment and activation', () => {
    expect(d.workFunding[0]!.tiers.map((t) => t.ratePerPersonFen).sort()).toEqual([yuan(2), yuan(4), yuan(5)]);
  });
  it('age judged on 2021-12-31, the date 四（六） sets (born before 1962-01-01 → 60+)', () => {
    expect(d.ageRule).toMatchObject({ referenceDate: { kind: 'date', date: '2021-12-31' }, clause: '四（六）' });
  });
});

describe('眉山市 2024 (眉医保办发〔2023〕18号)', () => {
  const { document: d } = load('meishan-2024.json');
  it('fees 380, floor 640, three issuers, on request', () => {
    expect(d.fees.individual.amountFen).toBe(yuan(380));
    expect(d.fees.government).toMatchObject({ basis: 'floor', amountFen: yuan(640) });
    expect(d.fees.lateSurcharge).toBeNull();
    expect(d.metadata.issuers).toHaveLength(3);
    expect(d.metadata.disclosure).toBe('on-request');
  });
  it('75% → 285 and 25% → 95, as printed', () => {
    expect(subsidy(d, 'di-bao')).toBe(yuan(285));
    expect(subsidy(d, 'wen-ding-tuo-pin')).toBe(yuan(95));
  });
  it('priority order 三（二） with identity codes, from 稳定脱贫户 993406 to 特困 2304', () => {
    expect(d.stacking.rule).toBe('priority-order');
    const first = d.categories.find((c) => c.code === d.stacking.order[0])!;
    const last = d.categories.find((c) => c.code === d.stacking.order.at(-1))!;
    expect(first.officialCodes).toEqual(['993406']);
    expect(last.officialCodes).toEqual(['2304']);
    const veterans = d.categories.find((c) => c.officialCodes.includes('9925'))!;
    expect(veterans.officialCodes).toHaveLength(17);
  });
  it('central window to 2024-02-29; ordinary late payers from the 4th month', () => {
    expect(window(d, 'central')).toMatchObject({ from: '2023-09-01', to: '2024-02-29', benefitStart: 'coverage-start' });
    const late = d.windows.find((w) => w.waiting.kind === 'nth-month')!;
    expect(late.waiting).toMatchObject({ n: 4, convention: 'payment-month-is-first' });
  });
  it('departments (附件1) and definitions (附件2)', () => {
    expect(d.responsibilities.length).toBeGreaterThanOrEqual(12);
    expect(d.definitions.find((x) => x.term.includes('农村低收入人口'))!.includes).toHaveLength(4);
    expect(d.definitions.find((x) => x.term.includes('防止返贫监测对象'))!.includes).toHaveLength(3);
  });
});

describe('五河县 2024 (五政办秘〔2023〕50号)', () => {
  const { document: d, warnings } = load('wuhe-2024.json');
  it('fixed subsidy 640 = 384 + 192 + 64; financing 1020', () => {
    expect(d.fees.government).toMatchObject({ basis: 'fixed', amountFen: yuan(640) });
    expect(d.fees.government.split.map((s) => s.amountFen)).toEqual([yuan(384), yuan(192), yuan(64)]);
    expect(d.fees.totalFinancing!.amountFen).toBe(yuan(1020));
  });
  it('低保 320 (pays 60), 监测 190 (pays 190), 优抚 and 重残 like 低保, 就高', () => {
    expect(subsidy(d, 'di-bao')).toBe(yuan(320));
    expect(subsidy(d, 'jian-ce')).toBe(yuan(190));
    expect(subsidy(d, 'you-fu')).toBe(yuan(320));
    expect(subsidy(d, 'zhong-du-can-ji')).toBe(yuan(320));
    expect(d.stacking.rule).toBe('highest');
  });
  it('newborns of 2023 pay 350 for 2023 and 380 for 2024', () => {
    expect(d.fees.specialCases[0]!.charges).toEqual([
      { coverageYear: 2023, amountFen: yuan(350) },
      { coverageYear: 2024, amountFen: yuan(380) },
    ]);
  });
  it('ordinary late payers from the 7th month; migrant workers to 2024-02-29', () => {
    expect(d.windows.find((w) => w.waiting.kind === 'nth-month')!.waiting).toMatchObject({ n: 7 });
    expect(window(d, 'migrant-worker')).toMatchObject({ to: '2024-02-29', benefitStart: 'coverage-start' });
  });
  it('refund before the benefit period for the four reasons', () => {
    expect(d.refund!.rules[0]!.reasons.sort()).toEqual(['death', 'duplicate-payment', 'joined-employee-insurance', 'joined-other-city']);
  });
  it('quota table: printed 542,468 kept, rows add to 542,469, and a warning says so', () => {
    const t = d.quotaTables[0]!;
    expect(t.rows).toHaveLength(14);
    expect(t.printedTotal).toMatchObject({ population: 695520, target: 542468 });
    expect(t.rows.reduce((a, r) => a + r.target, 0)).toBe(542469);
    expect(warnings).toEqual([expect.objectContaining({ code: 'printed-total-differs', path: 'quotaTables[0].printedTotal.target' })]);
    expect(warnings[0]!.message).toMatch(/542469.*542468/);
  });
  it('coordination group with a first deputy, office in the county tax bureau', () => {
    expect(d.leadGroup!.kind).toBe('coordination-group');
    expect(d.leadGroup!.members.filter((m) => m.role === 'first-deputy').map((m) => m.name)).toEqual(['陈晓宏']);
    expect(d.leadGroup!.office!.hostedBy).toContain('税务局');
  });
});
