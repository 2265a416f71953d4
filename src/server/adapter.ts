// The Bot Framework edge: CloudAdapter with botbuilder's own authentication, and what happens when a turn fails.
import {
  Activity,
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
} from 'botframework-connector';
import type { Config } from '../config';
import type { BotState } from '../bot/state';
import { findTurnLanguage } from '../bot/turnLanguage';
import { describeError, Logger, pseudonymise } from '../log';

export function createAdapter(botConfig: Config['bot'], state: BotState, logger: Logger): CloudAdapter {
  // With an empty MicrosoftAppId botbuilder accepts unauthenticated calls (local use); with one set it validates
  // every request's JWT against the Bot Framework's keys.
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: botConfig.appId,
    MicrosoftAppPassword: botConfig.appPassword,
    MicrosoftAppType: botConfig.appType,
    MicrosoftAppTenantId: botConfig.tenantId,
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));

  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error(
      { error: describeError(error), conversation: pseudonymise(context.activity.conversation?.id) },
      'turn failed',
    );
    try {
      // Clear only where we were in the dialogs, so a broken step cannot trap the young person; what they told us stays.
      await state.dialogState.delete(context);
      await state.conversationState.saveChanges(context);
      // A turn that failed before it had a language has no words to apologise in; the log line is what remains.
      const language = findTurnLanguage(context);
      if (language) await context.sendActivity(language.t('errors.somethingWentWrong'));
    } catch (followUp) {
      logger.error({ error: describeError(followUp) }, 'could not recover from failed turn');
    }
  };
  return adapter;
}

/** Connector clients for this server's own channel: it is on loopback and sends no credentials. */
class OwnChannelConnectorFactory extends ConnectorFactory {
  create(serviceUrl: string): Promise<ConnectorClient> {
    return Promise.resolve(new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl }));
  }
}

/**
 * Runs turns for activities from this server's own Direct Line. The browser was authenticated by its conversation
 * token and replies go back to this server, so neither direction involves Azure: this works whether or not the bot
 * also has a Microsoft App ID for Teams.
 */
export function ownChannelTurns(
  adapter: CloudAdapter,
  appId: string,
  bot: ActivityHandler,
): (activity: Partial<Activity>) => Promise<void> {
  const authenticated = {
    audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
    claimsIdentity: new ClaimsIdentity([
      { type: AuthenticationConstants.AudienceClaim, value: appId },
      { type: AuthenticationConstants.AppIdClaim, value: appId },
    ]),
    connectorFactory: new OwnChannelConnectorFactory(),
  };
  return (activity) =>
    adapter.processActivityDirect(authenticated, activity as Activity, (context) => bot.run(context));
}
