// Composition root: builds storage, state, language, dialogs, bot, adapter and HTTP server from one Config.
import { CloudAdapter, ConversationState, UserState } from 'botbuilder';
import type { DialogSettings } from '../dialogs/settings';
import { TurnRouter } from '../dialogs/turnRouter';
import { BotState } from './bot/state';
import { SmallStepsBot } from './bot/smallStepsBot';
import type { Config } from './config';
import { HandoffDelivery } from './handoff/delivery';
import type { HandoffDestination } from './handoff/destinations/destination';
import { teamsDestination } from './handoff/destinations/teams';
import { webhookDestination } from './handoff/destinations/webhook';
import { Handoffs } from './handoff/handoffs';
import { HandoffInbox } from './handoff/inbox';
import { HandoffOutbox } from './handoff/outbox';
import { HandoffSpool } from './handoff/outboxSpool';
import { summaryText } from './handoff/summaryCard';
import { consentAges } from './privacy/consentAge';
import { createI18n, Translate } from './i18n';
import { describeError, Logger } from './log';
import { loadServiceCrisisLines } from './safety/crisisResources';
import { loadDirectAnswers } from './safety/directAnswer';
import { SafetyCheck } from './safety/safetyCheck';
import { loadUnderstanding } from './understanding/understand';
import { loadSummaryItemWords } from './handoff/summaryItems';
import { createAdapter } from './server/adapter';
import { HttpServer } from './server/httpServer';
import { AppStorage, jsonFilesFor, openHandoffRepository, openStorage } from './storage';
import { importOldLayoutHandoffs } from './storage/oldHandoffLayout';
import { PersonalDataEraser } from './privacy/erasure';
import { loadPersonKeys } from './privacy/personKeys';
import { RetentionSchedule } from './privacy/retention';
import { openOutboxStore } from './storage/outboxStores';
import { PreConsentStorage } from './storage/preConsentStorage';
import { WebChatPage } from './webchat/page';

export interface App {
  server: HttpServer;
  storage: AppStorage;
  inbox: HandoffInbox;
  delivery: HandoffDelivery;
  /** RETENTION_DAYS, applied daily from the start. */
  retention: RetentionSchedule;
  outbox: HandoffOutbox;
}

/**
 * Where handoffs go besides the inbox and the in-conversation event, each as configured: the signed webhook, the
 * practitioners' Teams conversation (the card in the service's language). A new destination is a file in
 * src/handoff/destinations/ and a line here.
 */
function handoffDestinations(config: Config, adapter: CloudAdapter, t: Translate): HandoffDestination[] {
  return [
    ...(config.webhook ? [webhookDestination(config.webhook)] : []),
    ...(config.practitionerConversation
      ? [teamsDestination(adapter, config.bot.appId, config.practitionerConversation, t)]
      : []),
  ];
}

export async function createApp(config: Config, logger: Logger): Promise<App> {
  const files = jsonFilesFor(config);
  const storage = await openStorage(config.storage, files);
  const handoffRepository = await openHandoffRepository(config.storage, logger, files);
  // A failed import leaves the old handoffs where they were, for the next start; the bot still starts, so a young
  // person in crisis still gets an answer.
  await importOldLayoutHandoffs(storage, handoffRepository, logger).catch((error: unknown) =>
    logger.error(
      { error: describeError(error) },
      'handoffs in the old storage layout not moved; retried at next start',
    ),
  );
  const inbox = new HandoffInbox(handoffRepository);
  const personKeys = await loadPersonKeys(config.personKeySecret, storage, logger);
  const outboxStore = await openOutboxStore(config.storage, files);
  const eraser = new PersonalDataEraser({
    storage,
    inbox,
    afterDelete: config.handoffAfterDelete,
    logger,
    pendingSends: outboxStore,
  });
  const preConsent = config.keepBeforeConsent === 'memory' ? new PreConsentStorage(storage) : undefined;
  const state = new BotState(new ConversationState(preConsent ?? storage), new UserState(storage), {
    personKeys,
    eraser,
    preConsent,
  });
  const i18n = await createI18n(config.defaultLanguage);
  const adapter = createAdapter(config.bot, state, logger);
  const practitionerT: Translate = i18n.getFixedT(config.practitionerLanguage ?? config.defaultLanguage);
  const outbox = new HandoffOutbox({
    store: outboxStore,
    inbox,
    spool: new HandoffSpool(config.handoffOutbox.spoolDir, files),
    destinations: handoffDestinations(config, adapter, practitionerT),
    logger,
    retryDelaysMs: config.handoffOutbox.retryDelaysMs,
    reminders: config.riskFollowUp,
  });
  const delivery = new HandoffDelivery({
    inbox,
    outbox,
    logger,
    renderText: (summary) => summaryText(summary, practitionerT),
  });
  const handoffs = new Handoffs(delivery, state, config.serviceName);
  const settings: DialogSettings = {
    serviceName: config.serviceName,
    serviceContact: config.serviceContact,
    serviceResponseTime: config.serviceResponseTime,
    serviceNextSteps: config.serviceNextSteps,
    serviceCountry: config.serviceCountry,
    ageCheck: config.ageCheck,
    involvementQuestionFirst: config.involvementQuestionFirst,
    serviceCrisisLines: config.crisisLinesFile ? loadServiceCrisisLines(config.crisisLinesFile) : {},
  };
  const router = new TurnRouter(state, settings, handoffs);
  // Every word list a reply is read with is checked now: a broken file stops the start, not a young person's turn.
  loadDirectAnswers();
  loadUnderstanding();
  consentAges();
  loadSummaryItemWords();
  const bot = new SmallStepsBot(state, router, i18n, config.defaultLanguage, new SafetyCheck(), logger, {
    storage,
    delivery,
    settings,
  });
  const server = new HttpServer({
    adapter,
    bot,
    storage,
    logger,
    inbox,
    outbox,
    practitionerTokens: config.practitionerTokens,
    channelAccess: {
      authenticated: config.bot.appId !== '',
      allowUnauthenticated: config.channel.allowUnauthenticated,
      allowedServiceUrls: config.channel.allowedServiceUrls,
    },
    trustedProxies: config.channel.trustedProxies,
    riskAckMs: config.riskFollowUp.ackMs,
    practitionerLanguage: { fixed: config.practitionerLanguage, fallback: config.defaultLanguage },
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
  if (server.ownDirectLine) eraser.addTranscriptHolder(server.ownDirectLine);
  const retention = new RetentionSchedule({ storage, inbox, retentionDays: config.retentionDays, logger });
  retention.start();
  // Sends left by an earlier process (retries due, claims that ran out, spooled handoffs) start now.
  outbox.start();
  return {
    server,
    storage,
    inbox,
    delivery,
    outbox,
    retention,
  };
}
