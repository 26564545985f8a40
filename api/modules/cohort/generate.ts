import type { PolicyDocument } from '../../../policy-schemas/index.js';
import { dayOf, fromDay, toDay } from '../../engine/dates.js';
import { CSV_HEADER } from './cohort-import.js';
import { unitsOf } from './cohort.service.js';

/*
 * Synthetic cohorts for trying things. Every default below is a parameter; each names its source, or
 * says plainly that it is an assumption. Shares are of the whole population, rounded.
 */

export interface GenerateOptions {
  size: number;
  seed: number;
  /** Share (0–1) of persons in each category, by category code; defaults from DEFAULT_SHARES by name. */
  shares?: Record<string, number>;
  /** Share paying in the central window (the rest later). Assumption: 0.85. */
  centralShare?: number;
  /** Of central payers, share whose payment_date is left empty (pays in the central window). Assumption: 0.5. */
  emptyDateShare?: number;
  /**
   * The jurisdiction's townships from the division reference, for a policy without a quota table:
   * persons are spread over them in equal shares (assumption: the reference has no populations).
   */
  townships?: readonly string[];
}

/**
 * Default category shares by a word of the category's name. Figures rounded from national statistics:
 * - 低保 2.9%: 城乡低保对象约4,000万人（民政部《2023年民政事业发展统计公报》）÷ 全国人口14.1亿;
 * - 特困 0.33%: 特困人员约470万人（同上）;
 * - 孤儿/事实无人抚养 0.03%: 孤儿约15万、事实无人抚养儿童约30万（同上）;
 * - 脱贫 2.2%: 脱贫人口3,000余万（国务院新闻办《人类减贫的中国实践》2021）;
 * - 残疾 1.0%: 重度（一、二级）残疾人, assumption from 中国残联 持证残疾人约3,800万 of whom about a third severe;
 * - 监测/易返贫/边缘/突发 0.4%, 低收入/低保边缘 1.0%: assumptions (no national figure at hand);
 * - any other category 0.2%: assumption.
 */
export const DEFAULT_SHARES: [RegExp, number][] = [
  [/特困/, 0.0033],
  [/最低生活保障边缘|低保边缘|低收入/, 0.01],
  [/低保|最低生活保障/, 0.029],
  [/孤儿|无人抚养/, 0.0003],
  [/监测|易返贫|边缘易致贫|突发严重|脱贫不稳定/, 0.004],
  [/脱贫|建档立卡/, 0.022],
  [/残疾/, 0.01],
];
export const OTHER_SHARE = 0.002;

/** Age structure of the 2020 census (第七次全国人口普查公报, 国家统计局 2021): 0–14 17.95%, 15–59 63.35%, 60+ 18.70%. */
export const AGE_BANDS: [number, number, number][] = [
  [0, 15, 0.1795],
  [15, 60, 0.6335],
  [60, 95, 0.187],
];

/** Mulberry32: a small, fast, seedable PRNG, so a cohort is reproducible from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function defaultShares(doc: PolicyDocument): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of doc.categories) out[c.code] = DEFAULT_SHARES.find(([re]) => re.test(c.name))?.[1] ?? OTHER_SHARE;
  return out;
}

/** CSV lines (header first) of a synthetic cohort for the policy, yielded in chunks. */
export function* generateCohort(doc: PolicyDocument, o: GenerateOptions): Generator<string> {
  const rnd = prng(o.seed);
  // units in the proportions of the quota table; without one, the townships of the reference, alike
  const table = doc.quotaTables[0];
  const units = table ? unitsOf(doc) : o.townships?.length ? [...o.townships] : unitsOf(doc);
  const weights = table ? table.rows.map((r) => r.population) : units.map(() => 1);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const cumulative = weights.map(((s) => (w: number) => (s += w / totalWeight))(0));
  const shares = { ...defaultShares(doc), ...(o.shares ?? {}) };
  const codes = Object.keys(shares);
  const ageGroups = new Set(doc.specialGroups.filter((g) => g.kind === 'newborn').map((g) => g.code));
  const newborn = [...ageGroups][0];
  const windows = doc.windows.filter((w) => w.acceptsPayment && w.who === 'everyone');
  const central = windows.find((w) => w.kind === 'central') ?? windows[0]!;
  const later = doc.windows.filter((w) => w.acceptsPayment && w !== central && w.who !== 'listed-groups');
  const reference = toDay(`${doc.coverageYear - 1}-12-31`);
  const centralShare = o.centralShare ?? 0.85;
  const emptyShare = o.emptyDateShare ?? 0.5;
  const between = (from: number, to: number) => from + Math.floor(rnd() * (to - from + 1));

  yield CSV_HEADER + '\n';
  let chunk: string[] = [];
  for (let i = 1; i <= o.size; i++) {
    const r = rnd();
    let u = cumulative.findIndex((c) => r < c);
    if (u < 0) u = units.length - 1;
    // age from the census bands, birth day uniform within the year of age
    const band = rnd();
    const [lo, hi] = (band < AGE_BANDS[0]![2] ? AGE_BANDS[0] : band < AGE_BANDS[0]![2] + AGE_BANDS[1]![2] ? AGE_BANDS[1] : AGE_BANDS[2])!;
    const age = between(lo, hi - 1);
    let birth = reference - age * 365 - between(0, 364);
    const cats = codes.filter((c) => rnd() < shares[c]!);
    // payment: central window (half with an empty date), else a later window
    let pay: number | null;
    if (rnd() < centralShare || later.length === 0) pay = rnd() < emptyShare ? null : between(toDay(central.from), toDay(central.to));
    else {
      const w = later[Math.floor(rnd() * later.length)]!;
      pay = between(toDay(w.from), toDay(w.to));
    }
    const groups: string[] = [];
    if (newborn && age === 0 && pay !== null && rnd() < 0.5) {
      // a baby born in the weeks before paying
      birth = Math.max(pay - between(0, 150), dayOf(doc.coverageYear - 1, 1, 1));
      groups.push(newborn);
    }
    if (pay !== null && birth > pay) birth = pay - between(0, 60);
    chunk.push(`P${String(i).padStart(8, '0')},${units[u]},${fromDay(birth)},${cats.join(';')},${groups.join(';')},${pay === null ? '' : fromDay(pay)}\n`);
    if (chunk.length === 5000) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join('');
}
