import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '#shared/errors';
import type { Handlers } from '#main/kernel/handlers';
import { setLocale } from '#shared/i18n';
import { dispatch } from './dispatch';

const handlers = {
  'groups.create': ({ name }: { name: string }) => ({ id: 1, name, memberCount: 0, createdAt: 'now' }),
  'groups.delete': () => {
    throw new AppError('not_found', 'This group no longer exists.');
  },
  'groups.list': () => {
    throw new Error('disk on fire');
  },
} as unknown as Handlers;

describe('dispatch', () => {
  const logs: string[] = [];
  const log = (l: string) => logs.push(l);

  it('validates input against the contract before the handler runs', async () => {
    expect(await dispatch(handlers, 'groups.create', { name: '  Shop  ' }, log)).toEqual({
      ok: true,
      result: { id: 1, name: 'Shop', memberCount: 0, createdAt: 'now' },
    });
    const bad = await dispatch(handlers, 'groups.create', { name: '' }, log);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'name: A name is required' } });
    expect(await dispatch(handlers, 'groups.create', 'not an object', log)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  describe('in the main process’s language', () => {
    afterEach(() => setLocale('en'));

    it('words validation errors in Persian when main speaks Persian', async () => {
      setLocale('fa');
      expect(await dispatch(handlers, 'groups.create', { name: '' }, log)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'name: نام الزامی است' } });
      // zod's own checks too (a number where a name goes).
      expect(await dispatch(handlers, 'groups.create', { name: 5 }, log)).toMatchObject({ error: { message: 'name: نوع این مقدار درست نیست' } });
      expect(await dispatch(handlers, 'nope', {}, log)).toMatchObject({ error: { message: 'درخواست ناشناخته.' } });
      setLocale('en');
      expect(await dispatch(handlers, 'groups.create', { name: '' }, log)).toMatchObject({ error: { message: 'name: A name is required' } });
    });
  });

  it('refuses unknown methods, including prototype names', async () => {
    for (const m of ['nope', '__proto__', 'constructor', 'toString', 42]) {
      expect(await dispatch(handlers, m, {}, log)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Unknown request.' } });
    }
  });

  it('passes AppErrors through and hides nothing but logs no input', async () => {
    expect(await dispatch(handlers, 'groups.delete', { id: 3 }, log)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'This group no longer exists.', params: {} },
    });
    logs.length = 0;
    expect(await dispatch(handlers, 'groups.list', { secret: '+905321234567' }, log)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logs.join('\n')).not.toContain('+905321234567');
  });
});
