import { Field, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { JURISDICTION_LEVELS } from './jurisdiction.entity.js';

export const JurisdictionLevelEnum = graphqlEnum(
  JURISDICTION_LEVELS,
  'JurisdictionLevel',
  'PROVINCE (省) → PREFECTURE (地级市) → COUNTY (县/县级市) → TOWNSHIP (乡镇/街道).',
  { province: '省: a province', prefecture: '地级市: a prefecture-level city', county: '县/县级市: a county or county-level city', township: '乡镇/街道: a township or subdistrict' },
);

@ObjectType({ description: 'A province, city, county or township/subdistrict. `parent` and `children` form the hierarchy.' })
export class Jurisdiction {
  @Field(() => ID, { description: 'Its id in this system' }) id!: number;
  @Field(() => String, { nullable: true, description: 'Administrative division code (行政区划代码); null where none is recorded' })
  code!: string | null;
  @Field(() => String, { description: 'Its exact Chinese name (石狮市)' }) name!: string;
  @Field(() => JurisdictionLevelEnum, { description: 'Province, prefecture, county or township' }) level!: string;
  @Field(() => String, { nullable: true, description: 'A remark, e.g. why no code is recorded' }) note!: string | null;
  /** Resolved from the request's jurisdiction index (see JurisdictionResolver). */
  parentId!: number | null;
}
