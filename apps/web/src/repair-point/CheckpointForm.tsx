import { type ShipmentView, shipmentStatusSchema } from '@aftersales/contracts/logistics';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FormActions, TextField, useSubmission } from '../admin/form-fields';
import { useAuth } from '../auth/auth-context';

const fields = ['status', 'at', 'location', 'description'] as const;

/** The checkpoint as the API takes it; a time left empty is now, as the server takes it. */
function checkpointOf(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const at = text('at');
  return {
    status: text('status'),
    // The picker gives the user's local time without a zone; the API takes an instant.
    ...(at ? { at: new Date(at).toISOString() } : {}),
    ...(text('location') ? { location: text('location') } : {}),
    description: text('description'),
  };
}

interface CheckpointFormProps {
  shipment: ShipmentView;
  onRecorded(shipment: ShipmentView): void;
}

/** A checkpoint recorded by hand, say from the carrier's own page when no push arrives. */
export function CheckpointForm({ shipment, onRecorded }: CheckpointFormProps) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [open, setOpen] = useState(false);
  const { busy, fieldErrors, error, submit } = useSubmission();
  if (!open) {
    return (
      <button type="button" className="secondary small-button" onClick={() => setOpen(true)}>
        {t('parcels.recordCheckpoint')}
      </button>
    );
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checkpoint = checkpointOf(new FormData(event.currentTarget));
    const recorded = await submit(
      () =>
        api<ShipmentView>(`/api/shipments/${shipment.id}/checkpoints`, { method: 'POST', body: checkpoint }),
      { fields },
    );
    if (!recorded) return;
    onRecorded(recorded);
    setOpen(false);
  }

  return (
    <form
      className="checkpoint-form form-grid"
      onSubmit={save}
      data-testid="checkpoint-form"
      aria-label={t('parcels.recordCheckpointOf', { trackingNumber: shipment.trackingNumber })}
    >
      <Field name="status" label={t('parcels.status')} error={fieldErrors.status}>
        {(control) => (
          <select {...control} defaultValue={shipment.status === 'created' ? 'in_transit' : shipment.status}>
            {shipmentStatusSchema.options.map((status) => (
              <option key={status} value={status}>
                {t(`shipmentStatus.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        name="at"
        type="datetime-local"
        label={t('parcels.at')}
        hint={t('parcels.atHint')}
        error={fieldErrors.at}
      />
      <TextField name="location" label={t('parcels.location')} maxLength={120} error={fieldErrors.location} />
      <TextField
        name="description"
        required
        label={t('parcels.description')}
        maxLength={500}
        error={fieldErrors.description}
        wide
        autoFocus
      />
      <FormActions
        busy={busy}
        error={error}
        label={t('parcels.saveCheckpoint')}
        onCancel={() => setOpen(false)}
      />
    </form>
  );
}
