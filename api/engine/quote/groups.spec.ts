import { describe, expect, it } from 'vitest';
import { seededPolicy } from '../../../test/engine/seeded.js';
import { linesOf, prepare, refusal } from '../../../test/engine/steps.js';
import type { CompiledPolicy } from '../compile.js';
import type { QuoteRequest } from './person.js';

/** The groups that apply, each with the index of its rule in force (null: none), and the lines written. */
function groupsFor(p: CompiledPolicy, req: QuoteRequest) {
  const { applying, trace } = prepare(p, req);
  return {
    applying: applying.map((m) => [m.group.doc.code, m.rule ? m.group.rules.indexOf(m.rule) : null]),
    lines: linesOf(trace),
  };
}

describe('special groups: who belongs, and which rule holds for this payment', () => {
  it('Shishi 2024 五（四）: a newborn paid on day 90 after birth (含) takes the from-birth rule, on day 91 the from-payment rule', () => {
    const p = seededPolicy('shishi-2024.json');
    expect(groupsFor(p, { paymentDate: '2024-04-09', birthDate: '2024-01-10', groups: ['newborn'] }).applying).toEqual([['newborn', 0]]);
    expect(groupsFor(p, { paymentDate: '2024-04-10', birthDate: '2024-01-10', groups: ['newborn'] }).applying).toEqual([['newborn', 1]]);
  });

  it('Shishi 2024: a child past its first birthday is no newborn; the ordinary rules apply and the trace says why', () => {
    const g = groupsFor(seededPolicy('shishi-2024.json'), { paymentDate: '2024-05-01', birthDate: '2023-04-30', groups: ['newborn'] });
    expect(g).toEqual({ applying: [], lines: ['1周岁以内的新生儿: the person does not meet the group\'s conditions for this payment; the ordinary rules apply'] });
  });

  it('Shishi 2025 四: a 低保 person is 困难人口 (a needy category) and joins the group without naming it', () => {
    const g = groupsFor(seededPolicy('shishi-2025.json'), { paymentDate: '2025-07-15', categories: ['di-bao'] });
    expect(g).toEqual({ applying: [['needy', null]], lines: ['困难人口: applies as 最低生活保障对象 is a needy category (困难人口)'] });
  });

  it('Shishi 2025 五（三）: a freshman paying on 2025-03-10 is still a freshman, but no rule of the group covers that date', () => {
    const g = groupsFor(seededPolicy('shishi-2025.json'), { paymentDate: '2025-03-10', groups: ['freshman'] });
    expect(g).toEqual({ applying: [['freshman', null]], lines: ['高校入学新生: no rule of the group sets the benefit start for a payment on 2025-03-10'] });
  });

  it('Lingyuan 一（三）: a transfer paying 3 months (含) after employee insurance stopped belongs (2021-12-11 → 2022-03-11), a day later not', () => {
    const p = seededPolicy('lingyuan-2022.json');
    expect(groupsFor(p, { paymentDate: '2022-03-11', groups: ['employee-transfer'], eventDate: '2021-12-11' }).applying).toEqual([['employee-transfer', 0]]);
    expect(groupsFor(p, { paymentDate: '2022-03-11', groups: ['employee-transfer'], eventDate: '2021-12-10' }).applying).toEqual([]);
  });

  it('refuses a group rule’s missing birth or event date, and an event after the payment', () => {
    const lingyuan = seededPolicy('lingyuan-2022.json');
    expect(refusal(() => groupsFor(lingyuan, { paymentDate: '2022-03-11', groups: ['employee-transfer'] }))).toEqual({
      field: 'eventDate',
      message: 'is required for 职工基本医保停保后转为参加城乡居民基本医保的人员 (employee-transfer): its rule counts 3 months from 职工基本医保停保',
    });
    expect(refusal(() => groupsFor(lingyuan, { paymentDate: '2022-03-11', groups: ['employee-transfer'], eventDate: '2022-03-12' }))).toEqual({
      field: 'eventDate',
      message: '(2022-03-12) is after the payment date',
    });
    expect(refusal(() => groupsFor(seededPolicy('wuhe-2024.json'), { paymentDate: '2024-03-01', groups: ['newborn'] }))).toEqual({
      field: 'birthDate',
      message: 'is required for 新生儿 (newborn): its rules depend on the date of birth',
    });
  });
});
