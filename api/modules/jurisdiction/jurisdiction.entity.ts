import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const JURISDICTION_LEVELS = ['province', 'prefecture', 'county', 'township'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

/** A place that issues (or contains places that issue) enrollment notices: province → township. */
export const Jurisdiction = defineEntity({
  name: 'Jurisdiction',
  tableName: 'jurisdiction',
  properties: {
    id: p.integer().primary(),
    /** Administrative division code (行政区划代码); null where none is recorded (灵源街道). */
    code: p.string().length(12).nullable(),
    name: p.string(),
    level: p.enum(JURISDICTION_LEVELS),
    parent: () => p.manyToOne(Jurisdiction).nullable(),
    children: () => p.oneToMany(Jurisdiction).mappedBy('parent'),
    note: p.text().nullable(),
  },
});

export type IJurisdiction = InferEntity<typeof Jurisdiction>;
