/**
 * An object URL for a stored attachment (a thumbnail, a playable video or voice note). The bytes are
 * fetched once per attachment and shared by the editor and the preview; the URL is revoked when
 * nothing shows it any more.
 */
import { useEffect, useState } from 'react';
import type { AttachmentRef } from '#shared/campaigns';
import { drafts } from './store';

type Entry = { users: number; url: Promise<string>; revokeTimer: ReturnType<typeof setTimeout> | null };
const cache = new Map<string, Entry>();

function acquire(ref: AttachmentRef): Promise<string> {
  const found = cache.get(ref.id);
  if (found) {
    found.users++;
    if (found.revokeTimer) clearTimeout(found.revokeTimer);
    found.revokeTimer = null;
    return found.url;
  }
  const url = drafts
    .attachment(ref)
    .then((file) => URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: ref.mimeType })));
  const entry: Entry = { users: 1, url, revokeTimer: null };
  cache.set(ref.id, entry);
  // A failed fetch is not kept, so the next look tries again.
  url.catch(() => cache.delete(ref.id));
  return url;
}

function release(id: string): void {
  const entry = cache.get(id);
  if (!entry) return;
  entry.users--;
  if (entry.users > 0) return;
  // Not at once: a part that moves or a preview that re-renders takes it again right away.
  entry.revokeTimer = setTimeout(() => {
    cache.delete(id);
    void entry.url.then((u) => URL.revokeObjectURL(u)).catch(() => undefined);
  }, 5_000);
}

/** The URL once loaded (null before, or when it could not be read). */
export function useAttachmentUrl(ref: AttachmentRef | null): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ id: string; url: string | null; failed: boolean } | null>(null);
  const id = ref?.id ?? null;
  const fileName = ref?.fileName ?? '';
  const mimeType = ref?.mimeType ?? '';
  const size = ref?.size ?? 0;
  useEffect(() => {
    if (id === null) return;
    let alive = true;
    void acquire({ id, fileName, mimeType, size })
      .then((url) => {
        if (alive) setState({ id, url, failed: false });
      })
      .catch(() => {
        if (alive) setState({ id, url: null, failed: true });
      });
    return () => {
      alive = false;
      release(id);
    };
  }, [id, fileName, mimeType, size]);
  if (id === null || state?.id !== id) return { url: null, failed: false };
  return { url: state.url, failed: state.failed };
}
