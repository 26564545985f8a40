import { Datagrid, FunctionField, List, TextField, BooleanField, type ListProps } from 'react-admin';
import { Chip } from '@mui/material';
import { useTr } from './i18n';

const ROLES: Record<string, [string, string]> = {
  drafter: ['起草', 'Drafter'],
  approver: ['审核', 'Approver'],
  auditor: ['审计', 'Auditor'],
  integrator: ['对接系统', 'Integrator'],
  admin: ['管理员', 'Admin'],
};

interface UserRow {
  id: string;
  roles: string[];
  jurisdictions: { id: string; name: string }[];
}

/** Admins: the users, their roles and jurisdictions (created and changed over the API's user mutations). */
export function UserList(props: ListProps) {
  const tr = useTr();
  return (
    <List {...props} sort={{ field: 'username', order: 'ASC' }} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="username" />
        <TextField source="displayName" />
        <FunctionField
          source="roles"
          sortable={false}
          render={(r: UserRow) => r.roles.map((x) => <Chip key={x} size="small" sx={{ mr: 0.5 }} label={ROLES[x] ? tr(...ROLES[x]!) : x} />)}
        />
        <FunctionField source="jurisdictions" sortable={false} render={(r: UserRow) => r.jurisdictions.map((j) => j.name).join('、')} />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}
