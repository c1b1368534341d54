import { onFirstUse } from '../../first-use';
import type { Candidate, Detector } from '../../types';
import { execInParts, mergeWindows, partsOf, type Window } from '../../windows';

/**
 * Japanese addresses and medical facilities: a prefecture, then cities, wards, towns and villages (市区町村郡),
 * then the block numbers (丁目, 番地, 号); and names ending in 病院, クリニック, 医院, 診療所. Postcodes after 〒 are
 * found with the other postcodes (postcodes.ts).
 */

const KANA_HAN = String.raw`[\p{sc=Han}\p{sc=Katakana}ーのヶケ]`;
const PREFECTURE = String.raw`(?:東京都|北海道|京都府|大阪府|\p{sc=Han}{2,3}県)`;
const MUNICIPALITIES = String.raw`(?:${KANA_HAN}{1,8}?[市区町村郡]){1,3}`;
const NUMERAL = String.raw`[0-9０-９一二三四五六七八九十]`;
/** "一丁目2番3号", "1丁目2-3", "5番地", "2-3-4" after a town. */
const BLOCKS = String.raw`(?:${KANA_HAN}{1,8}?(?=${NUMERAL}))?(?:${NUMERAL}{1,4}(?:丁目|番地|番|号|[-－ー‐]))+(?:${NUMERAL}{1,4}号?)?`;

const ADDRESS = onFirstUse(() => new RegExp(String.raw`${PREFECTURE}(?:${MUNICIPALITIES})?(?:${BLOCKS})?|${MUNICIPALITIES}${BLOCKS}`, 'gu'));
const FACILITY = onFirstUse(() => new RegExp(String.raw`[\p{sc=Han}\p{sc=Katakana}ー・]{1,16}(?:病院|クリニック|医院|診療所|医療センター)`, 'gu'));
/** Words before a facility word that name no facility: "大学病院" (a university hospital), "近医" (a nearby doctor). */
const GENERIC = /^(?:大学|総合|市立|県立|国立|私立|公立|近医|当|同|他|前|前医|専門|地域|一般|精神科|小児科|歯科|眼科|某|近くの)?(?:病院|クリニック|医院|診療所|医療センター)$/;

const SEEDS = ['〒', '都', '道', '府', '県', '市', '区', '丁目', '番地', '病院', 'クリニック', '医院', '診療所'];

export function findJapanese(text: string): Candidate[] {
  const raw: Window[] = [];
  for (const seed of SEEDS) for (let i = text.indexOf(seed); i >= 0; i = text.indexOf(seed, i + seed.length)) raw.push([i - 24, i + 48]);
  if (!raw.length) return [];
  const parts = partsOf(text, mergeWindows(text, raw));
  const out: Candidate[] = [];
  execInParts(ADDRESS(), parts, (m, offset) => {
    // A prefecture alone ("東京都") is a region; with a town or a block it is an address.
    if (m[0].length > 4 || /[丁番号]/.test(m[0])) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, score: 0.9, why: ['Japanese address (0.9)'] });
  });
  execInParts(FACILITY(), parts, (m, offset) => {
    if (!GENERIC.test(m[0])) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, score: 0.85, why: ['Japanese name ending in a facility word (0.85)'] });
  });
  return out;
}

export const japaneseDetector: Detector = {
  id: 'pii.address-ja',
  type: 'LOCATION',
  category: 'pii',
  description: 'Japanese address or medical facility',
  find: findJapanese,
  examples: {
    match: [
      { text: '住所：東京都千代田区丸の内一丁目2番3号', value: '東京都千代田区丸の内一丁目2番3号' },
      { text: '聖路加国際病院に入院した', value: '聖路加国際病院' },
      { text: '大阪府大阪市北区梅田3-1-1 在住', value: '大阪府大阪市北区梅田3-1-1' },
    ],
    noMatch: ['大学病院に紹介された', '血圧は正常であった'],
  },
};
