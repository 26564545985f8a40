import { describe, expect, it } from 'vitest';
import { seededPolicy } from '../../../test/engine/seeded.js';
import { refusal } from '../../../test/engine/steps.js';
import { fromDay } from '../dates.js';
import { identify } from './person.js';

describe('person: the request’s dates and codes as the policy knows them', () => {
  const meishan = seededPolicy('meishan-2024.json');

  it('Meishan 三（二）: official identity codes name categories (2303 低保, 2361 孤儿); each category once, in the policy’s order', () => {
    const p = identify(meishan, { paymentDate: '2023-10-01', birthDate: '1980-02-29', categories: ['2361', 'di-bao', ' 2303 '] });
    expect(p.categories.map((c) => c.doc.code)).toEqual(['di-bao', 'gu-er']);
    expect(fromDay(p.pay)).toBe('2023-10-01');
    expect(fromDay(p.birth!)).toBe('1980-02-29');
    expect(p.event).toBeNull();
  });

  it('special groups by code, each once', () => {
    expect(identify(meishan, { paymentDate: '2024-05-15', groups: ['newborn', 'xin-qian-ru', 'newborn'] }).groups.map((g) => g.doc.code)).toEqual(['newborn', 'xin-qian-ru']);
  });

  it('refuses what is not a date, a birth after the payment, and codes the notice does not have, naming the field', () => {
    expect(refusal(() => identify(meishan, { paymentDate: '2024-02-30' }))).toEqual({ field: 'paymentDate', message: '"2024-02-30" is not a date written YYYY-MM-DD' });
    expect(refusal(() => identify(meishan, { paymentDate: '2024-03-01', eventDate: '2024/01/01' }))).toEqual({ field: 'eventDate', message: '"2024/01/01" is not a date written YYYY-MM-DD' });
    expect(refusal(() => identify(meishan, { paymentDate: '2024-05-01', birthDate: '2024-05-02' }))).toEqual({
      field: 'birthDate',
      message: '(2024-05-02) is after the payment date (2024-05-01)',
    });
    expect(refusal(() => identify(meishan, { paymentDate: '2024-05-01', categories: ['di-bao-bian-yuan'] }))).toEqual({
      field: 'categories',
      message: 'unknown category "di-bao-bian-yuan" for 眉山市 2024',
    });
    expect(refusal(() => identify(meishan, { paymentDate: '2024-05-01', groups: ['fisherman'] }))).toEqual({
      field: 'groups',
      message: 'unknown special group "fisherman" for 眉山市 2024',
    });
  });
});
