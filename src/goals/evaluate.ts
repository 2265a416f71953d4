// Scores classifyGoal against a labelled fixture: per-shape precision and recall, for the test and the benchmark.
import { z } from 'zod';
import { GOAL_SHAPES } from './localeData';
import { GoalShape } from './phrasing';

export const goalFixtureSchema = z.object({
  cases: z
    .array(
      z.object({
        text: z.string(),
        shapes: z.array(z.enum(GOAL_SHAPES)),
        tags: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});
export type LabelledGoal = z.infer<typeof goalFixtureSchema>['cases'][number];

export function parseGoalFixture(data: unknown, file: string): LabelledGoal[] {
  const parsed = goalFixtureSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file} is invalid at ${issue.path.map(String).join('.')}: ${issue.message}`);
  }
  return parsed.data.cases;
}

/** "personal" is the empty label: a goal with no shape. */
export type ShapeOrPersonal = GoalShape | 'personal';
export const SCORED: readonly ShapeOrPersonal[] = [...GOAL_SHAPES, 'personal'];

export interface ShapeScore {
  shape: ShapeOrPersonal;
  /** Goals labelled with this shape. */
  cases: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Of goals given this shape, the share labelled with it (1 when none were given it: no false alarm). */
  precision: number;
  /** Of goals labelled with this shape, the share given it (1 when none are labelled). */
  recall: number;
}

export interface GoalOutcome {
  goal: LabelledGoal;
  got: GoalShape[];
}

export interface GoalScore {
  cases: number;
  exact: number;
  shapes: ShapeScore[];
  misses: GoalOutcome[];
  /** Personal goals (labelled with no shape) that were classified negative: the one mistake that would hurt. */
  personalCalledNegative: GoalOutcome[];
}

const has = (shapes: readonly GoalShape[], shape: ShapeOrPersonal): boolean =>
  shape === 'personal' ? shapes.length === 0 : shapes.includes(shape);

export function scoreGoals(cases: readonly LabelledGoal[], classify: (text: string) => GoalShape[]): GoalScore {
  const outcomes = cases.map((goal) => ({ goal, got: classify(goal.text) }));
  const same = ({ goal, got }: GoalOutcome): boolean =>
    goal.shapes.length === got.length && goal.shapes.every((shape) => got.includes(shape));
  const shapes = SCORED.map((shape): ShapeScore => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const { goal, got } of outcomes) {
      const expected = has(goal.shapes, shape);
      const predicted = has(got, shape);
      if (expected && predicted) truePositives += 1;
      else if (predicted) falsePositives += 1;
      else if (expected) falseNegatives += 1;
    }
    const given = truePositives + falsePositives;
    const labelled = truePositives + falseNegatives;
    return {
      shape,
      cases: labelled,
      truePositives,
      falsePositives,
      falseNegatives,
      precision: given === 0 ? 1 : truePositives / given,
      recall: labelled === 0 ? 1 : truePositives / labelled,
    };
  });
  return {
    cases: outcomes.length,
    exact: outcomes.filter(same).length,
    shapes,
    misses: outcomes.filter((outcome) => !same(outcome)),
    personalCalledNegative: outcomes.filter(({ goal, got }) => goal.shapes.length === 0 && got.includes('negative')),
  };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** The per-shape table as markdown. */
export function shapeTable(score: GoalScore): string {
  return [
    '| Shape | Goals labelled | Precision | Recall | False positives | Missed |',
    '| --- | --- | --- | --- | --- | --- |',
    ...score.shapes.map(
      (row) =>
        `| ${row.shape} | ${row.cases} | ${percent(row.precision)} | ${percent(row.recall)} | ${row.falsePositives} | ${row.falseNegatives} |`,
    ),
  ].join('\n');
}

/** Each goal classified differently from its label, as a markdown list. */
export function missList(score: GoalScore): string {
  if (score.misses.length === 0) return 'None.';
  const show = (shapes: readonly GoalShape[]): string => (shapes.length ? shapes.join(', ') : 'personal');
  return score.misses
    .map(({ goal, got }) => `- "${goal.text}": labelled ${show(goal.shapes)}, classified ${show(got)}`)
    .join('\n');
}

/** Precision and recall per shape for several scored sets side by side, as markdown (the README's figures). */
export function comparisonTable(sets: readonly { name: string; score: GoalScore }[]): string {
  const header = sets.map(({ name, score }) => `${name} (${score.cases}): precision | recall`).join(' | ');
  const rows = SCORED.map((shape) => {
    const cells = sets.map(({ score }) => {
      const row = score.shapes.find((candidate) => candidate.shape === shape);
      return row ? `${percent(row.precision)} | ${percent(row.recall)}` : '– | –';
    });
    return `| ${shape} | ${cells.join(' | ')} |`;
  });
  return [`| Shape | ${header} |`, `| --- |${' --- | --- |'.repeat(sets.length)}`, ...rows].join('\n');
}
