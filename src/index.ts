// Entry point: configuration, the app, listening, and a graceful stop on SIGTERM/SIGINT.
import { createApp } from './app';
import { Config, ConfigError, loadConfig, loadDotEnv } from './config';
import { createLogger, describeError } from './log';

function configOrExit(): Config {
  loadDotEnv();
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);

  const { server, retention } = await createApp(config, logger);
  const url = await server.listen(config.port);
  logger.info(
    {
      url,
      storage: config.storage.kind,
      authentication: config.bot.appId
        ? 'bot-framework'
        : config.channel.allowUnauthenticated
          ? 'none (ALLOW_UNAUTHENTICATED_CHANNEL)'
          : 'none: /api/messages answers this machine only',
      // Where a young person can chat in a browser, and through which Direct Line.
      webChat: !config.webChat ? 'off' : config.webChat.azureDirectLine ? 'Azure Direct Line' : `${url}/`,
    },
    'Small Steps is listening',
  );
  if (!config.bot.appId && config.channel.allowUnauthenticated) {
    // Loud on purpose: anyone who can reach the port can post as any young person and read their answers back.
    logger.warn(
      'ALLOW_UNAUTHENTICATED_CHANNEL=true and no MicrosoftAppId: /api/messages trusts every caller on the network. ' +
        'For development only; never run a service like this.',
    );
  }

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // The purge first: one cut short by closing storage would only finish at the next start.
    Promise.all([retention.stop(), server.shutdown()]).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ error: describeError(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  // A start-up failure (storage unreachable, locales missing) gets one line, then a non-zero exit.
  console.error(`Small Steps could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
