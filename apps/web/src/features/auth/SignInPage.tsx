import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { describeError, isApiProblem } from '../../api/client.ts';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';

/** Only same-site paths: never send someone off-site after signing in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

type Errors = { email?: string; password?: string; form?: string };

export function SignInPage() {
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Sign in · Baton';
  }, []);

  if (session && !busy) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!email.trim()) found.email = 'Enter your e-mail address.';
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()))
      found.email = 'Enter a valid e-mail address, like name@company.com.';
    if (!password) found.password = 'Enter your password.';
    setErrors(found);
    if (found.email || found.password) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      navigate(next, { replace: true });
    } catch (error) {
      if (isApiProblem(error, 429)) {
        setErrors({ form: error.detail ?? 'Too many attempts. Wait a moment and try again.' });
      } else if (isApiProblem(error, 401)) {
        setErrors({ form: 'That e-mail and password do not match an active account.' });
      } else if (isApiProblem(error, 400) && error.errors.length > 0) {
        setErrors({
          ...(error.messageFor('email') ? { email: `E-mail ${error.messageFor('email')}` } : {}),
          ...(error.messageFor('password') ? { password: `Password ${error.messageFor('password')}` } : {}),
          form: error.detail ?? 'Check the fields below.',
        });
      } else {
        setErrors({ form: describeError(error) });
      }
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <main className="auth-card" aria-labelledby="sign-in-title">
        <div className="auth-card__brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span>Baton</span>
        </div>
        <h1 id="sign-in-title">Sign in to your PMO</h1>
        <p className="muted auth-card__lead">Portfolios, programs and projects — one source of truth.</p>
        <form className="stack" onSubmit={submit} noValidate>
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          <Field label="E-mail" error={errors.email}>
            <Input
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
            />
          </Field>
          <Field label="Password" error={errors.password}>
            <Input
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <Button type="submit" variant="primary" loading={busy} className="auth-card__submit">
            Sign in
          </Button>
        </form>
      </main>
      <p className="auth-page__footer subtle">Baton · open-source PMO platform</p>
    </div>
  );
}
