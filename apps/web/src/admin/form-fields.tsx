import { type InputHTMLAttributes, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api';
import { errorText, fieldErrorTexts } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';

interface ControlProps {
  id: string;
  name: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

interface FieldProps {
  name: string;
  label: string;
  /** The server's reason for refusing this field. */
  error?: string;
  hint?: string;
  /** Spans both columns of a `.form-grid`. */
  wide?: boolean;
  children(control: ControlProps): ReactNode;
}

/** A labelled form control with its hint and the server's reason for refusing it. */
export function Field({ name, label, error, hint, wide, children }: FieldProps) {
  const id = `${useId()}-${name}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={wide ? 'field full' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        ...(error ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

type TextFieldProps = Omit<FieldProps, 'children'> & InputHTMLAttributes<HTMLInputElement>;

export function TextField({ name, label, error, hint, wide, ...input }: TextFieldProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint} wide={wide}>
      {(control) => <input {...input} {...control} />}
    </Field>
  );
}

type CheckboxFieldProps = { label: string; hint?: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type'
>;

/** A checkbox with its label beside it and, below, what ticking it means. */
export function CheckboxField({ label, hint, ...input }: CheckboxFieldProps) {
  return (
    <div className="field checkbox">
      <label>
        <input type="checkbox" {...input} />
        {label}
      </label>
      {hint && <span className="muted small">{hint}</span>}
    </div>
  );
}

/** A number input's value; left empty it is undefined and leaves the JSON, for the server to judge. */
export function numberFrom(form: FormData, name: string): number | undefined {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? undefined : Number(value);
}

interface SubmitOptions {
  /** The fields the form shows; reasons for others go above the button. */
  fields: readonly string[];
}

/**
 * A form's call to the API: busy while it runs, then a 400's reasons next to their fields and any other
 * failure above the button.
 */
export function useSubmission() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  async function submit<T>(send: () => Promise<T>, { fields }: SubmitOptions): Promise<T | undefined> {
    setBusy(true);
    setFieldErrors({});
    setError(undefined);
    try {
      return await send();
    } catch (e) {
      const byField = e instanceof ApiRequestError ? fieldErrorTexts(e) : {};
      const named = Object.keys(byField);
      const allShown = named.length > 0 && named.every((field) => fields.includes(field));
      setFieldErrors(byField);
      setError(allShown ? t('forms.fixFields') : t('forms.failed', { message: errorText(e) }));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { busy, fieldErrors, error, submit };
}

/** The failure of the last submission, above the form's button. */
export function FormError({ error }: { error?: string }) {
  return error ? <ErrorAlert>{error}</ErrorAlert> : null;
}

interface FormButtonsProps {
  busy: boolean;
  /** The submit button's words. */
  label: string;
  /** The submit button's words while the form is sent; the label stays when none is given. */
  busyLabel?: string;
  /** Shows a cancel button that calls it. */
  onCancel?(): void;
}

/** A form's submit button, disabled while the form is sent, and its cancel button when it has one. */
export function FormButtons({ busy, label, busyLabel, onCancel }: FormButtonsProps) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {busy && busyLabel ? busyLabel : label}
      </button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          {t('forms.cancel')}
        </button>
      )}
    </div>
  );
}

interface FormActionsProps extends Partial<Pick<FormButtonsProps, 'label' | 'busyLabel'>> {
  busy: boolean;
  /** The failure of the last submission. */
  error?: string;
  onCancel?(): void;
  /** Shown between the failure and the buttons, such as what the last save did. */
  children?: ReactNode;
}

/** The last row of a `.form-grid`: the submission's failure above the buttons; they say "Save" unless told. */
export function FormActions({ busy, error, label, busyLabel, onCancel, children }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="field full">
      <FormError error={error} />
      {children}
      <FormButtons
        busy={busy}
        label={label ?? t('forms.save')}
        busyLabel={busyLabel ?? t('forms.saving')}
        onCancel={onCancel}
      />
    </div>
  );
}
