/**
 * What a chat attachment may be, decided from its name and the type its first bytes show: pure rules,
 * applied by the upload as the file streams in.
 */

/** The longest name kept; the end of a longer one (with its extension) is the telling part. */
export const MAX_NAME_CHARACTERS = 255;

/**
 * Characters a file name must not hold: path separators (a name is never a path), control characters
 * (C0, DEL, C1), and the bidirectional overrides that make `gpj.exe` read as `exe.jpg`.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[/\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The name an attachment is kept and downloaded under, or undefined when the name must be refused. */
export function attachmentName(raw: string): string | undefined {
  const name = raw.normalize('NFC').trim();
  if (name === '' || name === '.' || name === '..' || FORBIDDEN_IN_NAME.test(name)) return undefined;
  return [...name].slice(-MAX_NAME_CHARACTERS).join('');
}

/** Logs and text notes have no magic bytes: a file the sniffer does not know is text only by these names. */
const TEXT_EXTENSIONS = new Set(['log', 'txt']);
export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

/** Extensions that name the same type as the one the sniffer reports. */
const SAME_EXTENSION: Record<string, string> = { jpeg: 'jpg', jpe: 'jpg', qt: 'mov', tgz: 'gz' };

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

export type TypeDecision =
  | { accepted: true; contentType: string; name: string; text: boolean }
  | { accepted: false; detected?: string };

/**
 * Decides an attachment's type from what its bytes are (`sniffed`, from `file-type`), never from what its
 * name or the client claims. A file the sniffer does not know passes only as text, named `.log` or `.txt`,
 * and only while its bytes read as text (`text: true`: the upload checks every byte). A file whose
 * extension does not match its bytes gets the right one added, so a saved download opens as what it is.
 */
export function decideType(
  sniffed: { mime: string; ext: string } | undefined,
  name: string,
  allowed: readonly string[],
): TypeDecision {
  if (!sniffed) {
    const text = allowed.includes('text/plain') && TEXT_EXTENSIONS.has(extensionOf(name));
    return text ? { accepted: true, contentType: TEXT_CONTENT_TYPE, name, text: true } : { accepted: false };
  }
  if (!allowed.includes(sniffed.mime)) return { accepted: false, detected: sniffed.mime };
  const extension = extensionOf(name);
  const matches = extension === sniffed.ext || SAME_EXTENSION[extension] === sniffed.ext;
  const named = matches ? name : [...`${name}.${sniffed.ext}`].slice(-MAX_NAME_CHARACTERS).join('');
  return { accepted: true, contentType: sniffed.mime, name: named, text: false };
}

/**
 * Bytes a log may hold: UTF-8 text with tabs, line and page breaks and the escape of terminal colours, and
 * no other control character (a NUL or a stray control byte means a binary file renamed `.log`).
 */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/;

/** Checks a text file chunk by chunk; `push` and `end` answer false once its bytes are not text. */
export function textChecker(): { push: (chunk: Uint8Array) => boolean; end: () => boolean } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const check = (decode: () => string) => {
    try {
      return !NOT_TEXT.test(decode());
    } catch {
      return false;
    }
  };
  return {
    push: (chunk) => check(() => decoder.decode(chunk, { stream: true })),
    end: () => check(() => decoder.decode()),
  };
}
