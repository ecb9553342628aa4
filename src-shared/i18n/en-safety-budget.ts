/** The unanswered-message budget (issue 16): its pause, warning, settings and figures. */
export const enSafetyBudget = {
  'budget.status.full':
    'Paused: “{label}” has messaged {used} of its {budget} people this month who have not answered (its monthly budget). Raise the budget in the account’s safety settings, or wait for next month.',
  'budget.log.warning':
    '“{label}” has messaged {used} of its {budget} people this month who have not answered (80 % of its monthly budget). At {budget}, its campaigns pause.',
  'budget.log.full': 'Campaigns on “{label}” paused: {used} of {budget} people this month have not answered (its monthly budget).',

  'budget.line': 'Unanswered this month: {used} of {budget}',
  'budget.line.rolling': 'last 30 days: {rolling}',
  'budget.line.left': '{left} left',
  'budget.line.full': 'Budget used up: this account’s campaigns are paused until next month or a bigger budget.',
  'budget.line.help':
    'People this account messaged who have not written back. WhatsApp limits how many such people an account may message each month and does not publish the number; Pigeon pauses at your budget.',

  'budget.review':
    'This campaign may use up to {use} of the {left} left this month on “{label}” (people who have not answered us yet).',
  'budget.review.none': 'This campaign uses none of the {left} left this month on “{label}”: everyone in it has answered us or was already messaged this month.',
  'budget.review.over':
    'This campaign may need up to {use} on “{label}”, but only {left} {left, plural, one {is} other {are}} left this month: it will pause when the budget is used up.',
  'budget.review.loading': 'Working out how much of the monthly budget this campaign may use…',

  'safety.open': 'Safety settings…',
  'safety.title': 'Safety settings of “{label}”',
  'budget.settings.title': 'Monthly budget of people who do not answer',
  'budget.settings.label': 'People per month',
  'budget.settings.explain':
    'WhatsApp limits how many people an account may message in a month who never answer, and it does not publish that number. Pigeon counts them (campaign messages only; people who answered or wrote to you first do not count), warns you at 80 % and pauses this account’s campaigns when the budget is used up. 500 is a cautious start; raise it only for a number that has been in use for a long time.',
  'budget.settings.now': 'This month so far: {used} (last 30 days: {rolling}).',
  'budget.settings.invalid': 'Type a whole number from 1 to 1,000,000.',

  'audience.order.title': 'Order',
  'audience.order.warmFirst': 'Send first to people who have answered us before',
  'audience.order.warmFirst.hint': 'They do not use the monthly budget of people who do not answer.',
};
