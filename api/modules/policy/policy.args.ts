import { ArgsType, Field, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { PolicyStatusEnum } from './policy.type.js';

@ArgsType()
export class PolicyArgs {
  @Field(() => String, { description: 'Administrative code (e.g. 350581) or exact Chinese name (石狮市)' })
  jurisdiction!: string;

  @Field(() => Int, { description: 'Coverage year (待遇享受年度)' })
  year!: number;

  @Field(() => DateScalar, { nullable: true, description: 'The version published and in force on this date (point in time)' })
  asOf?: string | null;
}

@ArgsType()
export class PolicyVersionsArgs {
  @Field(() => String, { nullable: true, description: 'Administrative code or exact Chinese name' })
  jurisdiction?: string;

  @Field(() => Int, { nullable: true, description: 'Only this coverage year' })
  year?: number;

  @Field(() => PolicyStatusEnum, { nullable: true, description: 'Only versions with this status' })
  status?: string;
}
