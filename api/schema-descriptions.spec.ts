import { createRequire } from 'node:module';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphqlSchema } from './graphql/schema.js';

/*
 * Every type, field, argument, input field and enum value of the API has a description, checked with
 * graphql-schema-linter's own description rules (run programmatically on the printed schema).
 */

const RULES = [
  'types-have-descriptions',
  'fields-have-descriptions',
  'arguments-have-descriptions',
  'input-object-values-have-descriptions',
  'enum-values-have-descriptions',
];

interface Linter {
  validator: { validateSchemaDefinition(schema: unknown, rules: unknown[], configuration: unknown): { message: string; ruleName: string }[] };
  configuration: { Configuration: new (schema: unknown, options: { rules: string[] }) => { getRules(): unknown[] } };
}
const linter = createRequire(import.meta.url)('graphql-schema-linter') as Linter;

function lint(sdl: string): string[] {
  // the linter's source map is only used to name files in its CLI reports
  const schema = { definition: sdl, sourceMap: { getOriginalPathForLine: () => 'api/schema.graphql', getOffsetForPath: () => 0 } };
  const configuration = new linter.configuration.Configuration(schema, { rules: RULES });
  return linter.validator.validateSchemaDefinition(schema, configuration.getRules(), configuration).map((e) => `${e.ruleName}: ${e.message}`);
}

describe('the schema’s descriptions', () => {
  it('describe every type, field, argument, input field and enum value', async () => {
    expect(lint(printSchema(await graphqlSchema()))).toEqual([]);
  });

  it('are checked: the rules find what is missing', () => {
    const sdl = `"""Q"""\ntype Query {\n  """f"""\n  f(a: Int): E\n  g: In\n}\ninput In { x: Int }\nenum E { A }\n`;
    const problems = lint(sdl.replace('g: In', '"""g"""\n  g(i: In): Int'));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^arguments-have-descriptions: The `a` argument of `f`/),
        expect.stringMatching(/^types-have-descriptions: .*`In`/),
        expect.stringMatching(/^input-object-values-have-descriptions: .*In\.x/),
        expect.stringMatching(/^types-have-descriptions: .*`E`/),
        expect.stringMatching(/^enum-values-have-descriptions: .*E\.A/),
      ]),
    );
  });
});
