import type { Author, ChatMessage, Consultation, JoinAck } from '@aftersales/contracts/consultation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError, readJson } from '../api';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { useLive } from '../live/live-context';
import {
  type ChatLog,
  emptyChatLog,
  failed,
  hasEarlier,
  lastSeqOf,
  mergeMessages,
  sending,
} from './chat-log';

const PAGE = 50;
/** Sends of one message before it is shown as failed, when the network or the server is at fault. */
const SEND_ATTEMPTS = 5;
/** While the live socket is down, the page asks for what it missed this often. */
const CATCH_UP_MS = 10_000;
const TYPING_SHOWN_MS = 4_000;
const TYPING_SENT_EVERY_MS = 2_000;

/** A message with files, as the gateway reads it: the text fields first, then each file as `files`. */
function form(messageId: string, text: string, files: readonly File[]): FormData {
  const body = new FormData();
  body.append('messageId', messageId);
  if (text) body.append('text', text);
  for (const file of files) body.append('files', file, file.name);
  return body;
}

/** A failure that sending the same message again may cure: no answer, or the server's own trouble. */
function transient(error: unknown): boolean {
  if (error instanceof ApiRequestError) return error.body.statusCode >= 500 || error.body.statusCode === 429;
  return error instanceof TypeError;
}

/**
 * One consultation's chat: its history by HTTP, what happens next by the live socket (or, while that is
 * down, by HTTP catch-up), sending with the client's message id so that a retry posts once, read marks.
 */
export function useChat(consultationId: string, viewer: Author) {
  const { api, authorizedFetch } = useAuth();
  const { socket, connected } = useLive();
  const [consultation, setConsultation] = useState<Consultation>();
  const [log, setLog] = useState<ChatLog>(emptyChatLog);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [typingUntil, setTypingUntil] = useState(0);
  const [otherReadUpTo, setOtherReadUpTo] = useState(0);

  const call = useRef(api);
  call.current = api;
  const upload = useRef(authorizedFetch);
  upload.current = authorizedFetch;
  const lastSeq = useRef(0);
  lastSeq.current = lastSeqOf(log);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const base = `/api/consultations/${encodeURIComponent(consultationId)}`;
  const markedUpTo = useRef(0);

  useEffect(() => {
    markedUpTo.current = 0;
    setLog(emptyChatLog);
    setLoaded(false);
    setLoadError(undefined);
    setOtherReadUpTo(0);
    let current = true;
    Promise.all([
      call.current<Consultation>(base),
      call.current<ChatMessage[]>(`${base}/messages?limit=${PAGE}`),
    ]).then(
      ([found, page]) => {
        if (!current) return;
        setConsultation(found);
        setLog((l) => mergeMessages(l, page));
        setLoaded(true);
      },
      (error: unknown) => current && setLoadError(errorText(error)),
    );
    return () => {
      current = false;
    };
  }, [base]);

  const loadEarlier = useCallback(async () => {
    const first = log.messages[0];
    if (!first) return;
    setLoadingEarlier(true);
    try {
      const page = await call.current<ChatMessage[]>(`${base}/messages?before=${first.seq}&limit=${PAGE}`);
      setLog((l) => mergeMessages(l, page));
    } catch (error) {
      setLoadError(errorText(error));
    } finally {
      setLoadingEarlier(false);
    }
  }, [base, log.messages]);

  const catchUp = useCallback(async () => {
    const [found, missed] = await Promise.all([
      call.current<Consultation>(base),
      call.current<ChatMessage[]>(`${base}/messages?after=${lastSeq.current}&limit=100`),
    ]);
    setConsultation(found);
    setLog((l) => mergeMessages(l, missed));
  }, [base]);

  // Joining waits for the history, so that the join's catch-up is only what came after it.
  useEffect(() => {
    if (!socket || !loaded) return;
    const join = () =>
      socket.emit('join', { consultationId, afterSeq: lastSeq.current }, (ack: JoinAck) => {
        if (!ack.ok) return;
        setConsultation(ack.consultation);
        setLog((l) => mergeMessages(l, ack.missed));
      });
    const onMessage = (message: ChatMessage) => {
      if (message.consultationId === consultationId) setLog((l) => mergeMessages(l, [message]));
    };
    const onConsultation = (changed: Consultation) => {
      if (changed.id === consultationId) setConsultation(changed);
    };
    const onTyping = ({ consultationId: id, author }: { consultationId: string; author: Author }) => {
      if (id === consultationId && author.kind !== viewer.kind) setTypingUntil(Date.now() + TYPING_SHOWN_MS);
    };
    const onRead = (read: { consultationId: string; reader: Author; upToSeq: number }) => {
      if (read.consultationId === consultationId && read.reader.kind !== viewer.kind) {
        setOtherReadUpTo((seq) => Math.max(seq, read.upToSeq));
      }
    };
    socket.on('connect', join);
    socket.on('message', onMessage);
    socket.on('consultation', onConsultation);
    socket.on('typing', onTyping);
    socket.on('read', onRead);
    if (socket.connected) join();
    return () => {
      socket.off('connect', join);
      socket.off('message', onMessage);
      socket.off('consultation', onConsultation);
      socket.off('typing', onTyping);
      socket.off('read', onRead);
      if (socket.connected) socket.emit('leave', { consultationId });
    };
  }, [socket, loaded, consultationId, viewer.kind]);

  useEffect(() => {
    if (connected || !loaded) return;
    const timer = setInterval(() => void catchUp().catch(() => undefined), CATCH_UP_MS);
    return () => clearInterval(timer);
  }, [connected, loaded, catchUp]);

  useEffect(() => {
    if (typingUntil <= Date.now()) return;
    const timer = setTimeout(() => setTypingUntil(0), typingUntil - Date.now());
    return () => clearTimeout(timer);
  }, [typingUntil]);

  // Read up to what the page shows, once something from the other side is new.
  useEffect(() => {
    const newest = log.messages.at(-1);
    if (!newest || newest.seq <= markedUpTo.current) return;
    if (!log.messages.some((m) => m.seq > markedUpTo.current && m.author.kind !== viewer.kind)) return;
    markedUpTo.current = newest.seq;
    call
      .current<Consultation>(`${base}/read`, { method: 'POST', body: { upToSeq: newest.seq } })
      .then((read) => mounted.current && setConsultation(read))
      .catch(() => {
        markedUpTo.current = 0;
      });
  }, [base, log.messages, viewer.kind]);

  const post = useCallback(
    async (messageId: string, text: string, files: readonly File[], attempt = 1): Promise<void> => {
      try {
        const message =
          files.length === 0
            ? await call.current<ChatMessage>(`${base}/messages`, {
                method: 'POST',
                body: { messageId, text },
              })
            : await readJson<ChatMessage>(
                await upload.current(`${base}/messages`, {
                  method: 'POST',
                  body: form(messageId, text, files),
                }),
              );
        if (mounted.current) setLog((l) => mergeMessages(l, [message]));
      } catch (error) {
        if (!mounted.current) return;
        if (transient(error) && attempt < SEND_ATTEMPTS) {
          setTimeout(() => void post(messageId, text, files, attempt + 1), 1_000 * 2 ** (attempt - 1));
          return;
        }
        setLog((l) => failed(l, messageId, errorText(error)));
      }
    },
    [base],
  );

  const send = useCallback(
    (text: string, files: readonly File[] = [], messageId: string = crypto.randomUUID()) => {
      setLog((l) => sending(l, messageId, text, files));
      void post(messageId, text, files);
    },
    [post],
  );

  const lastTypingSent = useRef(0);
  const notifyTyping = useCallback(() => {
    if (!socket?.connected || Date.now() - lastTypingSent.current < TYPING_SENT_EVERY_MS) return;
    lastTypingSent.current = Date.now();
    socket.emit('typing', { consultationId });
  }, [socket, consultationId]);

  return {
    consultation,
    setConsultation,
    log,
    loaded,
    loadError,
    earlier: hasEarlier(log),
    loadEarlier,
    loadingEarlier,
    send,
    notifyTyping,
    otherTyping: typingUntil > 0,
    otherReadUpTo,
    live: connected,
  };
}
