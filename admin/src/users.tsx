import { useEffect, useState } from 'react';
import { Datagrid, FunctionField, List, TextField, BooleanField, CreateButton, TopToolbar, Title, useNotify, useRedirect, useRefresh, type ListProps } from 'react-admin';
import { useParams } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Checkbox, Chip, FormControlLabel, FormGroup, FormLabel, Stack, Switch, TextField as MuiTextField } from '@mui/material';
import { errorText, gql } from './api';
import { useTr } from './i18n';
import { JurisdictionsPicker, jurisdictionKey, type JurisdictionRef } from './pickers/JurisdictionPicker';
import { roleText, USER_ROLES } from './format';
import { useLang } from './ui';


interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
  jurisdictions: { id: string; name: string }[];
}

/** Admins: the users, their roles and jurisdictions. */
export function UserList(props: ListProps) {
  const tr = useTr();
  const lang = useLang();
  return (
    <List
      {...props}
      sort={{ field: 'username', order: 'ASC' }}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton label={tr('新建用户', 'New user')} />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={(id) => `/users/${id}`}>
        <TextField source="username" />
        <TextField source="displayName" />
        <FunctionField
          source="roles"
          sortable={false}
          render={(r: UserRow) => r.roles.map((x) => <Chip key={x} size="small" sx={{ mr: 0.5 }} label={roleText(x, lang)} />)}
        />
        <FunctionField source="jurisdictions" sortable={false} render={(r: UserRow) => r.jurisdictions.map((j) => j.name).join('、')} />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

export const UserCreate = () => <UserForm />;

export function UserEdit() {
  const { id } = useParams<{ id: string }>();
  return <UserForm id={id} />;
}

/**
 * Create or change a user (admins only; the API checks): roles, the jurisdictions they act in (a
 * jurisdiction includes everything below it), a password of at least 10 characters, active or not.
 * Changing the password or deactivating ends the user's sessions.
 */
function UserForm({ id }: { id?: string | undefined }) {
  const tr = useTr();
  const lang = useLang();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [jurisdictions, setJurisdictions] = useState<JurisdictionRef[]>([]);
  const [active, setActive] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    gql<{ users: (UserRow & { jurisdictions: JurisdictionRef[] })[] }>(`{ users { id username displayName roles active jurisdictions { id code name } } }`).then(
      (d) => {
        const u = d.users.find((x) => x.id === id);
        if (!u) return setError(tr('用户不存在', 'No such user'));
        setUsername(u.username);
        setDisplayName(u.displayName);
        setRoles(u.roles);
        setJurisdictions(u.jurisdictions);
        setActive(u.active);
      },
      (e: Error) => setError(e.message),
    );
  }, [id]);

  const names = () => jurisdictions.map(jurisdictionKey);
  const save = async () => {
    setError(null);
    if (!id && password.length < 10) return setError(`${tr('密码', 'Password')}：${tr('至少 10 个字符', 'at least 10 characters')}`);
    if (id && password && password.length < 10) return setError(`${tr('密码', 'Password')}：${tr('至少 10 个字符', 'at least 10 characters')}`);
    if (!roles.length) return setError(`${tr('角色', 'Roles')}：${tr('至少选择一个', 'choose at least one')}`);
    setBusy(true);
    try {
      if (id)
        await gql(`mutation ($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }`, {
          id,
          i: { displayName, roles, jurisdictions: names(), active, ...(password ? { password } : {}) },
        });
      else
        await gql(`mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
          i: { username, displayName: displayName || undefined, password, roles, jurisdictions: names() },
        });
      notify(tr('已保存', 'Saved'), { type: 'success' });
      refresh();
      redirect('/users');
    } catch (e) {
      setError(errorText(e, tr));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title={id ? tr('修改用户', 'Edit user') : tr('新建用户', 'New user')} />
      <CardContent>
        <Stack spacing={2}>
          <MuiTextField name="username" label={tr('用户名', 'Username')} value={username} onChange={(e) => setUsername(e.target.value)} disabled={!!id} required />
          <MuiTextField name="displayName" label={tr('姓名', 'Name')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          <MuiTextField
            name="password"
            type="password"
            label={id ? tr('新密码（留空则不变）', 'New password (blank: unchanged)') : tr('密码', 'Password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            helperText={tr('至少 10 个字符', 'At least 10 characters')}
            required={!id}
          />
          <Box>
            <FormLabel>{tr('角色', 'Roles')}</FormLabel>
            <FormGroup row>
              {USER_ROLES.map((role) => (
                <FormControlLabel
                  key={role}
                  control={<Checkbox name={`role-${role}`} checked={roles.includes(role)} onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))} />}
                  label={roleText(role, lang)}
                />
              ))}
            </FormGroup>
          </Box>
          <JurisdictionsPicker label={tr('负责地区（含下级）', 'Jurisdictions (and everything below)')} value={jurisdictions} onChange={setJurisdictions} testId="user-jurisdictions" />
          {id ? <FormControlLabel control={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} />} label={tr('启用', 'Active')} /> : null}
          {error ? <Alert severity="error">{error}</Alert> : null}
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => void save()} disabled={busy}>
              {tr('保存', 'Save')}
            </Button>
            <Button onClick={() => redirect('/users')}>{tr('取消', 'Cancel')}</Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
