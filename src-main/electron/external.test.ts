/** Which links may leave the app for the browser: attacked with the addresses an injected page would try. */
import { describe, expect, it, vi } from 'vitest';
import { decideExternalLink, openExternalLink, type LinkOpener } from './external';

describe('the external-link policy', () => {
  it('opens https help pages of the allow-list directly', () => {
    expect(decideExternalLink('https://faq.whatsapp.com/1234')).toEqual({ action: 'open', url: 'https://faq.whatsapp.com/1234' });
    expect(decideExternalLink('https://www.whatsapp.com/legal')).toMatchObject({ action: 'open' });
    expect(decideExternalLink('https://business.whatsapp.com/')).toMatchObject({ action: 'open' });
  });

  it('asks, naming the host, for any other web address (http, another port, a look-alike host)', () => {
    expect(decideExternalLink('https://example.com/page')).toEqual({ action: 'ask', url: 'https://example.com/page', host: 'example.com' });
    expect(decideExternalLink('http://faq.whatsapp.com/')).toMatchObject({ action: 'ask', host: 'faq.whatsapp.com' });
    expect(decideExternalLink('https://faq.whatsapp.com:8443/')).toMatchObject({ action: 'ask', host: 'faq.whatsapp.com:8443' });
    expect(decideExternalLink('https://faq.whatsapp.com.evil.example/')).toMatchObject({ action: 'ask', host: 'faq.whatsapp.com.evil.example' });
    expect(decideExternalLink('https://evilwhatsapp.com/')).toMatchObject({ action: 'ask' });
    // Cyrillic "а" in whatsapp: the dialog names the punycode host the browser will really visit.
    expect(decideExternalLink('https://whаtsapp.com/')).toMatchObject({ action: 'ask', host: expect.stringMatching(/^xn--/) as unknown });
  });

  it('never opens other schemes, disguised hosts or unreadable addresses', () => {
    const never = [
      'file:///etc/passwd',
      'file://server/share/x.exe',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'smb://attacker/share',
      'ftp://example.com/',
      'app://pigeon/index.html',
      'whatsapp://send?phone=1',
      'mailto:a@example.com',
      'https://faq.whatsapp.com@evil.example/',
      'https://user:pass@example.com/',
      'not a url',
      '',
      `https://example.com/${'a'.repeat(3000)}`,
    ];
    for (const url of never) expect(decideExternalLink(url), url).toMatchObject({ action: 'refuse' });
  });

  it('opens only what the policy allows, asks before the rest, and never throws', async () => {
    const opened: string[] = [];
    const asked: string[] = [];
    let answer = false;
    const opener: LinkOpener = {
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
      confirm: (host) => {
        asked.push(host);
        return Promise.resolve(answer);
      },
    };
    expect(await openExternalLink('https://faq.whatsapp.com/x', opener)).toBe('opened');
    expect(await openExternalLink('https://example.com/', opener)).toBe('declined');
    answer = true;
    expect(await openExternalLink('https://example.com/', opener)).toBe('opened');
    expect(await openExternalLink('file:///etc/passwd', opener)).toBe('refused');
    expect(await openExternalLink('javascript:alert(1)', opener)).toBe('refused');
    expect(opened).toEqual(['https://faq.whatsapp.com/x', 'https://example.com/']);
    expect(asked).toEqual(['example.com', 'example.com']);
    const failing: LinkOpener = { openExternal: vi.fn(() => Promise.reject(new Error('no browser'))), confirm: () => Promise.resolve(true) };
    expect(await openExternalLink('https://example.com/', failing)).toBe('declined');
  });
});
