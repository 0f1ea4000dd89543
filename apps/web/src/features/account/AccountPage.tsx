import { ROLE_LABELS } from '@baton/core';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSignedInSession } from '../../app/session-context.ts';
import { Card } from '../../design/Card.tsx';
import { CalendarFeedCard } from '../delivery/CalendarFeedCard.tsx';
import { ApiTokensCard } from './ApiTokensCard.tsx';
import { ChangePasswordCard } from './ChangePasswordCard.tsx';

export function AccountPage() {
  const session = useSignedInSession();
  return (
    <div className="page page--narrow">
      <PageHeader title="My account" subtitle="Your sign-in, your roles and your personal API tokens." />
      <div className="stack">
        <Card title="Profile">
          <dl className="b-dl">
            <div>
              <dt>Name</dt>
              <dd>{session.user.name}</dd>
            </div>
            <div>
              <dt>E-mail</dt>
              <dd>{session.user.email}</dd>
            </div>
            <div className="span-all">
              <dt>Roles</dt>
              <dd>
                <ul className="row">
                  {session.grants.map((g) => (
                    <li key={g.id} className="b-tag">
                      {ROLE_LABELS[g.role]} ·{' '}
                      {g.scopeType === 'organisation' ? 'whole organisation' : (g.scopeName ?? g.scopeType)}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
        </Card>
        <ChangePasswordCard />
        <ApiTokensCard />
        <CalendarFeedCard />
      </div>
    </div>
  );
}
