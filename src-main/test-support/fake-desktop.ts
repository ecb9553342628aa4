/** A desktop for the background shell's tests: a tray, sleep blockers, notifications, a dialog and a window, all remembered. */
import type { Answer, Notice, Question, ShellPort, TrayModel } from '#main/shell/port';

export class FakeDesktop implements ShellPort {
  tray: TrayModel | null = null;
  trayUpdates = 0;
  blockers = new Set<number>();
  blockersStarted = 0;
  notices: Notice[] = [];
  questions: Question[] = [];
  answer: Answer = { response: 2, checkboxChecked: false };
  openAtLogin: boolean[] = [];
  window: 'shown' | 'hidden' | 'closed' = 'shown';
  focused = false;
  quits = 0;
  timers = new Map<number, { fn: () => void; at: number }>();
  now = 0;
  private nextId = 1;

  setTray(model: TrayModel) {
    this.tray = model;
    this.trayUpdates++;
  }
  removeTray() {
    this.tray = null;
  }
  startSleepBlocker() {
    const id = this.nextId++;
    this.blockers.add(id);
    this.blockersStarted++;
    return id;
  }
  stopSleepBlocker(id: number) {
    if (!this.blockers.delete(id)) throw new Error(`no blocker ${id}`);
  }
  notify(n: Notice) {
    this.notices.push(n);
  }
  ask(q: Question): Promise<Answer> {
    this.questions.push(q);
    return Promise.resolve(this.answer);
  }
  setOpenAtLogin(on: boolean) {
    this.openAtLogin.push(on);
  }
  showWindow(): Promise<void> {
    this.window = 'shown';
    return Promise.resolve();
  }
  hideWindow() {
    this.window = 'hidden';
  }
  closeWindow() {
    this.window = 'closed';
  }
  windowFocused() {
    return this.window === 'shown' && this.focused;
  }
  quit() {
    this.quits++;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = this.nextId++;
    this.timers.set(id, { fn, at: this.now + ms });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.timers.delete(handle as number);
  }
  advance(ms: number) {
    this.now += ms;
    for (const [id, t] of [...this.timers]) {
      if (t.at <= this.now) {
        this.timers.delete(id);
        t.fn();
      }
    }
  }
  /** The tray's lines as text ('—' for a separator, '(off)' when greyed). */
  lines(): string[] {
    return (this.tray?.items ?? []).map((i) => (i.kind === 'separator' ? '—' : i.enabled ? i.label : `${i.label} (off)`));
  }
  click(testId: string) {
    const item = this.tray?.items.find((i) => i.kind === 'item' && i.testId === testId);
    if (!item || item.kind !== 'item' || !item.click) throw new Error(`no clickable ${testId}`);
    item.click();
  }
}

