import { describe, expect, it } from 'vitest';
import { compareValues, labelOfPath, valueText } from './compare.js';

describe('values in words, never JSON', () => {
  it('writes dates, money, options, booleans and lists as an officer reads them', () => {
    expect(valueText('2025-02-28', 'windows.to')).toBe('2025年2月28日');
    expect(valueText(40000, 'fees.individual.amountFen')).toBe('400元');
    expect(valueText('payment-day', 'windows.benefitStart')).toBe('缴费当日起');
    expect(valueText(true, 'specialGroups.waitingExempt')).toBe('是');
    expect(valueText(['newborn', 'needy'], 'fees.lateSurcharge.exemptGroups')).toBe('newborn、needy');
    expect(valueText(null)).toBe('无');
  });

  it('writes objects as 标签：值 pairs from the registry', () => {
    expect(valueText({ withinDaysOfBirth: { days: 90, inclusive: true }, paidBeforeAgeYears: 1 }, 'specialGroups.rules.when')).toBe(
      '出生后天数以内：（天数：90；含当日：是）；未满周岁数：1',
    );
    expect(valueText({ kind: 'months', months: 3, convention: 'same-day-of-month-clamped' }, 'windows.waiting')).toBe('3个月');
  });

  it('summarises a changed date and an object in words', () => {
    const [d] = compareValues({ windows: [{ code: 'c', name: '集中参保缴费期', to: '2024-12-31' }] }, { windows: [{ code: 'c', name: '集中参保缴费期', to: '2025-01-15' }] });
    expect(d!.summary).toBe('参保缴费期「集中参保缴费期」截止日 2024年12月31日 → 2025年1月15日');
  });
});

describe('labels of paths into a document', () => {
  const doc = { windows: [{ code: 'central', name: '集中参保缴费期' }], specialGroups: [{ code: 'newborn', name: '新生儿', rules: [{ when: {} }] }] };
  it('names list items from the document', () => {
    expect(labelOfPath('windows[0].from', doc)).toBe('参保缴费期「集中参保缴费期」起始日');
    expect(labelOfPath('specialGroups[0].rules[0].when.paidFrom', doc)).toBe('特殊人群「新生儿」待遇规则·适用条件·缴费起始日');
    expect(labelOfPath('fees.lateSurcharge.from', doc)).toBe('补缴加收起始日');
    expect(labelOfPath('coverageYear', doc)).toBe('待遇年度');
  });
});
