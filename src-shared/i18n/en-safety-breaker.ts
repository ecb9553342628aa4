/** English strings of the breakers on spam signals (issue 16): reasons, the account line, settings, the resume check. */
export const enSafetyBreaker = {
  // Why the account's campaigns were paused (the campaign's status reason, also on the account card).
  'breaker.reason.optOut':
    'Paused: {count} of the last {of} {of, plural, one {person} other {people}} messaged from “{label}” opted out ({pct} %; the limit is {limit} %). Check the message and who it goes to before resuming.',
  'breaker.reason.undelivered':
    'Paused: {count} of the last {of} {of, plural, one {message} other {messages}} from “{label}” {count, plural, one {was} other {were}} still not delivered after an hour ({pct} %; the limit is {limit} %). People may be blocking this number.',
  'breaker.reason.failed': 'Paused: {count} of the last {of} {of, plural, one {send} other {sends}} on “{label}” failed ({pct} %; the limit is {limit} %).',

  // The account card.
  'breaker.line.tripped': 'Breaker tripped:',
  'breaker.line.optOut': '{count} of the last {of} {of, plural, one {person} other {people}} messaged opted out ({pct} %; the limit is {limit} %).',
  'breaker.line.undelivered': '{count} of the last {of} {of, plural, one {message} other {messages}} {count, plural, one {was} other {were}} not delivered after an hour ({pct} %; the limit is {limit} %).',
  'breaker.line.failed': '{count} of the last {of} {of, plural, one {send} other {sends}} failed ({pct} %; the limit is {limit} %).',
  'breaker.line.paused': 'Its campaigns are paused. Resuming one shows the figures and starts a fresh count.',

  // The figures (the resume dialog).
  'breaker.figures.sends': 'Sends looked at',
  'breaker.figures.optOuts': 'Opted out',
  'breaker.figures.undelivered': 'Not delivered after an hour',
  'breaker.figures.failed': 'Failed',
  'breaker.figures.limit': 'limit {limit} %',
  'breaker.figures.of': '{count} of {of} ({pct} %)',
  'breaker.figures.since': 'Counting sends since {when}.',
  'breaker.figures.notYet': 'none an hour old yet',

  // Resuming a campaign whose account's breaker tripped.
  'breaker.resume.title': 'Resume “{name}”?',
  'breaker.resume.body':
    'WhatsApp bans numbers that many people block or report. The breaker on “{label}” tripped. Its last sends now (answers to messages sent before the pause can still arrive, so these may have grown since):',
  'breaker.resume.after':
    'Resuming starts a fresh count on this account: only sends from now on are judged, and the breaker trips again if they cross a limit.',
  'breaker.resume.confirm': 'Resume anyway',

  // Settings section.
  'breaker.settings.title': 'Breakers on spam signals',
  'breaker.settings.invalid': 'A breaker setting is not valid yet: see the note beside it.',
  'breaker.settings.help':
    'Pigeon looks at this account’s last sends and pauses its campaigns when too many people opt out, too many messages are never delivered (people who block a number stop its messages at one tick), or too many sends fail. A limit is a share of the whole window: 5 % of the last 100 sends is 5 people. Nothing is judged before {min} sends.',
  'breaker.settings.window': 'Look at the last',
  'breaker.settings.windowUnit': 'sends',
  'breaker.settings.optOutPct': 'Pause when opt-outs reach',
  'breaker.settings.undeliveredPct': 'Pause when undelivered after an hour reaches',
  'breaker.settings.failedPct': 'Pause when failures reach',
  'breaker.settings.pct': '%',
  'breaker.settings.invalidWindow': 'Look at between {min} and {max} sends.',
  'breaker.settings.invalidPct': 'Use a share between {min} % and 100 %.',

  // The demo phone.
  'demo.optOutRate.label': 'Make',
  'demo.optOutRate.submit': '% of people reply STOP',
  'demo.optOutRate.count': 'Share of people who reply STOP (%)',
  'demo.optOutRate.help': 'Of the messages sent from now on, this share is answered with an opt-out word (0 turns it off).',
  'demo.optOutRate.done': 'From now on {count} % of people reply STOP.',
  'demo.undeliveredRate.label': 'Leave',
  'demo.undeliveredRate.submit': '% of messages undelivered',
  'demo.undeliveredRate.count': 'Share of messages never delivered (%)',
  'demo.undeliveredRate.help': 'Of the messages sent from now on, this share stays at one tick, as when people block the number (0 turns it off).',
  'demo.undeliveredRate.done': 'From now on {count} % of messages stay undelivered.',
  'wa.log.simulate.optOutRate': 'Demo phone: {count} % of the people messaged from now on will reply with an opt-out word.',
  'wa.log.simulate.undeliveredRate': 'Demo phone: {count} % of the messages sent from now on will never be delivered.',
} as const;
