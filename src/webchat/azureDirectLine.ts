// When the service uses Azure Bot Service's Direct Line instead of this server's: the Direct Line secret stays here
// and the page gets a token for one conversation, bound to the young person's random user id.
import { describeError, Logger } from '../log';
import type { Answer } from './directLine/localDirectLine';

export interface AzureDirectLineSettings {
  /** e.g. https://directline.botframework.com/v3/directline, or a regional endpoint. */
  endpoint: string;
  secret: string;
}

const TIMEOUT_MS = 10_000;

export async function azureDirectLineSession(
  settings: AzureDirectLineSettings,
  userId: string,
  logger: Logger,
): Promise<Answer> {
  const unavailable: Answer = { status: 502, body: { error: 'The chat service is not answering; please try again.' } };
  try {
    const response = await fetch(`${settings.endpoint}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${settings.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) {
      logger.error({ status: response.status }, 'Azure Direct Line refused to issue a token');
      return unavailable;
    }
    const issued = (await response.json()) as { conversationId?: unknown; token?: unknown; expires_in?: unknown };
    if (typeof issued.token !== 'string' || typeof issued.conversationId !== 'string') {
      logger.error('Azure Direct Line answered without a token');
      return unavailable;
    }
    return {
      status: 200,
      body: {
        conversationId: issued.conversationId,
        token: issued.token,
        expires_in: issued.expires_in,
        domain: settings.endpoint,
        // Azure's tokens cannot be renewed for an old conversation without the secret; a reload starts a new one
        // (the young person's goals are kept by their user id all the same).
        resumable: false,
      },
    };
  } catch (error) {
    logger.error({ error: describeError(error) }, 'Azure Direct Line could not be reached');
    return unavailable;
  }
}
