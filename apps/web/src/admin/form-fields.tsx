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
