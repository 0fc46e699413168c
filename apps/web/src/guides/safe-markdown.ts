import { guideImageUrl } from '@aftersales/contracts/consultation';
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const markdown = new Marked({ gfm: true });

/** A purifier of its own, so that its rules apply to guides and nowhere else. */
const purify = DOMPurify(window);

/** Images come from the guide image store only: the page's CSP would block others, and they could track readers. */
const IMAGE_PREFIX = guideImageUrl('');

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG' && !node.getAttribute('src')?.startsWith(IMAGE_PREFIX)) {
    node.removeAttribute('src');
    node.removeAttribute('srcset');
  }
  if (node.tagName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * A guide's Markdown as HTML that is safe to put in the page: marked renders it, raw HTML included, and
 * DOMPurify then keeps only inert markup (no script, no event handler, no style, no form, no frame), so
 * whatever a guide holds, nothing in it runs.
 */
export function safeGuideHtml(source: string): string {
  const html = markdown.parse(source, { async: false });
  return purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
}
