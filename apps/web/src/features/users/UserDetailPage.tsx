import { ROLE_LABELS } from '@baton/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, isApiProblem } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { addGrant, fetchUser, removeGrant, updateUser, userKeys } from '../../api/users.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSignedInSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button, ButtonLink } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { emptyGrant, type GrantDraft, GrantFields, SCOPE_LABELS } from './GrantFields.tsx';

export function UserDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: userKeys.detail(id), queryFn: ({ signal }) => fetchUser(id, signal) });
  if (query.isPending) return <LoadingState label="Loading user…" />;
  if (query.isError) {
    return (
      <div className="page">
        {isApiProblem(query.error, 404) || isApiProblem(query.error, 400) ? (
          <EmptyState title="User not found" actions={<ButtonLink to="/users">Back to users</ButtonLink>} />
        ) : (
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        )}
      </div>
    );
  }
  return <UserDetail user={query.data} />;
}

function UserDetail({ user }: { user: User }) {
  const session = useSignedInSession();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [confirmActive, setConfirmActive] = useState(false);
  const [resetOpen, setResetOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [grant, setGrant] = useState<GrantDraft>(emptyGrant);
  const [grantError, setGrantError] = useState<string | null>(null);
  const isSelf = user.id === session.user.id;

  const updated = (u: User) => {
    queryClient.setQueryData(userKeys.detail(u.id), u);
    void queryClient.invalidateQueries({ queryKey: userKeys.all, refetchType: 'none' });
  };
  const failed = (title: string) => (error: Error) => {
    if (isApiProblem(error, 409)) void queryClient.invalidateQueries({ queryKey: userKeys.detail(user.id) });
    showToast({ tone: 'error', title, text: describeError(error) });
  };

  const toggleActive = useMutation({
    mutationFn: () => updateUser(user.id, { version: user.version, active: !user.active }),
    onSuccess: (u) => {
      updated(u);
      setConfirmActive(false);
      showToast({ tone: 'success', title: u.active ? 'User reactivated' : 'User deactivated', text: u.name });
    },
    onError: failed('Could not change the user'),
  });
  const resetPassword = useMutation({
    mutationFn: () => updateUser(user.id, { version: user.version, password }),
    onSuccess: (u) => {
      updated(u);
      setResetOpen(false);
      setPassword('');
      showToast({ tone: 'success', title: 'Password reset', text: `${u.name}’s sessions were signed out.` });
    },
    onError: (error) =>
      setPasswordError(
        isApiProblem(error) && error.messageFor('password')
          ? `Password: ${error.messageFor('password')}`
          : describeError(error),
      ),
  });
  const add = useMutation({
    mutationFn: () =>
      addGrant(user.id, {
        role: grant.role,
        scopeType: grant.scopeType,
        scopeId: grant.scopeType === 'organisation' ? null : grant.scopeId,
      }),
    onSuccess: (u) => {
      updated(u);
      setGrant(emptyGrant());
      showToast({ tone: 'success', title: 'Role granted' });
    },
    onError: (error) => setGrantError(describeError(error)),
  });
  const remove = useMutation({
    mutationFn: (grantId: string) => removeGrant(user.id, grantId),
    onSuccess: (u) => {
      updated(u);
      showToast({ tone: 'success', title: 'Role removed' });
    },
    onError: failed('Could not remove the role'),
  });

  return (
    <div className="page page--narrow">
      <PageHeader
        documentTitle={user.name}
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/users">Users & roles</Link>
            <span aria-hidden="true">/</span>
            <span>{user.name}</span>
          </nav>
        }
        title={
          <span className="title-with-badge">
            {user.name}
            {user.active ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>}
          </span>
        }
        subtitle={user.email}
        actions={
          <>
            <Button
              onClick={() => {
                setPasswordError(null);
                setResetOpen(true);
              }}
            >
              Reset password
            </Button>
            {!isSelf && (
              <Button variant={user.active ? 'danger' : 'primary'} onClick={() => setConfirmActive(true)}>
                {user.active ? 'Deactivate' : 'Reactivate'}
              </Button>
            )}
          </>
        }
      />
      <div className="stack">
        <Card title="Roles" description="A role applies at its scope and everything beneath it." flush>
          {user.grants.length === 0 ? (
            <EmptyState title="No roles yet">
              Without a role this person can sign in but sees nothing.
            </EmptyState>
          ) : (
            <Table>
              <caption className="visually-hidden">Roles of {user.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Role</th>
                  <th scope="col">Scope</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {user.grants.map((g) => (
                  <tr key={g.id}>
                    <td>{ROLE_LABELS[g.role]}</td>
                    <td className="cell-secondary">
                      {g.scopeType === 'organisation'
                        ? SCOPE_LABELS.organisation
                        : `${SCOPE_LABELS[g.scopeType].replace(' (and beneath)', '')}: ${g.scopeName ?? '—'}`}
                    </td>
                    <td className="num">
                      <Button
                        size="sm"
                        variant="ghost"
                        loading={remove.isPending && remove.variables === g.id}
                        onClick={() => remove.mutate(g.id)}
                      >
                        Remove<span className="visually-hidden"> {ROLE_LABELS[g.role]} role</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title="Grant a role">
          <form
            className="stack"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (grant.scopeType !== 'organisation' && !grant.scopeId) {
                setGrantError('Choose where the role applies.');
                return;
              }
              setGrantError(null);
              add.mutate();
            }}
          >
            <GrantFields
              value={grant}
              onChange={(g) => {
                setGrantError(null);
                setGrant(g);
              }}
              scopeError={grantError}
            />
            <div className="row">
              <Button type="submit" variant="primary" loading={add.isPending}>
                Grant role
              </Button>
            </div>
          </form>
        </Card>
      </div>
      <Dialog
        open={confirmActive}
        onClose={() => setConfirmActive(false)}
        title={user.active ? `Deactivate ${user.name}?` : `Reactivate ${user.name}?`}
        description={
          user.active
            ? 'They are signed out at once and can no longer sign in. Their history stays. You can reactivate them later.'
            : 'They can sign in again with their password and roles.'
        }
        footer={
          <>
            <Button onClick={() => setConfirmActive(false)}>Cancel</Button>
            <Button
              variant={user.active ? 'danger' : 'primary'}
              loading={toggleActive.isPending}
              onClick={() => toggleActive.mutate()}
            >
              {user.active ? 'Deactivate' : 'Reactivate'}
            </Button>
          </>
        }
      />
      <Dialog
        open={resetOpen}
        onClose={() => setResetOpen(false)}
        title={`Reset ${user.name}’s password`}
        description="Their sessions are signed out; tell them the new password through a safe channel."
        onSubmit={() => {
          if (password.length < 10) {
            setPasswordError('Use at least 10 characters.');
            return;
          }
          resetPassword.mutate();
        }}
        footer={
          <>
            <Button onClick={() => setResetOpen(false)}>Cancel</Button>
            <Button type="submit" variant="primary" loading={resetPassword.isPending}>
              Reset password
            </Button>
          </>
        }
      >
        <Field label="New password" error={passwordError} hint="At least 10 characters." required>
          <Input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
      </Dialog>
    </div>
  );
}
