import type { CannedReply } from '@aftersales/contracts/consultation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { CannedReplyForm } from './CannedReplyForm';

/** 常用回复: the support team's canned replies, which its agents write, change and delete here. */
export function CannedRepliesPage() {
  const { t } = useTranslation();
  const { api } = useAuth();
  const replies = useResource<CannedReply[]>('/api/canned-replies', api);
  // A fresh form (and id) after each new reply is saved.
  const [generation, setGeneration] = useState(0);
  return (
    <div className="page wide">
      <section className="card">
        <h1>{t('cannedReplies.heading')}</h1>
        <p className="muted">{t('cannedReplies.intro')}</p>
        <h2>{t('cannedReplies.add')}</h2>
        <CannedReplyForm
          key={generation}
          onSaved={() => {
            setGeneration((g) => g + 1);
            replies.reload();
          }}
        />
      </section>
      <section className="card">
        {replies.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: replies.message })}</ErrorAlert>
        )}
        {replies.data?.length === 0 && <p className="muted">{t('cannedReplies.none')}</p>}
        <ul className="canned-replies" data-testid="canned-reply-list">
          {replies.data?.map((reply) => (
            <CannedReplyItem key={`${reply.id}@${reply.version}`} reply={reply} onChanged={replies.reload} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function CannedReplyItem({ reply, onChanged }: { reply: CannedReply; onChanged: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function remove() {
    if (!window.confirm(t('cannedReplies.confirmDelete', { title: reply.title }))) return;
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/canned-replies/${encodeURIComponent(reply.id)}`, { method: 'DELETE' });
      onChanged();
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  }

  if (editing) {
    return (
      <li className="canned-reply" data-testid="canned-reply">
        <CannedReplyForm reply={reply} onSaved={onChanged} onCancel={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="canned-reply" data-testid="canned-reply">
      <div className="card-title">
        <h3>{reply.title}</h3>
        <div className="actions">
          <button type="button" className="secondary" disabled={busy} onClick={() => setEditing(true)}>
            {t('cannedReplies.edit')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void remove()}>
            {t('cannedReplies.delete')}
          </button>
        </div>
      </div>
      <p className="canned-text">{reply.text}</p>
      <p className="muted small">
        {t('cannedReplies.updatedAt', { date: new Date(reply.updatedAt).toLocaleString() })}
      </p>
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </li>
  );
}
