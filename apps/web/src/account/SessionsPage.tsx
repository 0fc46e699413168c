import type { SessionSummary } from '@aftersales/contracts/identity';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../error-text';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { describeDevice } from './describe-device';

/** Where the account is signed in, and a way to sign out a device the user no longer has or knows. */
export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const sessions = useResource<SessionSummary[]>('/api/me/sessions', api);
  const [ending, setEnding] = useState<string>();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  async function end(session: SessionSummary) {
    setEnding(session.id);
    setOutcome(undefined);
    try {
      await api(`/api/me/sessions/${session.id}`, { method: 'DELETE' });
      setOutcome({
        ok: true,
        message: t('sessions.ended', { device: describeDevice(session.userAgent, t) }),
      });
      sessions.reload();
    } catch (error) {
      setOutcome({ ok: false, message: t('sessions.endFailed', { message: errorText(error) }) });
    } finally {
      setEnding(undefined);
    }
  }

  return (
    <div className="page">
      <section className="card">
        <h1>{t('sessions.heading')}</h1>
        <p className="muted">{t('sessions.intro')}</p>
        {sessions.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: sessions.message })}</ErrorAlert>
        )}
        {outcome?.ok === false && <ErrorAlert>{outcome.message}</ErrorAlert>}
        {outcome?.ok && (
          <p className="alert info" role="status">
            {outcome.message}
          </p>
        )}
        {sessions.data && (
          <table data-testid="sessions">
            <thead>
              <tr>
                <th>{t('sessions.device')}</th>
                <th>{t('sessions.address')}</th>
                <th>{t('sessions.signedInAt')}</th>
                <th>{t('sessions.lastActiveAt')}</th>
                <th>
                  <span className="visually-hidden">{t('sessions.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((session) => {
                const device = describeDevice(session.userAgent, t);
                return (
                  <tr key={session.id}>
                    <td>{device}</td>
                    <td>{session.address}</td>
                    <td>{when.format(new Date(session.signedInAt))}</td>
                    <td>{when.format(new Date(session.lastActiveAt))}</td>
                    <td>
                      {session.current ? (
                        <span className="badge ok">{t('sessions.thisBrowser')}</span>
                      ) : (
                        <button
                          type="button"
                          className="secondary small-button"
                          aria-label={t('sessions.endLabel', { device })}
                          disabled={ending !== undefined}
                          onClick={() => void end(session)}
                        >
                          {ending === session.id ? t('sessions.ending') : t('sessions.end')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
