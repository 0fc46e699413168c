import type { Guide } from '@aftersales/contracts/consultation';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { FeedbackQuestion } from './FeedbackQuestion';
import { HelpedCount } from './GuideCard';
import { GuideMarkdown } from './GuideMarkdown';
import { inLanguage } from './guide-text';

/** One published guide, for everyone: its steps, and for customers the question whether it helped. */
export function GuidePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { state } = useAuth();
  const guide = useResource<Guide>(`/api/guides/${encodeURIComponent(id)}`);
  const role = state.status === 'signed-in' ? state.user.role : undefined;

  return (
    <section className="card wide guide-page">
      <p className="small">
        <Link to="/guides">← {t('guides.back')}</Link>
      </p>
      {guide.status === 'failed' && <ErrorAlert>{guide.message}</ErrorAlert>}
      {guide.data && (
        <>
          <div className="card-title">
            <h1>{inLanguage(guide.data.title, i18n.language)}</h1>
            {(role === 'agent' || role === 'admin') && (
              <Link className="button secondary" to={`/guides/manage/${guide.data.id}`}>
                {t('guides.edit')}
              </Link>
            )}
          </div>
          <p className="guide-meta">
            <span className="badge category">{t(`guides.categories.${guide.data.category}`)}</span>{' '}
            <HelpedCount helpful={guide.data.feedback.helpful} />
          </p>
          <dl className="facts">
            <dt>{t('guides.models')}</dt>
            <dd>{guide.data.models.join(' · ')}</dd>
            {guide.data.symptoms.length > 0 && (
              <>
                <dt>{t('guides.symptoms')}</dt>
                <dd className="symptoms">
                  {guide.data.symptoms.map((s) => (
                    <code key={s}>{s}</code>
                  ))}
                </dd>
              </>
            )}
          </dl>
          <GuideMarkdown source={inLanguage(guide.data.body, i18n.language)} />
          <div className="guide-feedback">
            {role === 'customer' && <FeedbackQuestion guideId={guide.data.id} onAnswered={guide.reload} />}
            {state.status === 'signed-out' && (
              <p className="muted">
                <Link to={`/sign-in?next=${encodeURIComponent(`/guides/${guide.data.id}`)}`}>
                  {t('guides.signInToAnswer')}
                </Link>
              </p>
            )}
            <p>
              {t('guides.stillBroken')} <Link to="/">{t('guides.startTicket')}</Link>
            </p>
          </div>
        </>
      )}
    </section>
  );
}
