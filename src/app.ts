// Composition root: builds storage, state, language, dialogs, bot, adapter and HTTP server from one Config.
import { CloudAdapter, ConversationState, UserState } from 'botbuilder';
import { TurnRouter } from '../dialogs/turnRouter';
import { BotState } from './bot/state';
import { SmallStepsBot } from './bot/smallStepsBot';
import type { Config } from './config';
import { HandoffDelivery, PractitionerNotification } from './handoff/delivery';
import { Handoffs } from './handoff/handoffs';
import { HandoffInbox } from './handoff/inbox';
import { summaryCard, summaryText } from './handoff/summaryCard';
import { teamsNotifier } from './handoff/teamsNotifier';
import { createI18n, Translate } from './i18n';
import { describeError, Logger } from './log';
import { loadServiceCrisisLines } from './safety/crisisResources';
import { loadDirectAnswers } from './safety/directAnswer';
import { SafetyCheck } from './safety/safetyCheck';
import { loadUnderstanding } from './understanding/understand';
import { loadSummaryItemWords } from './handoff/summaryItems';
import { createAdapter } from './server/adapter';
import { HttpServer } from './server/httpServer';
import { AppStorage, openHandoffRepository, openStorage } from './storage';
import { importOldLayoutHandoffs } from './storage/oldHandoffLayout';
import { WebChatPage } from './webchat/page';

export interface App {
  server: HttpServer;
  storage: AppStorage;
  inbox: HandoffInbox;
  delivery: HandoffDelivery;
}

/** (c) The practitioners' Teams conversation, when configured: the summary as an Adaptive Card, in the service's language. */
function practitionerNotification(
  config: Config,
  adapter: CloudAdapter,
  t: Translate,
): PractitionerNotification | undefined {
  if (!config.practitionerConversation) return undefined;
  const notify = teamsNotifier(adapter, config.bot.appId, config.practitionerConversation);
  return (summary) => {
    const card = summaryCard(summary, t);
    // The message text is the card's header only, so a notification preview never shows the young person's words.
    return notify({ text: String(card.fallbackText), card });
  };
}

export async function createApp(config: Config, logger: Logger): Promise<App> {
  const storage = await openStorage(config.storage);
  const handoffRepository = await openHandoffRepository(config.storage, logger);
  // A failed import leaves the old handoffs where they were, for the next start; the bot still starts, so a young
  // person in crisis still gets an answer.
  await importOldLayoutHandoffs(storage, handoffRepository, logger).catch((error: unknown) =>
    logger.error(
      { error: describeError(error) },
      'handoffs in the old storage layout not moved; retried at next start',
    ),
  );
  const inbox = new HandoffInbox(handoffRepository);
  const state = new BotState(new ConversationState(storage), new UserState(storage));
  const i18n = await createI18n(config.defaultLanguage);
  const adapter = createAdapter(config.bot, state, logger);
  const practitionerT: Translate = i18n.getFixedT(config.defaultLanguage);
  const delivery = new HandoffDelivery({
    inbox,
    logger,
    renderText: (summary) => summaryText(summary, practitionerT),
    webhook: config.webhook,
    notifyPractitioners: practitionerNotification(config, adapter, practitionerT),
  });
  const handoffs = new Handoffs(delivery, state, config.serviceName);
  const router = new TurnRouter(
    state,
    {
      serviceName: config.serviceName,
      serviceContact: config.serviceContact,
      serviceResponseTime: config.serviceResponseTime,
      serviceNextSteps: config.serviceNextSteps,
      serviceCountry: config.serviceCountry,
      serviceCrisisLines: config.crisisLinesFile ? loadServiceCrisisLines(config.crisisLinesFile) : {},
    },
    handoffs,
  );
  // Every word list a reply is read with is checked now: a broken file stops the start, not a young person's turn.
  loadDirectAnswers();
  loadUnderstanding();
  loadSummaryItemWords();
  const bot = new SmallStepsBot(state, router, i18n, config.defaultLanguage, new SafetyCheck(), logger);
  const server = new HttpServer({
    adapter,
    bot,
    storage,
    logger,
    inbox,
    practitionerTokens: config.practitionerTokens,
    appId: config.bot.appId,
    ...(config.webChat
      ? {
          webChat: {
            page: new WebChatPage(i18n, config.serviceName, config.defaultLanguage),
            botName: 'Small Steps',
            ...config.webChat,
          },
        }
      : {}),
  });
  return {
    server,
    storage,
    inbox,
    delivery,
  };
}
