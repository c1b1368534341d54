import type { Detector } from '../../types';

/**
 * Confidentiality markings: the legends people put in headers, footers, subject lines and cover pages. A word
 * in a sentence ("keep this confidential", "trade secret law") is no marking; a label is: a fixed legend
 * ("Internal use only", "Privileged & Confidential"), a word in capitals, or a word standing alone on its line.
 */
const LEGENDS = [
  'attorney[-\\s]client\\s+privileged?(?:\\s+(?:and|&)\\s+confidential)?',
  'attorney\\s+work\\s+product',
  'privileged\\s+(?:and|&)\\s+confidential',
  '(?:strictly|highly|company|business|commercially|corporate)\\s+confidential',
  'proprietary\\s+(?:and|&)\\s+confidential',
  'confidential\\s+(?:and|&)\\s+proprietary',
  '(?:for\\s+)?internal\\s+use\\s+only',
  'not\\s+for\\s+(?:external\\s+|public\\s+)?(?:distribution|release)',
  'do\\s+not\\s+(?:distribute|forward|copy|disclose)',
  'contains\\s+(?:confidential\\s+)?trade\\s+secrets?',
  'trade\\s+secret\\s+information',
  'confidential\\s+information\\s+of\\s+[A-Z][\\w&.-]*(?:\\s+[A-Z][\\w&.-]*){0,3}',
  // Other languages: German, French, Spanish, Italian, Dutch, Portuguese.
  'streng\\s+vertraulich', 'nur\\s+f(?:ü|ue)r\\s+den\\s+(?:internen\\s+gebrauch|dienstgebrauch)', '(?:betriebs|gesch(?:ä|ae)fts)geheimnis',
  'strictement\\s+confidentiel(?:le)?', 'diffusion\\s+restreinte', 'usage\\s+interne\\s+(?:uniquement|seulement)', 'secret\\s+des\\s+affaires',
  'estrictamente\\s+confidencial', '(?:solo|s(?:ó|o)lo)\\s+para\\s+uso\\s+interno', 'uso\\s+interno\\s+exclusivamente', 'secreto\\s+(?:comercial|industrial)',
  'strettamente\\s+riservat[oa]', 'solo\\s+per\\s+uso\\s+interno', 'segreto\\s+(?:commerciale|industriale)',
  'strikt\\s+vertrouwelijk', 'alleen\\s+voor\\s+intern\\s+gebruik', 'bedrijfsgeheim',
  'estritamente\\s+confidencial', 'apenas\\s+para\\s+uso\\s+interno', 'segredo\\s+(?:comercial|industrial)',
];

/** A client's name after its legend: "Client Confidential – Acme Pharma AG". */
const CLIENT = '(?:client|customer|sponsor)[-\\s]confidential(?:\\s*[-–—:|]\\s*[A-Z][\\w&.-]*(?:[ \\t]+[A-Z][\\w&.-]*){0,3})?';
/** Marking words in capitals, in the languages above. */
const CAPITALS = 'CONFIDENTIAL|PROPRIETARY|TOP SECRET|TRADE SECRET|VERTRAULICH|CONFIDENTIEL(?:LE)?|CONFIDENCIAL|RISERVATO|VERTROUWELIJK|RESTRICTED';

export const markingDetectors: Detector[] = [
  {
    id: 'ip.marking',
    type: 'CONFIDENTIAL_MARKING',
    category: 'ip',
    description: 'Confidentiality marking or legend (confidential, proprietary, trade secret, internal use only, privileged, client-confidential), in six languages',
    keywords: ['confidential', 'proprietary', 'privileged', 'work product', 'internal use', 'distribut', 'do not', 'trade secret', 'restricted', 'secret', 'vertraulich', 'gebrauch', 'geheimnis', 'confidentiel', 'restreinte', 'interne', 'confidencial', 'uso interno', 'riservat', 'vertrouwelijk', 'intern gebruik', 'bedrijfsgeheim', 'secreto', 'segreto', 'segredo'],
    window: { before: 16, after: 120 },
    patterns: [
      { name: 'legend', regex: new RegExp(`(?<![\\w-])(?:${LEGENDS.join('|')})(?![\\w-])`, 'gi'), score: 0.9 },
      { name: 'client-legend', regex: new RegExp(`(?<![\\w-])${CLIENT}`, 'gi'), score: 0.9 },
      { name: 'capitals', regex: new RegExp(`(?<![\\w-])(?:${CAPITALS})(?![\\w-])`, 'g'), score: 0.85 },
      // "Confidential" or "Proprietary" alone on its line, or as the head of a header: "Confidential – Draft".
      { name: 'label-line', regex: /^[ \t]*(?:Confidential|Proprietary|Restricted|Vertraulich|Confidentiel|Confidencial|Riservato|Vertrouwelijk)[ \t]*(?=$|[-–—:|])/gm, score: 0.8 },
    ],
    examples: {
      match: [
        { text: 'Acme Pharma – CONFIDENTIAL – page 3 of 12', value: 'CONFIDENTIAL' },
        { text: 'Footer: Proprietary and Confidential. Do not distribute.', value: 'Proprietary and Confidential' },
        { text: 'This deck is for internal use only.', value: 'for internal use only' },
        { text: 'ATTORNEY-CLIENT PRIVILEGED: draft advice on the supply dispute', value: 'ATTORNEY-CLIENT PRIVILEGED' },
        { text: 'Privileged & Confidential', value: 'Privileged & Confidential' },
        { text: 'Client Confidential – Novaris Biologics AG\nBatch summary follows', value: 'Client Confidential – Novaris Biologics AG' },
        { text: 'Confidential information of Helix Therapeutics Inc. – shared under NDA.', value: 'Confidential information of Helix Therapeutics Inc.' },
        { text: 'Confidential\nFormulation summary, rev 4', value: 'Confidential' },
        { text: 'This document contains trade secrets of the company.', value: 'contains trade secrets' },
        { text: 'Streng vertraulich – nur für den internen Gebrauch', value: 'Streng vertraulich' },
        { text: 'Document strictement confidentiel, diffusion restreinte', value: 'strictement confidentiel' },
        { text: 'Documento estrictamente confidencial', value: 'estrictamente confidencial' },
        { text: 'RISERVATO - relazione di convalida', value: 'RISERVATO' },
      ],
      noMatch: [
        'Please keep this between us, it is confidential for now.',
        'The trade secret law in Delaware differs from the federal act.',
        'We signed a confidentiality agreement last year.',
        'Proprietary software such as Windows is licensed per seat.',
        'The lab reserves two rooms for internal use during the audit.',
        'Restricted access areas are marked in yellow on the floor plan.',
        'const CLIENT_SECRET_NAME = "x";',
        'Our customers value confidential handling of their orders.',
      ],
    },
  },
  {
    id: 'ip.marking-cjk',
    type: 'CONFIDENTIAL_MARKING',
    category: 'ip',
    description: 'Confidentiality marking in Japanese or Chinese (社外秘, 極秘, 部外秘, 机密, 绝密, 内部资料, 商业秘密)',
    patterns: [{ name: 'cjk-legend', regex: /社外秘|極秘|部外秘|厳秘|機密|机密|绝密|内部资料|商业秘密|營業秘密/g, score: 0.85 }],
    examples: { match: [{ text: '【社外秘】製剤処方書 第3版', value: '社外秘' }, { text: '绝密 - 配方说明', value: '绝密' }], noMatch: ['秘書に連絡してください', '内部会议纪要'] },
  },
];
