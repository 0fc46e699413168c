import { type Role, roles, type User } from '@aftersales/contracts/identity';
import type { RepairPoint } from '@aftersales/contracts/warranty';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { Field, FormActions, TextField, useSubmission } from './form-fields';

/** Accounts an admin makes: customers register themselves. */
const createdRoles: Role[] = ['agent', 'engineer', 'admin'];

/** Accounts: search, create, change a role or an engineer's repair point, disable and enable. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [query, setQuery] = useState('');
  const users = useResource<User[]>(`/api/admin/users?q=${encodeURIComponent(query)}`, api);
  const points = useResource<RepairPoint[]>('/api/admin/repair-points', api);
  const [editing, setEditing] = useState<User | 'new'>();
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();

  function edit(user: User | 'new') {
    setNotice(undefined);
    setFailure(undefined);
    setEditing(user);
  }

  function done(message: string) {
    setEditing(undefined);
    setFailure(undefined);
    setNotice(message);
    users.reload();
  }

  async function setDisabled(user: User, disabled: boolean) {
    setNotice(undefined);
    try {
      await api(`/api/admin/users/${user.id}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
      done(t(disabled ? 'adminUsers.disabled' : 'adminUsers.enabled', { email: user.email }));
    } catch (error) {
      setFailure(t('adminUsers.failed', { message: errorText(error) }));
    }
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQuery(String(new FormData(event.currentTarget).get('q') ?? '').trim());
  }

  return (
    <div className="page wide">
      <section className="card">
        <div className="card-title">
          <h1>{t('adminUsers.heading')}</h1>
          <button type="button" className="primary" onClick={() => edit('new')}>
            {t('adminUsers.create')}
          </button>
        </div>
        <p className="muted">{t('adminUsers.intro')}</p>
        <form className="filters" role="search" onSubmit={search}>
          <input
            name="q"
            type="search"
            aria-label={t('adminUsers.search')}
            placeholder={t('adminUsers.search')}
          />
          <button type="submit" className="secondary">
            {t('adminUsers.searchButton')}
          </button>
        </form>
        {notice && (
          <p className="alert info" role="status">
            {notice}
          </p>
        )}
        {failure && <ErrorAlert>{failure}</ErrorAlert>}
        {users.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: users.message })}</ErrorAlert>
        )}
        {users.data && (
          <UserTable
            users={users.data}
            onChange={edit}
            onDisable={(user, off) => void setDisabled(user, off)}
          />
        )}
      </section>
      {editing === 'new' && (
        <CreateUserForm
          points={points.data ?? []}
          onCancel={() => setEditing(undefined)}
          onSaved={(user) => done(t('adminUsers.created', { email: user.email }))}
        />
      )}
      {editing && editing !== 'new' && (
        <AccessForm
          key={editing.id}
          user={editing}
          points={points.data ?? []}
          onCancel={() => setEditing(undefined)}
          onSaved={(user) =>
            done(t('adminUsers.changed', { email: user.email, role: t(`roles.${user.role}`) }))
          }
        />
      )}
    </div>
  );
}

interface UserTableProps {
  users: User[];
  onChange(user: User): void;
  onDisable(user: User, disabled: boolean): void;
}

function UserTable({ users, onChange, onDisable }: UserTableProps) {
  const { t } = useTranslation();
  if (users.length === 0) return <p className="muted">{t('adminUsers.none')}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="admin-users">
        <thead>
          <tr>
            <th>{t('adminUsers.email')}</th>
            <th>{t('adminUsers.name')}</th>
            <th>{t('adminUsers.role')}</th>
            <th>{t('adminUsers.repairPoint')}</th>
            <th>{t('adminUsers.status')}</th>
            <th>
              <span className="visually-hidden">{t('adminUsers.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.disabledAt ? 'inactive' : undefined}>
              <td>{user.email}</td>
              <td>{user.displayName}</td>
              <td>{t(`roles.${user.role}`)}</td>
              <td className="mono">{user.repairPointId ?? ''}</td>
              <td>
                <span className={user.disabledAt ? 'badge missing' : 'badge ok'}>
                  {t(user.disabledAt ? 'adminUsers.disabledBadge' : 'adminUsers.activeBadge')}
                </span>
              </td>
              <td className="nowrap">
                <button
                  type="button"
                  className="secondary small-button"
                  aria-label={t('adminUsers.changeLabel', { email: user.email })}
                  onClick={() => onChange(user)}
                >
                  {t('adminUsers.change')}
                </button>{' '}
                <button
                  type="button"
                  className="secondary small-button"
                  aria-label={t(user.disabledAt ? 'adminUsers.enableLabel' : 'adminUsers.disableLabel', {
                    email: user.email,
                  })}
                  onClick={() => onDisable(user, !user.disabledAt)}
                >
                  {t(user.disabledAt ? 'adminUsers.enable' : 'adminUsers.disable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The role and, for an engineer, the repair point: chosen together, as the API takes them. */
function RoleFields({
  roleChoices,
  role,
  points,
  repairPointId,
  errors,
  onRole,
}: {
  roleChoices: readonly Role[];
  role: Role;
  points: RepairPoint[];
  repairPointId?: string;
  errors: Record<string, string>;
  onRole(role: Role): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field name="role" label={t('adminUsers.role')} error={errors.role}>
        {(control) => (
          <select {...control} value={role} onChange={(event) => onRole(event.target.value as Role)}>
            {roleChoices.map((choice) => (
              <option key={choice} value={choice}>
                {t(`roles.${choice}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === 'engineer' && (
        <Field
          name="repairPointId"
          label={t('adminUsers.repairPoint')}
          hint={t('adminUsers.repairPointHint')}
          error={errors.repairPointId}
        >
          {(control) => (
            <select {...control} defaultValue={repairPointId ?? ''}>
              <option value="">{t('adminUsers.choosePoint')}</option>
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
      )}
    </>
  );
}

/** The form's role and repair point as the API reads them: an empty choice leaves the field out. */
function accessFrom(form: FormData, role: Role) {
  const repairPointId = String(form.get('repairPointId') ?? '');
  return { role, ...(role === 'engineer' && repairPointId ? { repairPointId } : {}) };
}

interface FormProps {
  points: RepairPoint[];
  onCancel(): void;
  onSaved(user: User): void;
}

function CreateUserForm({ points, onCancel, onSaved }: FormProps) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { busy, fieldErrors, error, submit } = useSubmission();
  const [role, setRole] = useState<Role>('agent');

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      email: String(form.get('email')),
      displayName: String(form.get('displayName')),
      password: String(form.get('password')),
      ...accessFrom(form, role),
    };
    const user = await submit(() => api<User>('/api/admin/users', { method: 'POST', body }), {
      fields: ['email', 'displayName', 'password', 'role', 'repairPointId'],
    });
    if (user) onSaved(user);
  }

  return (
    <section className="card">
      <h2>{t('adminUsers.createHeading')}</h2>
      <form className="form-grid" onSubmit={save}>
        <TextField
          name="email"
          type="email"
          required
          label={t('adminUsers.email')}
          error={fieldErrors.email}
        />
        <TextField name="displayName" required label={t('adminUsers.name')} error={fieldErrors.displayName} />
        <TextField
          name="password"
          type="password"
          required
          autoComplete="new-password"
          label={t('adminUsers.password')}
          hint={t('adminUsers.passwordHint')}
          error={fieldErrors.password}
        />
        <RoleFields
          roleChoices={createdRoles}
          role={role}
          points={points}
          errors={fieldErrors}
          onRole={setRole}
        />
        <FormActions busy={busy} error={error} onCancel={onCancel} />
      </form>
    </section>
  );
}

function AccessForm({ user, points, onCancel, onSaved }: FormProps & { user: User }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { busy, fieldErrors, error, submit } = useSubmission();
  const [role, setRole] = useState<Role>(user.role);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = accessFrom(new FormData(event.currentTarget), role);
    const changed = await submit(() => api<User>(`/api/admin/users/${user.id}`, { method: 'PATCH', body }), {
      fields: ['role', 'repairPointId'],
    });
    if (changed) onSaved(changed);
  }

  return (
    <section className="card">
      <h2>{t('adminUsers.changeHeading', { email: user.email })}</h2>
      <form className="form-grid" onSubmit={save}>
        <RoleFields
          roleChoices={roles}
          role={role}
          points={points}
          repairPointId={user.repairPointId}
          errors={fieldErrors}
          onRole={setRole}
        />
        <FormActions busy={busy} error={error} onCancel={onCancel} />
      </form>
    </section>
  );
}
