export const INVOKE_CHANNEL = 'pigeon:invoke';
export const EVENT_CHANNEL = 'pigeon:event';
