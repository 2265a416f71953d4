// "Talk to a person", at any time: a short confirmation, then a handoff with urgency "soon" carrying what the young
// person has agreed to share, what happens next and when, in the service's words, and how they would like to be
// reached (optional, added to that handoff).
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { HandoffPort } from '../src/handoff/handoffs';
import { Question, choiceAnswer, choiceOptions, choicesFor, YES_NO } from './prompts';
import { REACH_DIALOG, ReachOptions, ReachQuestionDialog } from './reachQuestion';
import { crisisResourcesForTurn, DialogSettings, personRequestedText } from './settings';

export const TALK_TO_PERSON_DIALOG = 'talkToPersonDialog';
const CHOICE = 'talkToPersonChoice';

export class TalkToPersonDialog extends ComponentDialog {
  constructor(
    private readonly settings: DialogSettings,
    private readonly handoff: HandoffPort,
  ) {
    super(TALK_TO_PERSON_DIALOG);
    this.addDialog(new Question(CHOICE));
    this.addDialog(new ReachQuestionDialog(settings, handoff));
    this.addDialog(
      new WaterfallDialog(`${TALK_TO_PERSON_DIALOG}.steps`, [this.confirm.bind(this), this.send.bind(this)]),
    );
    this.initialDialogId = `${TALK_TO_PERSON_DIALOG}.steps`;
  }

  private async confirm(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    const prompt = t('handoff.confirm', { serviceName: this.settings.serviceName });
    // Asking for a person sends a handoff: only a clear yes does it.
    return step.prompt(CHOICE, choiceOptions(t, prompt, choicesFor(t, 'choices', YES_NO), { consentCritical: true }));
  }

  private async send(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    if (choiceAnswer(step) !== 'yes') {
      await step.context.sendActivity(t('handoff.notSent'));
      return step.endDialog();
    }
    const handoff = await this.handoff.request(step.context, 'askedForPerson', 'soon');
    const emergency = crisisResourcesForTurn(step, this.settings).emergencyNumber;
    await step.context.sendActivity(`${personRequestedText(this.settings, t)} ${t('handoff.sooner', { emergency })}`);
    const reach: ReachOptions = { handoffId: handoff.id };
    return step.beginDialog(REACH_DIALOG, reach);
  }
}
