import { describe, expect, it } from 'vitest';
import { paceFromPreset, type Pace } from './pace';
import { rateRisk, type RiskInput } from './risk';

const careful: RiskInput = {
  pace: paceFromPreset('normal'),
  parts: [{ kind: 'text', text: '{Hi|Hello} {{first_name|there}}, your order is ready to collect.' }],
  audience: { total: 300, neverMessaged: 40, notChecked: 10, answered: 120 },
  accounts: [{ label: 'Shop', ageDays: 400, warmingUp: false, budgetLeft: 500 }],
};

const levels = (input: RiskInput) => Object.fromEntries(rateRisk(input).factors.map((f) => [f.code, f.level]));

describe('rateRisk', () => {
  it('rates a careful campaign low, and still lists every factor it looked at', () => {
    const review = rateRisk(careful);
    expect(review.level).toBe('low');
    expect(review.factors.map((f) => f.code).sort()).toEqual(['account', 'audience', 'budget', 'cap', 'links', 'pace', 'sameText', 'unchecked']);
    expect(review.factors.every((f) => f.fix === null)).toBe(true);
  });

  it('rates a reckless campaign high, with each reason and what to change, the worst first', () => {
    const reckless: RiskInput = {
      pace: { ...paceFromPreset('fast'), preset: 'custom', minDelayMs: 1_000, maxDelayMs: 2_000, dailyCapPerAccount: 0 },
      parts: [{ kind: 'text', text: 'Big sale today only! www.example-shop.com/sale' }],
      audience: { total: 2_000, neverMessaged: 1_900, notChecked: 1_500, answered: 10 },
      accounts: [{ label: 'New SIM', ageDays: 2, warmingUp: false, budgetLeft: 500 }],
    };
    const review = rateRisk(reckless);
    expect(review.level).toBe('high');
    expect(levels(reckless)).toEqual({
      pace: 'high',
      cap: 'high',
      account: 'high',
      budget: 'high',
      audience: 'medium',
      unchecked: 'medium',
      sameText: 'medium',
      links: 'medium',
    });
    expect(review.factors.slice(0, 4).every((f) => f.level === 'high')).toBe(true);
    expect(review.factors.filter((f) => f.level !== 'low').every((f) => f.fix !== null && f.fix.length > 10)).toBe(true);
    const texts = review.factors.map((f) => f.text).join('\n');
    expect(texts).toContain('95 % of the recipients (1,900) have never had a message from us.');
    expect(texts).toContain('“New SIM” was first connected 2 days ago and is not warming up.');
    expect(texts).toContain('www.example-shop.com/sale');
  });

  it('judges the pace against the presets: Fast is medium, anything quicker high', () => {
    expect(levels({ ...careful, pace: paceFromPreset('fast') }).pace).toBe('medium');
    expect(levels({ ...careful, pace: paceFromPreset('careful') }).pace).toBe('low');
    // As slow as Fast on average but a shorter shortest wait: quicker than Fast.
    const sly: Pace = { ...paceFromPreset('fast'), preset: 'custom', minDelayMs: 2_000, maxDelayMs: 12_000 };
    expect(levels({ ...careful, pace: sly }).pace).toBe('high');
  });

  it('takes a warm-up and a check before each send as the fix for a young account and unknown numbers', () => {
    const young = { ...careful, accounts: [{ label: 'Shop', ageDays: 3, warmingUp: true, budgetLeft: 500 }] };
    expect(levels(young).account).toBe('low');
    expect(levels({ ...young, accounts: [{ ...young.accounts[0]!, warmingUp: false, ageDays: 12 }] }).account).toBe('medium');
    const unknown = { ...careful, audience: { ...careful.audience!, notChecked: 200 } };
    expect(levels(unknown).unchecked).toBe('medium');
    expect(levels({ ...unknown, pace: { ...unknown.pace, checkNumberFirst: true } }).unchecked).toBe('low');
  });

  it('weighs the people who never answered against the budget left on the chosen accounts', () => {
    const audience = { total: 1_000, neverMessaged: 100, notChecked: 0, answered: 400 };
    const two = [
      { label: 'A', ageDays: 90, warmingUp: false, budgetLeft: 400 },
      { label: 'B', ageDays: 90, warmingUp: false, budgetLeft: 300 },
    ];
    expect(levels({ ...careful, audience, accounts: two }).budget).toBe('medium'); // 600 of 700
    expect(levels({ ...careful, audience, accounts: two.slice(0, 1) }).budget).toBe('high'); // 600 of 400
    expect(levels({ ...careful, audience: { ...audience, answered: 900 }, accounts: two }).budget).toBe('low');
    // Unknown budgets are not guessed at.
    expect(levels({ ...careful, accounts: [{ ...two[0]!, budgetLeft: null }] }).budget).toBeUndefined();
  });

  it('does not call a small audience’s identical words a pattern, and waits for the count', () => {
    const plain = { ...careful, parts: [{ kind: 'text' as const, text: 'Your order is ready.' }] };
    expect(levels(plain).sameText).toBe('medium');
    expect(levels({ ...plain, audience: { total: 5, neverMessaged: 0, notChecked: 0, answered: 5 } }).sameText).toBe('low');
    const waiting = rateRisk({ ...plain, audience: null });
    expect(waiting.factors.map((f) => f.code)).not.toContain('audience');
  });
});
