// A brief safety plan in the young person's words: warning signs, what helps them cope, people and places that take
// their mind off things, people to ask for help, services (pre-filled from their country's crisis lines), and making
// their space safer. Any part can be skipped; it is kept only for a young person who agreed answers are kept.
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState, SAFETY_PLAN_SECTIONS, SafetyPlan, SafetyPlanSection } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { Wording } from '../src/cards/markdown';
import { safetyPlanQuestionCards } from '../src/cards/promptCards';
import { safetyPlanCard } from '../src/cards/safetyPlanCard';
import type { Translate } from '../src/i18n';
import { answerOf, cardMessage, cardOptions, Question, textAnswer } from './prompts';
import { crisisResourcesForTurn, DialogSettings } from './settings';

export const SAFETY_PLAN_DIALOG = 'safetyPlanDialog';
/** A safety plan's answers name hard times on purpose ("staying in my room all day" as a warning sign). */
export const SAFETY_PLAN_ANSWER_PROMPT = 'safetyPlanText';
const TEXT = SAFETY_PLAN_ANSWER_PROMPT;

/** The plan shown back to the young person (when it is made, and on "my safety plan"), as a card. */
export function safetyPlanMessage(plan: SafetyPlan, t: Translate) {
  return cardMessage(safetyPlanCard(plan, t));
}

interface PlanProgress {
  index?: number;
  sections?: SafetyPlan['sections'];
}
type Step = WaterfallStepContext<PlanProgress>;

export class SafetyPlanDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    private readonly settings: DialogSettings,
  ) {
    super(SAFETY_PLAN_DIALOG);
    this.addDialog(new Question(TEXT));
    this.addDialog(new WaterfallDialog(`${SAFETY_PLAN_DIALOG}.steps`, [this.ask.bind(this), this.record.bind(this)]));
    this.initialDialogId = `${SAFETY_PLAN_DIALOG}.steps`;
  }

  private async ask(step: Step) {
    const { t } = turnLanguage(step.context);
    const index = step.options.index ?? 0;
    if (index === 0) await step.context.sendActivity(t('safetyPlan.intro'));
    const section = SAFETY_PLAN_SECTIONS[index];
    const serviceLines = this.serviceLines(step);
    const question: Wording = (escape) =>
      t(`safetyPlan.questions.${section}`, {
        lines: serviceLines.map((line) => `- ${escape(line)}`).join('\n'),
        serviceName: escape(this.settings.serviceName),
      });
    // "idk", "no" or "skip" leaves this part empty and goes on: a plan holds only what they chose to put in it.
    const expectation = { kind: 'text', nothingMeans: 'no', doubtMeansNothing: true } as const;
    return step.prompt(
      TEXT,
      cardOptions(safetyPlanQuestionCards(question, t('safetyPlan.skip'), t), { expectation, faq: 'general' }),
    );
  }

  private async record(step: Step) {
    const { t } = turnLanguage(step.context);
    const index = step.options.index ?? 0;
    const section: SafetyPlanSection = SAFETY_PLAN_SECTIONS[index];
    const sections = { ...step.options.sections };
    const answer = textAnswer(step);
    // "Skip", "idk" or "no" (not after the re-asks, which said their own way on): kindly, the part stays empty.
    if (answerOf(step) === 'no') await step.context.sendActivity(t('safetyPlan.leftEmpty'));
    // Services are pre-filled from the country's crisis lines; what the young person adds comes first.
    const prefilled = section === 'professionals' ? this.serviceLines(step).join('; ') : undefined;
    const value = [answer, prefilled].filter(Boolean).join('; ');
    if (value) sections[section] = value;
    if (index + 1 < SAFETY_PLAN_SECTIONS.length) {
      return step.replaceDialog(`${SAFETY_PLAN_DIALOG}.steps`, { index: index + 1, sections });
    }
    const plan: SafetyPlan = { sections, updatedAt: new Date().toISOString() };
    // Kept only if they agreed to keeping their answers (the rule is in BotState.updateProfile); either way they see it.
    const profile = await this.state.updateProfile(step.context, (p) => {
      p.safetyPlan = plan;
    });
    await step.context.sendActivity(safetyPlanMessage(plan, t));
    await step.context.sendActivity(t(profile.consent?.given ? 'safetyPlan.saved' : 'safetyPlan.notKept'));
    return step.endDialog(plan);
  }

  private serviceLines(step: Step): string[] {
    return crisisResourcesForTurn(step, this.settings)
      .lines.filter((line) => !line.emergency)
      .map((line) => [line.name, line.phone ?? line.text ?? line.chatUrl].filter(Boolean).join(' '));
  }
}
