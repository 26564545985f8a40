import { describe, expect, it } from 'vitest';
import { seedDocument, seededPolicy } from '../../../test/engine/seeded.js';
import { prepare } from '../../../test/engine/steps.js';
import { compilePolicy, type CompiledPolicy } from '../compile.js';
import type { QuoteRequest } from './person.js';
import { subsidies } from './subsidy.js';
import { lateSurcharge } from './surcharge.js';

function surchargeFor(p: CompiledPolicy, req: QuoteRequest) {
  const { person, applying, trace } = prepare(p, req);
  const { eligible } = subsidies(p, person, []);
  const before = trace.length;
  const s = lateSurcharge(p, person, applying, eligible, trace);
  return { ...s, trace: trace.slice(before) };
}

describe('surcharge: individual fee + government subsidy from the notice’s date, unless exempt', () => {
  const shishi2024 = seededPolicy('shishi-2024.json');

  it('Shishi 2024 三（三）: 2024-06-30 still 390 (no line); from 2024-07-01 the subsidy of 640 is added (390 + 640 = 1030)', () => {
    expect(surchargeFor(shishi2024, { paymentDate: '2024-06-30' })).toEqual({ amountFen: 0, reason: null, trace: [] });
    const s = surchargeFor(shishi2024, { paymentDate: '2024-07-01' });
    expect(s.amountFen).toBe(64_000);
    expect(s.trace).toEqual([
      { rule: 'late-surcharge', clause: '三（三）', detail: 'paid on or after 2024-07-01: the government subsidy of 640 元 is added to the individual fee' },
    ]);
  });

  it('Shishi 2024: a newborn is exempt', () => {
    const s = surchargeFor(shishi2024, { paymentDate: '2024-07-15', birthDate: '2024-06-01', groups: ['newborn'] });
    expect(s).toMatchObject({ amountFen: 0, reason: 'exempt from the late surcharge as 1周岁以内的新生儿' });
  });

  it('Shishi 2025: a 低保 person is 困难人口 and exempt (the group implied by the needy category)', () => {
    const s = surchargeFor(seededPolicy('shishi-2025.json'), { paymentDate: '2025-07-15', categories: ['di-bao'] });
    expect(s).toMatchObject({ amountFen: 0, reason: 'exempt from the late surcharge as 困难人口' });
  });

  it('a notice exempting needy categories without listing 困难人口 among the exempt groups: the category itself exempts', () => {
    const doc = seedDocument('shishi-2025.json');
    doc.fees.lateSurcharge!.exemptGroups = doc.fees.lateSurcharge!.exemptGroups.filter((g) => g !== 'needy');
    const s = surchargeFor(compilePolicy(doc), { paymentDate: '2025-07-15', categories: ['di-bao'] });
    expect(s).toMatchObject({ amountFen: 0, reason: 'exempt from the late surcharge as a needy person (困难人口: 最低生活保障对象)' });
  });

  describe('Lingyuan 二: from 2022-07-01, 330 + 580 = 910; exempt only newborns and transfers within 3 months of the stop', () => {
    const lingyuan = seededPolicy('lingyuan-2022.json');

    it('an ordinary resident and a 低保 person alike pay the surcharge of 580 (the notice exempts no needy category)', () => {
      expect(surchargeFor(lingyuan, { paymentDate: '2022-07-01' }).amountFen).toBe(58_000);
      expect(surchargeFor(lingyuan, { paymentDate: '2022-07-01', categories: ['di-bao'] }).amountFen).toBe(58_000);
    });

    it('employee insurance stopped 2022-04-15, paid 2022-07-15: within 3 months, exempt; stopped 2022-04-14: surcharged', () => {
      expect(surchargeFor(lingyuan, { paymentDate: '2022-07-15', groups: ['employee-transfer'], eventDate: '2022-04-15' }).amountFen).toBe(0);
      expect(surchargeFor(lingyuan, { paymentDate: '2022-07-15', groups: ['employee-transfer'], eventDate: '2022-04-14' }).amountFen).toBe(58_000);
    });
  });

  it('Meishan and Wuhe set no surcharge: nothing added, no line', () => {
    expect(surchargeFor(seededPolicy('meishan-2024.json'), { paymentDate: '2024-11-01' })).toEqual({ amountFen: 0, reason: null, trace: [] });
    expect(surchargeFor(seededPolicy('wuhe-2024.json'), { paymentDate: '2024-11-01' })).toEqual({ amountFen: 0, reason: null, trace: [] });
  });
});
