// Near-duplicate messages, by the overlap of their character 4-grams (Jaccard), after the model's own folding.
import { modelWords } from './features';

/** Messages this similar or more share most of their wording: one should not train a model tested on the other. */
const NEAR_DUPLICATE = 0.5;

function charGrams(text: string, language: string): Set<string> {
  const folded = ` ${modelWords(text, language).join(' ')} `;
  const grams = new Set<string>();
  for (let index = 0; index + 4 <= folded.length; index += 1) grams.add(folded.slice(index, index + 4));
  return grams;
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * The messages that are not near-duplicates of any of `others` in the same language. A copy of a message made by
 * adding words (`augmentedFrom`, e.g. "… tbh") is dropped when either it or the message it was made from is one: a
 * filler can take a copy of an excluded message just under the limit, and it still repeats that message.
 */
export function withoutNearDuplicates<
  M extends { text: string; language: string; augmentedFrom?: { readonly text: string } },
>(messages: readonly M[], others: readonly M[]): M[] {
  const othersByLanguage = new Map<string, Set<string>[]>();
  for (const other of others) {
    const list = othersByLanguage.get(other.language) ?? [];
    list.push(charGrams(other.text, other.language));
    othersByLanguage.set(other.language, list);
  }
  const repeats = (text: string, language: string): boolean => {
    const grams = charGrams(text, language);
    return (othersByLanguage.get(language) ?? []).some((other) => similarity(grams, other) >= NEAR_DUPLICATE);
  };
  return messages.filter(
    (message) =>
      !repeats(message.text, message.language) &&
      !(message.augmentedFrom && repeats(message.augmentedFrom.text, message.language)),
  );
}
