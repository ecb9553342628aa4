/** English strings of the risk review before a campaign starts. */
export const enRisk = {
  'risk.title': 'Risk to the number',
  'risk.level.low': 'Low risk',
  'risk.level.medium': 'Medium risk',
  'risk.level.high': 'High risk',
  'risk.summary.low': 'Nothing here stands out. WhatsApp can still ban a number that people report, so keep the message welcome.',
  'risk.summary.medium': 'This campaign can go ahead, but some choices make a ban more likely. Each is listed with what to change.',
  'risk.summary.high': 'Something here makes a ban likely. Change the points marked high before you start.',
  'risk.fix': 'What to change: {fix}',
  'risk.tag.low': 'Low',
  'risk.tag.medium': 'Medium',
  'risk.tag.high': 'High',
  'risk.waiting': 'Rated once the recipients are counted.',

  'risk.pace.faster': 'The pace is faster than Fast, the quickest pace we consider safe.',
  'risk.pace.fasterFix': 'choose Normal (or at most Fast) in step 3, “Accounts & pace”.',
  'risk.pace.fast': 'The pace is Fast or close to it.',
  'risk.pace.fastFix': 'Normal leaves more time between messages and looks more like a person typing.',
  'risk.pace.ok': 'The pace is Normal or slower.',

  'risk.cap.none': 'There is no daily limit per account.',
  'risk.cap.noneFix': 'set a daily limit (Normal uses 400).',
  'risk.cap.high': 'Up to {cap} messages a day per account, more than Normal’s 400.',
  'risk.cap.highFix': 'lower the daily limit to 400 or less.',
  'risk.cap.ok': 'At most {cap} messages a day per account.',

  'risk.account.unlinked': '“{label}” has never been connected, so its age is unknown.',
  'risk.account.unlinkedFix': 'link it and let it warm up before a large campaign.',
  'risk.account.young': '“{label}” was first connected {days} {days, plural, one {day} other {days}} ago and is not warming up.',
  'risk.account.youngFix': 'turn on the warm-up in the account’s safety settings, or send from an older number.',
  'risk.account.warming': '“{label}” is {days} {days, plural, one {day} other {days}} old and its warm-up limits today’s sends.',
  'risk.account.ok': '“{label}” has been used with Pigeon for {days} {days, plural, one {day} other {days}}.',

  'risk.audience.cold': '{percent} % of the recipients ({count}) have never had a message from us.',
  'risk.audience.coldFix': 'start with people who know you (a group of customers who answered before), or send fewer at a time.',
  'risk.audience.ok': '{percent} % of the recipients have never had a message from us.',

  'risk.unchecked.many': '{percent} % of the recipients ({count}) are not known to be on WhatsApp.',
  'risk.unchecked.fix': 'check the numbers first (Contacts → Check on WhatsApp), or skip people not on WhatsApp.',
  'risk.unchecked.ok': '{percent} % of the recipients are not known to be on WhatsApp.',
  'risk.unchecked.checkedFirst': 'Each number is checked on WhatsApp just before its message.',

  'risk.budget.over': 'Up to {use} people who never answered may be messaged, but the accounts have {left} left this month.',
  'risk.budget.overFix': 'send to fewer people, or to people who answered before; the campaign pauses when the budget runs out.',
  'risk.budget.half': 'Up to {use} people who never answered may be messaged: more than half of the {left} left this month.',
  'risk.budget.halfFix': 'keep some of the month’s budget for later, or put people who answered before first.',
  'risk.budget.ok': 'Up to {use} people who never answered may be messaged, of {left} left this month.',

  'risk.sameText.same': 'All {count} recipients get exactly the same words.',
  'risk.sameText.fix': 'add a variable such as \'{{name}}\', or word choices such as \'{Hi|Hello}\', in the message.',
  'risk.sameText.personal': 'The message changes per recipient (variables or word choices).',
  'risk.sameText.few': 'The message is the same for everyone, but the audience is small.',

  'risk.links.found': 'The message has a link ({link}).',
  'risk.links.fix': 'links in a first message to people who do not know you are often reported; leave it out or send it once they answer.',
  'risk.links.none': 'The message has no links.',
} as const;
