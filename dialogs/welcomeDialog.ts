// Welcome and consent: who the bot is, what it keeps, and the young person's yes or no before anything is kept.
import { Channels, MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { consentOptions } from './consentQuestion';
import { Question, YES_NO, answerOf } from './prompts';
import { DialogSettings, howToReachService } from './settings';

export const WELCOME_DIALOG = 'welcomeDialog';
const CONSENT_PROMPT = 'consentPrompt';

export class WelcomeDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    private readonly settings: DialogSettings,
  ) {
    super(WELCOME_DIALOG);
    this.addDialog(new Question(CONSENT_PROMPT));
    this.addDialog(
      new WaterfallDialog(`${WELCOME_DIALOG}.steps`, [this.askConsent.bind(this), this.recordConsent.bind(this)]),
    );
    this.initialDialogId = `${WELCOME_DIALOG}.steps`;
  }

  private async askConsent(step: WaterfallStepContext) {
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
    const buttons = YES_NO.map((answer) => t(`choices.${answer}`));
    return step.prompt(
      CONSENT_PROMPT,
      consentOptions('consent', serviceName, {
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
    await this.state.updateProfile(step.context, (profile) => {
      profile.consent = { given: true, at: new Date().toISOString() };
    });
    await step.context.sendActivity(t('welcome.consentGiven'));
    return step.endDialog(true);
  }
}
