// Composition root: builds storage, state, language, dialogs, bot, adapter and HTTP server from one Config.
import { ConversationState, UserState } from 'botbuilder';
import { MainDialog } from '../dialogs/mainDialog';
import { BotState } from './bot/state';
import { SmallStepsBot } from './bot/smallStepsBot';
import { CommandRecognisers } from './commands';
import type { Config } from './config';
import { HandoffDelivery } from './handoff/delivery';
import { Handoffs } from './handoff/handoffs';
import { HandoffInbox } from './handoff/inbox';
import { createI18n } from './i18n';
import type { Logger } from './log';
import { loadServiceCrisisLines } from './safety/crisisResources';
import { SafetyCheck } from './safety/safetyCheck';
import { createAdapter } from './server/adapter';
import { HttpServer } from './server/httpServer';
import { AppStorage, openStorage } from './storage';

export interface App {
  server: HttpServer;
  storage: AppStorage;
  inbox: HandoffInbox;
  delivery: HandoffDelivery;
}

export async function createApp(config: Config, logger: Logger): Promise<App> {
  const storage = await openStorage(config.storage);
  const inbox = await HandoffInbox.open(storage);
  const state = new BotState(new ConversationState(storage), new UserState(storage));
  const i18n = await createI18n(config.defaultLanguage);
  const delivery = new HandoffDelivery(inbox, logger, config.webhook);
  const handoffs = new Handoffs(delivery, state, config.serviceName);
  const mainDialog = new MainDialog(
    state,
    new CommandRecognisers(),
    {
      serviceName: config.serviceName,
      serviceContact: config.serviceContact,
      serviceResponseTime: config.serviceResponseTime,
      serviceCountry: config.serviceCountry,
      serviceCrisisLines: config.crisisLinesFile ? loadServiceCrisisLines(config.crisisLinesFile) : {},
    },
    handoffs,
  );
  const bot = new SmallStepsBot(state, mainDialog, i18n, config.defaultLanguage, new SafetyCheck(), logger);
  const adapter = createAdapter(config.bot, state, logger);
  const practitionerTokens = config.practitionerTokens;
  return {
    server: new HttpServer({ adapter, bot, storage, logger, inbox, practitionerTokens }),
    storage,
    inbox,
    delivery,
  };
}
