/** The console's resource and field names, for react-admin's menus, titles and list headers. */
export const app = {
  zh: {
    app: {
      auth: {
        invalid: '用户名或密码错误，请重试',
        too_many: '登录失败次数过多，请于 %{time} 后再试',
        password_change_required: '这是系统生成的初始密码，首次登录前须设置新密码。',
        current_password: '当前密码',
        new_password: '新密码（至少 10 个字符）',
        confirm_password: '再次输入新密码',
        change_and_sign_in: '修改密码并登录',
        password_short: '新密码至少 10 个字符',
        password_mismatch: '两次输入的新密码不一致',
        password_rejected: '新密码不符合要求：%{reason}',
      },
    },
    resources: {
      jurisdictions: { name: '统筹地区', fields: { name: '名称', code: '区划代码', level: '层级', note: '备注' } },
      policyVersions: {
        name: '政策版本',
        fields: {
          'jurisdiction.name': '统筹地区',
          jurisdiction: '统筹地区',
          year: '待遇年度',
          status: '状态',
          title: '标题',
          documentNumber: '文号',
          issuedOn: '发文日期',
          revision: '修订号',
          updatedAt: '更新时间',
          updatedBy: '更新人',
          publishedAt: '发布时间',
        },
      },
      cohorts: { name: '参保人群', fields: { name: '名称', persons: '人数', createdAt: '导入时间', 'jurisdiction.name': '统筹地区' } },
      auditLog: {
        name: '变更历史',
        fields: { at: '时间', username: '用户', action: '操作', jurisdiction: '统筹地区', comment: '说明', policyVersionId: '版本' },
      },
      users: { name: '用户', fields: { username: '用户名', displayName: '姓名', roles: '角色', active: '启用', jurisdictions: '负责地区' } },
    },
  },
  en: {
    app: {
      auth: {
        invalid: 'Wrong username or password, please try again',
        too_many: 'Too many failed attempts; try again after %{time}',
        password_change_required: 'This is the generated first password: set a new one before logging in.',
        current_password: 'Current password',
        new_password: 'New password (at least 10 characters)',
        confirm_password: 'New password again',
        change_and_sign_in: 'Change password and sign in',
        password_short: 'The new password needs at least 10 characters',
        password_mismatch: 'The two new passwords differ',
        password_rejected: 'The new password was refused: %{reason}',
      },
    },
    resources: {
      jurisdictions: { name: 'Jurisdictions', fields: { name: 'Name', code: 'Division code', level: 'Level', note: 'Note' } },
      policyVersions: {
        name: 'Policy versions',
        fields: {
          'jurisdiction.name': 'Jurisdiction',
          jurisdiction: 'Jurisdiction',
          year: 'Coverage year',
          status: 'Status',
          title: 'Title',
          documentNumber: 'Document number',
          issuedOn: 'Issued on',
          revision: 'Revision',
          updatedAt: 'Updated',
          updatedBy: 'Updated by',
          publishedAt: 'Published',
        },
      },
      cohorts: { name: 'Cohorts', fields: { name: 'Name', persons: 'Persons', createdAt: 'Imported', 'jurisdiction.name': 'Jurisdiction' } },
      auditLog: {
        name: 'History',
        fields: { at: 'When', username: 'User', action: 'Action', jurisdiction: 'Jurisdiction', comment: 'Comment', policyVersionId: 'Version' },
      },
      users: { name: 'Users', fields: { username: 'Username', displayName: 'Name', roles: 'Roles', active: 'Active', jurisdictions: 'Jurisdictions' } },
    },
  },
};
