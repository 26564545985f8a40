/** The console's resource and field names, for react-admin's menus, titles and list headers. */
export const app = {
  zh: {
    app: { auth: { invalid: '用户名或密码错误，请重试' } },
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
    app: { auth: { invalid: 'Wrong username or password, please try again' } },
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
