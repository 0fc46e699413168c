import type { AuditEntry, AuditPage, User } from '@aftersales/contracts/identity';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';

const PAGE_SIZE = 20;

/** Who did what to accounts, API keys and repair points, and when; newest first. */
export function AuditTrailPage() {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [page, setPage] = useState(1);
  const trail = useResource<AuditPage>(`/api/admin/audit?page=${page}&pageSize=${PAGE_SIZE}`, api);
  // Accounts by id, so that actors and subjects read as emails rather than ids.
  const users = useResource<User[]>('/api/admin/users', api);
  const emails = new Map(users.data?.map((user) => [user.id, user.email]));
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const pages = Math.max(1, Math.ceil((trail.data?.total ?? 0) / PAGE_SIZE));

  function actorName(actor: string): string {
    const [kind, id = ''] = actor.split(/:(.*)/);
    if (kind === 'user') return emails.get(id) ?? id;
    if (kind === 'service') return t('adminAudit.system', { name: id });
    return actor;
  }

  function subjectName({ kind, id }: AuditEntry['subject']): string {
    return `${t(`adminAudit.kinds.${kind}`)} ${kind === 'user' ? (emails.get(id) ?? id) : id}`;
  }

  return (
    <div className="page wide">
      <section className="card">
        <h1>{t('adminAudit.heading')}</h1>
        <p className="muted">{t('adminAudit.intro')}</p>
        {trail.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: trail.message })}</ErrorAlert>
        )}
        {trail.data?.entries.length === 0 && <p className="muted">{t('adminAudit.none')}</p>}
        {trail.data && trail.data.entries.length > 0 && (
          <div className="table-scroll">
            <table data-testid="audit-trail">
              <thead>
                <tr>
                  <th>{t('adminAudit.at')}</th>
                  <th>{t('adminAudit.actor')}</th>
                  <th>{t('adminAudit.action')}</th>
                  <th>{t('adminAudit.subject')}</th>
                  <th>{t('adminAudit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {trail.data.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td className="nowrap">{when.format(new Date(entry.at))}</td>
                    <td>{actorName(entry.actor)}</td>
                    <td>{t(`adminAudit.actions.${entry.action}`, { defaultValue: entry.action })}</td>
                    <td>{subjectName(entry.subject)}</td>
                    <td className="small">{detailsOf(entry)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="actions">
          <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('adminAudit.previous')}
          </button>
          <span className="muted">
            {t('adminAudit.page', { page, pages, total: trail.data?.total ?? 0 })}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={page >= pages}
            onClick={() => setPage(page + 1)}
          >
            {t('adminAudit.next')}
          </button>
        </div>
      </section>
    </div>
  );
}

/** What the event says beyond its subject, as `key: value` pairs. */
function detailsOf({ details }: AuditEntry): string {
  const shown = Object.entries(details).filter(
    ([key, value]) =>
      !['userId', 'apiKeyId', 'id', 'version', 'updatedAt'].includes(key) && value !== undefined,
  );
  return shown
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
