// Folding text so that the ways young people type one word compare equal, in any of the bot's languages: lower case
// (Turkish dotted/dotless i under Turkish rules), accents and Arabic harakat dropped (Urdu's own letter marks kept),
// letters without a decomposition folded (ø → o, ı → i, Arabic ي → Urdu ی), Arabic and Urdu digits as 0–9,
// invisible characters removed. The safety check and the answer-understanding both read text through this.

// Letters that have no Unicode decomposition but that people often type without (ø → o) or that
// have two code points for one Urdu letter depending on the keyboard (Arabic ي vs Urdu ی).
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ħ: 'h',
  '\u064A': '\u06CC', // Arabic yeh → Farsi/Urdu yeh
  '\u0649': '\u06CC', // alef maksura → Urdu yeh
  '\u0643': '\u06A9', // Arabic kaf → keheh
  '\u0647': '\u06C1', // Arabic heh → heh goal
  '\u06D5': '\u06C1', // ae → heh goal
  '\u0629': '\u06C1', // teh marbuta → heh goal
  '\u06C3': '\u06C1', // teh marbuta goal → heh goal
};

const ARABIC_BASE = /\p{Script=Arabic}/u;
// Scripts whose combining marks are accents on a letter (café, não, ğ) and so are safe to drop.
const ACCENTED_BASE = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/u;
const MARK = /\p{M}/u;
const INVISIBLE = /\p{Cf}|\u0640|\p{Emoji_Modifier}/gu; // format chars, tatweel, skin tones
// Arabic-Indic and Urdu (Extended Arabic-Indic) digits; both blocks start at a code point ending in 0.
const EXTENDED_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

function lowerCaseFor(text: string, language: string): string {
  // Turkish and Azeri have dotted/dotless i: "İ" → "i" and "I" → "ı" only under their own locale.
  const base = language.split(/[-_]/)[0].toLowerCase();
  return base === 'tr' || base === 'az' ? text.toLocaleLowerCase('tr') : text.toLowerCase();
}

/**
 * Drops accents on Latin/Greek/Cyrillic letters and harakat on Arabic script, but keeps the marks that
 * are part of an Urdu letter (madda and hamza in آ ئ ۓ ۂ) and marks of scripts where they are vowels.
 */
function stripMarks(text: string): string {
  let out = '';
  let base = '';
  for (const char of text.normalize('NFKD')) {
    if (!MARK.test(char)) {
      base = char;
      out += char;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    if (base !== '' && ARABIC_BASE.test(base)) {
      if (code >= 0x0653 && code <= 0x0655) out += char;
    } else if (base === '' || ACCENTED_BASE.test(base)) {
      // an accent or a variation selector: drop it
    } else {
      out += char;
    }
  }
  return out.normalize('NFC');
}

function foldLetters(text: string): string {
  let out = '';
  for (const char of text) out += LETTER_FOLDS[char] ?? char;
  return out.replace(EXTENDED_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) % 16)).replace(INVISIBLE, '');
}

/** Lower case, accents and harakat removed, letters folded, invisible characters gone: the message as one string. */
export function foldText(text: string, language: string): string {
  // An acute accent typed as an apostrophe ("don´t") would otherwise become a space under NFKD.
  return foldLetters(stripMarks(lowerCaseFor(text.replace(/´/g, "'"), language)));
}
