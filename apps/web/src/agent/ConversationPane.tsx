import type { Author, Consultation } from '@aftersales/contracts/consultation';
import type { WarrantyLookupReply } from '@aftersales/contracts/warranty';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { CannedReplyPicker } from '../canned-replies/CannedReplyPicker';
import { ChatPanel } from '../consultations/ChatPanel';
import { ConsultationStatusBadge } from '../consultations/ConsultationStatus';
import { useChat } from '../consultations/use-chat';
import { errorText } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { EarlierTicketsPanel } from './EarlierTicketsPanel';
import { HandOverForm } from './HandOverForm';
import { agentOrderPath } from './order-path';

/**
 * One consultation in the console: the chat with the canned replies at hand, what the agent may do in its
 * state (take, hand over, resolve, convert), and beside it the machine's warranty and the customer's other
 * tickets.
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
            <Link
              to={agentOrderPath(consultation.diagnosisCode)}
              className="mono"
              data-testid="diagnosis-code"
            >
              {consultation.diagnosisCode}
            </Link>
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
            composerTools={(insert) => <CannedReplyPicker onPick={insert} />}
          />
        </div>
        <aside className="side-panels">
          <WarrantyPanel sn={consultation.device.sn} />
          <EarlierTicketsPanel consultationId={consultation.id} />
        </aside>
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
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
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
        <HandOverForm
          agentId={agentId}
          busy={busy}
          onHandOver={(toAgentId) => void act('hand-over', { agentId: toAgentId })}
        />
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
    <section className="side-panel warranty-panel" data-testid="warranty-panel">
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
    </section>
  );
}
