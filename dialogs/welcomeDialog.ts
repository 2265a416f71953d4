// Welcome and consent: who the bot is, what it keeps, and the young person's yes or no before anything is kept.
import { ComponentDialog, ConfirmPrompt, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { DialogSettings, howToReachService } from './settings';

export const WELCOME_DIALOG = 'welcomeDialog';
const CONSENT_PROMPT = 'consentPrompt';

export class WelcomeDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    private readonly settings: DialogSettings,
  ) {
    super(WELCOME_DIALOG);
    const consentPrompt = new ConfirmPrompt(CONSENT_PROMPT);
    consentPrompt.style = ListStyle.suggestedAction;
    this.addDialog(consentPrompt);
    this.addDialog(
      new WaterfallDialog(`${WELCOME_DIALOG}.steps`, [this.askConsent.bind(this), this.recordConsent.bind(this)]),
    );
    this.initialDialogId = `${WELCOME_DIALOG}.steps`;
  }

  private async askConsent(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    const serviceName = this.settings.serviceName;
    await step.context.sendActivities([
      { type: 'message', text: t('welcome.intro', { serviceName }) },
      { type: 'message', text: t('welcome.whatWeDo') },
      { type: 'message', text: t('welcome.whatIsKept', { serviceName }) },
    ]);
    return step.prompt(CONSENT_PROMPT, {
      prompt: t('welcome.consentQuestion'),
      retryPrompt: t('welcome.consentQuestion'),
    });
  }

  private async recordConsent(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    const given = step.result === true;
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
