/**
 * Which links leave the app for the operator's browser. Plain TypeScript, no Electron: the shell
 * binds `openExternal` and the confirmation dialog (window.ts).
 *
 * - https to a short list of help hosts (WhatsApp's help and business pages): opened directly;
 * - any other http(s) address: only after a native dialog that names the host (as the browser
 *   will see it: punycode for look-alike letters);
 * - anything else (file:, javascript:, data:, custom protocols such as ms-msdt: or smb:, addresses
 *   with a user name or password that disguise the host, unreadable or very long addresses): never.
 */

/** Help pages the app may open without asking (https, default port only). */
export const TRUSTED_LINK_HOSTS: readonly string[] = [
  'faq.whatsapp.com',
  'www.whatsapp.com',
  'whatsapp.com',
  'business.whatsapp.com',
];

export const MAX_LINK_LENGTH = 2048;

export type LinkDecision =
  | { action: 'open'; url: string }
  | { action: 'ask'; url: string; host: string }
  | { action: 'refuse'; reason: 'unreadable' | 'scheme' | 'credentials' | 'too-long' };

export function decideExternalLink(raw: string): LinkDecision {
  if (raw.length > MAX_LINK_LENGTH) return { action: 'refuse', reason: 'too-long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { action: 'refuse', reason: 'unreadable' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { action: 'refuse', reason: 'scheme' };
  if (url.username !== '' || url.password !== '') return { action: 'refuse', reason: 'credentials' };
  if (url.hostname === '') return { action: 'refuse', reason: 'unreadable' };
  if (url.protocol === 'https:' && url.port === '' && TRUSTED_LINK_HOSTS.includes(url.hostname)) return { action: 'open', url: url.href };
  return { action: 'ask', url: url.href, host: url.host };
}

export type LinkOpener = {
  openExternal(url: string): Promise<void>;
  /** A native dialog naming the host; true only when the operator chose to open it. */
  confirm(host: string, url: string): Promise<boolean>;
};

/** Applies the decision: what happened is returned (and never throws) so callers can ignore it. */
export async function openExternalLink(raw: string, opener: LinkOpener): Promise<'opened' | 'declined' | 'refused'> {
  const decision = decideExternalLink(raw);
  if (decision.action === 'refuse') return 'refused';
  try {
    if (decision.action === 'ask' && !(await opener.confirm(decision.host, decision.url))) return 'declined';
    await opener.openExternal(decision.url);
    return 'opened';
  } catch {
    return 'declined';
  }
}
