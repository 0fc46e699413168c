import type { Guide, GuideSearchResult, GuideSummary } from '@aftersales/contracts/consultation';
import type { WarrantyLookupReply } from '@aftersales/contracts/warranty';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { useGuideFeedback } from './FeedbackQuestion';
import { GuideCard } from './GuideCard';
import { GuideMarkdown } from './GuideMarkdown';
import { guidesPath } from './guides-path';
import { inLanguage } from './guide-text';

/** How long the customer may pause typing before the suggestions follow what they wrote. */
const TYPING_PAUSE_MS = 400;
const SUGGESTED = 3;

function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/**
 * Before a consultation opens: the guides for the machine's model that match what the customer writes,
 * the most relevant first. "This solved it" records that the guide helped, and the customer leaves
 * without opening a consultation.
 */
export function GuideSuggestions({
  sn,
  text,
  onSolved,
}: {
  sn: string;
  text: string;
  onSolved: (guide: GuideSummary) => void;
}) {
  const { api } = useAuth();
  const device = useResource<WarrantyLookupReply>(`/api/warranty/${encodeURIComponent(sn)}`, api);
  const q = useSettled(text.trim());
  return device.data ? <Suggestions model={device.data.model} q={q} onSolved={onSolved} /> : null;
}

function Suggestions({
  model,
  q,
  onSolved,
}: {
  model: string;
  q: string;
  onSolved: (guide: GuideSummary) => void;
}) {
  const { t } = useTranslation();
  const found = useResource<GuideSearchResult>(guidesPath({ model, q, limit: SUGGESTED }));
  const guides = found.data?.guides ?? [];
  if (guides.length === 0) return null;
  return (
    <section className="guide-suggestions" data-testid="guide-suggestions" aria-live="polite">
      <h2>{t('guides.suggestHeading')}</h2>
      <p className="muted">{t('guides.suggestIntro')}</p>
      <div className="guide-list">
        {guides.map((guide) => (
          <SuggestedGuide key={guide.id} guide={guide} onSolved={() => onSolved(guide)} />
        ))}
      </div>
    </section>
  );
}

function SuggestedGuide({ guide, onSolved }: { guide: GuideSummary; onSolved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { busy, error, answer } = useGuideFeedback(guide.id);
  return (
    <GuideCard guide={guide}>
      <div className="actions">
        <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('guides.hideSteps') : t('guides.showSteps')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={async () => {
            if (await answer(true)) onSolved();
          }}
        >
          {t('guides.thisSolvedIt')}
        </button>
      </div>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {open && <GuideSteps id={guide.id} />}
    </GuideCard>
  );
}

function GuideSteps({ id }: { id: string }) {
  const { i18n } = useTranslation();
  const guide = useResource<Guide>(`/api/guides/${encodeURIComponent(id)}`);
  if (guide.status === 'failed') return <ErrorAlert>{guide.message}</ErrorAlert>;
  return guide.data ? <GuideMarkdown source={inLanguage(guide.data.body, i18n.language)} /> : null;
}
