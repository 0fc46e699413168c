import type { FieldIssue } from '@aftersales/contracts/common';
import { ApiRequestError } from './api';
import i18n from './i18n';

function translated(key: string, params: Record<string, unknown> = {}): string | undefined {
  return i18n.exists(key) ? i18n.t(key, { ...params, defaultValue: '' }) : undefined;
}

/**
 * What to tell the user about a failed call, in their language. The error's `code` says what happened. A
 * general code (an error's kind, such as `invalid`) is translated around the server's English message, which
 * alone names the detail; a code this app has no words for yet shows that message as it is.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiRequestError) {
    const { code, params, message } = error.body;
    return translated(`errors.${code}`, { ...params, message }) ?? message;
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return i18n.t('errors.network');
  return error instanceof Error ? error.message : String(error);
}

/**
 * One refused field's reason in the user's language, by zod's code and the limit it names. A pattern's own
 * words (what an id may contain) exist only in the schema, so they follow the translated sentence.
 */
function issueText({ code, params, message }: FieldIssue): string {
  const values = { ...params, message };
  const refinements = [params?.format, params?.origin].filter((r) => r !== undefined);
  const keys = [...refinements.map((r) => `fieldErrors.${code}_${r}`), `fieldErrors.${code}`];
  return (
    keys.reduce<string | undefined>((text, key) => text ?? translated(key, values), undefined) ?? message
  );
}

/**
 * A 400's reasons by the form field they concern (`models.0` belongs to `models`); the gateway lists them
 * in `details`.
 */
export function fieldErrorTexts(error: ApiRequestError): Record<string, string> {
  if (error.body.code !== 'invalid_input' || !Array.isArray(error.body.details)) return {};
  const fields: Record<string, string> = {};
  for (const issue of error.body.details as FieldIssue[]) {
    const field = issue.path.split('.')[0];
    const text = issueText(issue);
    if (field) fields[field] = fields[field] ? `${fields[field]}; ${text}` : text;
  }
  return fields;
}
