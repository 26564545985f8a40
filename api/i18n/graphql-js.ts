/**
 * graphql-js's own messages (syntax, validation, variable coercion) in Chinese, for the sentences an
 * integrator meets most; a sentence not known here stays as graphql-js wrote it. Names (fields, types,
 * variables, arguments) stay as written, in backticks, as in the rest of the catalog.
 */
type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

const code = (s: string) => `\`${s}\``;
/** `"a", "b", or "c"` → `a`、`b`或`c` (graphql-js's suggestion lists). */
const names = (list: string) => {
  const items = [...list.matchAll(/"([^"]+)"/g)].map((m) => code(m[1]!));
  return items.length <= 1 ? (items[0] ?? list) : `${items.slice(0, -1).join('、')}或${items.at(-1)}`;
};

const SENTENCES: readonly Rule[] = [
  [/^Cannot query field "([^"]+)" on type "([^"]+)"\.(?: Did you mean (.+)\?)?$/, (m) => `类型 ${code(m[2]!)} 没有字段 ${code(m[1]!)}${m[3] ? `，是否想用 ${names(m[3])}？` : '。'}`],
  [/^Field "([^"]+)" is not defined by type "([^"]+)"\.(?: Did you mean (.+)\?)?$/, (m) => `类型 ${code(m[2]!)} 没有字段 ${code(m[1]!)}${m[3] ? `，是否想用 ${names(m[3])}？` : '。'}`],
  [/^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\.$/, (m) => `字段 ${code(m[1]!)} 缺少必填参数 ${code(m[2]!)}（类型 ${code(m[3]!)}）。`],
  [/^Unknown argument "([^"]+)" on field "([^"]+)"\.(?: Did you mean (.+)\?)?$/, (m) => `字段 ${code(m[2]!)} 没有参数 ${code(m[1]!)}${m[3] ? `，是否想用 ${names(m[3])}？` : '。'}`],
  [/^Variable "\$([^"]+)" of required type "([^"]+)" was not provided\.$/, (m) => `缺少必填变量 ${code('$' + m[1]!)}（类型 ${code(m[2]!)}）。`],
  [/^Variable "\$([^"]+)" of non-null type "([^"]+)" must not be null\.$/, (m) => `变量 ${code('$' + m[1]!)}（类型 ${code(m[2]!)}）不能为 null。`],
  [/^Variable "\$([^"]+)" is not defined(?: by operation "([^"]+)")?\.$/, (m) => `变量 ${code('$' + m[1]!)} 未在操作中声明。`],
  [/^Variable "\$([^"]+)" got invalid value (.*?)(?: at "([^"]+)")?; ([\s\S]*)$/, (m) => `变量 ${code('$' + m[1]!)}${m[3] ? ` 的 ${code(m[3])}` : ''} 的值 ${m[2]} 无效：${inChinese(m[4]!)}`],
  [/^Field "([^"]+)" of required type "([^"]+)" was not provided\.$/, (m) => `缺少必填字段 ${code(m[1]!)}（类型 ${code(m[2]!)}）。`],
  [/^Expected type "([^"]+)" to be an object\.$/, (m) => `应为 ${code(m[1]!)} 类型的对象。`],
  [/^Expected value of type "([^"]+)", found ([\s\S]+?); ([\s\S]*)$/, (m) => `应为 ${code(m[1]!)} 类型的值，实际为 ${m[2]}：${inChinese(m[3]!)}`],
  [/^Expected value of type "([^"]+)", found ([\s\S]+)\.$/, (m) => `应为 ${code(m[1]!)} 类型的值，实际为 ${m[2]}。`],
  [/^Int cannot represent non-integer value: ([\s\S]*)$/, (m) => `整数（Int）不能表示非整数值 ${m[1]}`],
  [/^Int cannot represent non 32-bit signed integer value: ([\s\S]*)$/, (m) => `整数（Int）只能表示32位有符号整数，不能表示 ${m[1]}`],
  [/^String cannot represent a non string value: ([\s\S]*)$/, (m) => `字符串（String）不能表示非字符串值 ${m[1]}`],
  [/^Boolean cannot represent a non boolean value: ([\s\S]*)$/, (m) => `布尔值（Boolean）不能表示非布尔值 ${m[1]}`],
  [/^Value "([^"]+)" does not exist in "([^"]+)" enum\.(?: Did you mean (?:the enum value )?(.+)\?)?$/, (m) => `枚举 ${code(m[2]!)} 没有值 ${code(m[1]!)}${m[3] ? `，是否想用 ${names(m[3])}？` : '。'}`],
  [/^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields\. Did you mean "([^"]+)"\?$/, (m) => `字段 ${code(m[1]!)}（类型 ${code(m[2]!)}）须选择子字段，例如 ${code(m[3]!)}。`],
  [/^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\.$/, (m) => `字段 ${code(m[1]!)} 的类型 ${code(m[2]!)} 没有子字段，不能选择。`],
  [/^Unknown type "([^"]+)"\.(?: Did you mean (.+)\?)?$/, (m) => `未知类型 ${code(m[1]!)}${m[2] ? `，是否想用 ${names(m[2])}？` : '。'}`],
  [/^Unknown fragment "([^"]+)"\.$/, (m) => `未知片段 ${code(m[1]!)}。`],
  [/^Fragment "([^"]+)" is never used\.$/, (m) => `片段 ${code(m[1]!)} 未被使用。`],
  [/^Syntax Error: Expected ([\s\S]+), found ([\s\S]+)\.$/, (m) => `此处应为 ${m[1]}，实际为 ${m[2]}。`],
  [/^Syntax Error: Unexpected ([\s\S]+)\.$/, (m) => `此处不应出现 ${m[1]}。`],
  [/^Syntax Error: Unterminated string\.$/, () => '字符串没有结束引号。'],
  [/^Must provide query string\.$/, () => '未提供查询（`query`）。'],
  [/^Unknown operation named "([^"]+)"\.$/, (m) => `没有名为 ${code(m[1]!)} 的操作。`],
  [/^Must provide operation name if query contains multiple operations\.$/, () => '查询含多个操作时须给出操作名（`operationName`）。'],
];

/** A graphql-js message in Chinese where its sentence is known, else as it is. */
export function inChinese(message: string): string {
  for (const [pattern, say] of SENTENCES) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return message;
}
