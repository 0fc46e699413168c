import { useMemo } from 'react';
import { safeGuideHtml } from './safe-markdown';

/** A guide's body, rendered from Markdown and sanitized (see `safeGuideHtml`). */
export function GuideMarkdown({ source }: { source: string }) {
  const html = useMemo(() => safeGuideHtml(source), [source]);
  return <div className="guide-body" data-testid="guide-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
