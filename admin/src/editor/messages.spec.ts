import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft, type Issue } from './issues';
import { MESSAGES_ZH, messageZh, translateMessage } from './messages';

const source = (file: string) => readFileSync(new URL(`../../../policy-schemas/${file}`, import.meta.url), 'utf8');
const seed = (name: string): any => JSON.parse(readFileSync(new URL(`../../../seeds/${name}.json`, import.meta.url), 'utf8'));
const CJK = /[\u4e00-\u9fff]/;

/** The issues of a seed after a change, as the editor computes them (the API's rules). */
function issuesAfter(name: string, year: number, jurisdictionName: string, change: (doc: any) => void): Issue[] {
  const doc = seed(name);
  change(doc);
  return checkDraft(doc, { year, jurisdictionName }).issues;
}
const shishi = (change: (doc: any) => void) => issuesAfter('shishi-2025', 2025, '石狮市', change);
const meishan = (change: (doc: any) => void) => issuesAfter('meishan-2024', 2024, seed('meishan-2024').jurisdiction.name, change);
const lingyuan = (change: (doc: any) => void) => issuesAfter('lingyuan-2022', 2022, seed('lingyuan-2022').jurisdiction.name, change);

describe('messages in Chinese', () => {
  it('translates the contract example', () => {
    expect(messageZh('must not be negative')).toBe('不能为负数');
    const issues = shishi((d) => (d.fees.individual.amountFen = -500));
    expect(issues).toEqual([{ path: 'fees.individual.amountFen', message: 'must not be negative' }]);
    expect(translateMessage(issues[0]!.message, 'zh')).toBe('不能为负数');
    expect(translateMessage(issues[0]!.message, 'en')).toBe('must not be negative');
  });

  it('has a translation for every fixed message of primitives.ts and document.ts', () => {
    const written = [...(source('primitives.ts') + source('document.ts')).matchAll(/message: '([^']+)'/g)].map((m) => m[1]!);
    expect(written.length).toBeGreaterThan(15);
    const untranslated = written.filter((m) => !MESSAGES_ZH[m] || !CJK.test(messageZh(m)));
    expect(untranslated).toEqual([]);
  });

  it('translates every message the cross-field rules of validate.ts (and the API) give', () => {
    const cases: Issue[][] = [
      shishi((d) => (d.categories[1].code = d.categories[0].code)),
      meishan((d) => (d.categories[1].officialCodes = [d.categories[0].officialCodes[0]])),
      shishi((d) => (d.categories[0].list = 'nope')),
      shishi((d) => (d.categories[0].benefit = { kind: 'fixed-subsidy', amountFen: 99_000_00 })),
      shishi((d) => (d.categories[0].benefit = { kind: 'fixed-payment', amountFen: 99_000_00 })),
      shishi((d) => (d.categories[0].conditions = [{ age: { min: 10, below: 5 } }])),
      shishi((d) => (d.categories[0].benefit = { kind: 'same-as', category: 'nope' })),
      shishi((d) => {
        d.categories[0].benefit = { kind: 'same-as', category: d.categories[1].code };
        d.categories[1].benefit = { kind: 'same-as', category: d.categories[0].code };
      }),
      shishi((d) => (d.categories[3].printed = { subsidyFen: 1, paymentFen: 1 })),
      shishi((d) => (d.stacking.order = ['nope', d.categories[0].code, d.categories[0].code])),
      shishi((d) => (d.stacking.rule = 'priority-order')),
      meishan((d) => d.stacking.order.pop()),
      shishi((d) => (d.specialGroups[1].code = d.specialGroups[0].code)),
      shishi((d) =>
        d.specialGroups[0].rules.push(
          { benefitStart: 'fixed-date', clause: '一' },
          { benefitStart: 'after-waiting', clause: '一' },
          { benefitStart: 'payment-day', when: { paidFrom: '2025-05-01', paidBy: '2025-04-01' }, benefitEnd: '2026-03-01', clause: '一' },
        ),
      ),
      shishi((d) => {
        d.fees.lateSurcharge.from = '2024-07-01';
        d.fees.lateSurcharge.exemptGroups.push('nope');
      }),
      shishi(
        (d) =>
          (d.fees.specialCases = [{ code: 'x', label: 'x', group: 'nope', bornInYear: null, charges: [{ coverageYear: 2025, amountFen: 1 }], clause: '一' }]),
      ),
      shishi((d) => {
        d.windows[1].code = d.windows[0].code;
        d.windows[0].to = '2024-08-01';
        d.windows[2].from = '2023-01-01';
        d.windows[1].waiting = { kind: 'days', days: 3, convention: 'payment-day-is-day-1' };
        d.windows[2].waiting = { kind: 'none' };
      }),
      shishi((d) => {
        d.windows[1].who = 'listed-groups';
        d.windows[1].groups = [];
        d.windows[2].from = '2025-02-01';
      }),
      shishi((d) => (d.paymentChannels[0].windows = ['nope'])),
      shishi((d) => (d.milestones[0].from = '2024-12-01')),
      shishi((d) => (d.certification.dynamicReporting = { from: '2024-12-31', to: '2024-09-01' })),
      shishi((d) => {
        d.metadata.validity.until = '2020-01-01';
        d.metadata.issuedOn = '2026-01-05';
      }),
      lingyuan((d) => (d.quotaTables[0].rows[1].unit = d.quotaTables[0].rows[0].unit)),
      shishi((d) => {
        d.coverageYear = 2026;
        d.jurisdiction.name = '别处';
      }),
      // zod's own messages
      shishi((d) => {
        d.schemaVersion = 2;
        d.jurisdiction.code = '12';
        d.metadata.kind = 'zzz';
        d.metadata.issuers = null;
        d.metadata.disclosure = undefined;
        d.targets = 'x';
        d.fees.foo = 1;
        d.fees.lateSurcharge.exemptNeedy = 'yes';
        d.categories[0].benefit = { kind: 'nope' };
        d.windows[0].waiting = { kind: 'days', days: 0, convention: 'payment-day-is-day-1' };
        d.activationTables = [{}];
        d.eligibility.groups = [];
        d.refund = undefined;
      }),
      issuesAfter('shishi-2025', 1999, '石狮市', (d) => (d.coverageYear = 1999)),
    ];
    for (const [i, issues] of cases.entries()) expect(issues.length, `case ${i} gives issues`).toBeGreaterThan(0);
    const all = cases.flat();
    const untranslated = [...new Set(all.map((i) => i.message))].filter((m) => messageZh(m) === m || !CJK.test(messageZh(m)));
    expect(untranslated).toEqual([]);
    // a few in full
    const zh = new Map(all.map((i) => [i.message, messageZh(i.message)]));
    expect(zh.get(`window code "central" is used twice; codes must be unique`)).toBe('缴费期代码“central”重复，代码必须唯一');
    expect(zh.get('(2024-08-01) is before the window opens (2024-09-01)')).toBe('（2024-08-01）早于缴费期起始日（2024-09-01）');
    expect(zh.get('names special group "nope", which does not exist')).toBe('特殊人群“nope”不存在');
    expect(zh.get('a waiting period only applies when benefits start after waiting (here: payment-day)')).toBe(
      '只有待遇在等待期后起始时才设等待期（此处待遇起始为：缴费当日起）',
    );
    expect(zh.get('Invalid input: expected object, received undefined')).toBe('必填');
    expect(zh.get('Unrecognized key: "foo"')).toBe('未知字段：foo');
    expect(zh.get("a draft's coverage year is fixed (2025); clone it to make a draft for 2026")).toContain('2025');
  });

  it('translates the warnings of the seeds (printed totals that differ, declared counts …)', () => {
    const warnings = ['shishi-2025', 'shishi-2024', 'wuhe-2024', 'meishan-2024', 'lingyuan-2022'].flatMap((name) => {
      const doc = seed(name);
      return checkDraft(doc, { year: doc.coverageYear, jurisdictionName: doc.jurisdiction.name }).warnings;
    });
    const sums = seed('shishi-2025');
    sums.fees.totalFinancing = { amountFen: 1, clause: '一' };
    sums.fees.government.split = [{ level: 'central', label: '中央', amountFen: 99_000_00 }];
    const more = checkDraft(sums, { year: 2025, jurisdictionName: '石狮市' }).warnings;
    const all = [...warnings, ...more];
    expect(all.length).toBeGreaterThan(3);
    expect(all.filter((w) => messageZh(w.message) === w.message || !CJK.test(messageZh(w.message)))).toEqual([]);
  });

  it('shows a message it does not know as written', () => {
    expect(messageZh('something new the schema says')).toBe('something new the schema says');
  });
});
