import { GraphQLError } from 'graphql';

/** A refused input: the message starts with the field, and `extensions.field` names it too. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}
