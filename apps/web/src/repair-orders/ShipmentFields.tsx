import { type Carrier, OTHER_CARRIER } from '@aftersales/contracts/logistics';
import type { ShipmentInput } from '@aftersales/contracts/repair-orders';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../admin/form-fields';
import type { ApiRequestError } from '../api';
import { errorText, fieldErrorTexts } from '../error-text';
import { carrierNameIn, useCarriers } from './carriers';
import { draftOf, type ShipmentCheck, type ShipmentDraft, shipmentOf } from './shipment-draft';
import { exampleNumber } from './tracking-example';

type ShipmentField = keyof ShipmentInput;

/** The carriers as a list to pick from: by name, as the reader's language sorts names. */
function byName(carriers: readonly Carrier[], language: string): Carrier[] {
  const collator = new Intl.Collator(language);
  return [...carriers].sort((a, b) =>
    collator.compare(carrierNameIn(a, language), carrierNameIn(b, language)),
  );
}

export interface ShipmentDraftState {
  carriers: Carrier[];
  /** Why the carriers could not be read: then only another carrier, by name, can be entered. */
  carriersFailure?: string;
  draft: ShipmentDraft;
  setDraft(draft: ShipmentDraft): void;
  /** Back to the fields of a new parcel. */
  reset(): void;
  check: ShipmentCheck;
}

/**
 * The parcel being entered, checked against the carriers on offer. Until the user changes a field it
 * follows `initial` (the parcel entered before) and the list as it loads.
 */
export function useShipmentDraft(initial?: ShipmentInput): ShipmentDraftState {
  const { carriers, failure } = useCarriers();
  const [edited, setEdited] = useState<ShipmentDraft>();
  const draft = edited ?? draftOf(initial, carriers);
  return {
    carriers,
    ...(failure ? { carriersFailure: failure } : {}),
    draft,
    setDraft: setEdited,
    reset: () => setEdited(undefined),
    check: shipmentOf(draft, carriers),
  };
}

/**
 * The server's refusal of a parcel, by field: a number that does not fit its carrier or travels with
 * another customer's order belongs beside the tracking number.
 */
export function shipmentRefusalTexts(error: ApiRequestError): Partial<Record<ShipmentField, string>> {
  if (error.body.code.startsWith('tracking_number_')) return { trackingNumber: errorText(error) };
  const { carrier, trackingNumber } = fieldErrorTexts(error);
  return { ...(carrier ? { carrier } : {}), ...(trackingNumber ? { trackingNumber } : {}) };
}

interface ShipmentFieldsProps {
  shipment: ShipmentDraftState;
  /** Show every reason the draft is not a shipment yet: after a first try to send it. */
  showErrors: boolean;
  /** The server's reasons, by field. */
  serverErrors?: Partial<Record<ShipmentField, string>>;
}

/**
 * The carrier (物流名称) and tracking number (物流单号) of a parcel. A number that does not fit the
 * chosen carrier is named as soon as the user leaves the field, before anything is sent.
 */
export function ShipmentFields({ shipment, showErrors, serverErrors = {} }: ShipmentFieldsProps) {
  const { t, i18n } = useTranslation();
  const [numberLeft, setNumberLeft] = useState(false);
  const { carriers, draft, setDraft, check } = shipment;
  const problems = check.ok ? {} : check.problems;
  const example = check.carrier && exampleNumber(check.carrier);
  const numberProblem =
    showErrors || (numberLeft && problems.trackingNumber !== 'missing') ? problems.trackingNumber : undefined;
  const numberText = () => {
    switch (numberProblem) {
      case undefined:
        return serverErrors.trackingNumber;
      case 'missing':
        return t('shipment.trackingMissing');
      case 'invalid':
        return t('shipment.trackingInvalid');
      case 'format':
        // The hint beside it shows an example of the carrier's numbers.
        return t('shipment.trackingFormat', { carrier: carrierNameIn(check.carrier!, i18n.language) });
      case 'check_digit':
        return t('shipment.trackingCheckDigit');
    }
  };
  return (
    <div className="form-grid">
      <Field
        name="carrier"
        label={t('shipment.carrier')}
        error={
          showErrors && problems.carrier && draft.carrier !== OTHER_CARRIER
            ? t('shipment.chooseCarrier')
            : serverErrors.carrier
        }
        hint={shipment.carriersFailure && t('shipment.carriersFailed', { message: shipment.carriersFailure })}
      >
        {(control) => (
          <select
            {...control}
            value={draft.carrier}
            onChange={(e) => setDraft({ ...draft, carrier: e.target.value })}
          >
            <option value="" disabled>
              {t('shipment.chooseCarrier')}
            </option>
            {byName(carriers, i18n.language).map((carrier) => (
              <option key={carrier.code} value={carrier.code}>
                {carrierNameIn(carrier, i18n.language)}
              </option>
            ))}
            <option value={OTHER_CARRIER}>{t('shipment.otherCarrier')}</option>
          </select>
        )}
      </Field>
      {draft.carrier === OTHER_CARRIER && (
        <TextField
          name="otherCarrier"
          label={t('shipment.otherCarrierName')}
          value={draft.otherCarrier}
          maxLength={60}
          onChange={(e) => setDraft({ ...draft, otherCarrier: e.target.value })}
          error={showErrors && problems.carrier ? t('shipment.otherCarrierMissing') : undefined}
        />
      )}
      <TextField
        name="trackingNumber"
        label={t('shipment.trackingNumber')}
        value={draft.trackingNumber}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setDraft({ ...draft, trackingNumber: e.target.value })}
        onBlur={() => setNumberLeft(draft.trackingNumber.trim() !== '')}
        hint={example ? t('shipment.trackingExample', { example }) : t('shipment.trackingHint')}
        error={numberText()}
      />
    </div>
  );
}
