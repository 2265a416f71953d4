// Measures classifyGoal on the three labelled goal sets: the old fixture (test/fixtures/goals/, written with the
// first word lists), the development set (goals-dev/, tuned on) and the frozen set (goals-frozen/, never tuned on).
// Writes per-shape precision and recall to bench/results/goal-phrasing.md and the figures table into the README
// between its bench:goals markers. The frozen set is reported as aggregates only: its misses are never shown, so
// nobody tunes the word lists to it. Run with `npm run bench:goals`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import prettier from 'prettier';
import { comparisonTable, GoalScore, missList, parseGoalFixture, scoreGoals, shapeTable } from '../src/goals/evaluate';
import { classifyGoal } from '../src/goals/phrasing';
import { Language, SUPPORTED_LANGUAGES } from '../src/i18n/languages';

const root = path.resolve(__dirname, '..');
const AFTER_RULES = 'after-rules';
const README_START = '<!-- bench:goals:start -->';
const README_END = '<!-- bench:goals:end -->';

interface GoalSet {
  name: string;
  folder: string;
  about: string;
  /** Whether the goals it missed may be listed: never for the frozen set. */
  showMisses: boolean;
}

const SETS: readonly GoalSet[] = [
  {
    name: 'Old set',
    folder: 'goals',
    about: 'written with the first word lists in view; the lists were tuned on it',
    showMisses: true,
  },
  {
    name: 'Dev set',
    folder: 'goals-dev',
    about: 'written before the lists were widened, without reading them; the lists were tuned on it',
    showMisses: true,
  },
  {
    name: 'Frozen set',
    folder: 'goals-frozen',
    about: 'written before the lists were widened, without reading them, and never read while tuning: aggregates only',
    showMisses: false,
  },
];

interface Measured {
  set: GoalSet;
  file: string;
  score: GoalScore;
  /** The old set's goals written after its word lists were frozen. */
  afterRules: GoalScore | undefined;
}

function measure(set: GoalSet, language: Language): Measured | undefined {
  const file = path.join('test', 'fixtures', set.folder, `${language}.json`);
  if (!existsSync(path.join(root, file))) return undefined;
  const cases = parseGoalFixture(JSON.parse(readFileSync(path.join(root, file), 'utf8')), file);
  const classify = (text: string) => classifyGoal(text, language);
  const later = cases.filter((goal) => goal.tags?.includes(AFTER_RULES));
  return {
    set,
    file,
    score: scoreGoals(cases, classify),
    afterRules: later.length > 0 ? scoreGoals(later, classify) : undefined,
  };
}

function setSection({ set, file, score, afterRules }: Measured): string {
  const lines = [
    `### ${set.name}: \`${file}\``,
    '',
    `${score.cases} goals, ${set.about}. ${score.exact} classified exactly as labelled; personal goals classified negative: ${score.personalCalledNegative.length}.`,
    '',
    shapeTable(score),
  ];
  if (afterRules) {
    lines.push(
      '',
      `The ${afterRules.cases} goals tagged \`${AFTER_RULES}\` (written after the first word lists were frozen, and tuned on since with the rest of the old set; ${afterRules.exact} exact):`,
      '',
      shapeTable(afterRules),
    );
  }
  if (set.showMisses) lines.push('', '#### Misses', '', missList(score));
  return lines.join('\n');
}

const today = (): string => new Date().toISOString().slice(0, 10);

function readmeFigures(measured: readonly Measured[]): string {
  const exact = measured.map(({ set, score }) => `${set.name.toLowerCase()} ${score.exact}/${score.cases}`).join(', ');
  const negative = measured.map(({ score }) => score.personalCalledNegative.length).join(', ');
  return [
    `Measured by \`npm run bench:goals\` on ${today()} (English; set sizes in brackets).`,
    '',
    comparisonTable(measured.map(({ set, score }) => ({ name: set.name, score }))),
    '',
    `Classified exactly as labelled: ${exact}. Personal goals classified negative: ${negative}.`,
  ].join('\n');
}

/** Puts the figures between the README's markers; only that section is formatted (others may be mid-edit). */
async function replaceReadmeSection(figures: string): Promise<void> {
  const readme = path.join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const from = text.indexOf(README_START);
  const to = text.indexOf(README_END);
  if (from < 0 || to < from) {
    process.stderr.write(
      `README.md has no ${README_START} … ${README_END} section; figures written to bench/results only\n`,
    );
    return;
  }
  const options = (await prettier.resolveConfig(readme)) ?? {};
  const formatted = await prettier.format(figures, { ...options, parser: 'markdown' });
  writeFileSync(readme, `${text.slice(0, from + README_START.length)}\n\n${formatted}\n${text.slice(to)}`);
}

async function main(): Promise<void> {
  const english = SETS.map((set) => measure(set, 'en')).filter((found): found is Measured => found !== undefined);
  const sections = SUPPORTED_LANGUAGES.flatMap((language) => {
    const measured = SETS.map((set) => measure(set, language)).filter(
      (found): found is Measured => found !== undefined,
    );
    return measured.length > 0 ? [`## ${language}`, '', ...measured.map(setSection).flatMap((text) => [text, ''])] : [];
  });
  const report = [
    '# Goal phrasing: shape classifier',
    '',
    `Generated by \`npm run bench:goals\` on ${today()} — Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}.`,
    '',
    'All three sets were written by the project’s helpers, not collected from young people: these figures show how the',
    'word lists in `locales/<lng>/goals.json` cover goals written the way young people type, not real-world accuracy.',
    'A goal can have several shapes; "personal" is a goal with none. Precision: of goals given a shape, the share',
    'labelled with it; recall: of goals labelled with it, the share found. The frozen set is shown as aggregates only.',
    '',
    ...sections,
  ].join('\n');
  const outputDir = path.join(root, 'bench', 'results');
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(path.join(outputDir, 'goal-phrasing.md'), report);
  await replaceReadmeSection(readmeFigures(english));
  process.stdout.write(report);
  process.stdout.write(
    `\nWritten to ${path.relative(process.cwd(), path.join(outputDir, 'goal-phrasing.md'))} and README.md\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
