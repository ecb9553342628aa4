import { create } from 'zustand';
import { createClient } from '#shared/client';
import type { FileBlob } from '#shared/domain';
import { RemoteError } from '#shared/errors';
import { t } from '#shared/i18n';
import { createTransport, type ConnectionState } from './transport';

export const useConnection = create<{ state: ConnectionState }>(() => ({ state: 'connecting' }));

const client = createClient(createTransport((state) => useConnection.setState({ state })));

/** The typed client: `api.contacts.list({...})`. */
export const api = client.api;
/** Subscribe to a main-process event; returns the unsubscribe function. */
export const onEvent = client.on;

/** A message in plain words for any failed call. */
export function errorMessage(error: unknown): string {
  if (error instanceof RemoteError) {
    if (error.code === 'invalid_input') return t('error.invalid_input', { message: error.message });
    return error.message;
  }
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/** Hands a file from main to the user as a download (Electron shows its save dialog). */
export function saveFile(file: FileBlob): void {
  const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
