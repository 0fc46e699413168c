import type { StaffGuideSummary } from '@aftersales/contracts/consultation';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { inLanguage } from './guide-text';
import { GuideStatus } from './GuideStatus';

/** 维修指南管理: every guide, drafts included, with how often each helped; support writes them from here. */
export function StaffGuidesPage() {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const guides = useResource<StaffGuideSummary[]>('/api/guides/all', api);
  return (
    <section className="card wide">
      <div className="card-title">
        <h1>{t('guides.manageHeading')}</h1>
        <Link className="button primary" to="/guides/manage/new">
          {t('guides.newGuide')}
        </Link>
      </div>
      <p className="muted">{t('guides.manageIntro')}</p>
      {guides.status === 'failed' && (
        <ErrorAlert>{t('common.loadFailed', { message: guides.message })}</ErrorAlert>
      )}
      {guides.data?.length === 0 && <p className="muted">{t('guides.none')}</p>}
      {guides.data && guides.data.length > 0 && (
        <div className="table-scroll">
          <table data-testid="staff-guides">
            <thead>
              <tr>
                <th>{t('guides.title')}</th>
                <th>{t('guides.category')}</th>
                <th>{t('guides.models')}</th>
                <th>{t('guides.state')}</th>
                <th>👍 / 👎</th>
                <th>{t('guides.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {guides.data.map((guide) => (
                <tr key={guide.id}>
                  <td>
                    <Link to={`/guides/manage/${guide.id}`}>{inLanguage(guide.title, i18n.language)}</Link>
                  </td>
                  <td>{t(`guides.categories.${guide.category}`)}</td>
                  <td className="small">{guide.models.join(' · ')}</td>
                  <td>
                    <GuideStatus guide={guide} />
                  </td>
                  <td className="nowrap">
                    {guide.feedback.helpful} / {guide.feedback.notHelpful}
                  </td>
                  <td className="nowrap small">{new Date(guide.updatedAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
