import { describe, expect, it } from 'vitest';
import { seededPolicy } from '../../../test/engine/seeded.js';
import { linesOf, prepare, refusal } from '../../../test/engine/steps.js';
import type { CompiledPolicy } from '../compile.js';
import type { QuoteRequest } from './person.js';
import { subsidies, subsidyLines } from './subsidy.js';

function subsidyFor(p: CompiledPolicy, req: QuoteRequest) {
  const { person, trace } = prepare(p, req);
  const before = trace.length;
  const s = subsidies(p, person, trace);
  const line = subsidyLines(s.chosen)[0];
  return {
    chosen: s.chosen?.doc.code ?? null,
    amountFen: line?.amountFen ?? 0,
    fundSource: line?.fundSource ?? null,
    eligible: s.eligible.map((c) => c.doc.code),
    ignored: s.ignored,
    trace: trace.slice(before),
  };
}

describe('subsidies: category conditions, then one subsidy by the notice’s stacking rule', () => {
  it('Shishi 2025 四（二）: 低保 90% of 400 → 360 from the medical assistance fund, traced with agency and clause', () => {
    const s = subsidyFor(seededPolicy('shishi-2025.json'), { paymentDate: '2024-10-01', categories: ['di-bao'] });
    expect(s).toMatchObject({ chosen: 'di-bao', amountFen: 36_000, fundSource: '医疗救助资金' });
    expect(s.trace).toEqual([
      { rule: 'category', clause: '四（二）', detail: '最低生活保障对象: subsidy 360 元 (90% of the fee), 医疗救助资金, certified by 市民政局' },
    ]);
  });

  it('Shishi 2025 四（五）: 低保边缘 70% → 280 (pays 120); its conditions include disability, so the agency vouches and no birth date is needed', () => {
    expect(subsidyFor(seededPolicy('shishi-2025.json'), { paymentDate: '2024-10-01', categories: ['di-bao-bian-yuan'] }).amountFen).toBe(28_000);
  });

  describe('Meishan 三（二）导盘顺序: the last matching category in the priority order wins, fund source included', () => {
    const meishan = seededPolicy('meishan-2024.json');

    it('稳定脱贫户 (993406) alone: 25% of 380 → 95, pays 285', () => {
      expect(subsidyFor(meishan, { paymentDate: '2023-10-01', categories: ['993406'] })).toMatchObject({ chosen: 'wen-ding-tuo-pin', amountFen: 9_500, fundSource: '医疗救助资金' });
    });

    it('稳定脱贫户 + 低保 (2303): 低保 comes later in the order → 75%, 285', () => {
      const s = subsidyFor(meishan, { paymentDate: '2023-10-01', categories: ['2303', '993406'] });
      expect(s).toMatchObject({ chosen: 'di-bao', amountFen: 28_500 });
      expect(s.trace.at(-1)).toEqual({ rule: 'stacking', clause: '三（二）', detail: 'the last matching category in the priority order applies: 低保救助对象' });
    });

    it('孤儿 (2361) + 特困 (2304), both full: 特困 is last in the order and decides', () => {
      expect(subsidyFor(meishan, { paymentDate: '2023-10-01', categories: ['2304', '2361'] })).toMatchObject({ chosen: 'te-kun', amountFen: 38_000 });
      expect(subsidyFor(meishan, { paymentDate: '2023-10-01', categories: ['2361', '2303'] })).toMatchObject({ chosen: 'gu-er', amountFen: 38_000 });
    });
  });

  describe('Wuhe 二（二）就高: the highest subsidy', () => {
    const wuhe = seededPolicy('wuhe-2024.json');

    it('低保 (320) and 监测人口 (190) at once → 320, pays 60', () => {
      const s = subsidyFor(wuhe, { paymentDate: '2023-10-01', categories: ['jian-ce', 'di-bao'] });
      expect(s).toMatchObject({ chosen: 'di-bao', amountFen: 32_000, eligible: ['di-bao', 'jian-ce'] });
      expect(linesOf(s.trace)).toEqual([
        '低保对象: subsidy 320 元 (fixed 320 元), 医疗救助资金, certified by 民政部门',
        '防止返贫监测对象（监测人口）: subsidy 190 元 (fixed 190 元), 医疗救助资金, certified by 乡村振兴部门',
        'the highest subsidy applies (就高): 低保对象',
      ]);
    });

    it('重点优抚 is subsidised as 低保: 320', () => {
      const s = subsidyFor(wuhe, { paymentDate: '2023-10-01', categories: ['you-fu'] });
      expect(s.amountFen).toBe(32_000);
      expect(linesOf(s.trace)[0]).toBe('重点优抚对象: subsidy 320 元 (as di-bao), 通知未列明（参照低保标准定额资助）, certified by 退役军人部门');
    });

    it('two full subsidies from different funds (特困 by the medical assistance fund, 计生特殊家庭 by the township): the one listed first', () => {
      expect(subsidyFor(wuhe, { paymentDate: '2023-10-01', categories: ['ji-sheng-te-shu', 'te-kun'] })).toMatchObject({ chosen: 'te-kun', fundSource: '医疗救助资金' });
    });
  });

  describe('Lingyuan 三（二）: 独子户 30 off, 低收入 by age on 2021-12-31, the most favourable by convention', () => {
    const lingyuan = seededPolicy('lingyuan-2022.json');

    it('rural only-son household: 30 off 330, pays 300', () => {
      const s = subsidyFor(lingyuan, { paymentDate: '2021-11-15', categories: ['du-zi-hu'] });
      expect(s).toMatchObject({ chosen: 'du-zi-hu', amountFen: 3_000, fundSource: '本级财政' });
      expect(linesOf(s.trace)).toEqual(['农村居民计生独子户: subsidy 30 元 (30 元 off), 本级财政, certified by 卫健局']);
    });

    it('低收入 60+: born 1961-12-31 is 60 on 2021-12-31 and pays 30% (subsidy 231); born 1962-01-01 is 59 and is ignored with the reason', () => {
      expect(subsidyFor(lingyuan, { paymentDate: '2021-11-20', birthDate: '1961-12-31', categories: ['di-shou-ru'] })).toMatchObject({ chosen: 'di-shou-ru', amountFen: 23_100 });
      const young = subsidyFor(lingyuan, { paymentDate: '2021-11-20', birthDate: '1962-01-01', categories: ['di-shou-ru'] });
      expect(young.chosen).toBeNull();
      expect(young.ignored).toEqual([{ code: 'di-shou-ru', reason: 'age 59 on 2021-12-31 is not ≥ 60 or < 18' }]);
      expect(linesOf(young.trace)).toEqual(['低收入家庭中年满60周岁的老年人、未满18周岁的未成年人: not applied, age 59 on 2021-12-31 is not ≥ 60 or < 18']);
    });

    it('低收入 and 独子户 together: the notice states no rule, the most favourable (低收入, 231) is taken and the trace says it is a convention', () => {
      const s = subsidyFor(lingyuan, { paymentDate: '2021-11-20', birthDate: '1956-05-05', categories: ['du-zi-hu', 'di-shou-ru'] });
      expect(s).toMatchObject({ chosen: 'di-shou-ru', amountFen: 23_100 });
      expect(s.trace.at(-1)).toEqual({
        rule: 'stacking',
        clause: null,
        detail: 'only one subsidy applies, the most favourable to the person (convention: the notice states no rule): 低收入家庭中年满60周岁的老年人、未满18周岁的未成年人',
      });
    });

    it('an age category without a birth date is refused, naming the reference date', () => {
      expect(refusal(() => subsidyFor(lingyuan, { paymentDate: '2021-11-20', categories: ['di-shou-ru'] }))).toEqual({
        field: 'birthDate',
        message: 'is required: 低收入家庭中年满60周岁的老年人、未满18周岁的未成年人 (di-shou-ru) applies by age, judged on 2021-12-31',
      });
    });
  });
});

describe('the facts a category depends on: judged where given, assumed (and said) where not', () => {
  const judge = (p: CompiledPolicy, req: QuoteRequest) => {
    const { person, trace } = prepare(p, req);
    const s = subsidies(p, person, trace);
    return { chosen: s.chosen?.doc.code ?? null, ignored: s.ignored.map((i) => [i.code, i.reason]), assumed: s.assumptions.map((a) => [a.category, a.fact]), certification: linesOf(trace, 'certification') };
  };

  describe('Shishi 2024 五（二）: the newly certified are subsidised from the month after certification; none if they had paid before', () => {
    const shishi = seededPolicy('shishi-2024.json');
    const te = (certifiedOn: string, paymentDate: string) => judge(shishi, { paymentDate, certifications: [{ category: 'te-kun', certifiedOn }] });

    it('certified on or before the cutoff (2023-08-31): ordinary certification, subsidised', () => {
      expect(te('2023-08-31', '2023-09-01')).toMatchObject({ chosen: 'te-kun', assumed: [], certification: ['特困人员: certified on 2023-08-31'] });
    });
    it('certified after the cutoff (2023-10-15), paid 2023-11-10, on or after the first day of the next month: subsidised', () => {
      expect(te('2023-10-15', '2023-11-10')).toMatchObject({ chosen: 'te-kun', certification: ['特困人员: newly certified on 2023-10-15; payments from 2023-11-01 are subsidised'] });
      expect(te('2023-10-15', '2023-11-01').chosen).toBe('te-kun');
    });
    it('paid in the month of certification (2023-10-31): before the subsidy starts, no subsidy, and none later', () => {
      expect(te('2023-10-15', '2023-10-31')).toMatchObject({
        chosen: null,
        ignored: [['te-kun', 'newly certified on 2023-10-15: subsidised from 2023-11-01; this payment on 2023-10-31 is before that, and the year gets no subsidy later (认定前已参保的，不再资助参保)']],
      });
    });
    it('paid before certification (paid 2023-11-10, certified 2023-12-05): no subsidy for the year', () => {
      expect(te('2023-12-05', '2023-11-10').ignored).toEqual([['te-kun', 'newly certified on 2023-12-05, after the payment on 2023-11-10: no subsidy for the year (认定前个人当年已参保的，不再资助参保)']]);
    });
    it('no certification date: taken as certified by the cutoff, and the answer says so', () => {
      expect(judge(shishi, { paymentDate: '2023-10-01', categories: ['te-kun'] })).toMatchObject({ chosen: 'te-kun', assumed: [['te-kun', 'certified-on']] });
    });
  });

  describe('Lingyuan 四（六）: certified 2021-10-01 – 12-31 and already paid: refunded; certified before paying: subsidised from the day', () => {
    const lingyuan = seededPolicy('lingyuan-2022.json');
    it('certified 2021-10-20, paid 2021-11-01: subsidised from certification (newly certified)', () => {
      expect(judge(lingyuan, { paymentDate: '2021-11-01', certifications: [{ category: 'di-bao', certifiedOn: '2021-10-20' }] })).toMatchObject({
        chosen: 'di-bao',
        certification: ['城乡居民最低生活保障对象: newly certified on 2021-10-20; payments from 2021-10-20 are subsidised'],
      });
    });
    it('certified 2021-11-20 after paying 2021-11-01: not subsidised at payment; the subsidy is refunded', () => {
      expect(judge(lingyuan, { paymentDate: '2021-11-01', certifications: [{ category: 'di-bao', certifiedOn: '2021-11-20' }] }).ignored).toEqual([
        ['di-bao', 'newly certified on 2021-11-20, after the payment on 2021-11-01: not subsidised at payment; the subsidy is refunded (ask refund with reason newly-certified)'],
      ]);
    });
    it('certified 2021-09-15, before the period of the rule: ordinary, subsidised when paid after', () => {
      expect(judge(lingyuan, { paymentDate: '2021-11-01', certifications: [{ category: 'di-bao', certifiedOn: '2021-09-15' }] })).toMatchObject({ chosen: 'di-bao', certification: ['城乡居民最低生活保障对象: certified on 2021-09-15'] });
    });
  });

  describe('disability (Lingyuan 三（二）1, Meishan 三（三）2（3）, Shishi 四（五）)', () => {
    const lingyuan = seededPolicy('lingyuan-2022.json');
    it('重度残疾人 is grade 1 or 2: grade 2 holds, grade 3 does not', () => {
      // (Lingyuan has rules for the newly certified: a category without its certification date is taken as certified before them)
      expect(judge(lingyuan, { paymentDate: '2021-11-01', categories: ['zhong-du-can-ji'], disability: { grade: 2 } })).toMatchObject({ chosen: 'zhong-du-can-ji', assumed: [['zhong-du-can-ji', 'certified-on']] });
      expect(judge(lingyuan, { paymentDate: '2021-11-01', categories: ['zhong-du-can-ji'], disability: { grade: 3 } }).ignored).toEqual([['zhong-du-can-ji', 'disability grade 3 is not 1 or 2 (三级)']]);
    });
    it('other card holders: grades 3–4 outside a multi-disabled household; one in such a household is the 17th category', () => {
      expect(judge(lingyuan, { paymentDate: '2021-11-01', categories: ['can-ji-zheng-qi-ta'], disability: { grade: 4, multiDisabledHousehold: false } }).chosen).toBe('can-ji-zheng-qi-ta');
      expect(judge(lingyuan, { paymentDate: '2021-11-01', categories: ['can-ji-zheng-qi-ta'], disability: { grade: 4, multiDisabledHousehold: true } }).ignored[0]![1]).toBe(
        'the person is in a household with several disabled members (一户多残), which this category excludes',
      );
      expect(judge(lingyuan, { paymentDate: '2021-11-01', categories: ['yi-hu-duo-can'], disability: { grade: 4, multiDisabledHousehold: true } }).chosen).toBe('yi-hu-duo-can');
    });
    it('not given: taken as certified by 残联, and the answer says so', () => {
      expect(judge(lingyuan, { paymentDate: '2021-11-01', categories: ['zhong-du-can-ji'] })).toMatchObject({
        chosen: 'zhong-du-can-ji',
        assumed: [
          ['zhong-du-can-ji', 'disability'],
          ['zhong-du-can-ji', 'certified-on'],
        ],
      });
    });
    it('Meishan 低收入: a grade-3 disabled person qualifies without a birth date; a grade-1 one of 40 does not', () => {
      const meishan = seededPolicy('meishan-2024.json');
      expect(judge(meishan, { paymentDate: '2023-10-01', categories: ['di-shou-ru'], disability: { grade: 3 } })).toMatchObject({ chosen: 'di-shou-ru', assumed: [['di-shou-ru', 'certified-on']] });
      expect(judge(meishan, { paymentDate: '2023-10-01', categories: ['di-shou-ru'], disability: { grade: 1 }, birthDate: '1983-05-01' }).chosen).toBeNull();
    });
    it('Shishi 低保边缘: a person of 70 qualifies by age without a disability fact; one of 40 is assumed disabled, as certified', () => {
      const shishi = seededPolicy('shishi-2025.json');
      expect(judge(shishi, { paymentDate: '2024-10-01', categories: ['di-bao-bian-yuan'], birthDate: '1953-01-01' }).assumed).toEqual([['di-bao-bian-yuan', 'certified-on']]);
      expect(judge(shishi, { paymentDate: '2024-10-01', categories: ['di-bao-bian-yuan'], birthDate: '1983-01-01' }).assumed).toEqual([
        ['di-bao-bian-yuan', 'disability'],
        ['di-bao-bian-yuan', 'certified-on'],
      ]);
    });
  });

  describe('household role, the child’s sex and age, marriage, residence', () => {
    const lingyuan = seededPolicy('lingyuan-2022.json');
    const duZi = (facts: Partial<QuoteRequest>) => judge(lingyuan, { paymentDate: '2021-11-01', categories: ['du-zi-hu'], ...facts });
    it('Lingyuan 独子户 (夫妻和未满18周岁儿子): one of the couple, a son of 11; not a daughter, a son of 21, another member, an urban household', () => {
      expect(duZi({ householdRole: 'spouse', residence: 'rural', certifications: [{ category: 'du-zi-hu', certifiedOn: '2021-09-01' }] })).toMatchObject({ chosen: 'du-zi-hu', assumed: [] });
      expect(duZi({ householdRole: 'child', sex: 'male', birthDate: '2010-03-01', residence: 'rural' }).chosen).toBe('du-zi-hu');
      expect(duZi({ householdRole: 'child', sex: 'female', birthDate: '2010-03-01' }).ignored).toEqual([['du-zi-hu', 'a child of the other sex is not covered (该夫妻和未满18周岁儿子)']]);
      expect(duZi({ householdRole: 'child', sex: 'male', birthDate: '2000-03-01' }).ignored).toEqual([['du-zi-hu', 'the child is 21 on 2021-12-31, not under 18']]);
      expect(duZi({ householdRole: 'other' }).ignored).toEqual([['du-zi-hu', "a household's other member is not covered (该夫妻和未满18周岁儿子)"]]);
      expect(duZi({ residence: 'urban' }).ignored).toEqual([['du-zi-hu', 'residence urban is not rural']]);
    });
    it('a child without a birth date cannot be judged: refused, naming the reference date', () => {
      expect(refusal(() => duZi({ householdRole: 'child', sex: 'male' })).field).toBe('birthDate');
    });
    it('nothing given: taken as certified by 卫健局 (household role, residence), and the answer says so', () => {
      expect(duZi({}).assumed).toEqual([
        ['du-zi-hu', 'residence'],
        ['du-zi-hu', 'household-role'],
        ['du-zi-hu', 'certified-on'],
      ]);
    });
    it('Wuhe 两女户 (二（二）6): a child qualifies until married', () => {
      const wuhe = seededPolicy('wuhe-2024.json');
      const child = (maritalStatus?: 'unmarried' | 'married') => judge(wuhe, { paymentDate: '2023-10-01', categories: ['liang-nv-hu'], householdRole: 'child', residence: 'rural', ...(maritalStatus ? { maritalStatus } : {}) });
      expect(child('unmarried')).toMatchObject({ chosen: 'liang-nv-hu', assumed: [] });
      expect(child('married').ignored).toEqual([['liang-nv-hu', 'the child is married: a child who marries no longer qualifies']]);
      expect(child().assumed).toEqual([['liang-nv-hu', 'marital-status']]);
    });
  });
});
