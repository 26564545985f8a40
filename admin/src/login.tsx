import { useState } from 'react';
import { Alert, Button, CardContent, CircularProgress } from '@mui/material';
import { Form, Login, PasswordInput, required, TextInput, useLogin, useNotify, useTranslate } from 'react-admin';
import { LoginRefusal, PASSWORD_CHANGE_REQUIRED } from './authProvider';

/**
 * The login page: username and password; when the API answers that the password must be changed
 * first (the generated admin password, at the first login), the same card asks for a new one twice
 * and logs in with it (`changePassword`).
 */
export function LoginPage() {
  return (
    <Login>
      <LoginOrChangeForm />
    </Login>
  );
}

function LoginOrChangeForm() {
  const [mustChange, setMustChange] = useState(false);
  const [loading, setLoading] = useState(false);
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();

  const submit = (values: Record<string, string>) => {
    if (mustChange) {
      if ((values.newPassword ?? '').length < 10) return notify('app.auth.password_short', { type: 'error' });
      if (values.newPassword !== values.confirmPassword) return notify('app.auth.password_mismatch', { type: 'error' });
    }
    setLoading(true);
    login(mustChange ? { username: values.username, password: values.password, newPassword: values.newPassword } : { username: values.username, password: values.password })
      .then(() => setLoading(false))
      .catch((e: unknown) => {
        setLoading(false);
        if (e instanceof LoginRefusal && e.message === PASSWORD_CHANGE_REQUIRED) return setMustChange(true);
        const message = e instanceof Error && e.message ? e.message : 'ra.auth.sign_in_error';
        notify(message, { type: 'error', messageArgs: { _: message, ...(e instanceof LoginRefusal ? e.args : {}) } });
      });
  };

  return (
    <Form onSubmit={submit as never} mode="onChange" noValidate>
      <CardContent sx={{ width: 300, pb: 2 }}>
        <TextInput autoFocus source="username" label={translate('ra.auth.username')} autoComplete="username" validate={required()} readOnly={mustChange} />
        <PasswordInput source="password" label={translate(mustChange ? 'app.auth.current_password' : 'ra.auth.password')} autoComplete="current-password" validate={required()} readOnly={mustChange} />
        {mustChange ? (
          <>
            <Alert severity="warning" sx={{ my: 1 }} data-testid="password-change-required">
              {translate('app.auth.password_change_required')}
            </Alert>
            <PasswordInput source="newPassword" label={translate('app.auth.new_password')} autoComplete="new-password" validate={required()} />
            <PasswordInput source="confirmPassword" label={translate('app.auth.confirm_password')} autoComplete="new-password" validate={required()} />
          </>
        ) : null}
        <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
          {loading ? <CircularProgress size={19} thickness={3} /> : translate(mustChange ? 'app.auth.change_and_sign_in' : 'ra.auth.sign_in')}
        </Button>
      </CardContent>
    </Form>
  );
}
