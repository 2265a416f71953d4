// What the young person can choose after a risk or concern reply: carry on gently, take a break, talk to a person,
// or see support options. Shared by riskDialog and concernDialog so both offer exactly the same.
import { WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { crisisLineTexts } from '../src/safety/crisisReplies';
import { countryFor, crisisLinesWithService } from '../src/safety/crisisResources';
import { choiceAnswer, choiceOptions, choicesFor } from './prompts';
import { DialogSettings, howToReachService } from './settings';

export const NEXT_CHOICES = ['carryOn', 'break', 'person', 'support'] as const;
export type NextChoice = (typeof NEXT_CHOICES)[number];

/** How a safety dialog ends: go back to where they were (the question is asked again), or stay paused. */
export type SafetyOutcome = 'resume' | 'stayPaused';

export function crisisResourcesForTurn(step: WaterfallStepContext, settings: DialogSettings) {
  const country = countryFor(settings.serviceCountry, step.context.activity.locale);
  return crisisLinesWithService(country, settings.serviceCrisisLines);
}

export function promptNextStep(step: WaterfallStepContext, choiceDialogId: string, questionKey: string) {
  const { t } = turnLanguage(step.context);
  return step.prompt(
    choiceDialogId,
    choiceOptions(t, t(questionKey), choicesFor(t, 'safetyReplies:choices.next', NEXT_CHOICES)),
  );
}

/** Acts on the choice; returns the outcome, or undefined when the question should be asked again (support shown). */
export async function actOnNextStep(
  step: WaterfallStepContext,
  state: BotState,
  settings: DialogSettings,
): Promise<SafetyOutcome | undefined> {
  const { t, language } = turnLanguage(step.context);
  const choice = choiceAnswer<NextChoice>(step);
  const resources = crisisResourcesForTurn(step, settings);
  switch (choice) {
    case 'carryOn':
      return 'resume';
    case 'support':
      await step.context.sendActivity(
        [t('safetyReplies:concern.supportIntro'), ...crisisLineTexts(resources, language, t)].join('\n'),
      );
      return undefined;
    case 'person':
      await step.context.sendActivity(
        [
          t('commands.talkToPersonComingSoon', { serviceName: settings.serviceName }),
          ...howToReachService(settings, t),
        ].join(' '),
      );
      break;
    default:
      // "Take a break", or no clear answer: never push back into goal work.
      await step.context.sendActivity(t('safetyReplies:breakTaken', { emergency: resources.emergencyNumber }));
  }
  await state.conversationData.set(step.context, { pausedAt: new Date().toISOString() });
  return 'stayPaused';
}
