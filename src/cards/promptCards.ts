// The questions a young person can answer with a tap, as Adaptive Cards 1.5: the 0–10 scale (check-in and GBO
// ratings), goal confirmation, the summary before they decide about sharing it, and each safety plan question.
// Every button submits `{ answer }` holding exactly what they could type instead, so a tap is recognised as typing is.
import type { UserProfile } from '../bot/state';
import type { Translate } from '../i18n';
import { SummaryChoices, summaryLines } from '../handoff/summaryLines';
import { adaptiveCard, AdaptiveCardJson, Block, CardElement, cardElements, lineBlocks, textLines } from './layout';
import { Escape, escapeMarkdown, plain, Wording } from './markdown';

/** A question as a card, and the card for its kind re-ask: the same answers, with the re-ask's words. */
export interface QuestionCards {
  ask: AdaptiveCardJson;
  retry: AdaptiveCardJson;
}

/**
 * What a button sends back. `answer` becomes the message text (src/bot/cardSubmission.ts). In Teams, `msteams` makes
 * the tap a messageBack: the answer shows in the chat as the young person's message (a plain Action.Submit leaves no
 * trace there, only a "sent to the app" notice) and arrives as the activity's text as well. Web Chat ignores it.
 */
interface CardAnswer {
  answer: string;
  msteams: { type: 'messageBack'; displayText: string; text: string };
}

/** An Action.Submit that answers `answer`: a button labelled `title`, or on a tile the tile's accessible name. */
function answerAction(answer: string, title = answer): CardElement {
  const data: CardAnswer = { answer, msteams: { type: 'messageBack', displayText: answer, text: answer } };
  return { type: 'Action.Submit', title, data };
}

/** What the ends of a 0–10 scale mean: how they feel (check-in), or how close they feel to a goal (GBO). */
export type ScaleAnchors = 'feeling' | 'closeness';

const SCALE_ROWS = [
  [0, 1, 2, 3, 4, 5],
  [6, 7, 8, 9, 10],
];

/** 0–10 as two rows of tiles, big enough to tap on a phone (one row of eleven is not); a spacer aligns the rows. */
function scaleElements(t: Translate, anchors: ScaleAnchors): CardElement[] {
  const rowLength = SCALE_ROWS[0].length;
  const rows = SCALE_ROWS.map((row) => ({
    type: 'ColumnSet',
    columns: [
      ...row.map((score) => ({
        type: 'Column',
        width: 'stretch',
        style: 'emphasis',
        selectAction: answerAction(String(score), t('cards.scale.point', { score })),
        items: [
          {
            type: 'TextBlock',
            text: String(score),
            wrap: true,
            horizontalAlignment: 'Center',
            size: 'Medium',
            weight: 'Bolder',
          },
        ],
      })),
      ...Array.from({ length: rowLength - row.length }, () => ({ type: 'Column', width: 'stretch' })),
    ],
  }));
  return [...rows, { type: 'TextBlock', text: t(`cards.scale.${anchors}`), wrap: true, isSubtle: true }];
}

interface Question {
  /** What the card shows above the question, with the young person's words put through `escape`. */
  before?: (escape: Escape) => Block[];
  question: Wording;
  /** How it is answered: the 0–10 tiles, or buttons with these titles. */
  answers: { scale: ScaleAnchors } | { buttons: string[] };
  /** The last line of the fallback text: what can be typed, for a channel that cannot show the card. */
  typeHint: string;
}

/** The card: what comes before, the question a line to a text block, then the tiles or the buttons. */
function questionCard(t: Translate, question: Question): AdaptiveCardJson {
  const blocks = (escape: Escape): Block[] => [
    ...(question.before?.(escape) ?? []),
    ...lineBlocks(question.question(escape)),
  ];
  const { answers } = question;
  return adaptiveCard(
    {
      fallbackText: [...textLines(blocks(plain)), question.typeHint].join('\n').trim(),
      speak: question.question(plain),
      body: [...cardElements(blocks(escapeMarkdown)), ...('scale' in answers ? scaleElements(t, answers.scale) : [])],
      // In the order they are read: the first (e.g. "Yes") on the reader's starting side, the right when right to left.
      ...('buttons' in answers ? { actions: answers.buttons.map((title) => answerAction(title)) } : {}),
    },
    t,
  );
}

/** The question's card, and its re-ask's: the same card with `retry` in place of the question. */
function questionCards(t: Translate, question: Question, retry: Wording): QuestionCards {
  return { ask: questionCard(t, question), retry: questionCard(t, { ...question, question: retry }) };
}

/** A question answered with buttons, re-asked in the standard kind words (prompts.retryChoice) on the same card. */
function choiceQuestion(t: Translate, question: Wording, buttons: string[], before?: Question['before']) {
  const card: Question = {
    before,
    question,
    answers: { buttons },
    typeHint: t('cards.fallbackChoices', { options: buttons }),
  };
  return questionCards(t, card, (escape) => t('prompts.retryChoice', { question: question(escape) }));
}

/** A 0–10 question (check-in, GBO rating): the question, tiles 0–10 and what the ends mean. */
export function scaleQuestionCards(
  question: Wording,
  retry: Wording,
  anchors: ScaleAnchors,
  t: Translate,
): QuestionCards {
  const options = SCALE_ROWS.flat().map(String);
  return questionCards(
    t,
    { question, answers: { scale: anchors }, typeHint: t('cards.fallbackChoices', { options }) },
    retry,
  );
}

/** A goal as it is read back to be confirmed. */
export interface GoalReadBack {
  text: string;
  firstStep?: string;
  rating?: number;
}

/** "Here's what I've got: …" with the goal and first step in their words, put through `escape`. */
export function goalReadBack(goal: GoalReadBack, t: Translate, escape: Escape = plain): string {
  const rating = goal.rating === undefined ? t('goals.notRated') : `${goal.rating}/10`;
  const key = goal.firstStep ? 'goals.readBack' : 'goals.readBackNoStep';
  return t(key, { text: escape(goal.text), firstStep: goal.firstStep && escape(goal.firstStep), rating });
}

/** The goal read back in their words, set apart, then "Is that right?" with the buttons to confirm, change or drop. */
export function goalConfirmationCards(goal: GoalReadBack, buttons: string[], t: Translate): QuestionCards {
  return choiceQuestion(
    t,
    () => t('goals.confirmQuestion'),
    buttons,
    (escape) => [{ kind: 'group', emphasis: true, blocks: lineBlocks(goalReadBack(goal, t, escape)) }],
  );
}

/** What the summary is built from, before the young person decides whether to share it. */
export interface SummaryToDecide {
  profile: UserProfile | undefined;
  choices: SummaryChoices;
  serviceName: string;
}

/** The summary's lines (summaryLines), with every answer they wrote, and their word for goals, put through `escape`. */
function summaryLinesEscaped(summary: SummaryToDecide, t: Translate, escape: Escape): string[] {
  const { profile, choices } = summary;
  if (!profile) return [];
  const word = profile.preferences.goalWord;
  const escaped: UserProfile = {
    ...profile,
    preferences: { ...profile.preferences, goalWord: word === undefined ? undefined : escape(word) },
    goals: profile.goals.map((goal) => ({
      ...goal,
      text: escape(goal.text),
      firstStep: goal.firstStep === undefined ? undefined : escape(goal.firstStep),
      firstWording: goal.firstWording === undefined ? undefined : escape(goal.firstWording),
    })),
    safetyPlan: profile.safetyPlan && {
      ...profile.safetyPlan,
      sections: Object.fromEntries(
        Object.entries(profile.safetyPlan.sections).map(([section, words]) => [section, words && escape(words)]),
      ),
    },
  };
  // {{word}} in our own wording is their word too; the turn's `t` would put it in unescaped.
  const tWord: Translate = word === undefined ? t : (key, values) => t(key, { word: escape(word), ...values });
  const note = choices.note === undefined ? undefined : escape(choices.note);
  return summaryLines(escaped, { ...choices, note }, tWord);
}

/** The summary as they would share it (their words set apart), then "share this with …?" and the buttons. */
export function summaryConsentCards(summary: SummaryToDecide, buttons: string[], t: Translate): QuestionCards {
  const question: Wording = (escape) => t('summary.shareQuestion', { serviceName: escape(summary.serviceName) });
  return choiceQuestion(t, question, buttons, (escape): Block[] => {
    const lines = summaryLinesEscaped(summary, t, escape);
    if (lines.length === 0) return [{ kind: 'text', text: t('summary.empty') }];
    return [
      { kind: 'heading', text: t('summary.intro') },
      { kind: 'group', emphasis: true, blocks: lines.flatMap(lineBlocks) },
    ];
  });
}

/** A safety plan question, answered in their own words (typed), with a button to skip it. */
export function safetyPlanQuestionCards(question: Wording, skip: string, t: Translate): QuestionCards {
  return questionCards(
    t,
    { question, answers: { buttons: [skip] }, typeHint: t('cards.fallbackSkip', { skip }) },
    (escape) => t('prompts.retryText', { question: question(escape) }),
  );
}
