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
