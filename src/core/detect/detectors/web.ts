import { isAlnum } from '../chars';
import type { Candidate, Detector } from '../types';
import { tokensAt } from '../windows';

const EMAIL = /^[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,8}[A-Za-z]{2,24}$/;
const isLocalChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const isDomainChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45;
const EMAIL_WHY = ['email address shape (0.9)'];

/** From each "@" outwards: the local part to the left, the domain to the right, then the whole shape checked. */
function findEmails(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let s = at, e = at + 1;
    while (s > 0 && at - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
    while (e < text.length && e - at < 254 && isDomainChar(text.charCodeAt(e))) e++;
    while (s < at && !isAlnum(text.charCodeAt(s))) s++; // a local part starts with a letter or digit
    while (e > at + 1 && !isAlnum(text.charCodeAt(e - 1))) e--; // "bob@example.com." ends before the dot
    if (EMAIL.test(text.slice(s, e))) out.push({ start: s, end: e, score: 0.9, why: EMAIL_WHY });
  }
  return out;
}

const IP_CONTEXT = ['ip', 'address', 'host', 'server', 'client', 'src', 'dst'];
const H = '[0-9a-f]{1,4}';
/** Full, or compressed with one "::" (at least three groups in all, so that "a::b" is not an address). */
const IPV6 = new RegExp(`^(?:(?:${H}:){7}${H}|(?=(?:[0-9a-f]*:){3})(?:${H}(?::${H}){0,6})?::(?:${H}(?::${H}){0,6})?)$`, 'i');
const isHexOrColon = (c: number): boolean => (c >= 48 && c <= 58) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

export const webDetectors: Detector[] = [
  {
    id: 'pii.email',
    type: 'EMAIL',
    category: 'pii',
    description: 'Email address',
    keywords: ['@'],
    find: findEmails,
    examples: { match: [{ text: 'mail dr.brown@ny.presbyterian.org now', value: 'dr.brown@ny.presbyterian.org' }], noMatch: ['user@localhost', '@handle'] },
  },
  {
    id: 'pii.url',
    type: 'URL',
    category: 'pii',
    // A web address is reported, but most name a page, not a person: it does not make a text PII on its own.
    quasi: true,
    description: 'Web address',
    keywords: ['http', 'www.'],
    window: { before: 16, after: 2100 },
    patterns: [{
      name: 'url',
      regex: /\b(?:https?:\/\/|www\.)[^\s<>"'`(){}[\]]{1,2048}[^\s<>"'`(){}[\].,;:!?]/gi,
      score: 0.6,
    }],
    examples: { match: [{ text: 'see https://portal.example.org/patients/123.', value: 'https://portal.example.org/patients/123' }], noMatch: ['http:// nothing'] },
  },
  {
    id: 'pii.ip-address',
    type: 'IP_ADDRESS',
    category: 'pii',
    description: 'IPv4 or IPv6 address',
    patterns: [
      { name: 'ipv4', regex: new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w.]*\\d)`, 'g'), score: 0.6 },
      // The lookahead fails fast on ordinary words before any alternative is tried.
    ],
    requires: 'digit',
    context: { words: IP_CONTEXT, boost: 0.3 },
    examples: {
      match: [{ text: 'address 165.165.185.178 blocked', value: '165.165.185.178' }],
      noMatch: ['version 1.2.3.4.5', '256.1.1.1'],
    },
  },
  {
    id: 'pii.ipv6',
    type: 'IP_ADDRESS',
    category: 'pii',
    description: 'IPv6 address',
    requires: 'digit',
    // Whole tokens of hex digits and colons, checked against the address grammar: times like 12:30:45 fail it.
    find: (text) => tokensAt(text, /:/g, isHexOrColon, (t) => IPV6.test(t), 2).map(([start, end]) => ({ start, end, score: 0.6, why: ['IPv6 address (0.6)'] })),
    context: { words: IP_CONTEXT, boost: 0.3 },
    examples: { match: [{ text: 'from fe80::1ff:fe23:4567:890a', value: 'fe80::1ff:fe23:4567:890a' }, { text: '2001:0db8:85a3:0000:0000:8a2e:0370:7334' }], noMatch: ['at 12:30:45', 'a::b::c'] },
  },
];
