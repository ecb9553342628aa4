/** A failure's message, announced as it appears; nothing when there is none. */
export function ErrorText({ error, banner = false }: { error: string | null; banner?: boolean }) {
  if (!error) return null;
  return (
    <p className={banner ? 'banner error' : 'error-text'} role="alert">
      {error}
    </p>
  );
}
