import type { EditableGuide, GuideContent } from '@aftersales/contracts/consultation';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { FormError, useSubmission } from '../admin/form-fields';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { changedSince, contentOf, draftOf, emptyDraft, type GuideDraft } from './guide-draft';
import { GuideFields } from './GuideFields';
import { GuideStatus } from './GuideStatus';
import { GuideVersions } from './GuideVersions';

const fields = ['title', 'body', 'models', 'category', 'symptoms'] as const;

/** 编辑指南: a new guide, or one support wrote before, with its live preview, publishing and versions. */
export function GuideEditorPage() {
  const { id } = useParams();
  return id ? <SavedGuideEditor key={id} id={id} /> : <GuideEditor />;
}

function SavedGuideEditor({ id }: { id: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const location = useLocation();
  const loaded = useResource<EditableGuide>(`/api/guides/${encodeURIComponent(id)}/draft`, api);
  if (loaded.status === 'failed') {
    return <ErrorAlert>{t('common.loadFailed', { message: loaded.message })}</ErrorAlert>;
  }
  if (!loaded.data) return null;
  // A guide saved for the first time arrives here with the editor's word on it.
  const notice = (location.state as { notice?: string } | null)?.notice;
  return <GuideEditor saved={loaded.data} notice={notice} />;
}

function GuideEditor({ saved: initial, notice: initialNotice }: { saved?: EditableGuide; notice?: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const navigate = useNavigate();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<GuideDraft>(initial ? draftOf(initial.content) : emptyDraft);
  const [newId] = useState(() => crypto.randomUUID());
  const [notice, setNotice] = useState(initialNotice);
  const [versionsShown, setVersionsShown] = useState(0);
  const { busy, fieldErrors, error, submit } = useSubmission();
  const dirty = changedSince(draft, saved?.content);

  const changed = (guide: EditableGuide, message: string) => {
    setSaved(guide);
    setNotice(message);
    setVersionsShown((n) => n + 1);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    const content = contentOf(draft);
    const guide = await submit(
      () =>
        saved
          ? api<EditableGuide>(`/api/guides/${encodeURIComponent(saved.id)}`, {
              method: 'PUT',
              body: content,
              ifMatch: `"${saved.version}"`,
            })
          : api<EditableGuide>('/api/guides', { method: 'POST', body: { id: newId, ...content } }),
      { fields },
    );
    if (!guide) return;
    const message = t('guides.saved', { version: guide.version });
    if (!saved) {
      navigate(`/guides/manage/${guide.id}`, { replace: true, state: { notice: message } });
      return;
    }
    setDraft(draftOf(guide.content));
    changed(guide, message);
  }

  async function act(action: 'publish' | 'withdraw') {
    if (!saved) return;
    if (action === 'withdraw' && !window.confirm(t('guides.confirmWithdraw'))) return;
    setNotice(undefined);
    const guide = await submit(
      () =>
        api<EditableGuide>(`/api/guides/${encodeURIComponent(saved.id)}/${action}`, {
          method: 'POST',
          ifMatch: `"${saved.version}"`,
        }),
      { fields: [] },
    );
    if (guide)
      changed(guide, action === 'publish' ? t('guides.publishedNotice') : t('guides.withdrawnNotice'));
  }

  const restore = (content: GuideContent, version: number) => {
    setDraft(draftOf(content));
    setNotice(t('guides.restored', { version }));
  };

  return (
    <div className="page wide">
      <section className="card">
        <p className="small">
          <Link to="/guides/manage">← {t('guides.manageHeading')}</Link>
        </p>
        <div className="card-title">
          <h1>{saved ? t('guides.editorEdit') : t('guides.editorNew')}</h1>
          {saved && (
            <span className="muted small">
              <GuideStatus guide={saved} /> · {t('guides.versionLabel', { version: saved.version })} ·{' '}
              {t('guides.feedbackCounts', saved.feedback)}
            </span>
          )}
        </div>
        <form onSubmit={save} noValidate>
          <GuideFields draft={draft} onChange={setDraft} errors={fieldErrors} />
          <FormError error={error} />
          {notice && (
            <p className="alert info" role="status">
              {notice}
            </p>
          )}
          <div className="actions editor-actions">
            <button type="submit" className="primary" disabled={busy || !dirty}>
              {busy ? t('forms.saving') : t('guides.save')}
            </button>
            {saved && (
              <button
                type="button"
                className="secondary"
                disabled={busy || dirty || (saved.status === 'published' && !saved.unpublishedChanges)}
                title={dirty ? t('guides.saveFirst') : t('guides.publishHint')}
                onClick={() => void act('publish')}
              >
                {t('guides.publish')}
              </button>
            )}
            {saved?.status === 'published' && (
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => void act('withdraw')}
              >
                {t('guides.withdraw')}
              </button>
            )}
            {saved?.status === 'published' && (
              <Link to={`/guides/${saved.id}`}>{t('guides.viewPublished')}</Link>
            )}
          </div>
          {dirty && saved && <p className="muted small">{t('guides.saveFirst')}</p>}
        </form>
      </section>
      {saved && <GuideVersions key={versionsShown} guideId={saved.id} onRestore={restore} />}
    </div>
  );
}
