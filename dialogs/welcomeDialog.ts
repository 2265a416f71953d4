// Welcome and consent: who the bot is, what it keeps, and the young person's yes or no before anything is kept. Where
// a service turns on its country's age of digital consent (ASK_AGE), their age comes first, and someone younger is
// asked whether a parent or carer has agreed before they are asked themselves.
import { Channels, MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { consentAgeFor } from '../src/privacy/consentAge';
import { consentOptions, parentAgreementOptions } from './consentQuestion';
import { Question, YES_NO, ageOptions, answerOf } from './prompts';
import { DialogSettings, countryForTurn, howToReachService } from './settings';

export const WELCOME_DIALOG = 'welcomeDialog';
const CONSENT_PROMPT = 'consentPrompt';

/** Where the welcome is: which questions were asked, so each step knows what the answer before it was. */
interface WelcomeProgress {
  askedAge?: boolean;
  askedParent?: boolean;
}

function progressOf(step: WaterfallStepContext): WelcomeProgress {
  return step.values;
}

export class WelcomeDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    private readonly settings: DialogSettings,
  ) {
    super(WELCOME_DIALOG);
    this.addDialog(new Question(CONSENT_PROMPT));
    this.addDialog(
      new WaterfallDialog(`${WELCOME_DIALOG}.steps`, [
        this.introduce.bind(this),
        this.afterAge.bind(this),
        this.afterParent.bind(this),
        this.recordConsent.bind(this),
      ]),
    );
    this.initialDialogId = `${WELCOME_DIALOG}.steps`;
  }

  private async introduce(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    const serviceName = this.settings.serviceName;
    // In Teams a handoff carries who they are (src/handoff/teamsMember.ts): they are told before anything is passed on.
    const inTeams = step.context.activity.channelId === (Channels.Msteams as string);
    const whatIsKept = [
      t('welcome.whatIsKept', { serviceName }),
      ...(inTeams ? [t('welcome.teamsName', { serviceName })] : []),
    ];
    await step.context.sendActivities([
      { type: 'message', text: t('welcome.intro', { serviceName }) },
      { type: 'message', text: t('welcome.whatWeDo') },
      { type: 'message', text: whatIsKept.join(' ') },
    ]);
    if (!this.settings.ageCheck?.askAge) return this.askConsent(step);
    progressOf(step).askedAge = true;
    return step.prompt(CONSENT_PROMPT, ageOptions(t('welcome.ageQuestion'), t('welcome.ageRetry'), serviceName));
  }

  private async afterAge(step: WaterfallStepContext) {
    const { askedAge } = progressOf(step);
    const ageCheck = this.settings.ageCheck;
    if (!askedAge || !ageCheck) return step.next(step.result);
    const age = answerOf(step);
    const consentAge = consentAgeFor(countryForTurn(step, this.settings), ageCheck);
    if (typeof age === 'number' && age >= consentAge) return this.askConsent(step);
    // No age after the re-asks is read as younger: the question about a parent's okay costs little, a record kept
    // without it where the law asks for it costs much more.
    progressOf(step).askedParent = true;
    const { t } = turnLanguage(step.context);
    const question = t('welcome.youngerConsentQuestion', { age: consentAge });
    const buttons = YES_NO.map((answer) => t(`choices.${answer}`));
    return step.prompt(
      CONSENT_PROMPT,
      parentAgreementOptions(this.settings.serviceName, {
        prompt: MessageFactory.suggestedActions(buttons, question),
        retryPrompt: MessageFactory.suggestedActions(buttons, question),
      }),
    );
  }

  private async afterParent(step: WaterfallStepContext) {
    if (!progressOf(step).askedParent) return step.next(step.result);
    if (answerOf(step) !== 'yes') {
      const { t } = turnLanguage(step.context);
      const declined = t('welcome.youngerDeclined', { serviceName: this.settings.serviceName });
      await step.context.sendActivity(declined);
      return step.endDialog(false);
    }
    return this.askConsent(step);
  }

  /** Their own yes or no to keeping their answers (after a parent's or carer's okay, where one was needed). */
  private async askConsent(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    const buttons = YES_NO.map((answer) => t(`choices.${answer}`));
    return step.prompt(
      CONSENT_PROMPT,
      consentOptions('consent', this.settings.serviceName, {
        prompt: MessageFactory.suggestedActions(buttons, t('welcome.consentQuestion')),
        retryPrompt: MessageFactory.suggestedActions(buttons, t('faq.consent.clarify')),
      }),
    );
  }

  private async recordConsent(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    // Only an unambiguous yes is consent; anything else after the re-asks is a no.
    const given = answerOf(step) === 'yes';
    if (!given) {
      // Nothing is kept when the young person says no: not even the refusal.
      const declined = t('welcome.consentDeclined', { serviceName: this.settings.serviceName });
      await step.context.sendActivity([declined, ...howToReachService(this.settings, t)].join(' '));
      return step.endDialog(false);
    }
    const withParentAgreement = progressOf(step).askedParent === true;
    await this.state.updateProfile(step.context, (profile) => {
      profile.consent = {
        given: true,
        at: new Date().toISOString(),
        ...(withParentAgreement ? { withParentAgreement } : {}),
      };
    });
    await step.context.sendActivity(t('welcome.consentGiven'));
    return step.endDialog(true);
  }
}
