// The practitioners' Teams conversation (PRACTITIONER_TEAMS_CONVERSATION): each handoff as an Adaptive Card in the
// service's language, sent as a proactive message through the bot's own CloudAdapter (continueConversationAsync).
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Translate } from '../../i18n';
import type { HandoffSummary } from '../handoffSummary';
import { summaryCard } from '../summaryCard';
import { DestinationError, HandoffDestination, ReminderNotice } from './destination';

export interface PractitionerConversation {
  serviceUrl: string;
  conversationId: string;
  tenantId?: string;
}

export function teamsDestination(
  adapter: CloudAdapter,
  botAppId: string,
  conversation: PractitionerConversation,
  t: Translate,
): HandoffDestination {
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
  return {
    name: 'teams',
    async send(summary: HandoffSummary, _signal: AbortSignal, reminder?: ReminderNotice) {
      const card = summaryCard(summary, t);
      // A reminder says so first, in the notification too; the card below it is the handoff as it now is.
      const header = String(card.fallbackText);
      const text = reminder
        ? `${t('practitionerCard.reminder', { count: reminder.unacknowledgedMinutes })} ${header}`
        : header;
      // The adapter hands errors inside the turn to onTurnError, which does not rethrow: keep the failure to report it.
      let failure: unknown;
      await adapter.continueConversationAsync(botAppId, reference, async (context) => {
        try {
          await context.sendActivity({
            type: 'message',
            // The card's header only, so a notification preview never shows the young person's words.
            text,
            attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
          });
        } catch (error) {
          failure = error;
        }
      });
      if (failure !== undefined) {
        throw failure instanceof Error ? failure : new DestinationError('Teams refused the message');
      }
    },
  };
}
