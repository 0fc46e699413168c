import type { CannedReply } from '@aftersales/contracts/consultation';
import { MAX_CANNED_REPLY_TITLE, MAX_MESSAGE_TEXT } from '@aftersales/contracts/consultation';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FormActions, TextField, useSubmission } from '../admin/form-fields';
import { saveEntry } from '../admin/save-entry';
import { useAuth } from '../auth/auth-context';

const fields = ['title', 'text'] as const;

/**
 * Writes a new canned reply, or changes `reply`. A new one's id is made once per form, so that saving again
 * after a lost answer creates it once; a change names the version it was made on.
 */
export function CannedReplyForm({
  reply,
  onSaved,
  onCancel,
}: {
  reply?: CannedReply;
  onSaved: (saved: CannedReply) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { busy, fieldErrors, error, submit } = useSubmission();
  const [newId] = useState(() => crypto.randomUUID());

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const words = { title: String(data.get('title') ?? ''), text: String(data.get('text') ?? '') };
    const entry = reply ? { key: reply.id, version: reply.version } : { newKey: { id: newId } };
    const saved = await submit(() => saveEntry<CannedReply>(api, '/api/canned-replies', words, entry), {
      fields,
    });
    if (saved) onSaved(saved);
  }

  return (
    <form className="form-grid canned-form" onSubmit={save} noValidate>
      <TextField
        name="title"
        label={t('cannedReplies.title')}
        defaultValue={reply?.title}
        maxLength={MAX_CANNED_REPLY_TITLE}
        error={fieldErrors.title}
        wide
      />
      <Field name="text" label={t('cannedReplies.text')} error={fieldErrors.text} wide>
        {(control) => (
          <textarea {...control} rows={4} maxLength={MAX_MESSAGE_TEXT} defaultValue={reply?.text} />
        )}
      </Field>
      <FormActions busy={busy} error={error} onCancel={onCancel} />
    </form>
  );
}
