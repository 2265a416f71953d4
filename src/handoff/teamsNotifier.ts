// (c) of handoff delivery: a proactive message to a configured Teams conversation of practitioners, sent through the
// bot's own CloudAdapter with the stored conversation reference (continueConversationAsync).
import type { CloudAdapter, ConversationReference } from 'botbuilder';

export interface PractitionerConversation {
  serviceUrl: string;
  conversationId: string;
  tenantId?: string;
}

/** Sends one message into the practitioners' conversation; rejects when the channel refuses it. */
export type PractitionerNotifier = (message: { text: string; card?: Record<string, unknown> }) => Promise<void>;

export function teamsNotifier(
  adapter: CloudAdapter,
  botAppId: string,
  conversation: PractitionerConversation,
): PractitionerNotifier {
  const reference: Partial<ConversationReference> = {
    channelId: 'msteams',
    serviceUrl: conversation.serviceUrl,
    bot: { id: botAppId, name: 'Small Steps' },
    conversation: {
      id: conversation.conversationId,
      isGroup: true,
      conversationType: 'channel',
      name: '',
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
    },
  };
  return async ({ text, card }) => {
    // The adapter hands errors inside the turn to onTurnError, which does not rethrow: keep the failure to report it.
    let failure: unknown;
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      try {
        await context.sendActivity({
          type: 'message',
          text,
          ...(card ? { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] } : {}),
        });
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw failure instanceof Error ? failure : new Error('Teams refused the message');
  };
}
