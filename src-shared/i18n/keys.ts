/**
 * Keys for values that have a message each (a status, a reason, a step…): every key is written out
 * whole, so no key is ever built from a template string (the catalogue test checks that) and a
 * search finds every use of a message.
 */
import type { MessageKey } from './index';

export const ACCOUNTS_STATE = {
  notLinked: 'accounts.state.notLinked',
  disconnected: 'accounts.state.disconnected',
  starting: 'accounts.state.starting',
  qr: 'accounts.state.qr',
  pairing: 'accounts.state.pairing',
  authenticating: 'accounts.state.authenticating',
  ready: 'accounts.state.ready',
  reconnecting: 'accounts.state.reconnecting',
  blocked: 'accounts.state.blocked',
  failed: 'accounts.state.failed',
  loggedOut: 'accounts.state.loggedOut',
} as const satisfies Record<string, MessageKey>;

export const ACTIVITY_LEVEL = {
  info: 'activity.level.info',
  warning: 'activity.level.warning',
  error: 'activity.level.error',
} as const satisfies Record<string, MessageKey>;

export const BACKUP_REASON = {
  manual: 'backup.reason.manual',
  daily: 'backup.reason.daily',
  'before-update': 'backup.reason.before-update',
  'before-delete': 'backup.reason.before-delete',
  'before-restore': 'backup.reason.before-restore',
  export: 'backup.reason.export',
} as const satisfies Record<string, MessageKey>;

export const BACKUP_RESTORE_STEP = {
  checking: 'backup.restore.step.checking',
  'backing-up': 'backup.restore.step.backing-up',
  restarting: 'backup.restore.step.restarting',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_EXCLUDED = {
  blacklist: 'campaigns.excluded.blacklist',
  graylist: 'campaigns.excluded.graylist',
  notOnWhatsApp: 'campaigns.excluded.notOnWhatsApp',
  recentlyMessaged: 'campaigns.excluded.recentlyMessaged',
  duplicates: 'campaigns.excluded.duplicates',
  invalid: 'campaigns.excluded.invalid',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_PACE = {
  title: 'campaigns.pace.title',
  help: 'campaigns.pace.help',
  careful: 'campaigns.pace.careful',
  normal: 'campaigns.pace.normal',
  fast: 'campaigns.pace.fast',
  custom: 'campaigns.pace.custom',
  delay: 'campaigns.pace.delay',
  delayMin: 'campaigns.pace.delayMin',
  delayMax: 'campaigns.pace.delayMax',
  breakEvery: 'campaigns.pace.breakEvery',
  breakEveryLabel: 'campaigns.pace.breakEveryLabel',
  messages: 'campaigns.pace.messages',
  breakFor: 'campaigns.pace.breakFor',
  breakMin: 'campaigns.pace.breakMin',
  breakMax: 'campaigns.pace.breakMax',
  breakHelp: 'campaigns.pace.breakHelp',
  cap: 'campaigns.pace.cap',
  capLabel: 'campaigns.pace.capLabel',
  capUnit: 'campaigns.pace.capUnit',
  capHelp: 'campaigns.pace.capHelp',
  capParts: 'campaigns.pace.capParts',
  capOnePart: 'campaigns.pace.capOnePart',
  dayHelp: 'campaigns.pace.dayHelp',
  typing: 'campaigns.pace.typing',
  check: 'campaigns.pace.check',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_PACE_FOR = {
  careful: 'campaigns.pace.careful.for',
  normal: 'campaigns.pace.normal.for',
  fast: 'campaigns.pace.fast.for',
  custom: 'campaigns.pace.custom.for',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_PART = {
  text: 'campaigns.part.text',
  image: 'campaigns.part.image',
  video: 'campaigns.part.video',
  document: 'campaigns.part.document',
  voice: 'campaigns.part.voice',
  location: 'campaigns.part.location',
  contact: 'campaigns.part.contact',
  poll: 'campaigns.part.poll',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_QUERY_STATUS = {
  active: 'campaigns.query.status.active',
  black: 'campaigns.query.status.black',
  gray: 'campaigns.query.status.gray',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_QUERY_WA = {
  yes: 'campaigns.query.wa.yes',
  no: 'campaigns.query.wa.no',
  unknown: 'campaigns.query.wa.unknown',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_RSTATUS = {
  queued: 'campaigns.rstatus.queued',
  sending: 'campaigns.rstatus.sending',
  sent: 'campaigns.rstatus.sent',
  delivered: 'campaigns.rstatus.delivered',
  read: 'campaigns.rstatus.read',
  failed: 'campaigns.rstatus.failed',
  skipped: 'campaigns.rstatus.skipped',
  unknown: 'campaigns.rstatus.unknown',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_STATUS = {
  draft: 'campaigns.status.draft',
  scheduled: 'campaigns.status.scheduled',
  running: 'campaigns.status.running',
  preparing: 'campaigns.status.preparing',
  paused: 'campaigns.status.paused',
  completed: 'campaigns.status.completed',
  cancelled: 'campaigns.status.cancelled',
  failed: 'campaigns.status.failed',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_STEP = {
  message: 'campaigns.step.message',
  audience: 'campaigns.step.audience',
  sending: 'campaigns.step.sending',
  timing: 'campaigns.step.timing',
  review: 'campaigns.step.review',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_STEP_HELP = {
  message: 'campaigns.step.message.help',
  audience: 'campaigns.step.audience.help',
  sending: 'campaigns.step.sending.help',
  timing: 'campaigns.step.timing.help',
  review: 'campaigns.step.review.help',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_STEP_TITLE = {
  message: 'campaigns.step.message.title',
  audience: 'campaigns.step.audience.title',
  sending: 'campaigns.step.sending.title',
  timing: 'campaigns.step.timing.title',
  review: 'campaigns.step.review.title',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_UNIT = {
  s: 'campaigns.unit.s',
  min: 'campaigns.unit.min',
  seconds: 'campaigns.unit.seconds',
  minutes: 'campaigns.unit.minutes',
  hours: 'campaigns.unit.hours',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_UNKNOWN = {
  title: 'campaigns.unknown.title',
  body: 'campaigns.unknown.body',
  resend: 'campaigns.unknown.resend',
  drop: 'campaigns.unknown.drop',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_UNKNOWN_BODY = {
  resend: 'campaigns.unknown.resend.body',
  drop: 'campaigns.unknown.drop.body',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_UNKNOWN_DONE = {
  resend: 'campaigns.unknown.resend.done',
  drop: 'campaigns.unknown.drop.done',
} as const satisfies Record<string, MessageKey>;

export const CAMPAIGNS_UNKNOWN_TITLE = {
  resend: 'campaigns.unknown.resend.title',
  drop: 'campaigns.unknown.drop.title',
} as const satisfies Record<string, MessageKey>;

export const CONTACTS_STATUS = {
  all: 'contacts.status.all',
  active: 'contacts.status.active',
  black: 'contacts.status.black',
  gray: 'contacts.status.gray',
} as const satisfies Record<string, MessageKey>;

export const CQ_ERR_CANNOT = {
  Start: 'cq.err.cannotStart',
  Pause: 'cq.err.cannotPause',
  Resume: 'cq.err.cannotResume',
  Cancel: 'cq.err.cannotCancel',
} as const satisfies Record<string, MessageKey>;

export const CQ_STATUS_WORD = {
  draft: 'cq.statusWord.draft',
  scheduled: 'cq.statusWord.scheduled',
  running: 'cq.statusWord.running',
  paused: 'cq.statusWord.paused',
  completed: 'cq.statusWord.completed',
  cancelled: 'cq.statusWord.cancelled',
  failed: 'cq.statusWord.failed',
} as const satisfies Record<string, MessageKey>;

export const DRAFTS_ATTACH_HINT = {
  image: 'drafts.attach.hint.image',
  video: 'drafts.attach.hint.video',
  document: 'drafts.attach.hint.document',
  voice: 'drafts.attach.hint.voice',
} as const satisfies Record<string, MessageKey>;

export const HISTORY_SORT = {
  created: 'history.sort.created',
  started: 'history.sort.started',
  finished: 'history.sort.finished',
  name: 'history.sort.name',
  recipients: 'history.sort.recipients',
  deliveredRate: 'history.sort.deliveredRate',
} as const satisfies Record<string, MessageKey>;

export const IMPORT_ROLE = {
  phone: 'import.role.phone',
  name: 'import.role.name',
  firstName: 'import.role.firstName',
  lastName: 'import.role.lastName',
  tags: 'import.role.tags',
  note: 'import.role.note',
  field: 'import.role.field',
  ignore: 'import.role.ignore',
} as const satisfies Record<string, MessageKey>;

export const LISTS_GROUP_MATCH = {
  any: 'lists.groupMatch.any',
  all: 'lists.groupMatch.all',
} as const satisfies Record<string, MessageKey>;

export const LISTS_OP = {
  equals: 'lists.op.equals',
  notEquals: 'lists.op.notEquals',
  contains: 'lists.op.contains',
  isEmpty: 'lists.op.isEmpty',
  isNotEmpty: 'lists.op.isNotEmpty',
} as const satisfies Record<string, MessageKey>;

export const LISTS_OUTCOME = {
  any: 'lists.outcome.any',
  received: 'lists.outcome.received',
  read: 'lists.outcome.read',
  replied: 'lists.outcome.replied',
  failed: 'lists.outcome.failed',
  never: 'lists.outcome.never',
  campaign: 'lists.outcome.campaign',
  anyCampaign: 'lists.outcome.anyCampaign',
  days: 'lists.outcome.days',
  anyTime: 'lists.outcome.anyTime',
  withinDays: 'lists.outcome.withinDays',
} as const satisfies Record<string, MessageKey>;

export const LISTS_TAG_MATCH = {
  any: 'lists.tagMatch.any',
  all: 'lists.tagMatch.all',
} as const satisfies Record<string, MessageKey>;

export const PHONE_REASON = {
  empty: 'phone.reason.empty',
  not_a_number: 'phone.reason.not_a_number',
  too_short: 'phone.reason.too_short',
  too_long: 'phone.reason.too_long',
  invalid_country_code: 'phone.reason.invalid_country_code',
  invalid_number: 'phone.reason.invalid_number',
  excel_scientific: 'phone.reason.excel_scientific',
  too_many_characters: 'phone.reason.too_many_characters',
} as const satisfies Record<string, MessageKey>;

export const REPORTS_DELAY = {
  title: 'reports.delay.title',
  s: 'reports.delay.s',
  min: 'reports.delay.min',
  h: 'reports.delay.h',
  hMin: 'reports.delay.hMin',
  days: 'reports.delay.days',
  delivered: 'reports.delay.delivered',
  read: 'reports.delay.read',
} as const satisfies Record<string, MessageKey>;

export const REPORTS_DELAY_NONE = {
  delivered: 'reports.delay.delivered.none',
  read: 'reports.delay.read.none',
} as const satisfies Record<string, MessageKey>;

export const REPORTS_DELAY_ONE = {
  delivered: 'reports.delay.delivered.one',
  read: 'reports.delay.read.one',
} as const satisfies Record<string, MessageKey>;

export const REPORTS_EXCLUDED_REASON = {
  blacklist: 'reports.excludedReason.blacklist',
  graylist: 'reports.excludedReason.graylist',
  notOnWhatsApp: 'reports.excludedReason.notOnWhatsApp',
  recentlyMessaged: 'reports.excludedReason.recentlyMessaged',
  duplicates: 'reports.excludedReason.duplicates',
  invalid: 'reports.excludedReason.invalid',
} as const satisfies Record<string, MessageKey>;

export const REPORTS_FILTER = {
  label: 'reports.filter.label',
  all: 'reports.filter.all',
  pending: 'reports.filter.pending',
  queued: 'reports.filter.queued',
  sending: 'reports.filter.sending',
  sent: 'reports.filter.sent',
  delivered: 'reports.filter.delivered',
  read: 'reports.filter.read',
  replied: 'reports.filter.replied',
  optedOut: 'reports.filter.optedOut',
  failed: 'reports.filter.failed',
  skipped: 'reports.filter.skipped',
  unknown: 'reports.filter.unknown',
  excluded: 'reports.filter.excluded',
  reason: 'reports.filter.reason',
  clearReason: 'reports.filter.clearReason',
} as const satisfies Record<string, MessageKey>;

export const REPORTS_FUNNEL = {
  title: 'reports.funnel.title',
  recipients: 'reports.funnel.recipients',
  sent: 'reports.funnel.sent',
  delivered: 'reports.funnel.delivered',
  read: 'reports.funnel.read',
  replied: 'reports.funnel.replied',
} as const satisfies Record<string, MessageKey>;

export const REPORTS_FUNNEL_OF = {
  recipients: 'reports.funnel.of.recipients',
  sent: 'reports.funnel.of.sent',
  delivered: 'reports.funnel.of.delivered',
} as const satisfies Record<string, MessageKey>;

export const REPORTS_SIDE = {
  optedOut: 'reports.side.optedOut',
  failed: 'reports.side.failed',
  skipped: 'reports.side.skipped',
  unknown: 'reports.side.unknown',
  pending: 'reports.side.pending',
  excluded: 'reports.side.excluded',
  show: 'reports.side.show',
} as const satisfies Record<string, MessageKey>;

export const RISK_LEVEL = {
  low: 'risk.level.low',
  medium: 'risk.level.medium',
  high: 'risk.level.high',
} as const satisfies Record<string, MessageKey>;

export const RISK_SUMMARY = {
  low: 'risk.summary.low',
  medium: 'risk.summary.medium',
  high: 'risk.summary.high',
} as const satisfies Record<string, MessageKey>;

export const RISK_TAG = {
  low: 'risk.tag.low',
  medium: 'risk.tag.medium',
  high: 'risk.tag.high',
} as const satisfies Record<string, MessageKey>;

export const SUPPR_CONFIRM_REMOVE_TITLE = {
  black: 'suppr.confirmRemove.black.title',
  gray: 'suppr.confirmRemove.gray.title',
} as const satisfies Record<string, MessageKey>;

export const SUPPR_EMPTY = {
  black: 'suppr.empty.black',
  gray: 'suppr.empty.gray',
} as const satisfies Record<string, MessageKey>;

export const SUPPR_HELP = {
  black: 'suppr.black.help',
  gray: 'suppr.gray.help',
} as const satisfies Record<string, MessageKey>;

export const SUPPR_TITLE = {
  black: 'suppr.black.title',
  gray: 'suppr.gray.title',
} as const satisfies Record<string, MessageKey>;

export const TIMELINE_BY = {
  import: 'timeline.by.import',
  reply: 'timeline.by.reply',
  hand: 'timeline.by.hand',
} as const satisfies Record<string, MessageKey>;

export const TIMELINE_EVENT = {
  black: 'timeline.event.black',
  gray: 'timeline.event.gray',
  unlisted: 'timeline.event.unlisted',
  wa_yes: 'timeline.event.wa_yes',
  wa_no: 'timeline.event.wa_no',
  note: 'timeline.event.note',
} as const satisfies Record<string, MessageKey>;

export const TIMELINE_STATUS = {
  queued: 'timeline.status.queued',
  sending: 'timeline.status.sending',
  sent: 'timeline.status.sent',
  delivered: 'timeline.status.delivered',
  read: 'timeline.status.read',
  failed: 'timeline.status.failed',
  skipped: 'timeline.status.skipped',
  unknown: 'timeline.status.unknown',
} as const satisfies Record<string, MessageKey>;

export const TS_STATUS = {
  sending: 'ts.status.sending',
  sent: 'ts.status.sent',
  delivered: 'ts.status.delivered',
  read: 'ts.status.read',
  failed: 'ts.status.failed',
} as const satisfies Record<string, MessageKey>;

export const WARMUP_ERR = {
  empty: 'warmup.err.empty',
  tooLong: 'warmup.err.tooLong',
  notNumber: 'warmup.err.notNumber',
  range: 'warmup.err.range',
  decreasing: 'warmup.err.decreasing',
} as const satisfies Record<string, MessageKey>;

export const WA_DRIVER = {
  simulator: 'wa.driver.simulator',
  wweb: 'wa.driver.wweb',
} as const satisfies Record<string, MessageKey>;

export const WA_STATUS = {
  yes: 'waStatus.yes',
  no: 'waStatus.no',
  unknown: 'waStatus.unknown',
  checked: 'waStatus.checked',
} as const satisfies Record<string, MessageKey>;

export const WA_STATUS_SHORT = {
  yes: 'waStatus.short.yes',
  no: 'waStatus.short.no',
} as const satisfies Record<string, MessageKey>;

export const WA_LOG_SIMULATE = {
  scan: 'wa.log.simulate.scan',
  disconnect: 'wa.log.simulate.disconnect',
  block: 'wa.log.simulate.block',
  failSends: 'wa.log.simulate.failSends',
  loseConfirmations: 'wa.log.simulate.loseConfirmations',
  receive: 'wa.log.simulate.receive',
  optOutRate: 'wa.log.simulate.optOutRate',
  undeliveredRate: 'wa.log.simulate.undeliveredRate',
} as const satisfies Record<string, MessageKey>;

/** The spreadsheet reader's warnings that have a message (others keep the reader's own words). */
export const IMPORT_WARNING = {
  cell_cut: 'import.warning.cell_cut',
  reserved_header: 'import.warning.reserved_header',
  duplicate_header: 'import.warning.duplicate_header',
  header_looks_like_data: 'import.warning.header_looks_like_data',
} as const satisfies Record<string, MessageKey>;
