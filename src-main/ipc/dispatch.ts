/**
 * The boundary every call crosses, whatever the shell: checks the method exists, validates the input
 * against the contract's schema, runs the handler, and turns any error into a payload the UI can
 * show. Nothing about the input is logged (it may hold customers' numbers). Validation messages are
 * in the main process's current language (the schemas name catalogue keys; `issueMessage` words
 * zod's built-in checks).
 */
import type { z } from 'zod';
import { contract, isMethodName } from '#shared/contract';
import { AppError, type ErrorPayload } from '#shared/errors';
import { t } from '#shared/i18n';
import { issueMessage } from '#shared/validation';
import type { Handlers } from '#main/kernel/handlers';

export type Outcome = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return `${where}${issue.message}`;
    })
    .join('; ');
}

export type Logger = (line: string) => void;

export async function dispatch(handlers: Handlers, method: unknown, input: unknown, log: Logger): Promise<Outcome> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'invalid_input', message: t('val.unknownRequest') } };
  }
  const parsed = contract[method].input.safeParse(input, { error: issueMessage });
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error) } };
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toPayload() };
    const message = error instanceof Error ? error.message : String(error);
    log(`[pigeon] ${method} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
    return { ok: false, error: { code: 'internal', message } };
  }
}
