import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createToken, listTokens, revokeToken } from '../../api/auth.ts';
import { describeError, isApiProblem } from '../../api/client.ts';
import type { ApiToken, CreatedApiToken } from '../../api/types.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate, formatRelative } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';

const TOKENS_KEY = ['auth', 'tokens'] as const;
const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];

export function ApiTokensCard() {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: () => listTokens().then((r) => r.items) });
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('90');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const create = useMutation({
    mutationFn: () =>
      createToken({ name: name.trim(), expiresInDays: expiry === 'never' ? null : Number(expiry) }),
    onSuccess: (token) => {
      setCreated(token);
      setCreating(false);
      setName('');
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: (error) =>
      setNameError(
        isApiProblem(error) && error.messageFor('name')
          ? `Name ${error.messageFor('name')}`
          : describeError(error),
      ),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeToken(id),
    onSuccess: () => {
      showToast({
        tone: 'success',
        title: 'Token revoked',
        text: 'Programs using it can no longer sign in with it.',
      });
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: (error) =>
      showToast({ tone: 'error', title: 'Could not revoke the token', text: describeError(error) }),
  });

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      showToast({ tone: 'error', title: 'Copy failed', text: 'Select the token and copy it by hand.' });
    }
  };

  return (
    <Card
      title="Personal API tokens"
      description="For scripts and integrations: send as Authorization: Bearer <token>. A token acts with your permissions."
      flush
      actions={
        <Button
          variant="primary"
          onClick={() => {
            setNameError(null);
            setCreating(true);
          }}
        >
          New token
        </Button>
      }
    >
      {created && (
        <div className="token-created">
          <Alert tone="warning" title={`Copy your new token “${created.name}” now`}>
            <p>This is the only time Baton shows it. Store it somewhere safe, such as a password manager.</p>
            <div className="token-box">
              <code>{created.token}</code>
              <Button onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>
              <Button
                variant="ghost"
                onClick={() => {
                  setCreated(null);
                  setCopied(false);
                }}
              >
                Done
              </Button>
            </div>
          </Alert>
        </div>
      )}
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyState title="No tokens yet" icon="◇">
          Create one to use the Baton API from a script or another tool.
        </EmptyState>
      ) : (
        <Table>
          <caption className="visually-hidden">Your API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td className="mono">{t.prefix}…</td>
                <td className="cell-secondary">{formatDate(t.createdAt)}</td>
                <td className="cell-secondary">{t.lastUsedAt ? formatRelative(t.lastUsedAt) : 'Never'}</td>
                <td className="cell-secondary">{t.expiresAt ? formatDate(t.expiresAt) : 'Never'}</td>
                <td className="num">
                  <Button size="sm" variant="ghost" onClick={() => setRevoking(t)}>
                    Revoke<span className="visually-hidden"> {t.name}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Dialog
        open={creating}
        onClose={() => setCreating(false)}
        title="New API token"
        description="Name it after the script or tool that will use it."
        onSubmit={() => {
          if (!name.trim()) {
            setNameError('Give the token a name.');
            return;
          }
          create.mutate();
        }}
        footer={
          <>
            <Button onClick={() => setCreating(false)}>Cancel</Button>
            <Button type="submit" variant="primary" loading={create.isPending}>
              Create token
            </Button>
          </>
        }
      >
        <div className="stack">
          <Field label="Name" error={nameError} required>
            <Input
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Power BI export"
            />
          </Field>
          <Field label="Expires after">
            <Select value={expiry} onChange={(e) => setExpiry(e.target.value)} options={EXPIRY} />
          </Field>
        </div>
      </Dialog>
      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        description="Anything still using this token will stop working at once. This cannot be undone."
        footer={
          <>
            <Button onClick={() => setRevoking(null)}>Keep token</Button>
            <Button
              variant="danger"
              loading={revoke.isPending}
              onClick={() => revoking && revoke.mutate(revoking.id)}
            >
              Revoke token
            </Button>
          </>
        }
      />
    </Card>
  );
}
