import { Field, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { JURISDICTION_LEVELS } from './jurisdiction.entity.js';

export const JurisdictionLevelEnum = graphqlEnum(
  JURISDICTION_LEVELS,
  'JurisdictionLevel',
  'PROVINCE (省) → PREFECTURE (地级市) → COUNTY (县/县级市) → TOWNSHIP (乡镇/街道).',
);

@ObjectType({ description: 'A province, city, county or township/subdistrict. `parent` and `children` form the hierarchy.' })
export class Jurisdiction {
  @Field(() => ID) id!: number;
  @Field(() => String, { nullable: true, description: 'Administrative division code (行政区划代码); null where none is recorded' })
  code!: string | null;
  @Field(() => String) name!: string;
  @Field(() => JurisdictionLevelEnum) level!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  /** Resolved from the request's jurisdiction index (see JurisdictionResolver). */
  parentId!: number | null;
}
