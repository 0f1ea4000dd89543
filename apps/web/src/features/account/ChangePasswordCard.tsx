import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { changePassword } from '../../api/auth.ts';
import { describeError, isApiProblem } from '../../api/client.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';

type Errors = Partial<Record<'currentPassword' | 'newPassword' | 'confirm' | 'form', string>>;

export function ChangePasswordCard() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);

  const mutation = useMutation({
    mutationFn: () => changePassword({ currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setDone(true);
      setCurrent('');
      setNext('');
      setConfirm('');
    },
    onError: (error) => {
      if (isApiProblem(error) && error.errors.length > 0) {
        setErrors({
          ...(error.messageFor('currentPassword')
            ? { currentPassword: `Current password ${error.messageFor('currentPassword')}` }
            : {}),
          ...(error.messageFor('newPassword')
            ? { newPassword: `New password: ${error.messageFor('newPassword')}` }
            : {}),
          form: error.detail ?? error.title,
        });
      } else if (isApiProblem(error, 401) || isApiProblem(error, 403)) {
        setErrors({ currentPassword: 'Your current password is not right.' });
      } else {
        setErrors({ form: describeError(error) });
      }
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const found: Errors = {};
    if (!current) found.currentPassword = 'Enter your current password.';
    if (next.length < 10) found.newPassword = 'Use at least 10 characters.';
    if (next !== confirm) found.confirm = 'The two new passwords do not match.';
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };

  return (
    <Card title="Change password" description="Changing it signs you out everywhere else.">
      <form className="stack" onSubmit={submit} noValidate>
        {done && (
          <Alert tone="success" title="Password changed">
            Every other session of yours has been signed out; this one stays signed in.
          </Alert>
        )}
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <div className="grid-3">
          <Field label="Current password" error={errors.currentPassword}>
            <Input
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          </Field>
          <Field label="New password" error={errors.newPassword} hint="At least 10 characters.">
            <Input
              type="password"
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
          </Field>
          <Field label="Repeat new password" error={errors.confirm}>
            <Input
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          </Field>
        </div>
        <div className="row">
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
