import { toDay } from '../dates.js';
import type { PersonFacts } from '../quote/person.js';

/*
 * A cohort as columns of typed arrays (about 26 bytes a person): what the impact preview runs over.
 * Category and group sets are interned (one list per distinct set), so persons sharing one share it.
 * Built row by row by whoever reads the cohort (api/modules/cohort/cohort-columns.ts reads it with COPY).
 */

export const NO_DATE = -2147483648;

export interface CohortColumns {
  size: number;
  units: string[];
  unit: Uint16Array;
  birth: Int32Array;
  /** Payment day, or NO_DATE: pays in the central window (its first day, or the day of birth if later). */
  pay: Int32Array;
  catSets: string[][];
  catSet: Uint32Array;
  groupSets: string[][];
  groupSet: Uint32Array;
  /** The persons' facts (certification dates, disability, household role …), interned; index 0: none. */
  factSets: PersonFacts[];
  factSet: Uint32Array;
  rowNo: Int32Array;
}

/** Builds columns row by row, interning category and group sets. */
export class ColumnsBuilder {
  private n = 0;
  private cap: number;
  private unitIndex = new Map<string, number>();
  private catIndex = new Map<string, number>();
  private groupIndex = new Map<string, number>();
  private factIndex = new Map<string, number>([['', 0]]);
  units: string[] = [];
  catSets: string[][] = [];
  groupSets: string[][] = [];
  factSets: PersonFacts[] = [{}];
  unit: Uint16Array;
  birth: Int32Array;
  pay: Int32Array;
  catSet: Uint32Array;
  groupSet: Uint32Array;
  factSet: Uint32Array;
  rowNo: Int32Array;

  constructor(capacity = 1024) {
    this.cap = capacity;
    this.unit = new Uint16Array(capacity);
    this.birth = new Int32Array(capacity);
    this.pay = new Int32Array(capacity);
    this.catSet = new Uint32Array(capacity);
    this.groupSet = new Uint32Array(capacity);
    this.factSet = new Uint32Array(capacity);
    this.rowNo = new Int32Array(capacity);
  }

  /**
   * `cats` and `groups` as raw keys (e.g. PostgreSQL array text) with their parsed lists on first sight;
   * `factsKey` likewise (its stored text; '' for none) with `facts` parsing it.
   */
  add(
    rowNo: number,
    unit: string,
    birth: string | null,
    pay: string | null,
    catKey: string,
    cats: () => string[],
    groupKey: string,
    groups: () => string[],
    factsKey = '',
    facts?: () => PersonFacts,
  ) {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    let u = this.unitIndex.get(unit);
    if (u === undefined) this.unitIndex.set(unit, (u = this.units.push(unit) - 1));
    let c = this.catIndex.get(catKey);
    if (c === undefined) this.catIndex.set(catKey, (c = this.catSets.push([...new Set(cats())].sort()) - 1));
    let g = this.groupIndex.get(groupKey);
    if (g === undefined) this.groupIndex.set(groupKey, (g = this.groupSets.push([...new Set(groups())].sort()) - 1));
    this.unit[i] = u;
    this.birth[i] = birth ? toDay(birth) : NO_DATE;
    this.pay[i] = pay ? toDay(pay) : NO_DATE;
    this.catSet[i] = c;
    this.groupSet[i] = g;
    let f = this.factIndex.get(factsKey);
    if (f === undefined) this.factIndex.set(factsKey, (f = this.factSets.push(facts ? facts() : {}) - 1));
    this.factSet[i] = f;
    this.rowNo[i] = rowNo;
  }

  private grow() {
    this.cap *= 2;
    const g = <T extends Uint16Array | Int32Array | Uint32Array>(a: T): T => {
      const b = new (a.constructor as any)(this.cap) as T;
      b.set(a);
      return b;
    };
    this.unit = g(this.unit);
    this.birth = g(this.birth);
    this.pay = g(this.pay);
    this.catSet = g(this.catSet);
    this.groupSet = g(this.groupSet);
    this.factSet = g(this.factSet);
    this.rowNo = g(this.rowNo);
  }

  build(): CohortColumns {
    const n = this.n;
    return {
      size: n,
      units: this.units,
      unit: this.unit.slice(0, n),
      birth: this.birth.slice(0, n),
      pay: this.pay.slice(0, n),
      catSets: this.catSets,
      catSet: this.catSet.slice(0, n),
      groupSets: this.groupSets,
      groupSet: this.groupSet.slice(0, n),
      factSets: this.factSets,
      factSet: this.factSet.slice(0, n),
      rowNo: this.rowNo.slice(0, n),
    };
  }
}

export function bytesPerPerson(c: CohortColumns): number {
  const arrays = c.unit.byteLength + c.birth.byteLength + c.pay.byteLength + c.catSet.byteLength + c.groupSet.byteLength + c.factSet.byteLength + c.rowNo.byteLength;
  return c.size ? arrays / c.size : 0;
}
