import { create } from 'zustand';

export type Toast = {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  action?: { label: string; run: () => void };
};

type ToastState = {
  toasts: Toast[];
  /** Shows a toast; answers its id (for `dismiss`). */
  push: (toast: Omit<Toast, 'id'>) => number;
  dismiss: (id: number) => void;
};

let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    set({ toasts: [...get().toasts, { ...toast, id }] });
    setTimeout(() => get().dismiss(id), toast.kind === 'error' ? 12_000 : toast.action ? 10_000 : 5_000);
    return id;
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

export const toast = {
  info: (text: string, action?: Toast['action']): number => useToasts.getState().push({ kind: 'info', text, ...(action ? { action } : {}) }),
  success: (text: string, action?: Toast['action']): number =>
    useToasts.getState().push({ kind: 'success', text, ...(action ? { action } : {}) }),
  error: (text: string): number => useToasts.getState().push({ kind: 'error', text }),
};
