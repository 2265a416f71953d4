// What dialog tests need around a dialog: real botbuilder state over MemoryStorage, a real handoff store (lowdb files
// in a temporary folder, removed after the test file), i18next from locales/, and the per-turn language the bot
// pipeline sets.
import { ConversationState, MemoryStorage, Middleware, TurnContext, UserState } from 'botbuilder';
import type { i18n } from 'i18next';
import { BotState } from '../../src/bot/state';
import { setTurnLanguage } from '../../src/bot/turnLanguage';
import type { HandoffRepository } from '../../src/handoff/repository';
import { createI18n } from '../../src/i18n';
import type { Language } from '../../src/i18n/languages';
import { HandoffStoreUnderTest, tempLowdbHandoffStore } from './handoffStores';

export interface DialogTestKit {
  storage: MemoryStorage;
  /** Where handoffs go, and the folder its files are in. */
  handoffs: HandoffRepository;
  handoffsDataDir: string;
  state: BotState;
  i18n: i18n;
  /** Sets the turn language, and saves user state after each turn as the bot does. */
  middleware: Middleware;
}

// Registered when a test file imports this module, so every kit's folder goes when the file's tests are done.
const handoffStores: HandoffStoreUnderTest[] = [];
afterAll(() => Promise.all(handoffStores.splice(0).map((store) => store.dispose())));

/** `language`: the turn language every turn is set to, as the bot pipeline would from the young person's choice. */
export async function createDialogTestKit(language: Language = 'en'): Promise<DialogTestKit> {
  const storage = new MemoryStorage();
  const handoffStore = await tempLowdbHandoffStore();
  handoffStores.push(handoffStore);
  const state = new BotState(new ConversationState(storage), new UserState(storage));
  const i18nInstance = await createI18n('en');
  const middleware: Middleware = {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      setTurnLanguage(context, i18nInstance, language);
      await next();
      await state.userState.saveChanges(context);
    },
  };
  return {
    storage,
    handoffs: await handoffStore.open(),
    handoffsDataDir: handoffStore.env.DATA_DIR,
    state,
    i18n: i18nInstance,
    middleware,
  };
}
