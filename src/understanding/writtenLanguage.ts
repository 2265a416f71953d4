// Which of the bot's languages a message is written in, when it is clearly another than the one in use: judged by the
// share of its words each language's word lists know (locales/<lng>/understanding.json: its phrases, common words and
// shorthand). Only a message of several words counts, and only a clear difference, so a short answer, a name, or a
// message mixing languages (as many young people in Pakistan and Norway write, with English in it) never does.
import { SUPPORTED_LANGUAGES, Language } from '../i18n/languages';
import { knownShare, letterWords, UNDERSTANDING_READ_LIMIT } from './understand';

export const MIN_WORDS_TO_TELL = 4;
/** At least this share of the words known in the other language… */
const CLEARLY_IN = 0.7;
/** …and at most this share in the language in use. */
const HARDLY_IN = 0.3;

export function otherLanguageWritten(text: string, inUse: Language): Language | undefined {
  const words = letterWords(text.slice(0, UNDERSTANDING_READ_LIMIT));
  if (words.length < MIN_WORDS_TO_TELL || knownShare(words, inUse) > HARDLY_IN) return undefined;
  const [best] = SUPPORTED_LANGUAGES.filter((language) => language !== inUse)
    .map((language) => ({ language, share: knownShare(words, language) }))
    .sort((a, b) => b.share - a.share);
  return best && best.share >= CLEARLY_IN ? best.language : undefined;
}
