import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { JurisdictionIndex } from './jurisdiction.service.js';

/** An entity manager that answers the index's three queries from memory and counts them. */
function fakeEm(state: { revision: string; rows: any[]; years: any[] }, calls: string[]): EntityManager {
  return {
    execute: async (sql: string) => {
      if (sql.includes('jurisdiction_revision')) return calls.push('revision'), [{ revision: state.revision }];
      if (sql.includes('from policy_version')) return calls.push('years'), state.years;
      return calls.push('rows'), state.rows;
    },
  } as unknown as EntityManager;
}

const ROWS = [
  { id: 1, code: '350000', name: '福建省', level: 'province', kind: 'province', note: null, reference: 'r', parent_id: null },
  { id: 2, code: '350500', name: '泉州市', level: 'prefecture', kind: 'prefecture-city', note: null, reference: 'r', parent_id: 1 },
  { id: 3, code: '350581', name: '石狮市', level: 'county', kind: 'county-city', note: null, reference: 'r', parent_id: 2 },
  { id: 4, code: '350582', name: '晋江市', level: 'county', kind: 'county-city', note: null, reference: 'r', parent_id: 2 },
  { id: 5, code: '350582006', name: '灵源街道', level: 'township', kind: 'subdistrict', note: null, reference: 'r', parent_id: 4 },
];

describe('JurisdictionIndex', () => {
  it('reads the 45,000 rows again only when the table changed: a publication costs the revision and the years', async () => {
    const state = { revision: '7', rows: ROWS, years: [{ jurisdiction_id: 3, years: [2025] }] };
    const calls: string[] = [];
    const first = await JurisdictionIndex.load(fakeEm(state, calls), undefined);
    expect(calls).toEqual(['revision', 'rows', 'years']);
    calls.length = 0;
    state.years = [{ jurisdiction_id: 3, years: [2025, 2026] }];
    const second = await JurisdictionIndex.load(fakeEm(state, calls), first);
    expect(calls).toEqual(['revision', 'years']);
    expect(second.publishedYears(3)).toEqual([2025, 2026]);
    expect(second.withPolicies(1)).toBe(1);
    calls.length = 0;
    state.revision = '8';
    await JurisdictionIndex.load(fakeEm(state, calls), second);
    expect(calls).toEqual(['revision', 'rows', 'years']);
  });

  it('finds by code, name and qualified name; searches best first', async () => {
    const index = await JurisdictionIndex.load(fakeEm({ revision: '1', rows: ROWS, years: [] }, []));
    expect(index.find('350581')?.name).toBe('石狮市');
    expect(index.find('晋江市灵源街道')?.code).toBe('350582006');
    expect(index.find('泉州市 / 灵源街道')?.code).toBe('350582006');
    expect(index.find('石狮市灵源街道')).toBeUndefined();
    expect(index.fullName(5)).toBe('福建省泉州市晋江市灵源街道');
    expect(index.search({ query: '市', first: 10, offset: 0 }).items.map((r) => r.name)).toEqual(['泉州市', '石狮市', '晋江市']);
    expect(index.search({ query: '3505', first: 10, offset: 1 }).items.map((r) => r.code)).toEqual(['350581', '350582', '350582006']);
    expect(index.subtree(4).map((r) => r.id).sort()).toEqual([4, 5]);
  });
});
