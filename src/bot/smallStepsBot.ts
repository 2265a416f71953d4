// The bot's turn pipeline: card answers as text, language (and their word for goals) for the turn, then the
// dialogs, then state saved once at the end.
import { ActivityHandler, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import type { MainDialog } from '../../dialogs/mainDialog';
import type { Language } from '../i18n/languages';
import { textFromSubmission } from './cardSubmission';
import { BotState } from './state';
import { setTurnLanguage } from './turnLanguage';

export class SmallStepsBot extends ActivityHandler {
  constructor(
    private readonly state: BotState,
    private readonly mainDialog: MainDialog,
    private readonly i18nInstance: i18n,
    private readonly defaultLanguage: Language,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.mainDialog.run(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const people = (context.activity.membersAdded ?? []).filter(
        (member) => member.id !== context.activity.recipient?.id,
      );
      if (people.length > 0) await this.mainDialog.run(context);
      await next();
    });
  }

  async run(context: TurnContext): Promise<void> {
    const submitted = textFromSubmission(context.activity);
    if (submitted !== undefined) context.activity.text = submitted;
    const profile = await this.state.readProfile(context);
    setTurnLanguage(context, this.i18nInstance, this.defaultLanguage, profile?.preferences.goalWord);
    await super.run(context);
    await this.state.saveChanges(context);
  }
}
