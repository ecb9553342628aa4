/**
 * What the background shell needs from the desktop (the tray, the sleep blocker, notifications,
 * the login item, the window, quitting), as plain data and callbacks. The Electron glue
 * (src-main/electron/background.ts) implements it with the real APIs; tests use a fake. Nothing
 * here imports Electron.
 */

/** One line of the tray menu. */
export type TrayItem =
  | { kind: 'separator' }
  | { kind: 'item'; label: string; enabled: boolean; click?: () => void; testId: string };

export type TrayModel = { tooltip: string; items: TrayItem[] };

export type Notice = { title: string; body: string; onClick: () => void };

export type Question = {
  message: string;
  detail: string;
  /** Button labels in order; the answer is an index into them. */
  buttons: string[];
  defaultId: number;
  cancelId: number;
  checkboxLabel: string;
};

export type Answer = { response: number; checkboxChecked: boolean };

export type ShellPort = {
  /** Shows the tray icon with this menu (creates it the first time, then updates it). */
  setTray(model: TrayModel): void;
  removeTray(): void;
  /** Starts a 'prevent-app-suspension' blocker; returns its id. */
  startSleepBlocker(): number;
  stopSleepBlocker(id: number): void;
  /** A system notification (when the system can show them). */
  notify(notice: Notice): void;
  /** A native question over the window (or alone when the window is hidden). */
  ask(question: Question): Promise<Answer>;
  /** Opens Pigeon when the operator logs in (hidden, in the tray). */
  setOpenAtLogin(on: boolean): void;
  /** Shows the window (making it again if it was closed); resolves once its page hears events. */
  showWindow(): Promise<void>;
  /** Hides the window; Pigeon keeps running in the tray. */
  hideWindow(): void;
  /** Closes the window the usual way (the platform's convention decides whether Pigeon quits). */
  closeWindow(): void;
  /** Whether the operator is looking at Pigeon now (the window is shown and focused). */
  windowFocused(): boolean;
  /** Quits the app (the shell's will-quit closes the core). */
  quit(): void;
  /** Timers for how long an account stays disconnected (a fake clock in tests). */
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};
