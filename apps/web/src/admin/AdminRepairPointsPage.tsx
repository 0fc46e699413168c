import type { RepairPoint } from '@aftersales/contracts/warranty';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { placeOf } from '../repair-points/place-names';
import { useResource } from '../use-resource';
import { ActiveBadge, ManagedTableHead } from './admin-table';
import { RepairPointForm } from './RepairPointForm';
import { ErrorAlert } from '../ui/ErrorAlert';

/** The whole service network, inactive points too: register points, change them, deactivate them. */
export function AdminRepairPointsPage() {
  const { t } = useTranslation();
  const { api } = useAuth();
  const points = useResource<RepairPoint[]>('/api/admin/repair-points', api);
  const [editing, setEditing] = useState<RepairPoint | 'new'>();
  const [saved, setSaved] = useState<RepairPoint>();

  function edit(point: RepairPoint | 'new') {
    setSaved(undefined);
    setEditing(point);
  }

  return (
    <div className="page wide">
      <section className="card">
        <div className="card-title">
          <h1>{t('adminPoints.heading')}</h1>
          <button type="button" className="primary" onClick={() => edit('new')}>
            {t('adminPoints.register')}
          </button>
        </div>
        <p className="muted">{t('adminPoints.intro')}</p>
        {saved && (
          <p className="alert info" role="status">
            {t('adminPoints.saved', { name: saved.name })}
          </p>
        )}
        {points.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: points.message })}</ErrorAlert>
        )}
        {points.data && <RepairPointTable points={points.data} onEdit={edit} />}
      </section>
      {editing && (
        <RepairPointForm
          key={editing === 'new' ? 'new' : editing.id}
          point={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(point) => {
            setEditing(undefined);
            setSaved(point);
            points.reload();
          }}
        />
      )}
    </div>
  );
}

function RepairPointTable({ points, onEdit }: { points: RepairPoint[]; onEdit(point: RepairPoint): void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table data-testid="admin-repair-points">
        <ManagedTableHead
          columns={[
            t('adminPoints.id'),
            t('adminPoints.name'),
            t('repairPoints.kind'),
            t('adminPoints.place'),
            t('repairPoints.phone'),
            t('adminPoints.status'),
          ]}
        />
        <tbody>
          {points.map((point) => (
            <tr key={point.id} className={point.active ? undefined : 'inactive'}>
              <td className="mono">{point.id}</td>
              <td>{point.name}</td>
              <td className="nowrap">{t(`repairPoints.kinds.${point.kind}`)}</td>
              <td>{placeOf(point, i18n.language)}</td>
              <td className="nowrap">{point.phone}</td>
              <td>
                <ActiveBadge active={point.active} />
              </td>
              <td>
                <button
                  type="button"
                  className="secondary small-button"
                  aria-label={t('adminPoints.editLabel', { name: point.name })}
                  onClick={() => onEdit(point)}
                >
                  {t('adminPoints.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
