import type { GuideContent, GuideVersion, GuideVersionSummary } from '@aftersales/contracts/consultation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { GuideMarkdown } from './GuideMarkdown';
import { inLanguage } from './guide-text';

interface Agent {
  id: string;
  displayName: string;
}

/**
 * 版本记录: every change of a guide, the latest first, with who made it and which parts it changed; any
 * version can be read and loaded back into the editor.
 */
export function GuideVersions({
  guideId,
  onRestore,
}: {
  guideId: string;
  onRestore: (content: GuideContent, version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const versions = useResource<GuideVersionSummary[]>(
    `/api/guides/${encodeURIComponent(guideId)}/versions`,
    api,
  );
  const agents = useResource<Agent[]>('/api/agents', api);
  const [shown, setShown] = useState<GuideVersion>();
  const [error, setError] = useState<string>();
  const nameOf = (id: string) => agents.data?.find((a) => a.id === id)?.displayName ?? t('guides.someone');

  async function show(version: number) {
    setError(undefined);
    try {
      setShown(await api<GuideVersion>(`/api/guides/${encodeURIComponent(guideId)}/versions/${version}`));
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <section className="card">
      <h2>{t('guides.versions')}</h2>
      {versions.status === 'failed' && (
        <ErrorAlert>{t('common.loadFailed', { message: versions.message })}</ErrorAlert>
      )}
      <ol className="guide-versions" data-testid="guide-versions">
        {versions.data?.map((v) => (
          <li key={v.version}>
            <strong>{t('guides.versionLabel', { version: v.version })}</strong> ·{' '}
            {t(`guides.changes.${v.change}`)}
            {v.fields.length > 0 &&
              ` (${v.fields.map((f) => t(`guides.fields.${f}`)).join(t('common.listSeparator'))})`}
            <span className="muted small">
              {' '}
              · {nameOf(v.by)} · {new Date(v.at).toLocaleString()}
            </span>{' '}
            <button type="button" className="link" onClick={() => void show(v.version)}>
              {t('guides.view')}
            </button>
          </li>
        ))}
      </ol>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {shown && (
        <div className="guide-preview">
          <div className="card-title">
            <h3>
              {t('guides.versionLabel', { version: shown.version })}:{' '}
              {inLanguage(shown.content.title, i18n.language)}
            </h3>
            <button
              type="button"
              className="secondary"
              onClick={() => onRestore(shown.content, shown.version)}
            >
              {t('guides.restore')}
            </button>
          </div>
          <GuideMarkdown source={inLanguage(shown.content.body, i18n.language)} />
        </div>
      )}
    </section>
  );
}
