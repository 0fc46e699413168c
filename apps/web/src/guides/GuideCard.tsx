import type { GuideSummary } from '@aftersales/contracts/consultation';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inLanguage } from './guide-text';

/** How often a guide helped, as readers see it beside its title. */
export function HelpedCount({ helpful }: { helpful: number }) {
  const { t } = useTranslation();
  return (
    <span className="muted small helped" data-testid="helped-count">
      {helpful > 0 ? `👍 ${t('guides.helped', { count: helpful })}` : t('guides.helpedNone')}
    </span>
  );
}

/** A published guide in a list: its title, fault, models and first words; `children` adds actions. */
export function GuideCard({ guide, children }: { guide: GuideSummary; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="guide-card" data-testid="guide-card">
      <h3>
        <Link to={`/guides/${guide.id}`}>{inLanguage(guide.title, i18n.language)}</Link>
      </h3>
      <p className="guide-meta">
        <span className="badge category">{t(`guides.categories.${guide.category}`)}</span>{' '}
        <span className="muted small">{guide.models.join(' · ')}</span>
      </p>
      <p className="guide-excerpt">{inLanguage(guide.excerpt, i18n.language)}</p>
      <HelpedCount helpful={guide.feedback.helpful} />
      {children}
    </article>
  );
}
