import { EMPTY_LIST, SortedWordList, type WordList } from './index';
import namesIntl from './people-names-intl.generated';
import namesJa from './people-names-ja.generated';
import givenJa from './people-names-ja-given.generated';
import commonDe from './common-words-de.generated';
import commonEs from './common-words-es.generated';
import commonFr from './common-words-fr.generated';
import commonNl from './common-words-nl.generated';
import commonPt from './common-words-pt.generated';
import countriesNative from './country-names-native.generated';

/** Given names and surnames of the es, de, fr, it, nl and pt locales that nameList() lacks (build-lexicon-people.ts). */
export const intlNameList: WordList = new SortedWordList(namesIntl);
/** Japanese family names and given names, in kanji. */
export const japaneseFamilyNames: WordList = new SortedWordList(namesJa);
export const japaneseGivenNames: WordList = new SortedWordList(givenJa);

/** Country names in their own languages ("españa", "deutschland"). */
export const nativeCountryNames: WordList = new SortedWordList(countriesNative);

const COMMON: Partial<Record<string, WordList>> = {
  de: new SortedWordList(commonDe),
  es: new SortedWordList(commonEs),
  fr: new SortedWordList(commonFr),
  nl: new SortedWordList(commonNl),
  pt: new SortedWordList(commonPt),
};

/** Words of a language that are also in a name list ("Koch", "Sol"): a name there only with more evidence. */
export const commonWordsOf = (language: string): WordList => COMMON[language] ?? EMPTY_LIST;
