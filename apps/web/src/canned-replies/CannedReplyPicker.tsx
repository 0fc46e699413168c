import type { CannedReply } from '@aftersales/contracts/consultation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth/auth-context';
import type { InsertText } from '../consultations/ChatPanel';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { matchingReplies } from './matching-replies';

/**
 * Beside the agent's composer: a button that opens the team's canned replies, searchable, and puts the one
 * picked into the composer to adjust before sending.
 */
export function CannedReplyPicker({ onPick }: { onPick: InsertText }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls="canned-replies"
        onClick={() => setOpen(!open)}
      >
        {t('cannedReplies.insert')}
      </button>
      {open && (
        <CannedReplyList
          onPick={(text) => {
            onPick(text);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

/** Read afresh on every opening, so that a reply a colleague added just now is there. */
function CannedReplyList({ onPick, onClose }: { onPick: InsertText; onClose: () => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const replies = useResource<CannedReply[]>('/api/canned-replies', api);
  const [query, setQuery] = useState('');
  const matching = matchingReplies(replies.data ?? [], query);
  return (
    <div
      id="canned-replies"
      className="canned-panel"
      role="group"
      aria-label={t('cannedReplies.insert')}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <input
        type="search"
        aria-label={t('cannedReplies.search')}
        placeholder={t('cannedReplies.search')}
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
      />
      {replies.status === 'failed' && (
        <ErrorAlert>{t('common.loadFailed', { message: replies.message })}</ErrorAlert>
      )}
      {replies.status === 'loading' && !replies.data && <p className="muted small">{t('chat.loading')}</p>}
      {replies.data && matching.length === 0 && (
        <p className="muted small">
          {replies.data.length === 0 ? t('cannedReplies.none') : t('cannedReplies.noMatch')}
        </p>
      )}
      <ul className="canned-list" data-testid="canned-replies">
        {matching.map((reply) => (
          <li key={reply.id}>
            <button type="button" onClick={() => onPick(reply.text)}>
              <strong>{reply.title}</strong>
              <span className="small muted">{reply.text}</span>
            </button>
          </li>
        ))}
      </ul>
      <Link to="/canned-replies" className="small">
        {t('cannedReplies.manage')}
      </Link>
    </div>
  );
}
