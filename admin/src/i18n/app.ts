/*
 * The console's own messages for react-admin (menus, titles, list headers, the login page): each
 * written once as a pair, Chinese then English, from which both dictionaries are made. Keys react-admin
 * 5 has and the Chinese translation of react-admin 4 lacks are given their Chinese here too (ra.*), so
 * that nothing falls back to English on a Chinese screen.
 */

type Pair = readonly [zh: string, en: string];
interface Tree {
  [key: string]: Pair | Tree;
}

const PAIRS: Tree = {
  app: {
    auth: {
      invalid: ['用户名或密码错误，请重试', 'Wrong username or password, please try again'],
      too_many: ['登录失败次数过多，请于 %{time} 后再试', 'Too many failed attempts; try again after %{time}'],
      password_change_required: ['这是系统生成的初始密码，首次登录前须设置新密码。', 'This is the generated first password: set a new one before logging in.'],
      current_password: ['当前密码', 'Current password'],
      new_password: ['新密码（至少 10 个字符）', 'New password (at least 10 characters)'],
      confirm_password: ['再次输入新密码', 'New password again'],
      change_and_sign_in: ['修改密码并登录', 'Change password and sign in'],
      password_short: ['新密码至少 10 个字符', 'The new password needs at least 10 characters'],
      password_mismatch: ['两次输入的新密码不一致', 'The two new passwords differ'],
      password_rejected: ['新密码不符合要求：%{reason}', 'The new password was refused: %{reason}'],
    },
  },
  resources: {
    jurisdictions: {
      name: ['统筹地区', 'Jurisdictions'],
      fields: { name: ['名称', 'Name'], code: ['区划代码', 'Division code'], level: ['层级', 'Level'], note: ['备注', 'Note'] },
    },
    policyVersions: {
      name: ['政策版本', 'Policy versions'],
      fields: {
        'jurisdiction.name': ['统筹地区', 'Jurisdiction'],
        jurisdiction: ['统筹地区', 'Jurisdiction'],
        year: ['待遇年度', 'Coverage year'],
        status: ['状态', 'Status'],
        title: ['标题', 'Title'],
        documentNumber: ['文号', 'Document number'],
        issuedOn: ['发文日期', 'Issued on'],
        revision: ['修订号', 'Revision'],
        updatedAt: ['更新时间', 'Updated'],
        updatedBy: ['更新人', 'Updated by'],
        publishedAt: ['发布时间', 'Published'],
      },
    },
    cohorts: {
      name: ['参保人群', 'Cohorts'],
      fields: { name: ['名称', 'Name'], persons: ['人数', 'Persons'], createdAt: ['导入时间', 'Imported'], 'jurisdiction.name': ['统筹地区', 'Jurisdiction'] },
    },
    auditLog: {
      name: ['变更历史', 'History'],
      fields: {
        at: ['时间', 'When'],
        username: ['用户', 'User'],
        action: ['操作', 'Action'],
        jurisdiction: ['统筹地区', 'Jurisdiction'],
        comment: ['说明', 'Comment'],
        policyVersionId: ['版本', 'Version'],
      },
    },
    users: {
      name: ['用户', 'Users'],
      fields: { username: ['用户名', 'Username'], displayName: ['姓名', 'Name'], roles: ['角色', 'Roles'], active: ['启用', 'Active'], jurisdictions: ['负责地区', 'Jurisdictions'] },
    },
  },
};

const isPair = (v: Pair | Tree): v is Pair => Array.isArray(v);

function pick(tree: Tree, side: 0 | 1): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, isPair(v) ? v[side] : pick(v, side)]));
}

/** The console's messages in each language, for the i18n provider. */
export const app = { zh: pick(PAIRS, 0), en: pick(PAIRS, 1) };
