import type { Agent } from '@aftersales/contracts/identity';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';

/** Picks the agent to hand the consultation to, from the active agents other than the caller. */
export function HandOverForm({
  agentId,
  busy,
  onHandOver,
}: {
  agentId: string;
  busy: boolean;
  onHandOver: (toAgentId: string) => void;
}) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const agents = useResource<Agent[]>('/api/agents', api);
  const [toAgent, setToAgent] = useState('');
  const others = agents.data?.filter((agent) => agent.id !== agentId);

  function submit(event: FormEvent) {
    event.preventDefault();
    onHandOver(toAgent);
  }

  if (agents.status === 'failed') {
    return <ErrorAlert>{t('common.loadFailed', { message: agents.message })}</ErrorAlert>;
  }
  if (!others) return <p className="muted small">{t('chat.loading')}</p>;
  if (others.length === 0) return <p className="muted small hand-over">{t('agent.noOtherAgents')}</p>;
  return (
    <form className="row hand-over" onSubmit={submit}>
      <label htmlFor="to-agent">{t('agent.toAgent')}</label>
      <select id="to-agent" value={toAgent} onChange={(e) => setToAgent(e.target.value)}>
        <option value="">{t('agent.chooseAgent')}</option>
        {others.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.displayName}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy || !toAgent}>
        {t('agent.handOverTo')}
      </button>
    </form>
  );
}
