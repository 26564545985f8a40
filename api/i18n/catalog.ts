/**
 * Every message the API answers with, once: a stable reason (`extensions.reason`, SCREAMING_SNAKE, never
 * renamed: integrators branch on it, never on the text) and its wording in zh-CN and English.
 *
 * Templates name their parameters in braces, with a format after a colon (see render.ts):
 * `{id:q}` an excerpt of the caller's value, `{on:date}` a calendar date (zh 2025年1月1日, en ISO),
 * `{at:datetime}`, `{fen:money}`, `{roles:roles}` user roles, `{status:status}` a version's status,
 * `{names:list}`, `{names:names}` Chinese names (listed with 、 in English too), `{op:op}` a GraphQL field or argument name (in backticks in Chinese). A refusal of a
 * field is prefixed with the field by the renderer: a document path by its Chinese label from
 * policy-schemas/registry.ts, anything else by its name.
 *
 * In Chinese text, words in Latin letters are only codes, names in backticks and the file formats
 * DOCX/PDF/CSV/JSON (test/api/i18n.spec.ts checks it).
 */
export interface Message {
  readonly zh: string;
  readonly en: string;
}

export const CATALOG = {
  // ------------------------------------------------------------------ any request
  INTERNAL: { zh: '服务器内部错误（已记录）', en: 'Internal server error' },
  DATABASE_UNAVAILABLE: {
    zh: '数据库暂时不可用，请稍后重试（已发布的规则仍可从缓存报价）。',
    en: 'The database is unavailable at the moment; try again shortly (published rules are still quoted from the cache).',
  },
  DATABASE_UNAVAILABLE_NOTHING_IMPORTED: {
    zh: '数据库暂时不可用，请稍后重试（已发布的规则仍可从缓存报价）。未导入任何数据。',
    en: 'The database is unavailable at the moment; try again shortly (published rules are still quoted from the cache). Nothing was imported.',
  },

  // ------------------------------------------------------------------ logging in and who may do what
  LOGIN_REQUIRED: { zh: '请先登录（`Authorization: Bearer <token>`）', en: 'log in first (Authorization: Bearer <token>)' },
  AUTH_HEADER_MALFORMED: { zh: '应为 `Bearer <token>`', en: 'expected "Bearer <token>"' },
  TOKEN_INVALID: { zh: '令牌或接口密钥无效、已过期或已吊销，请重新登录', en: 'the token or API key is invalid, expired or revoked; log in again' },
  LOGIN_FAILED: { zh: '用户名或密码错误', en: 'invalid username or password' },
  PASSWORD_CHANGE_REQUIRED: {
    zh: '{username} 的密码是首次启动时生成的，登录前须先修改：调用 `changePassword(username, password, newPassword)`',
    en: 'the password of {username} was generated at the first start and must be changed before logging in: call changePassword(username, password, newPassword)',
  },
  LOGIN_THROTTLED_USERNAME: {
    zh: '此用户名登录失败次数过多；请于 {retryAfter:datetime}（{seconds} 秒后）再试',
    en: 'too many failed login attempts for this username; retry after {retryAfterIso} (in {seconds} s)',
  },
  LOGIN_THROTTLED_ADDRESS: {
    zh: '此地址登录失败次数过多；请于 {retryAfter:datetime}（{seconds} 秒后）再试',
    en: 'too many failed login attempts from this address; retry after {retryAfterIso} (in {seconds} s)',
  },
  ROLE_REQUIRED: { zh: '需要{roles:roles}角色；{username} 的角色是{has:rolesAnd}', en: 'needs the role {roles:roles}; {username} has {has:rolesAnd}' },
  OUT_OF_SCOPE: { zh: '{jurisdiction} 不在 {username} 的管辖范围内', en: '{jurisdiction} is outside the jurisdictions of {username}' },
  FOUR_EYES: {
    zh: '双人复核：{username} 编辑过此草案，不能审核；须由另一位审核人审核',
    en: 'four eyes — {username} edited this draft and cannot approve it; another approver must',
  },
  HISTORY_FORBIDDEN: { zh: '{username} 无权查看操作记录', en: '{username} may not read the history' },
  IMPORT_FORBIDDEN: { zh: '导入{jurisdiction}的人群需要{jurisdiction}的起草人或审核人', en: 'importing a cohort of {jurisdiction} needs a drafter or approver of {jurisdiction}' },
  CANCEL_FORBIDDEN: {
    zh: '{username} 可以查看此测算，但不能停止它（其辖区的起草人和审核人、管理员可以）',
    en: '{username} may read this preview but not stop it (drafters and approvers of its jurisdiction, admins)',
  },
  PREVIEW_FORBIDDEN: {
    zh: '测算需要人群所属辖区的起草人或审核人，或管理员；{username} 只能查看',
    en: "previewing needs a drafter or approver of the cohort's jurisdiction, or an admin; {username} may only read",
  },

  // ------------------------------------------------------------------ input: general
  FIELD_REQUIRED: { zh: '必须填写', en: 'is required' },
  TEXT_EMPTY: { zh: '不能为空', en: 'must not be empty' },
  TEXT_TOO_LONG: { zh: '最多 {max} 个字符', en: 'must be at most {max} characters' },
  NOT_A_DATE: { zh: '{value:q} 不是日期', en: '{value} is not a date' },
  NUMBER_OUT_OF_RANGE: { zh: '须在 {min} 到 {max} 之间', en: 'must be between {min} and {max}' },
  NUMBER_TOO_SMALL: { zh: '须不小于 {min}', en: 'must be {min} or more' },
  YEAR_OUT_OF_RANGE: { zh: '{year} 不是 2000 至 2100 年之间的参保年度', en: '{year} is not a coverage year between 2000 and 2100' },
  DATE_NOT_IN_FUTURE: { zh: '{at:datetime} 不是将来的时间', en: '{atIso} is not in the future' },
  BATCH_TOO_LARGE: { zh: '共 {count} 条输入；每次调用最多 {max} 条', en: '{count} inputs; at most {max} per call' },
  ONE_OF_TWO: { zh: '请指定 `apiKeyId`（或已弃用的 `id`）之一，不能同时指定', en: 'name the key to revoke: apiKeyId (or the deprecated id), not both' },
  NAME_ONE_JOB: { zh: '只能指定一个任务', en: 'name one job' },

  // ------------------------------------------------------------------ not found
  NO_SUCH_JURISDICTION: { zh: '没有代码或名称为 {value:q} 的辖区', en: 'no jurisdiction has the code or name {value:q}' },
  NO_SUCH_JURISDICTION_ID: { zh: '没有编号为 {value:q} 的辖区', en: 'no jurisdiction has the id {value:q}' },
  UNKNOWN_JURISDICTION_IDS: { zh: '未知的辖区编号 {ids:list}', en: 'unknown jurisdiction id {ids:list}' },
  AMBIGUOUS_JURISDICTION: {
    zh: '{value:q} 对应 {count} 个辖区：{names:names}{more}；请给出代码，或带上级的全称（例如 {example}）',
    en: '{value:q} names {count} jurisdictions: {names:names}{more}; give the code or the name with its parents (e.g. {example})',
  },
  NO_SUCH_POLICY_VERSION: { zh: '没有编号为 {id:q} 的政策版本', en: 'no policy version has the id {id:q}' },
  NO_SUCH_PUBLISHED_VERSION: { zh: '没有编号为 {id:q} 的已发布政策版本', en: 'no published policy version has the id {id:q}' },
  NO_SUCH_USER_ID: { zh: '没有编号为 {id} 的用户', en: 'no user has the id {id}' },
  NO_SUCH_USER: { zh: '没有用户 {username:q}', en: 'no user {username:q}' },
  NO_SUCH_API_KEY: { zh: '没有编号为 {id} 的接口密钥', en: 'no API key has the id {id}' },
  NOT_AN_API_KEY_ID: { zh: '{id:q} 不是接口密钥的编号', en: '{id:q} is not the id of an API key' },
  NO_SUCH_COHORT: { zh: '没有编号为 {id:q} 的人群', en: 'no cohort has the id {id:q}' },
  NO_SUCH_PREVIEW: { zh: '版本 {version} 没有编号为 {id:q} 的测算', en: 'no preview of version {version} has the id {id:q}' },
  NO_SUCH_IMPORT: { zh: '没有此导入任务', en: 'no such import' },
  NO_SUCH_REVIEW_ITEM: { zh: '草案没有核对项 {key:q}', en: 'the draft has no review item {key:q}' },
  NO_PUBLISHED_POLICY: { zh: '{jurisdiction} 没有 {year} 参保年度的已发布政策', en: '{jurisdiction} has no published policy for coverage year {year}' },
  NO_POLICY_FOR_CODES: { zh: '{jurisdiction} 没有已发布的政策可用于核对代码', en: '{jurisdiction} has no published policy to check the codes against' },

  // ------------------------------------------------------------------ users and keys
  USERNAME_INVALID: { zh: '须为 2–64 个字母、数字、点、连字符或下划线', en: 'must be 2–64 letters, digits, dots, dashes or underscores' },
  USERNAME_TAKEN: { zh: '{username:q} 已被使用', en: '{username:q} is taken' },
  PASSWORD_TOO_SHORT: { zh: '至少 {min} 个字符', en: 'must be at least {min} characters' },
  PASSWORD_TOO_LONG: { zh: '最多 {max} 个字符', en: 'must be at most {max} characters' },
  PASSWORD_UNCHANGED: { zh: '须与当前密码不同', en: 'must differ from the current password' },
  ADMIN_NO_API_KEY: {
    zh: '{username} 是管理员：管理员用密码登录，接口密钥供对接系统使用',
    en: "{username} is an admin: admins log in with their password, API keys are for integrators' systems",
  },
  ROLES_EMPTY: { zh: '至少指定一个角色', en: 'must name at least one role' },
  UNKNOWN_ROLE: { zh: '未知角色 {role:q}（角色：{roles:list}）', en: 'unknown role {role:q} (roles: {roles:list})' },

  // ------------------------------------------------------------------ versions and their workflow
  WRONG_STATUS: { zh: '版本 {id} 的状态是{status:status}；此操作需要{allowed:statuses}', en: 'version {id} is {statusRaw}; this needs {allowedRaw}' },
  DRAFT_NO_LONGER_EDITABLE: { zh: '版本 {id} 现为{status:status}，不能再编辑', en: 'version {id} is now {statusRaw}; it can no longer be edited' },
  REVISION_OUTDATED: {
    zh: '修订号 {revision} 已过期：{changedByZh} 于 {changedAt:datetime} 保存了修订 {currentRevision}；请重新载入草案后再改（未覆盖任何内容）',
    en: 'revision: {revision} is out of date: {changedBy} saved revision {currentRevision} at {changedAtIso}; reload the draft and apply your change again (nothing was overwritten)',
  },
  COMMENT_REQUIRED_TO_REJECT: { zh: '请说明退回的理由', en: 'say why the version is sent back' },
  CONTENT_HASH_BROKEN: { zh: '版本 {id} 与其内容哈希不符，不予提供', en: 'policy version {id} does not match its content hash; it is not served' },
  PUBLISH_HASH_BROKEN: { zh: '版本 {id} 与其内容哈希不符', en: 'version {id} does not match its content hash' },
  STORED_UNREADABLE: {
    zh: '版本 {id}（结构版本 {schemaVersion}）无法读取：{path:field}：{issue}',
    en: 'policy version {id} (schema version {schemaVersion}) cannot be read: {path}: {issue}',
  },
  DOCUMENT_NUMBER_TAKEN: {
    zh: '{issuer}的 {number} 已是已发布的{name} {year} 版本的文号；请为本通知另编文号',
    en: '{number} of {issuer} is already the number of the published {name} {year} version; give the notice its own number',
  },
  NOT_AN_EXPORT: { zh: '不是导出的政策版本：{issues}', en: 'is not an exported policy version: {issues}' },
  EXPORT_HASH_MISMATCH: { zh: '与文件中的文档不符：文件被改动或不完整', en: 'does not match the document: the file was altered or is incomplete' },
  EXPORT_UNKNOWN_JURISDICTION: { zh: '{jurisdiction} 不是本系统的辖区', en: '{jurisdiction} is not a jurisdiction of this system' },
  INVALID_DOCUMENT: { zh: '政策文档未通过校验（{count} 处）：{listZh}{moreZh}', en: 'The policy document is invalid: {list}{more}' },
  REVIEW_ITEMS_OPEN: { zh: '尚有 {count} 个须处理的核对事项：{itemsZh}', en: '{count} blocking review {itemsAre} open: {items}' },
  REVIEW_ITEMS_ON_DRAFT_ONLY: { zh: '版本 {id} 的状态是{status:status}；核对事项只在草案上处理', en: 'version {id} is {statusRaw}; review items are settled on a draft' },
  REVIEW_KEYS_EMPTY: { zh: '至少指定一个核对事项', en: 'name at least one review item' },
  REVIEW_ITEM_NOT_ACKNOWLEDGEABLE: { zh: '{path:field} 不能确认：{check}', en: '{path} ({label}) cannot be acknowledged: {check}' },
  REVIEW_ITEM_SETTLED: { zh: '{path:field} 已处理', en: '{path} ({label}) is already settled' },

  // ------------------------------------------------------------------ previews and approvals
  PREVIEW_RUNNING: { zh: '测算 {job} 仍在运行；请待结果出来再审核', en: 'the preview {job} is still running; wait for its result before approving' },
  PREVIEW_FAILED: { zh: '测算 {job} 失败；请重新测算后再审核', en: 'the preview {job} failed; run a new preview before approving' },
  PREVIEW_CANCELLED: { zh: '测算 {job} 已取消；请重新测算后再审核', en: 'the preview {job} was cancelled; run a new preview before approving' },
  PREVIEW_OUTDATED: {
    zh: '测算 {job} 之后草案已改动（测算时为修订 {previewedRevision}，现为修订 {currentRevision}）；请按草案现状重新测算，再据此审核',
    en: 'the draft changed after the preview {job} (previewed at revision {previewedRevision}, now revision {currentRevision}); run a new preview of the draft as it stands and approve on that',
  },
  CORRECTION_NEEDS_NUMBER: { zh: '更正须以自己的文号发布', en: 'a correction is issued under a document number of its own' },
  CORRECTION_OF_UNPUBLISHED: { zh: '版本 {id} 的状态是{status:status}；只有已发布的通知可以更正（草案直接编辑即可）', en: 'version {id} is {statusRaw}; only a published notice is corrected (a draft is simply edited)' },
  CORRECTION_OF_SUPERSEDED: { zh: '版本 {id} 已被取代；请更正现行版本', en: 'version {id} is superseded; correct the version in force' },
  CORRECTION_SAME_NUMBER: { zh: '{number} 是被更正通知的文号；更正须以自己的文号发布', en: '{number} is the number of the notice being corrected; a correction is issued under a number of its own' },
  COHORT_OTHER_JURISDICTION: { zh: '人群所属辖区与草案不同', en: "is a cohort of another jurisdiction than the draft's" },
  NO_BASELINE: { zh: '草案不是由某个版本复制而来，且该年度没有已发布的版本：请指定对照版本', en: 'the draft was not cloned from a version and no version is published for its year: name a baseline' },

  // ------------------------------------------------------------------ quotes
  NOT_A_CATEGORY: { zh: '{value:q} 不是{jurisdiction} {year} 年度的类别', en: '{value:q} is not a category of {jurisdiction} {year}' },
  // the engine's own refusals (api/engine/quote/error.ts QUOTE_REFUSALS): the engine words them in the
  // request's language (the `…Text` tables of api/engine/quote/* and their Chinese twins), `{message}`
  QUOTE_REFUSED: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_DATE_MALFORMED: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_BORN_AFTER_PAYMENT: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_UNKNOWN_CATEGORY: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_UNKNOWN_GROUP: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_CERTIFIED_TWICE: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_NOT_A_GRADE: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_NOT_ONE_OF: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_AFTER_COVERAGE_YEAR: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_REGISTRATION_ONLY: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_BEFORE_PAYMENTS_OPEN: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_INSURED_EARLIER: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_OUTSIDE_WINDOWS: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_BIRTH_DATE_REQUIRED: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_EVENT_DATE_REQUIRED: { zh: '无法报价：{message}', en: '{message}' },
  QUOTE_EVENT_AFTER_PAYMENT: { zh: '无法报价：{message}', en: '{message}' },
  REFUND_EVENT_BEFORE_PAYMENT: { zh: '无法判断退费：{message}', en: '{message}' },
  REFUND_CATEGORY_REQUIRED: { zh: '无法判断退费：{message}', en: '{message}' },
  POLICY_VERSION_AND_AS_OF: { zh: '`policyVersionId` 与 `asOf` 只能给一个：指定的版本按其本身作答', en: 'give policyVersionId or asOf, not both: a version named answers as it is' },
  VERSION_OF_ANOTHER: { zh: '版本 {id} 属于{jurisdiction} {year}，而非{wantJurisdiction} {wantYear}', en: 'version {id} is {jurisdiction} {year}, not {wantJurisdiction} {wantYear}' },
  CONTENT_HASH_MISMATCH: {
    zh: '作答版本 {id}{inForce} 的内容哈希为 {hash}，而非 {expected}；不以其他文档作答',
    en: 'the answering version {id}{inForceEn} has content hash {hash}, not {expected}; nothing is answered from another document',
  },
  QUOTE_INPUT_FAILED: { zh: '此条输入无法作答（内部错误，已记录）', en: 'this input could not be answered (an internal error, logged)' },

  // ------------------------------------------------------------------ scalars
  DATE_MALFORMED: { zh: '{value} 不是 YYYY-MM-DD 格式的日期', en: '{value} is not a date written YYYY-MM-DD' },
  DATE_LITERAL_NOT_STRING: { zh: '日期须写成字符串 YYYY-MM-DD', en: 'a Date must be a string written YYYY-MM-DD' },
  DATE_OUT_OF_RANGE: { zh: '{value} 不是真实的日历日期', en: '{value} is not a real calendar date' },
  DATE_NOT_REPRESENTABLE: { zh: '日期无法表示 {value}', en: 'Date cannot represent {value}' },
  MONEY_NOT_FEN: { zh: '金额须以整数分保存，收到 {value}', en: 'Money must be held as integer fen, got {value}' },
  MONEY_LITERAL_NOT_STRING: { zh: '金额须写成十进制字符串，例如 "400.00"', en: 'Money must be a decimal string such as "400.00"' },
  MONEY_MALFORMED: { zh: '{value} 不是最多两位小数的元金额', en: '{value} is not an amount in yuan with at most two decimals' },

  // ------------------------------------------------------------------ limits (api/graphql/limits.ts, rate-limits.ts, http.ts)
  QUERY_TOO_LONG: { zh: '查询长 {found:n} 个字符；最多接受 {max:n} 个。', en: 'The query is {found:n} characters long; at most {max:n} are accepted.' },
  BODY_TOO_LARGE: { zh: '请求体超过 {max:n} 字节。', en: 'The request body is larger than {max:n} bytes.' },
  TIMED_OUT: { zh: '请求超过 {max:n} 毫秒，已停止。', en: 'The request took longer than {max:n} ms and was stopped.' },
  TOO_MANY_TOKENS: { zh: '查询超过 {max:n} 个词元；最多接受 {max:n} 个。', en: 'The query has more than {max:n} tokens; at most {max:n} are accepted.' },
  TOO_MANY_ALIASES: { zh: '查询有 {found:n} 个别名；最多允许 {max:n} 个。', en: 'The query has {found:n} aliases; at most {max:n} are allowed.' },
  TOO_MANY_DIRECTIVES: { zh: '查询有 {found:n} 个指令；最多允许 {max:n} 个。', en: 'The query has {found:n} directives; at most {max:n} are allowed.' },
  TOO_DEEP: { zh: '查询嵌套 {found:n} 层；最多允许 {max:n} 层。', en: 'The query is nested {found:n} levels deep; at most {max:n} are allowed.' },
  TOO_MANY_SELECTIONS: { zh: '展开片段后查询选择了 {found:n} 个字段；最多允许 {max:n} 个。', en: 'The query selects {found:n} fields once its fragments are expanded; at most {max:n} are allowed.' },
  TOO_MANY_QUOTES: {
    zh: '本次请求要 {found:n} 次报价（`quote`、`refund` 以及 `quotes`、`quoteBatch` 的每条输入，含所有别名和片段）；一次请求最多作答 {max:n} 次。',
    en: 'The request asks for {found:n} quotes (every quote, refund and input of quotes or quoteBatch, over all aliases and fragments); at most {max:n} are answered in one request.',
  },
  TOO_COSTLY: {
    zh: '本次请求的开销为 {found:n}（每个字段每解析一次计一次：`quotes`、`quoteBatch` 之下每条输入一次，`jurisdictions` 之下每个辖区一次）；一次请求最多 {max:n}。',
    en: 'The request costs {found:n} (each field counts once per time it is resolved: below quotes and quoteBatch once per input, below jurisdictions once per jurisdiction); at most {max:n} is answered in one request.',
  },
  TOO_NESTED_VALUE: { zh: '值的嵌套超过 {max:n} 层；最多接受 {max:n} 层。', en: '{message}' },
  QUERY_SYNTAX: { zh: '查询语法有误：{detail}', en: '{detail}' },
  QUERY_INVALID: { zh: '查询未通过校验：{detail}', en: '{detail}' },
  VARIABLE_INVALID: { zh: '参数值有误：{detail}', en: '{detail}' },
  OPERATION_UNKNOWN: { zh: '无法确定要执行的操作：{detail}', en: '{detail}' },
  BAD_REQUEST: { zh: '请求有误：{detail}', en: '{detail}' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的请求格式：{detail}', en: '{detail}' },
  RATE_LIMITED: {
    zh: '报价过多：{who}每 {window} 秒最多 {max} 次；请 {retry} 秒后再试。',
    en: 'Too many quotes: at most {max} per {window} s for {whoEn}; retry after {retry} s.',
  },
  RATE_LIMITED_REQUEST: {
    zh: '本次请求要 {quotes} 次报价，超过{who}每 {window} 秒允许的 {max} 次；请拆成较小的请求。',
    en: 'The request asks for {quotes} quotes, more than the {max} allowed per {window} s for {whoEn}; split it into smaller requests.',
  },
  BODY_NOT_JSON: { zh: '请求体不是有效的 JSON：{detail}', en: 'The request body is not valid JSON: {detail}' },
  BODY_UNREADABLE: { zh: '无法读取请求体（{encoding}）：{detail}', en: 'The request body could not be read ({encoding}): {detail}' },
  CHARSET_UNSUPPORTED: { zh: '不读取字符集为 {charset:q} 的请求体；请用 UTF-8 发送。', en: 'The request body\'s charset {charset:q} is not read; send UTF-8.' },
  ENCODING_UNSUPPORTED: {
    zh: '不读取编码为 {encoding:q} 的请求体；请以 identity、gzip、deflate 或 br 发送。',
    en: 'The request body\'s encoding {encoding:q} is not read; send it as identity, gzip, deflate or br.',
  },
  INVALID_CHARACTER: { zh: '查询或其参数的字符串中含有不接受的字符（如 NUL 字符）。', en: '{message}' },
  UPLOAD_TOO_LARGE: { zh: '文件超过 {max:n} 字节；未导入任何数据', en: 'the file is larger than {max:n} bytes; nothing was imported' },

  // ------------------------------------------------------------------ cohorts
  COHORT_REFUSED: { zh: '文件被拒，未导入任何数据', en: 'the file was refused, nothing was imported' },
  JOB_NOT_PENDING: {
    zh: '{job:q} 不是您在此辖区待执行的导入任务；请用 `createCohortImportJob` 创建，或不指定 `job`',
    en: '{job:q} is not a pending import job of yours for this jurisdiction; make one with createCohortImportJob, or leave job out',
  },
  NOT_A_CATEGORY_CODE: { zh: '{value:q} 不是{jurisdiction}的类别代码', en: '{value:q} is not a category code of {jurisdiction}' },
  NOT_A_GROUP_CODE: { zh: '{value:q} 不是{jurisdiction}的特殊群体代码', en: '{value:q} is not a special-group code of {jurisdiction}' },
  NOT_A_UNIT: { zh: '{value:q} 不是{jurisdiction}的单位（{units}）', en: '{value:q} is not a unit of {jurisdiction} ({units})' },
  BIRTH_TOO_EARLY: { zh: '（{value:date}）早于 {earliest:date}：不是可信的出生日期', en: '({value}) is before {earliest}: not a plausible birth date' },
  BIRTH_AFTER_YEAR: { zh: '（{value:date}）晚于参保年度 {year} 年', en: '({value}) is after the coverage year {year}' },
  PAYMENT_OUT_OF_RANGE: { zh: '（{value:date}）不在 {from}–{to} 年之间：不是可信的缴费日期', en: '({value}) is outside {from}–{to}: not a plausible payment date' },
  BORN_AFTER_PAYMENT: { zh: '（{value:date}）晚于缴费日期（{payment:date}）', en: '({value}) is after the payment date ({payment})' },
  LINE_HAS_NUL: { zh: '含有 NUL 字节（\\0），任何字段都不能含有', en: 'contains a NUL byte (\\0), which no field may hold' },
  LINE_NOT_UTF8: { zh: '不是 UTF-8 文本（请将文件存为 UTF-8）', en: 'is not UTF-8 text (save the file as UTF-8)' },
  LINE_FIELD_COUNT: { zh: '有 {found} 个字段，应为 {expected} 个', en: 'has {found} fields, expected {expected}' },
  LINE_QUOTED_CODES: { zh: '类别、特殊群体、缴费日期和事实列不能含有逗号或引号', en: 'categories, groups, payment_date and the fact columns may not contain commas or quotes' },
  FILE_EMPTY: { zh: '文件为空；第一行须为 `{header}`', en: 'the file is empty; the first line must be "{header}"' },
  HEADER_WRONG: { zh: '须为 `{header}`，其后可跟事实列（`{columns}`），实为 {found:q}', en: 'must be "{header}", optionally followed by fact columns ({columns}), found "{found}"' },
  HEADER_UNKNOWN_COLUMN: { zh: '列 {column:q} 不是事实列（`{columns}`）', en: 'names the column "{column}", which is not a fact column ({columns})' },
  HEADER_COLUMN_TWICE: { zh: '列 {column:q} 出现了两次', en: 'names the column "{column}" twice' },
  PERSON_TWICE: { zh: '{value:q} 出现了两次（第一次在第 {first} 行）', en: '"{value}" appears twice (first on line {first})' },
  NO_PERSONS: { zh: '文件中没有人员', en: 'the file has no persons' },
  COHORT_NAME_TAKEN: { zh: '{jurisdiction}已有名为 {name:q} 的人群', en: '{jurisdiction} already has a cohort named "{name}"' },
  NOT_A_GRADE: { zh: '{value:q} 不是残疾等级（1 至 4）', en: '"{value}" is not a disability grade (1 to 4)' },
  NOT_A_BOOLEAN: { zh: '{value:q} 须为 `true` 或 `false`', en: '"{value}" is not true or false' },
  NOT_ONE_OF: { zh: '{value:q} 不是以下之一：`{values}`', en: '"{value}" is not one of {values}' },
  NOT_A_CERTIFICATION: { zh: '{value:q} 不是写作 代码@YYYY-MM-DD 的认定', en: '"{value}" is not a certification written code@YYYY-MM-DD' },
  GRADE_REQUIRED: { zh: '给出残疾类别或多残家庭时须填写残疾等级', en: 'is required where disability_kind or multi_disabled_household is given' },
  LINE_REFUSED: { zh: '此行被拒', en: '{message}' },
  COHORT_IMPORT_FAILED: { zh: '导入失败；未导入任何数据', en: 'the import failed; nothing was imported' },

  // ------------------------------------------------------------------ notices
  NOTICE_FAILED: { zh: '无法生成通知文件', en: 'the notice could not be made' },
} as const satisfies Record<string, Message>;

export type Reason = keyof typeof CATALOG;
