// The bot's turn pipeline: card answers as text, language for the turn, the safety check on everything the message
// carries (both from the activity alone, before any storage), then their word for goals, the dialogs, and state saved
// once at the end. When storage fails, a risk message still gets the whole risk reply and its handoff is spooled; any
// other message gets a kind "try again in a moment", never silence.
import AsyncLock from 'async-lock';
import { Activity, ActivityTypes, InvokeResponse, StatusCodes, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import { crisisResourcesForTurn, DialogSettings } from '../../dialogs/settings';
import type { TurnRouter } from '../../dialogs/turnRouter';
import type { HandoffDelivery } from '../handoff/delivery';
import { handoffsDeliveredThisTurn } from '../handoff/delivery';
import type { Language } from '../i18n/languages';
import { describeError, Logger } from '../log';
import { isJsonObject } from '../server/jsonObject';
import { checkInWindows, type SafetyCheck, type SafetyVerdict } from '../safety/safetyCheck';
import { referralCodeFrom } from '../handoff/referral';
import type { AppStorage } from '../storage/appStorage';
import { textFromSubmission, textsToCheck } from './cardSubmission';
import { BotState } from './state';
import { setTurnLanguage, TurnLanguage, turnLanguage } from './turnLanguage';
import { riskReplyTexts, setTurnSafety, turnSafety } from './turnSafety';

// Conversations with more than one person (a Teams group chat or channel) are not for goal work: privacy first.
const SHARED_CONVERSATION_TYPES = ['groupChat', 'channel'];

// The activities that can start the welcome. Teams sends two for one personal-app install, often at the same moment.
const JOIN_ACTIVITY_TYPES: string[] = [ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate];

/** The parts of Teams' channelData read here. */
interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string };
}

function teamsChannelData(activity: Activity): TeamsChannelData {
  const channelData: unknown = activity.channelData;
  return isJsonObject(channelData) ? channelData : {};
}

/** A Teams channel: said by conversationType, or, in older payloads that lack it, by the team in channelData. */
function isTeamChannel(activity: Activity): boolean {
  return activity.conversation?.conversationType === 'channel' || teamsChannelData(activity).team !== undefined;
}

/** More than one person: a group chat or channel by conversationType, or by the older signs (isGroup, a team). */
function isSharedConversation(activity: Activity): boolean {
  return (
    SHARED_CONVERSATION_TYPES.includes(activity.conversation?.conversationType ?? '') ||
    activity.conversation?.isGroup === true ||
    isTeamChannel(activity)
  );
}

/** What the bot needs to answer a turn whose storage failed; without it, such a turn fails as any other (tests). */
export interface WithoutStorage {
  storage: Pick<AppStorage, 'checkHealth'>;
  delivery: HandoffDelivery;
  settings: DialogSettings;
}

export class SmallStepsBot extends TeamsActivityHandler {
  // One join turn at a time per conversation, so the second of two arriving together finds the welcome under way.
  private readonly joinTurns = new AsyncLock({ maxPending: Infinity });

  constructor(
    private readonly state: BotState,
    private readonly router: TurnRouter,
    private readonly i18nInstance: i18n,
    private readonly defaultLanguage: Language,
    private readonly safety: SafetyCheck,
    private readonly logger: Logger,
    private readonly withoutStorage?: WithoutStorage,
  ) {
    super();
    this.onMessage(async (context, next) => {
      if (isSharedConversation(context.activity) && turnSafety(context)?.level !== 'risk') {
        // Risk is answered anywhere; anything else in a shared chat gets a kind pointer to a private chat.
        await context.sendActivity(turnLanguage(context).t('teams.privateOnly'));
      } else {
        await this.router.run(context);
      }
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const { activity } = context;
      const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
      const peopleAdded = (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient?.id);
      if (isTeamChannel(activity)) {
        this.reportPractitionerChannel(context);
      } else if (isSharedConversation(activity)) {
        if (botAdded) await context.sendActivity(turnLanguage(context).t('teams.privateOnly'));
      } else if (peopleAdded || (botAdded && activity.channelId === 'msteams')) {
        // A Teams personal-app install lists only the bot: the young person is already there, waiting.
        await this.router.run(context);
      }
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      // Not 'add-upgrade': a new version of the app is no reason to start the conversation again.
      const { activity } = context;
      if (activity.action === 'add' && !isSharedConversation(activity)) await this.router.run(context);
      await next();
    });
  }

  async run(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (!JOIN_ACTIVITY_TYPES.includes(activity.type)) return this.runTurn(context);
    // A dialog waiting for an answer ignores a later join, so serialised joins welcome once.
    await this.joinTurns.acquire(`${activity.channelId}/${activity.conversation?.id}`, () => this.runTurn(context));
  }

  /**
   * botbuilder answers 501 to an invoke without a handler, which Teams shows the young person as an error; the bot
   * has nothing to do for those, so an empty 200 says it was received. Other answers (a malformed 400) stay.
   */
  protected async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    // botbuilder reads value.action.type unchecked: without this, such an invoke would fail the turn with a 500.
    const value: unknown = context.activity.value;
    if (context.activity.name === 'adaptiveCard/action' && !(isJsonObject(value) && isJsonObject(value.action))) {
      return { status: StatusCodes.BAD_REQUEST };
    }
    const response = await super.onInvokeActivity(context);
    return response.status === (StatusCodes.NOT_IMPLEMENTED as number) ? { status: StatusCodes.OK } : response;
  }

  private async runTurn(context: TurnContext): Promise<void> {
    // In Teams a message may start with an @mention of the bot; the words after it are what was said.
    if (context.activity.type === (ActivityTypes.Message as string))
      TurnContext.removeRecipientMention(context.activity);
    const submitted = textFromSubmission(context.activity);
    if (submitted !== undefined) context.activity.text = submitted;
    // A channel that names no language (Direct Line's conversation start, some card submissions) goes on in the one
    // the bot last spoke in here.
    const { chosen, spoken } = await this.rememberedLanguages(context);
    const language = setTurnLanguage(context, this.i18nInstance, spoken ?? this.defaultLanguage, chosen);
    const verdict = await this.checkSafety(context, language.language);
    const sent = sentThisTurn(context);
    try {
      await this.runWithState(context, language, verdict, sent);
    } catch (error) {
      if (!this.withoutStorage) throw error;
      const storageDown = await this.withoutStorage.storage.checkHealth().then(
        () => false,
        () => true,
      );
      if (verdict?.level === 'risk') await this.finishRiskReply(context, verdict, sent, this.withoutStorage);
      // Storage up: the turn failed for another reason; the adapter logs it, apologises and clears the dialog stack.
      if (!storageDown) throw error;
      this.logger.error({ error: describeError(error) }, 'turn failed: storage unavailable');
      if (verdict?.level !== 'risk' && context.activity.type === (ActivityTypes.Message as string)) {
        await context.sendActivity(language.t('errors.somethingWentWrong'));
      }
    }
  }

  /**
   * The language they chose and the one the bot last spoke here, read before the safety check so it reads their words
   * in their language. Storage down: neither (the channel's language), and the turn goes on to the storage-down path.
   */
  private async rememberedLanguages(context: TurnContext): Promise<{ chosen?: Language; spoken?: Language }> {
    const [chosen, spoken] = await Promise.all([
      this.state.chosenLanguage(context),
      this.state.spokenLanguage(context),
    ]).catch(() => []);
    return { chosen, spoken };
  }

  /** Everything in the turn that reads or writes storage. */
  private async runWithState(
    context: TurnContext,
    language: TurnLanguage,
    verdict: SafetyVerdict | undefined,
    sent: ReadonlyArray<Partial<Activity>>,
  ): Promise<void> {
    const referral = referralCodeFrom(context.activity);
    if (referral) await this.state.setReferral(context, referral);
    const profile = await this.state.readProfile(context);
    if (profile?.preferences.goalWord) language.useGoalWord(profile.preferences.goalWord);
    // Kind and time only, never the words (kept only for a young person who agreed: updateProfile enforces it).
    if (verdict && verdict.signals.length > 0) {
      const at = new Date().toISOString();
      await this.state.updateProfile(context, (p) => {
        p.signals.push(...verdict.signals.map((signal) => ({ kind: signal.kind, at })));
      });
    }
    await super.run(context);
    if (sent.length > 0) await this.state.noteSpokenLanguage(context, turnLanguage(context).language);
    await this.state.saveChanges(context);
  }

  /** The safety check, on everything a message carries, before any dialog (or storage) sees it. */
  private async checkSafety(context: TurnContext, language: Language): Promise<SafetyVerdict | undefined> {
    if (context.activity.type !== (ActivityTypes.Message as string)) return undefined;
    const texts = textsToCheck(context.activity);
    if (texts.length === 0) return undefined;
    const verdict = await checkInWindows(this.safety, texts.join('\n'), language, (error) =>
      this.logger.error(
        { error: describeError(error) },
        'safety check failed; the message is treated as needing a human',
      ),
    );
    setTurnSafety(context, verdict);
    return verdict;
  }

  /**
   * A risk turn that failed part-way: whatever of the risk reply was not yet said is said now, in the same words,
   * and the risk handoff, unless already kept, goes to the spool (and straight to the webhook and Teams).
   */
  private async finishRiskReply(
    context: TurnContext,
    verdict: SafetyVerdict,
    sent: Array<Partial<Activity>>,
    { delivery, settings }: WithoutStorage,
  ): Promise<void> {
    const { t, language } = turnLanguage(context);
    const said = JSON.stringify(sent);
    const unsaid = riskReplyTexts(t, language, crisisResourcesForTurn({ context }, settings)).filter(
      (text) => !said.includes(JSON.stringify(text).slice(1, -1)),
    );
    await context.sendActivities(unsaid.map((text) => ({ type: ActivityTypes.Message, text })));
    if (handoffsDeliveredThisTurn(context).includes('risk')) return;
    const at = new Date().toISOString();
    await delivery.deliverWithoutStorage(context, {
      service: settings.serviceName,
      language,
      reason: 'risk',
      urgency: 'immediate',
      profile: undefined,
      signalsNow: verdict.signals.map((signal) => ({ kind: signal.kind, at })),
      safetyCheckFailed: verdict.checkFailed,
      personKey: this.state.personKeyOf(context),
    });
  }

  /**
   * A Teams channel is where practitioners would read handoffs, never a young person's conversation: no welcome there;
   * the log line gives the service the value for PRACTITIONER_TEAMS_CONVERSATION (a channel's ids, not a person's).
   */
  private reportPractitionerChannel(context: TurnContext): void {
    const { tenant } = teamsChannelData(context.activity);
    const conversation = {
      serviceUrl: context.activity.serviceUrl,
      conversationId: context.activity.conversation.id,
      ...(tenant?.id ? { tenantId: tenant.id } : {}),
    };
    this.logger.info(
      { practitionerTeamsConversation: JSON.stringify(conversation) },
      'added to a Teams channel: set PRACTITIONER_TEAMS_CONVERSATION to this value to send handoffs here',
    );
  }
}

/** Every activity the bot sends in this turn, from now on (what a failed turn has already said). */
function sentThisTurn(context: TurnContext): Array<Partial<Activity>> {
  const sent: Array<Partial<Activity>> = [];
  context.onSendActivities(async (_context, activities, next) => {
    const responses = await next();
    sent.push(...activities);
    return responses;
  });
  return sent;
}
