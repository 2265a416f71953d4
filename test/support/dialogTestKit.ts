// What dialog tests need around a dialog: real botbuilder state over MemoryStorage, i18next from locales/,
// and the per-turn language the bot pipeline sets.
import { ConversationState, MemoryStorage, Middleware, TurnContext, UserState } from 'botbuilder';
import type { i18n } from 'i18next';
import { BotState } from '../../src/bot/state';
import { setTurnLanguage } from '../../src/bot/turnLanguage';
import { createI18n } from '../../src/i18n';

export interface DialogTestKit {
  storage: MemoryStorage;
  state: BotState;
  i18n: i18n;
  /** Sets the turn language, and saves user state after each turn as the bot does. */
  middleware: Middleware;
}

export async function createDialogTestKit(): Promise<DialogTestKit> {
  const storage = new MemoryStorage();
  const state = new BotState(new ConversationState(storage), new UserState(storage));
  const i18nInstance = await createI18n('en');
  const middleware: Middleware = {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      setTurnLanguage(context, i18nInstance, 'en');
      await next();
      await state.userState.saveChanges(context);
    },
  };
  return { storage, state, i18n: i18nInstance, middleware };
}
