import { enumOf, fields, list, nullable, objectType, T } from '../../graphql/object-types.js';
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

@objectType
export class Jurisdiction extends fields({
  id: T.NumericID,
  code: nullable(T.String),
  name: T.String,
  level: enumOf(JurisdictionLevelEnum),
  kind: nullable(enumOf(DivisionKindEnum)),
  note: nullable(T.String),
  reference: nullable(T.String),
}) {
  /** Resolved from the request's jurisdiction index (see JurisdictionResolver). */
  parentId!: number | null;
}

@objectType
export class JurisdictionPage extends fields({
  total: T.Int,
  offset: T.Int,
  items: list(Jurisdiction),
  hasMore: T.Boolean,
}) {}
