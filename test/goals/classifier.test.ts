// classifyGoal on the labelled goal sets it was tuned on: the old fixture (test/fixtures/goals/en.json) and the
// development set (test/fixtures/goals-dev/en.json), each held to per-shape precision and recall bars. The frozen
// set is held in frozenGoals.test.ts, without its misses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { missList, parseGoalFixture, scoreGoals, shapeTable } from '../../src/goals/evaluate';
import { GOAL_SHAPES } from '../../src/goals/localeData';
import { classifyGoal, GoalShape } from '../../src/goals/phrasing';

const BAR = 0.9;
const fixtures = path.join(__dirname, '..', 'fixtures');
const sets = [
  ['the old goal fixture', 'goals'],
  ['the goal development set', 'goals-dev'],
].map(([name, folder]) => {
  const file = `test/fixtures/${folder}/en.json`;
  const cases = parseGoalFixture(JSON.parse(readFileSync(path.join(fixtures, folder, 'en.json'), 'utf8')), file);
  const score = scoreGoals(cases, (text) => classifyGoal(text, 'en'));
  return { name, cases, score, report: `${file}\n${shapeTable(score)}\n\nMisses:\n${missList(score)}` };
});

describe.each(sets)('$name', ({ cases, score, report }) => {
  it('has at least 100 goals', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each([...GOAL_SHAPES, 'personal'])('has at least 15 goals labelled %s', (shape) => {
    const labelled = cases.filter((goal) =>
      shape === 'personal' ? goal.shapes.length === 0 : goal.shapes.includes(shape as GoalShape),
    );
    expect(labelled.length).toBeGreaterThanOrEqual(15);
  });

  it('has goals with two shapes', () => {
    expect(cases.filter((goal) => goal.shapes.length >= 2).length).toBeGreaterThanOrEqual(5);
  });

  it('has each goal once', () => {
    const texts = cases.map((goal) => goal.text);
    expect(texts.filter((text, index) => texts.indexOf(text) !== index)).toEqual([]);
  });

  it.each(score.shapes.map((row) => [row.shape, row] as const))(`%s: precision and recall ≥ ${BAR}`, (_shape, row) => {
    // On failure, the whole table and the misses are in the message.
    expect({ report, precision: row.precision >= BAR, recall: row.recall >= BAR }).toEqual({
      report,
      precision: true,
      recall: true,
    });
  });

  it('never calls a personal goal negative', () => {
    expect(score.personalCalledNegative.map(({ goal }) => goal.text)).toEqual([]);
  });
});
