import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { graphqlSchema } from './schema.js';
import { argsType, fields, list, nullable, objectType, T, unusedDescriptions } from './object-types.js';
import { Count, ImpactChangeGroup } from '../modules/cohort/cohort.type.js';

describe('the API’s own types, declared once (object-types.ts)', () => {
  it('leave no entry of descriptions.json without a type, field or argument', async () => {
    await graphqlSchema();
    expect(unusedDescriptions()).toEqual([]);
  });

  it('refuse a type or a field that descriptions.json does not describe, naming it', () => {
    expect(() => objectType(class Undescribed extends fields({ x: T.Int }) {})).toThrow('api/graphql/descriptions.json has no type Undescribed');
    expect(() => argsType(class UndescribedArgs extends fields({ x: T.Int }) {})).toThrow('api/graphql/descriptions.json has no description for args.UndescribedArgs.x');
    expect(() => objectType(class Count extends fields({ key: T.String, persons: T.Int }) {})).toThrow('types.Count is declared twice');
  });

  it('give each class its shape at run time: what the resolvers return can be checked against it', () => {
    expect(Count.schema.parse({ key: '0101', persons: 3 })).toEqual({ key: '0101', persons: 3 });
    expect(() => Count.schema.parse({ key: '0101', persons: 1.5 })).toThrow();
    const group = ImpactChangeGroup.schema.shape;
    expect(group.cause.safeParse('RULES').success).toBe(true);
    expect(group.cause.safeParse('rules').success).toBe(false);
    expect(list(Count).safeParse([{ key: 'a', persons: 1 }]).success).toBe(true);
    expect(nullable(Count).safeParse(null).success).toBe(true);
  });
});
