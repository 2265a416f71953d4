// The bot's turn pipeline: card answers as text, language (and their word for goals) for the turn, the safety
// check on everything the message carries, then the dialogs, then state saved once at the end.
import { ActivityTypes, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import type { TurnRouter } from '../../dialogs/turnRouter';
import type { Language } from '../i18n/languages';
import { describeError, Logger } from '../log';
import type { SafetyCheck } from '../safety/safetyCheck';
import { referralCodeFrom } from '../handoff/referral';
import { textFromSubmission, textsToCheck } from './cardSubmission';
import { BotState, UserProfile } from './state';
import { setTurnLanguage, turnLanguage } from './turnLanguage';
import { setTurnSafety, turnSafety } from './turnSafety';

// Conversations with more than one person (a Teams group chat or channel) are not for goal work: privacy first.
const SHARED_CONVERSATION_TYPES = ['groupChat', 'channel'];

export class SmallStepsBot extends TeamsActivityHandler {
  constructor(
    private readonly state: BotState,
    private readonly router: TurnRouter,
    private readonly i18nInstance: i18n,
    private readonly defaultLanguage: Language,
    private readonly safety: SafetyCheck,
    private readonly logger: Logger,
  ) {
    super();
    this.onMessage(async (context, next) => {
      if (this.isSharedConversation(context) && turnSafety(context)?.level !== 'risk') {
        // Risk is answered anywhere; anything else in a shared chat gets a kind pointer to a private chat.
        await context.sendActivity(turnLanguage(context).t('teams.privateOnly'));
      } else {
        await this.router.run(context);
      }
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (context.activity.conversation?.conversationType === 'channel') {
        this.reportPractitionerChannel(context);
      } else if (this.isSharedConversation(context)) {
        const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);
        if (botAdded) await context.sendActivity(turnLanguage(context).t('teams.privateOnly'));
      } else {
        const people = (context.activity.membersAdded ?? []).filter(
          (member) => member.id !== context.activity.recipient?.id,
        );
        if (people.length > 0) await this.router.run(context);
      }
      await next();
    });
  }

  async run(context: TurnContext): Promise<void> {
    // In Teams a message may start with an @mention of the bot; the words after it are what was said.
    if (context.activity.type === (ActivityTypes.Message as string))
      TurnContext.removeRecipientMention(context.activity);
    const submitted = textFromSubmission(context.activity);
    if (submitted !== undefined) context.activity.text = submitted;
    const referral = referralCodeFrom(context.activity);
    if (referral) await this.state.setReferral(context, referral);
    const profile = await this.state.readProfile(context);
    const { language } = setTurnLanguage(
      context,
      this.i18nInstance,
      this.defaultLanguage,
      profile?.preferences.goalWord,
    );
    if (context.activity.type === (ActivityTypes.Message as string)) await this.checkSafety(context, language, profile);
    await super.run(context);
    await this.state.saveChanges(context);
  }

  /** The safety check, on everything the message carries, before any dialog sees it. */
  private async checkSafety(context: TurnContext, language: Language, profile: UserProfile | undefined): Promise<void> {
    const texts = textsToCheck(context.activity);
    if (texts.length === 0) return;
    const verdict = this.safety.check(texts.join('\n'), language, (error) =>
      this.logger.error(
        { error: describeError(error) },
        'safety check failed; the message is treated as needing a human',
      ),
    );
    setTurnSafety(context, verdict);
    // Kind and time only, never the words; and only for a young person who agreed that answers are kept.
    if (verdict.signals.length > 0 && profile?.consent?.given) {
      const at = new Date().toISOString();
      await this.state.updateProfile(context, (p) => {
        p.signals.push(...verdict.signals.map((signal) => ({ kind: signal.kind, at })));
      });
    }
  }

  private isSharedConversation(context: TurnContext): boolean {
    return SHARED_CONVERSATION_TYPES.includes(context.activity.conversation?.conversationType ?? '');
  }

  /**
   * A Teams channel is where practitioners would read handoffs, never a young person's conversation: no welcome there;
   * the log line gives the service the value for PRACTITIONER_TEAMS_CONVERSATION (a channel's ids, not a person's).
   */
  private reportPractitionerChannel(context: TurnContext): void {
    const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
    const conversation = {
      serviceUrl: context.activity.serviceUrl,
      conversationId: context.activity.conversation.id,
      ...(channelData?.tenant?.id ? { tenantId: channelData.tenant.id } : {}),
    };
    this.logger.info(
      { practitionerTeamsConversation: JSON.stringify(conversation) },
      'added to a Teams channel: set PRACTITIONER_TEAMS_CONVERSATION to this value to send handoffs here',
    );
  }
}
