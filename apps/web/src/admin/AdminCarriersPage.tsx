import type { Carrier } from '@aftersales/contracts/logistics';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { carrierNameIn, forgetCarriers } from '../repair-orders/carriers';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { ActiveBadge, ManagedTableHead } from './admin-table';
import { CarrierForm } from './CarrierForm';

/**
 * Every carrier, inactive ones too: their names, tracking-number rules and tracking links. An inactive
 * carrier is no longer offered on the shipment forms.
 */
export function AdminCarriersPage() {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const carriers = useResource<Carrier[]>('/api/admin/carriers', api);
  const [editing, setEditing] = useState<Carrier | 'new'>();
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [switching, setSwitching] = useState<string>();

  function changed(carrier: Carrier, message: string) {
    forgetCarriers();
    carriers.reload();
    setNotice(t(message, { name: carrierNameIn(carrier, i18n.language) }));
  }

  function edit(carrier: Carrier | 'new') {
    setNotice(undefined);
    setFailure(undefined);
    setEditing(carrier);
  }

  /** Offers the carrier on the forms again, or no longer; the change applies to the version on screen. */
  async function switchActive({ code, version, ...input }: Carrier) {
    setNotice(undefined);
    setFailure(undefined);
    setSwitching(code);
    try {
      const saved = await api<Carrier>(`/api/admin/carriers/${encodeURIComponent(code)}`, {
        method: 'PUT',
        body: { ...input, active: !input.active },
        ifMatch: `"${version}"`,
      });
      changed(saved, saved.active ? 'adminCarriers.activated' : 'adminCarriers.deactivated');
    } catch (error) {
      setFailure(errorText(error));
      carriers.reload();
    } finally {
      setSwitching(undefined);
    }
  }

  return (
    <div className="page wide">
      <section className="card">
        <div className="card-title">
          <h1>{t('adminCarriers.heading')}</h1>
          <button type="button" className="primary" onClick={() => edit('new')}>
            {t('adminCarriers.register')}
          </button>
        </div>
        <p className="muted">{t('adminCarriers.intro')}</p>
        {notice && (
          <p className="alert info" role="status">
            {notice}
          </p>
        )}
        {failure && <ErrorAlert>{failure}</ErrorAlert>}
        {carriers.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: carriers.message })}</ErrorAlert>
        )}
        {carriers.data && (
          <CarrierTable
            carriers={carriers.data}
            switching={switching}
            onEdit={edit}
            onSwitch={(carrier) => void switchActive(carrier)}
          />
        )}
      </section>
      {editing && (
        <CarrierForm
          key={editing === 'new' ? 'new' : `${editing.code}/${editing.version}`}
          carrier={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(carrier) => {
            setEditing(undefined);
            changed(carrier, 'adminCarriers.saved');
          }}
        />
      )}
    </div>
  );
}

interface CarrierTableProps {
  carriers: Carrier[];
  /** The code of the carrier being switched on or off. */
  switching?: string;
  onEdit(carrier: Carrier): void;
  onSwitch(carrier: Carrier): void;
}

function CarrierTable({ carriers, switching, onEdit, onSwitch }: CarrierTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table data-testid="admin-carriers">
        <ManagedTableHead
          columns={[
            t('adminCarriers.code'),
            t('adminCarriers.name'),
            t('adminCarriers.pattern'),
            t('adminCarriers.checkDigit'),
            t('adminCarriers.aftershipSlugColumn'),
            t('adminPoints.status'),
          ]}
        />
        <tbody>
          {carriers.map((carrier) => {
            const name = carrierNameIn(carrier, i18n.language);
            return (
              <tr
                key={carrier.code}
                className={carrier.active ? undefined : 'inactive'}
                data-code={carrier.code}
              >
                <td className="mono">{carrier.code}</td>
                <td>
                  {carrier.nameZh}
                  <span className="muted small block">{carrier.nameEn}</span>
                </td>
                <td className="mono wrap-text">{carrier.pattern}</td>
                <td>{carrier.checkDigit ? t(`adminCarriers.checkDigits.${carrier.checkDigit}`) : '—'}</td>
                <td className="mono">{carrier.aftershipSlug ?? '—'}</td>
                <td>
                  <ActiveBadge active={carrier.active} />
                </td>
                <td>
                  <span className="actions wrap">
                    <button
                      type="button"
                      className="secondary small-button"
                      aria-label={t('adminCarriers.editLabel', { name })}
                      onClick={() => onEdit(carrier)}
                    >
                      {t('adminPoints.edit')}
                    </button>
                    <button
                      type="button"
                      className="secondary small-button"
                      disabled={switching === carrier.code}
                      aria-label={t(
                        carrier.active ? 'adminCarriers.deactivateLabel' : 'adminCarriers.activateLabel',
                        {
                          name,
                        },
                      )}
                      onClick={() => onSwitch(carrier)}
                    >
                      {carrier.active ? t('adminCarriers.deactivate') : t('adminCarriers.activate')}
                    </button>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
