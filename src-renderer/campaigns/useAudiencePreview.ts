/** The audience preview for what the form says now, asked again (after a short pause) as it changes. */
import { useEffect, useEffectEvent, useState } from 'react';
import type { AudiencePreview, Audience, Exclusions } from '#shared/campaigns';
import { errorMessage } from '#renderer/ui/api';
import { campaigns } from './store';

export type PreviewRequest = { audience: Audience; exclusions: Exclusions; draftId: number | null };

export type PreviewState = {
  /** The latest answer (kept while a newer one is on its way, so numbers don't flicker). */
  preview: AudiencePreview | null;
  error: string | null;
  /** The answer shown is not yet for the current request. */
  loading: boolean;
};

export function useAudiencePreview(request: PreviewRequest | null, delayMs = 350): PreviewState {
  const key = request ? JSON.stringify(request) : '';
  const [answer, setAnswer] = useState<{ key: string; preview: AudiencePreview | null; error: string | null }>({
    key: '',
    preview: null,
    error: null,
  });
  const current = useEffectEvent(() => request);
  useEffect(() => {
    const asked = current();
    if (!asked) return;
    let alive = true;
    const timer = setTimeout(() => {
      campaigns.preview(asked).then(
        (preview) => alive && setAnswer({ key, preview, error: null }),
        (e: unknown) => alive && setAnswer((a) => ({ key, preview: a.preview, error: errorMessage(e) })),
      );
    }, delayMs);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [key, delayMs]);
  if (!request) return { preview: null, error: null, loading: false };
  const fresh = answer.key === key;
  return { preview: answer.preview, error: fresh ? answer.error : null, loading: !fresh };
}
