import type { ApiKey, IssuedApiKey } from '@aftersales/contracts/identity';
import type { RepairPoint } from '@aftersales/contracts/warranty';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { Field, FormActions, TextField, useSubmission } from './form-fields';

/** Repair points' API keys: create one with an optional expiry (its secret shown once), revoke one. */
export function AdminApiKeysPage() {
  const { t } = useTranslation();
  const { api } = useAuth();
  const keys = useResource<ApiKey[]>('/api/admin/api-keys', api);
  const points = useResource<RepairPoint[]>('/api/admin/repair-points', api);
  const [issued, setIssued] = useState<IssuedApiKey>();
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();

  async function revoke(key: ApiKey) {
    setIssued(undefined);
    setNotice(undefined);
    setFailure(undefined);
    try {
      await api(`/api/admin/api-keys/${key.id}`, { method: 'DELETE' });
      setNotice(t('adminKeys.revoked', { name: key.name }));
      keys.reload();
    } catch (error) {
      setFailure(t('adminKeys.failed', { message: errorText(error) }));
    }
  }

  return (
    <div className="page wide">
      <section className="card">
        <h1>{t('adminKeys.heading')}</h1>
        <p className="muted">{t('adminKeys.intro')}</p>
        {issued && (
          <div className="alert info" role="status" data-testid="issued-key">
            <p>{t('adminKeys.secretTitle', { name: issued.name })}</p>
            <p className="mono">{issued.key}</p>
            <p>{t('adminKeys.secretNote')}</p>
          </div>
        )}
        {notice && (
          <p className="alert info" role="status">
            {notice}
          </p>
        )}
        {failure && <ErrorAlert>{failure}</ErrorAlert>}
        {keys.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: keys.message })}</ErrorAlert>
        )}
        {keys.data && <KeyTable keys={keys.data} onRevoke={(key) => void revoke(key)} />}
      </section>
      <CreateKeyForm
        points={points.data ?? []}
        onCreated={(key) => {
          setNotice(undefined);
          setIssued(key);
          keys.reload();
        }}
      />
    </div>
  );
}

function KeyTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke(key: ApiKey): void }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (keys.length === 0) return <p className="muted">{t('adminKeys.none')}</p>;
  const now = new Date().toISOString();
  return (
    <div className="table-scroll">
      <table data-testid="admin-api-keys">
        <thead>
          <tr>
            <th>{t('adminKeys.name')}</th>
            <th>{t('adminKeys.repairPoint')}</th>
            <th>{t('adminKeys.prefix')}</th>
            <th>{t('adminKeys.createdAt')}</th>
            <th>{t('adminKeys.expiresAt')}</th>
            <th>{t('adminKeys.status')}</th>
            <th>
              <span className="visually-hidden">{t('adminKeys.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const status = key.revokedAt
              ? 'revoked'
              : key.expiresAt && key.expiresAt <= now
                ? 'expired'
                : 'active';
            return (
              <tr key={key.id} className={status === 'active' ? undefined : 'inactive'}>
                <td>{key.name}</td>
                <td className="mono">{key.repairPointId}</td>
                <td className="mono">{key.prefix}…</td>
                <td className="nowrap">{when.format(new Date(key.createdAt))}</td>
                <td className="nowrap">
                  {key.expiresAt ? when.format(new Date(key.expiresAt)) : t('adminKeys.never')}
                </td>
                <td>
                  <span className={status === 'active' ? 'badge ok' : 'badge missing'}>
                    {t(`adminKeys.${status}Badge`)}
                  </span>
                </td>
                <td>
                  {!key.revokedAt && (
                    <button
                      type="button"
                      className="secondary small-button"
                      aria-label={t('adminKeys.revokeLabel', { name: key.name })}
                      onClick={() => onRevoke(key)}
                    >
                      {t('adminKeys.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CreateKeyForm({ points, onCreated }: { points: RepairPoint[]; onCreated(key: IssuedApiKey): void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { busy, fieldErrors, error, submit } = useSubmission();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    // The picker gives the browser's local time; the API takes an instant.
    const expiry = String(form.get('expiresAt') ?? '');
    const body = {
      repairPointId: String(form.get('repairPointId')),
      name: String(form.get('name')),
      ...(expiry ? { expiresAt: new Date(expiry).toISOString() } : {}),
    };
    const key = await submit(() => api<IssuedApiKey>('/api/admin/api-keys', { method: 'POST', body }), {
      fields: ['repairPointId', 'name', 'expiresAt'],
    });
    if (key) {
      formElement.reset();
      onCreated(key);
    }
  }

  return (
    <section className="card">
      <h2>{t('adminKeys.createHeading')}</h2>
      <form className="form-grid" onSubmit={create}>
        <Field name="repairPointId" label={t('adminKeys.repairPoint')} error={fieldErrors.repairPointId}>
          {(control) => (
            <select {...control} required>
              {points
                .filter((point) => point.active)
                .map((point) => (
                  <option key={point.id} value={point.id}>
                    {point.name} ({point.id})
                  </option>
                ))}
            </select>
          )}
        </Field>
        <TextField
          name="name"
          required
          label={t('adminKeys.name')}
          hint={t('adminKeys.nameHint')}
          error={fieldErrors.name}
        />
        <TextField
          name="expiresAt"
          type="datetime-local"
          label={t('adminKeys.expiresAt')}
          hint={t('adminKeys.expiresHint')}
          error={fieldErrors.expiresAt}
        />
        <FormActions
          busy={busy}
          error={error}
          label={t('adminKeys.create')}
          busyLabel={t('adminKeys.creating')}
        />
      </form>
    </section>
  );
}
