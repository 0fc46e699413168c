import type { GuideFeedbackReply } from '@aftersales/contracts/consultation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Sends a customer's word on whether a guide solved their problem; their last word counts. */
export function useGuideFeedback(guideId: string) {
  const { api } = useAuth();
  const [answered, setAnswered] = useState<GuideFeedbackReply>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function answer(helpful: boolean): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      setAnswered(
        await api<GuideFeedbackReply>(`/api/guides/${encodeURIComponent(guideId)}/feedback`, {
          method: 'POST',
          body: { helpful },
        }),
      );
      return true;
    } catch (failure) {
      setError(errorText(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { answered, busy, error, answer };
}

/** "Did this guide solve your problem?", for a customer reading it; `onAnswered` follows their answer. */
export function FeedbackQuestion({ guideId, onAnswered }: { guideId: string; onAnswered: () => void }) {
  const { t } = useTranslation();
  const { answered, busy, error, answer } = useGuideFeedback(guideId);
  const say = async (helpful: boolean) => {
    if (await answer(helpful)) onAnswered();
  };
  if (answered) {
    return (
      <p className="alert info" role="status">
        {answered.helpful ? t('guides.thanksSolved') : t('guides.thanksNotSolved')}
      </p>
    );
  }
  return (
    <div className="feedback-question">
      <p>{t('guides.askSolved')}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void say(true)}>
          {t('guides.solved')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void say(false)}>
          {t('guides.notSolved')}
        </button>
      </div>
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </div>
  );
}
