import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError, isApiProblem } from '../../api/client.ts';
import { createUser, userKeys } from '../../api/users.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { useToast } from '../../design/Toast.tsx';
import { emptyGrant, type GrantDraft, GrantFields } from './GrantFields.tsx';

type Errors = Partial<Record<'email' | 'name' | 'password' | 'scopeId' | 'form', string>>;

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { showToast } = useToast();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [grant, setGrant] = useState<GrantDraft>(emptyGrant);
  const [errors, setErrors] = useState<Errors>({});

  const reset = () => {
    setEmail('');
    setName('');
    setPassword('');
    setGrant(emptyGrant());
    setErrors({});
  };

  const mutation = useMutation({
    mutationFn: () =>
      createUser({
        email: email.trim(),
        name: name.trim(),
        password,
        grants: [
          {
            role: grant.role,
            scopeType: grant.scopeType,
            scopeId: grant.scopeType === 'organisation' ? null : grant.scopeId,
          },
        ],
      }),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      showToast({ tone: 'success', title: 'User created', text: `${user.name} can now sign in.` });
      reset();
      onClose();
      navigate(`/users/${user.id}`);
    },
    onError: (error) => {
      if (isApiProblem(error) && error.errors.length > 0) {
        const m = (f: string) =>
          error.errors.find((e) => e.field === f || e.field.startsWith(`${f}.`))?.message;
        setErrors({
          ...(m('email') ? { email: `E-mail ${m('email')}` } : {}),
          ...(m('name') ? { name: `Name ${m('name')}` } : {}),
          ...(m('password') ? { password: `Password: ${m('password')}` } : {}),
          ...(m('grants') ? { scopeId: m('grants') ?? '' } : {}),
          form: error.detail ?? error.title,
        });
      } else if (isApiProblem(error, 409)) {
        setErrors({ email: 'Someone already uses this e-mail address.' });
      } else setErrors({ form: describeError(error) });
    },
  });

  const submit = () => {
    const found: Errors = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = 'Enter a valid e-mail address.';
    if (!name.trim()) found.name = 'Enter the person’s name.';
    if (password.length < 10) found.password = 'Use at least 10 characters.';
    if (grant.scopeType !== 'organisation' && !grant.scopeId)
      found.scopeId = 'Choose where the role applies.';
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title="New user"
      description="They sign in with this e-mail and the initial password; ask them to change it."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Create user
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <div className="grid-2">
          <Field label="Name" error={errors.name} required>
            <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </Field>
          <Field label="E-mail" error={errors.email} required>
            <Input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
          </Field>
          <Field label="Initial password" error={errors.password} hint="At least 10 characters." required>
            <Input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="new-password"
            />
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend>First role</legend>
          <GrantFields value={grant} onChange={setGrant} scopeError={errors.scopeId} />
        </fieldset>
      </div>
    </Dialog>
  );
}
