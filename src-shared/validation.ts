/**
 * Validation messages in the reader's language. A schema names a message key (`says('val.…')`),
 * and zod asks for the text only when a check fails, so the text is in the language of the process
 * that checks: the main process's language at its boundary, the renderer's for its own checks.
 * `issueMessage` words zod's built-in checks (a bare `.max(64)`, a wrong type) the same way.
 */
import type { z } from 'zod';
import { t, type MessageKey, type Params } from './i18n';

/** A zod check's message, read from the catalogue when the check fails (a fresh object: zod edits it). */
export function says(key: MessageKey, params: Params = {}): { error: () => string } {
  return { error: () => t(key, params) };
}

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/** zod's own checks, in plain words in the current language (a check's own message wins over this). */
export const issueMessage = (issue: RawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? t('val.required') : t('val.wrongType');
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('val.tooLong', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return t('val.tooMany', { max });
      return t('val.tooBig', { max });
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('val.required') : t('val.tooShort', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return t('val.tooFew', { min });
      return t('val.tooSmall', { min });
    }
    case 'invalid_value':
    case 'invalid_union':
      return t('val.notAllowed');
    case 'invalid_format':
      return t('val.badFormat');
    case 'not_multiple_of':
      return t('val.wrongType');
    case 'unrecognized_keys':
      return t('val.unknownFields', { fields: issue.keys.join(', ') });
    default:
      return t('val.invalid');
  }
};
