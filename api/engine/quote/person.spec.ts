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

  it('facts: certifications name categories too (each once), and every fact is checked, naming its field', () => {
    const lingyuan = seededPolicy('lingyuan-2022.json');
    const p = identify(lingyuan, { paymentDate: '2021-11-01', categories: ['te-kun'], certifications: [{ category: 'di-bao', certifiedOn: '2021-10-15' }, { category: 'te-kun', certifiedOn: '2021-09-01' }] });
    expect(p.categories.map((c) => c.doc.code)).toEqual(['te-kun', 'di-bao']);
    expect([...p.certifiedOn!.entries()].map(([i, d]) => [lingyuan.categories[i]!.doc.code, fromDay(d)])).toEqual([
      ['di-bao', '2021-10-15'],
      ['te-kun', '2021-09-01'],
    ]);
    // no facts: nothing more is made
    expect(identify(lingyuan, { paymentDate: '2021-11-01' }).certifiedOn).toBeNull();
    expect(refusal(() => identify(lingyuan, { paymentDate: '2021-11-01', certifications: [{ category: 'nope', certifiedOn: '2021-10-15' }] }))).toEqual({
      field: 'certifications[0].category',
      message: 'unknown category "nope" for 灵源街道 2022',
    });
    expect(refusal(() => identify(lingyuan, { paymentDate: '2021-11-01', certifications: [{ category: 'di-bao', certifiedOn: '2021-13-01' }] })).field).toBe('certifications[0].certifiedOn');
    expect(
      refusal(() =>
        identify(lingyuan, {
          paymentDate: '2021-11-01',
          certifications: [
            { category: 'di-bao', certifiedOn: '2021-10-15' },
            { category: 'di-bao', certifiedOn: '2021-10-16' },
          ],
        }),
      ),
    ).toEqual({ field: 'certifications[1].certifiedOn', message: '城乡居民最低生活保障对象 is certified twice, on 2021-10-15 and on 2021-10-16; give one certification per category' });
    expect(refusal(() => identify(lingyuan, { paymentDate: '2021-11-01', disability: { grade: 5 } }))).toEqual({ field: 'disability.grade', message: '5 is not a disability grade (1 to 4, 一级 to 四级)' });
    expect(refusal(() => identify(lingyuan, { paymentDate: '2021-11-01', householdRole: 'aunt' as never })).field).toBe('householdRole');
  });
});
