import { ROLE_LABELS } from '@baton/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { collectPages, exportFileName, MAX_PAGE_SIZE } from '../../api/exports.ts';
import { listUsers, userKeys } from '../../api/users.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { formatDate } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Pagination } from '../../design/Pagination.tsx';
import { SkeletonRows } from '../../design/Skeleton.tsx';
import { Table } from '../../design/Table.tsx';
import { CreateUserDialog } from './CreateUserDialog.tsx';
import { userExportColumns, userExportRow } from './user-export.ts';

export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = [10, 25, 50, 100].includes(Number(params.get('pageSize')))
    ? Number(params.get('pageSize'))
    : 25;
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (text === q) return;
    const t = window.setTimeout(() => {
      const p = new URLSearchParams(params);
      if (text.trim()) p.set('q', text.trim());
      else p.delete('q');
      p.delete('page');
      setParams(p);
    }, 300);
    return () => window.clearTimeout(t);
  }, [text, q, params, setParams]);

  const listParams = { ...(q ? { q } : {}), page, pageSize };
  const users = useQuery({
    queryKey: userKeys.list(listParams),
    queryFn: ({ signal }) => listUsers(listParams, signal),
    placeholderData: keepPreviousData,
  });
  const go = (next: { page: number; pageSize?: number }) => {
    const p = new URLSearchParams(params);
    p.set('page', String(next.page));
    if (next.pageSize) p.set('pageSize', String(next.pageSize));
    setParams(p);
  };

  return (
    <div className="page">
      <PageHeader
        title="Users & roles"
        subtitle="Who can sign in, and what each person may do where."
        actions={
          <>
            <ExportButtons
              fileName={exportFileName('users')}
              what="users"
              columns={userExportColumns()}
              disabled={(users.data?.total ?? 0) === 0}
              rows={async () => {
                // Every page of the search, not only the page on screen.
                const all = await collectPages(
                  (p, size) => listUsers({ ...(q ? { q } : {}), page: p, pageSize: size }),
                  MAX_PAGE_SIZE,
                );
                return all.map(userExportRow);
              }}
            />
            <Button variant="primary" onClick={() => setCreating(true)}>
              <span aria-hidden="true">+</span> New user
            </Button>
          </>
        }
      />
      <Card flush as="div">
        <div className="list-toolbar">
          <label htmlFor="user-search" className="visually-hidden">
            Search users
          </label>
          <Input
            id="user-search"
            type="search"
            controlSize="sm"
            placeholder="Search by name or e-mail"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        {users.isError ? (
          <ErrorState error={users.error} title="Could not load users" onRetry={() => users.refetch()} />
        ) : users.data && users.data.items.length === 0 ? (
          <EmptyState title={q ? 'Nobody matches' : 'No users yet'}>
            {q ? 'Try another name or e-mail.' : null}
          </EmptyState>
        ) : (
          <>
            <Table>
              <caption className="visually-hidden">Users</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Status</th>
                  <th scope="col">Since</th>
                </tr>
              </thead>
              <tbody>
                {users.isPending ? (
                  <SkeletonRows columns={5} />
                ) : (
                  users.data.items.map((u) => (
                    <tr key={u.id}>
                      <td>
                        <Link to={`/users/${u.id}`} className="cell-name__link">
                          {u.name}
                        </Link>
                      </td>
                      <td className="cell-secondary">{u.email}</td>
                      <td>
                        <span className="row">
                          {u.grants.length === 0 ? (
                            <span className="subtle">No roles</span>
                          ) : (
                            u.grants.map((g) => (
                              <span key={g.id} className="b-tag" title={g.scopeName ?? 'Whole organisation'}>
                                {ROLE_LABELS[g.role]}
                                {g.scopeName ? ` · ${g.scopeName}` : ''}
                              </span>
                            ))
                          )}
                        </span>
                      </td>
                      <td>{u.active ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>}</td>
                      <td className="cell-secondary nowrap">{formatDate(u.createdAt)}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </Table>
            <Pagination
              label="User list pages"
              page={page}
              pageSize={pageSize}
              total={users.data?.total ?? 0}
              onPageChange={(p) => go({ page: p })}
              onPageSizeChange={(s) => go({ page: 1, pageSize: s })}
            />
          </>
        )}
      </Card>
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
