import { describe, expect, it } from 'vitest';
import { seededPolicy } from '../../test/engine/seeded.js';
import { refusal } from '../../test/engine/steps.js';
import { refundDecision } from './refund.js';

describe('refund: the notice’s rule for the reason, or, where it states none, not refundable and saying so', () => {
  const wuhe = seededPolicy('wuhe-2024.json');

  it('Wuhe 四（二）: death before the benefit period starts is refundable (the contribution paid); on or after it, not', () => {
    expect(refundDecision(wuhe, { paymentDate: '2023-10-01', eventDate: '2023-12-20', reason: 'death', categories: ['di-bao'] })).toMatchObject({
      refundable: true,
      clause: '四（二）',
      benefitStart: '2024-01-01',
      amountFen: 6_000,
    });
    expect(refundDecision(wuhe, { paymentDate: '2023-10-01', eventDate: '2024-01-01', reason: 'death' })).toMatchObject({ refundable: false, clause: '四（二）', amountFen: null });
  });

  it('Shishi, Lingyuan and Meishan state no refund rule: not refundable, with the reason and no clause (not an error)', () => {
    for (const [file, paymentDate] of [
      ['shishi-2025.json', '2024-10-01'],
      ['lingyuan-2022.json', '2021-11-01'],
      ['meishan-2024.json', '2023-10-01'],
    ] as const)
      expect(refundDecision(seededPolicy(file), { paymentDate, eventDate: paymentDate, reason: 'joined-employee-insurance' })).toEqual({
        refundable: false,
        reason: 'the notice states no refund rule for joining employee insurance',
        clause: null,
        benefitStart: expect.any(String),
        amountFen: null,
      });
  });

  describe('newly certified after paying', () => {
    const lingyuan = seededPolicy('lingyuan-2022.json');

    it('Lingyuan 四（六）: certified 2021-10-01 – 12-31 after paying: the subsidy is refunded (the full 330; 低收入 60+: 231)', () => {
      expect(refundDecision(lingyuan, { paymentDate: '2021-10-15', eventDate: '2021-11-20', reason: 'newly-certified', certifications: [{ category: 'di-bao', certifiedOn: '2021-11-20' }] })).toMatchObject({
        refundable: true,
        clause: '四（六）',
        amountFen: 33_000,
      });
      // the certification day may be the event date
      expect(refundDecision(lingyuan, { paymentDate: '2021-10-15', eventDate: '2021-12-31', reason: 'newly-certified', categories: ['di-shou-ru'], birthDate: '1950-06-01' })).toMatchObject({
        refundable: true,
        amountFen: 23_100,
      });
    });

    it('Lingyuan: certified after the rule’s dates (2022-01-15): the notice states no rule for it', () => {
      expect(refundDecision(lingyuan, { paymentDate: '2021-10-15', eventDate: '2022-01-15', reason: 'newly-certified', categories: ['di-bao'] })).toMatchObject({
        refundable: false,
        clause: null,
        reason: 'the notice states no refund rule for a person certified after paying (城乡居民最低生活保障对象, certified on 2022-01-15)',
      });
    });

    it('Lingyuan: certified before paying: the payment was subsidised, nothing to refund', () => {
      expect(
        refundDecision(lingyuan, { paymentDate: '2021-11-15', eventDate: '2021-11-15', reason: 'newly-certified', certifications: [{ category: 'di-bao', certifiedOn: '2021-10-20' }] }).refundable,
      ).toBe(false);
    });

    it('Shishi 2024 五（二）: certified after paying: no subsidy for the year, nothing refunded', () => {
      expect(refundDecision(seededPolicy('shishi-2024.json'), { paymentDate: '2023-10-15', eventDate: '2023-12-05', reason: 'newly-certified', categories: ['di-bao'] })).toMatchObject({
        refundable: false,
        clause: '五（二）',
        reason: '最低生活保障对象: certified on 2023-12-05, after paying: no subsidy for the year (认定前个人当年已参保的，不再资助参保); nothing is refunded',
      });
    });

    it('refuses a request that names no category', () => {
      expect(refusal(() => refundDecision(lingyuan, { paymentDate: '2021-10-15', eventDate: '2021-11-20', reason: 'newly-certified' }))).toEqual({
        field: 'categories',
        message: 'name the category the person was certified in (categories or certifications)',
      });
    });
  });
});
