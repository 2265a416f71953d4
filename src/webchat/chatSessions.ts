// Where the page's Direct Line conversation comes from: this server's own (the default, no Azure), or Azure Bot
// Service's when a Direct Line secret is configured. The page asks POST /webchat/token either way.
import type { Logger } from '../log';
import { azureDirectLineSession, AzureDirectLineSettings } from './azureDirectLine';
import { Answer, checkUserId, LocalDirectLine, SessionRequest } from './directLine/localDirectLine';

export interface ChatSessions {
  open(request: SessionRequest): Promise<Answer>;
  /** Origins the page connects to besides its own, for its Content-Security-Policy. */
  connectSources: string[];
}

export function ownDirectLineSessions(directLine: LocalDirectLine): ChatSessions {
  return {
    open: (request) => {
      const answer = directLine.openSession(request);
      if (answer.status !== 200) return Promise.resolve(answer);
      // Relative, so it works behind any proxy or host name.
      return Promise.resolve({
        ...answer,
        body: { ...(answer.body as object), domain: '/v3/directline', resumable: true },
      });
    },
    connectSources: [],
  };
}

export function azureDirectLineSessions(settings: AzureDirectLineSettings, logger: Logger): ChatSessions {
  return {
    open: async (request) => {
      const userId = checkUserId(request.userId);
      if (typeof userId !== 'string') return userId;
      return azureDirectLineSession(settings, userId, logger);
    },
    connectSources: [new URL(settings.endpoint).origin],
  };
}
