import type { Author, ChatMessage } from '@aftersales/contracts/consultation';
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_MESSAGE_TEXT } from '@aftersales/contracts/consultation';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AttachmentView } from './AttachmentView';
import type { PendingMessage } from './chat-log';
import type { useChat } from './use-chat';

type Chat = ReturnType<typeof useChat>;

/** Puts text into the composer, after what is written there already, for the writer to adjust and send. */
export type InsertText = (text: string) => void;

/**
 * The conversation: earlier pages on request, messages oldest first with the newest in view, what is still
 * being sent, the other side typing, and the composer. `canWrite` false shows `writeHint` instead;
 * `composerTools` are shown beside the composer, with a way to insert text into it.
 */
export function ChatPanel({
  chat,
  viewer,
  canWrite = true,
  writeHint,
  composerTools,
}: {
  chat: Chat;
  viewer: Author;
  canWrite?: boolean;
  writeHint?: string;
  composerTools?: (insert: InsertText) => ReactNode;
}) {
  const { t } = useTranslation();
  const end = useRef<HTMLDivElement>(null);
  const newest = chat.log.messages.at(-1)?.seq;
  const pendingCount = chat.log.pending.length;
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [newest, pendingCount]);

  return (
    <div className="chat">
      <div className="chat-log" data-testid="chat-log" aria-live="polite">
        {chat.earlier && (
          <button
            type="button"
            className="secondary small-button load-earlier"
            disabled={chat.loadingEarlier}
            onClick={() => void chat.loadEarlier()}
          >
            {chat.loadingEarlier ? t('chat.loading') : t('chat.loadEarlier')}
          </button>
        )}
        {chat.loaded && chat.log.messages.length === 0 && chat.log.pending.length === 0 && (
          <p className="muted small">{t('chat.empty')}</p>
        )}
        {chat.log.messages.map((message) => (
          <Bubble
            key={message.seq}
            message={message}
            mine={message.author.userId === viewer.userId}
            read={message.author.kind === viewer.kind && message.seq <= chat.otherReadUpTo}
          />
        ))}
        {chat.log.pending.map((pending) => (
          <PendingBubble
            key={pending.messageId}
            pending={pending}
            resend={() => chat.send(pending.text, pending.files, pending.messageId)}
          />
        ))}
        <div ref={end} />
      </div>
      {chat.otherTyping && (
        <p className="muted small typing" data-testid="typing">
          {viewer.kind === 'customer' ? t('chat.agentTyping') : t('chat.customerTyping')}
        </p>
      )}
      {canWrite ? <Composer chat={chat} tools={composerTools} /> : <p className="muted small">{writeHint}</p>}
    </div>
  );
}

function Bubble({ message, mine, read }: { message: ChatMessage; mine: boolean; read: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={mine ? 'bubble mine' : 'bubble'} data-testid="message" data-seq={message.seq}>
      <span className="who small">
        {message.author.kind === 'agent' ? t('chat.agent') : t('chat.customer')} ·{' '}
        {new Date(message.postedAt).toLocaleString()}
      </span>
      {message.text && <p className="text">{message.text}</p>}
      {message.attachments.length > 0 && (
        <ul className="attachments small">
          {message.attachments.map((a) => (
            <AttachmentView key={a.id} attachment={a} />
          ))}
        </ul>
      )}
      {mine && <span className="state small">{read ? t('chat.read') : t('chat.sent')}</span>}
    </div>
  );
}

function PendingBubble({ pending, resend }: { pending: PendingMessage; resend: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="bubble mine pending" data-testid="pending-message" data-state={pending.state}>
      {pending.text && <p className="text">{pending.text}</p>}
      {pending.files.length > 0 && (
        <ul className="attachments small">
          {pending.files.map((file, i) => (
            <li key={i}>{file.name}</li>
          ))}
        </ul>
      )}
      {pending.state === 'sending' ? (
        <span className="state small">{t('chat.sending')}</span>
      ) : (
        <span className="state small error-text">
          {t('chat.sendFailed', { message: pending.error })}{' '}
          <button type="button" className="link" onClick={resend}>
            {t('chat.resend')}
          </button>
        </span>
      )}
    </div>
  );
}

function Composer({ chat, tools }: { chat: Chat; tools?: (insert: InsertText) => ReactNode }) {
  const { t } = useTranslation();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim() && files.length === 0) {
      setProblem(t('chat.emptyMessage'));
      return;
    }
    chat.send(text.trim(), files);
    setText('');
    setFiles([]);
    setProblem(undefined);
  }

  const insert: InsertText = (inserted) => {
    setText((current) => (current.trim() ? `${current.trimEnd()}\n${inserted}` : inserted));
    setProblem(undefined);
    field.current?.focus();
  };

  function choose(chosen: FileList | null) {
    const all = [...files, ...(chosen ?? [])];
    // The server refuses a fourth file too; saying so before the upload saves sending the others.
    if (all.length > MAX_ATTACHMENTS_PER_MESSAGE) {
      setProblem(t('errors.too_many_attachments', { max: MAX_ATTACHMENTS_PER_MESSAGE }));
      return;
    }
    setFiles(all);
    setProblem(undefined);
  }

  return (
    <form className="composer" onSubmit={submit} noValidate>
      <label htmlFor="chat-text" className="visually-hidden">
        {t('chat.message')}
      </label>
      <textarea
        ref={field}
        id="chat-text"
        rows={2}
        maxLength={MAX_MESSAGE_TEXT}
        value={text}
        placeholder={t('chat.placeholder')}
        aria-invalid={problem !== undefined}
        onChange={(e) => {
          setText(e.target.value);
          chat.notifyTyping();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
        }}
      />
      <input
        id="chat-files"
        type="file"
        multiple
        className="visually-hidden"
        onChange={(e) => {
          choose(e.target.files);
          e.target.value = '';
        }}
      />
      <label htmlFor="chat-files" className="button secondary">
        {t('chat.attach', { max: MAX_ATTACHMENTS_PER_MESSAGE })}
      </label>
      {tools?.(insert)}
      <button type="submit" className="primary">
        {t('chat.send')}
      </button>
      {files.length > 0 && (
        <ul className="chosen-files small" data-testid="chosen-files">
          {files.map((file, i) => (
            <li key={i}>
              {file.name}{' '}
              <button
                type="button"
                className="link"
                aria-label={t('chat.removeFile', { name: file.name })}
                onClick={() => setFiles(files.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && <ErrorAlert>{problem}</ErrorAlert>}
    </form>
  );
}
