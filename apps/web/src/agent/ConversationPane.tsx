import type { Author, Consultation } from '@aftersales/contracts/consultation';
import type { WarrantyLookupReply } from '@aftersales/contracts/warranty';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ChatPanel } from '../consultations/ChatPanel';
import { ConsultationStatusBadge } from '../consultations/ConsultationStatus';
import { useChat } from '../consultations/use-chat';
import { ApiRequestError } from '../api';
import { errorText, fieldErrorTexts } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';

/**
 * One consultation in the console: the chat, what the agent may do in its state (take, hand over,
 * resolve, convert), and the machine's warranty beside it.
 */
export function ConversationPane({
  consultationId,
  agentId,
  onChanged,
}: {
  consultationId: string;
  agentId: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const viewer: Author = { kind: 'agent', userId: agentId };
  const chat = useChat(consultationId, viewer);
  const { consultation } = chat;
  if (chat.loadError && !consultation) {
    return (
      <section className="card conversation">
        <ErrorAlert>{chat.loadError}</ErrorAlert>
      </section>
    );
  }
  if (!consultation) {
    return (
      <section className="card conversation">
        <p className="muted">{t('chat.loading')}</p>
      </section>
    );
  }
  const holding = consultation.agentId === agentId;
  return (
    <section className="card conversation" data-testid="conversation">
      <div className="card-title">
        <h2>{t('consultations.numbered', { number: consultation.number })}</h2>
        <ConsultationStatusBadge consultation={consultation} />
      </div>
      <p className="muted small">
        <span data-testid="live-status">{chat.live ? t('chat.live') : t('chat.offline')}</span>
        {consultation.diagnosisCode && (
          <>
            {' · '}
            {t('agent.diagnosisCode')}:{' '}
            <strong className="mono" data-testid="diagnosis-code">
              {consultation.diagnosisCode}
            </strong>
          </>
        )}
      </p>
      <div className="conversation-body">
        <div>
          <Actions
            consultation={consultation}
            agentId={agentId}
            onDone={(changed) => {
              chat.setConsultation(changed);
              onChanged();
            }}
          />
          <ChatPanel
            chat={chat}
            viewer={viewer}
            canWrite={holding}
            writeHint={consultation.agentId ? t('agent.heldByOther') : t('agent.takeToAnswer')}
          />
        </div>
        <WarrantyPanel sn={consultation.device.sn} />
      </div>
    </section>
  );
}

function Actions({
  consultation,
  agentId,
  onDone,
}: {
  consultation: Consultation;
  agentId: string;
  onDone: (changed: Consultation) => void;
}) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [handingOver, setHandingOver] = useState(false);
  const [toAgent, setToAgent] = useState('');
  const base = `/api/consultations/${encodeURIComponent(consultation.id)}`;

  async function act(path: string, body?: unknown) {
    setBusy(true);
    setError(undefined);
    try {
      const reply = await api<Consultation | { consultation: Consultation }>(`${base}/${path}`, {
        method: 'POST',
        body: body ?? {},
      });
      onDone('consultation' in reply ? reply.consultation : reply);
      setHandingOver(false);
    } catch (failure) {
      // A malformed agent id is the one field here: its reason says more than "correct the marked fields".
      const field = failure instanceof ApiRequestError ? fieldErrorTexts(failure).agentId : undefined;
      setError(field ?? errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  function handOver(event: FormEvent) {
    event.preventDefault();
    void act('hand-over', { agentId: toAgent.trim() });
  }

  const holding = consultation.status === 'in_progress' && consultation.agentId === agentId;
  return (
    <div className="agent-actions">
      <div className="actions">
        {consultation.status === 'open' && (
          <button type="button" className="primary" disabled={busy} onClick={() => void act('take')}>
            {t('agent.take')}
          </button>
        )}
        {holding && (
          <>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => setHandingOver(!handingOver)}
            >
              {t('agent.handOver')}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => void act('resolve')}>
              {t('agent.resolve')}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void act('convert')}>
              {t('agent.convert')}
            </button>
          </>
        )}
      </div>
      {handingOver && (
        <form className="row hand-over" onSubmit={handOver} noValidate>
          <label htmlFor="to-agent" className="visually-hidden">
            {t('agent.toAgent')}
          </label>
          <input
            id="to-agent"
            className="mono"
            value={toAgent}
            placeholder={t('agent.toAgentHint')}
            onChange={(e) => setToAgent(e.target.value)}
          />
          <button type="submit" disabled={busy || !toAgent.trim()}>
            {t('agent.handOverTo')}
          </button>
        </form>
      )}
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </div>
  );
}

function WarrantyPanel({ sn }: { sn: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const warranty = useResource<WarrantyLookupReply>(`/api/warranty/${encodeURIComponent(sn)}`, api);
  return (
    <aside className="warranty-panel" data-testid="warranty-panel">
      <h3>{t('agent.warranty')}</h3>
      {warranty.status === 'failed' && <ErrorAlert>{warranty.message}</ErrorAlert>}
      {warranty.data && (
        <dl>
          <dt>{t('warranty.model')}</dt>
          <dd>{warranty.data.model}</dd>
          <dt>{t('warranty.sn')}</dt>
          <dd className="mono">{warranty.data.sn}</dd>
          <dt>{t('warranty.shippedOn')}</dt>
          <dd>{warranty.data.shippedOn}</dd>
          <dt>{t('warranty.warrantyEndsOn')}</dt>
          <dd>{warranty.data.warrantyEndsOn}</dd>
          <dt />
          <dd>
            <span className={warranty.data.inWarranty ? 'badge ok' : 'badge expired'}>
              {warranty.data.inWarranty ? t('warranty.inWarranty') : t('warranty.outOfWarranty')}
            </span>
          </dd>
        </dl>
      )}
    </aside>
  );
}
