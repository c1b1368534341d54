import type { Detector } from '../types';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

export const webDetectors: Detector[] = [
  {
    id: 'pii.email',
    type: 'EMAIL',
    category: 'pii',
    description: 'Email address',
    keywords: ['@'],
    window: { before: 72, after: 260 },
    patterns: [{
      name: 'email',
      regex: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/g,
      score: 0.9,
    }],
    examples: { match: [{ text: 'mail dr.brown@ny.presbyterian.org now', value: 'dr.brown@ny.presbyterian.org' }], noMatch: ['user@localhost', '@handle'] },
  },
  {
    id: 'pii.url',
    type: 'URL',
    category: 'pii',
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
      { name: 'ipv6', regex: /(?<![\w:])(?=[0-9a-f]{1,4}:[0-9a-f:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}(?::[0-9a-f]{1,4}){1,6}|(?:[0-9a-f]{1,4}:){1,7}:)(?![\w:])/gi, score: 0.6 },
    ],
    requires: 'digit',
    validate: (v) => (v.includes(':') && !v.includes('::') && v.split(':').length !== 8 ? false : undefined),
    context: { words: ['ip', 'address', 'host', 'server', 'client', 'src', 'dst'], boost: 0.3 },
    examples: {
      match: [{ text: 'address 165.165.185.178 blocked', value: '165.165.185.178' }, { text: 'from fe80::1ff:fe23:4567:890a', value: 'fe80::1ff:fe23:4567:890a' }],
      noMatch: ['version 1.2.3.4.5', '256.1.1.1'],
    },
  },
];
