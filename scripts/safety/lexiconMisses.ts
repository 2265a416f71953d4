// `npm run --silent safety:lexicon-misses -- <lng>`: for a lexicon maintainer, the training-corpus messages the
// language's lexicon gets wrong (risk missed, benign flagged risk, concern missed, denials and idioms), as JSONL on
// stdout. Reads only the training corpora (models/safety/corpora), never the frozen test split.
import path from 'node:path';
import { isSupportedLanguage } from '../../src/i18n/languages';
import { projectRoot } from '../../src/projectRoot';
import { detectWithEnglish, loadSafetyLexicon } from '../../src/safety';
import { chatCorpusFiles, readChatCorpus } from '../../src/safety/model/trainingData';

const language = process.argv[2] ?? '';
if (!isSupportedLanguage(language)) {
  process.stderr.write('usage: npm run --silent safety:lexicon-misses -- <en|pt-BR|es|nb|tr|ur>\n');
  process.exit(2);
}
const root = projectRoot(__dirname);
const native = loadSafetyLexicon(language);
const english = loadSafetyLexicon('en');
const counts: Record<string, number> = {};
for (const file of chatCorpusFiles(root, language)) {
  for (const message of readChatCorpus(path.join(root, file), language, file)) {
    const detection = detectWithEnglish(message.text, native, english);
    const doubt = detection.riskPlacedAway || detection.unplacedWords;
    const outcome = detection.level === 'risk' ? 'risk' : doubt ? 'unsure' : detection.level;
    const problem =
      message.level === 'risk' && outcome !== 'risk'
        ? 'missedRisk'
        : message.level === 'none' && outcome === 'risk'
          ? 'benignFlaggedRisk'
          : message.level === 'none' && outcome === 'unsure'
            ? 'benignUnsure'
            : message.level === 'concern' && outcome === 'none'
              ? 'missedConcern'
              : message.level === 'none' && outcome === 'concern'
                ? 'benignConcern'
                : undefined;
    counts[`${message.level}→${outcome}`] = (counts[`${message.level}→${outcome}`] ?? 0) + 1;
    if (problem) process.stdout.write(`${JSON.stringify({ problem, outcome, ...message, source: file })}\n`);
  }
}
process.stderr.write(`${language}: ${JSON.stringify(counts)}\n`);
