import { guideCategories, type GuideSearchResult } from '@aftersales/contracts/consultation';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { GuideCard } from './GuideCard';
import { guidesPath } from './guides-path';

/**
 * 自助维修: the published guides, for everyone, signed in or not; browse by model and fault, or search by
 * symptom or error code. The search lives in the URL, so a search can be shared.
 */
export function GuidesPage() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const model = params.get('model') ?? '';
  const category = params.get('category') ?? '';
  const [typed, setTyped] = useState(q);
  const result = useResource<GuideSearchResult>(guidesPath({ q, model, category }));
  const staff = state.status === 'signed-in' && ['agent', 'admin'].includes(state.user.role);

  const show = (changes: Record<string, string>) =>
    setParams(
      Object.entries({ q, model, category, ...changes }).filter(([, value]) => value !== ''),
      { replace: true },
    );
  const search = (event: FormEvent) => {
    event.preventDefault();
    show({ q: typed.trim() });
  };

  return (
    <section className="card wide">
      <div className="card-title">
        <h1>{t('guides.heading')}</h1>
        {staff && (
          <Link className="button secondary" to="/guides/manage">
            {t('guides.manage')}
          </Link>
        )}
      </div>
      <p className="muted">{t('guides.intro')}</p>
      <form className="guide-search" role="search" onSubmit={search}>
        <label htmlFor="guide-q" className="visually-hidden">
          {t('guides.searchLabel')}
        </label>
        <input
          id="guide-q"
          type="search"
          value={typed}
          placeholder={t('guides.searchPlaceholder')}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('guides.search')}
        </button>
      </form>
      <div className="filters">
        <div className="field">
          <label htmlFor="guide-model">{t('guides.model')}</label>
          <select id="guide-model" value={model} onChange={(e) => show({ model: e.target.value })}>
            <option value="">{t('guides.allModels')}</option>
            {result.data?.models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="category-chips" role="group" aria-label={t('guides.category')}>
        {['', ...guideCategories].map((c) => (
          <button
            key={c || 'all'}
            type="button"
            className={c === category ? 'chip chosen' : 'chip'}
            aria-pressed={c === category}
            onClick={() => show({ category: c })}
          >
            {c ? t(`guides.categories.${c}`) : t('guides.allCategories')}
          </button>
        ))}
      </div>
      {result.status === 'failed' && (
        <ErrorAlert>{t('common.loadFailed', { message: result.message })}</ErrorAlert>
      )}
      {result.status === 'loaded' && (
        <p className="muted small" data-testid="guide-count">
          {result.data.guides.length === 0
            ? t('guides.noMatch')
            : t('guides.count', { count: result.data.guides.length })}
        </p>
      )}
      <div className="guide-list">
        {result.data?.guides.map((guide) => (
          <GuideCard key={guide.id} guide={guide} />
        ))}
      </div>
    </section>
  );
}
