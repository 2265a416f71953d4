// The shape of everything the bot keeps, in one place, with a version for later migrations; and the one rule on
// keeping it: nothing about a young person is written unless they said yes to keeping their answers.
import { randomBytes } from 'node:crypto';
import type { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { GboRating } from '../goals/gbo';
import { CONVERSATION_OWNER_PROPERTY, ErasureReport, NOTHING_ELSEWHERE, PersonalDataEraser } from '../privacy/erasure';
import { PersonKeys } from '../privacy/personKeys';
import type { PreConsentStorage } from '../storage/preConsentStorage';
import type { Language } from '../i18n/languages';
import type { DirectAnswer } from '../safety/directAnswer';
import type { SignalKind } from '../safety/types';

export const STATE_VERSION = 1;

export interface ConsentRecord {
  given: boolean;
  at: string; // ISO 8601
  /** Younger than the country's age of digital consent, they said a parent or carer had agreed (ASK_AGE). */
  withParentAgreement?: boolean;
}

export interface CheckInRecord {
  score: number; // 0 (fine) … 10 (the worst it gets)
  at: string; // ISO 8601
}

export const GOAL_WORK_CHOICES = ['now', 'later', 'knowPractitionerFirst'] as const;
export type GoalWorkChoice = (typeof GOAL_WORK_CHOICES)[number];
export const PAST_EXPERIENCES = ['helpful', 'unhelpful', 'mixed', 'never'] as const;
export type PastExperience = (typeof PAST_EXPERIENCES)[number];
export const INVOLVED_CHOICES = ['justMe', 'family', 'someoneElse'] as const;
export type InvolvedChoice = (typeof INVOLVED_CHOICES)[number];
export const LIFE_AREAS = [
  'feelings',
  'friends',
  'family',
  'sleep',
  'confidence',
  'everydayThings',
  'schoolCollegeWork',
  'somethingElse',
] as const;
export type LifeArea = (typeof LIFE_AREAS)[number];

/** What the young person told us about how they want to work; every field is theirs to leave unanswered. */
export interface Preferences {
  goalWork?: GoalWorkChoice;
  pastExperience?: PastExperience;
  /** The word they want used for goals, in their words ("hopes", "next steps", "stuff I want to change"). */
  goalWord?: string;
  involved?: InvolvedChoice;
  answeredAt?: string;
  /** The language they chose to chat in ("change language"): used over the channel's from then on. */
  language?: Language;
}

export interface Goal {
  id: string;
  area: LifeArea;
  /** The goal in the young person's own words, as they confirmed it. */
  text: string;
  /** What they first said, when the phrasing helper offered another version they chose. */
  firstWording?: string;
  firstStep?: string;
  /** Goal Based Outcome ratings: 0 = not at all close, 10 = there; change = latest − first. */
  ratings: GboRating[];
  status: 'active' | 'achieved' | 'dropped';
  createdAt: string;
}

/** A summary the young person has seen and decided about: the boundary handed to the handoff. */
export interface AgreedSummary {
  id: string;
  decidedAt: string;
  shared: boolean;
  /** Sections the young person removed before deciding. */
  removed: SummarySection[];
  /** Single goals (their ids) the young person removed; absent in summaries decided before goals could be. */
  removedGoals?: string[];
  /** What they would like the practitioner to know, in their words (optional). */
  noteForPractitioner?: string;
  /** The routine handoff that delivered this summary when it was shared: what withdrawing the share takes back. */
  handoffId?: string;
  /** When the young person withdrew the share: no later handoff carries this summary's content. */
  withdrawnAt?: string;
}
export const SUMMARY_SECTIONS = ['checkIns', 'preferences', 'goals', 'safetyPlan', 'note'] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

export const SAFETY_PLAN_SECTIONS = [
  'warningSigns',
  'copingStrategies',
  'distractions',
  'peopleToAsk',
  'professionals',
  'saferSpace',
] as const;
export type SafetyPlanSection = (typeof SAFETY_PLAN_SECTIONS)[number];

/** A brief safety plan (after Stanley & Brown's Safety Planning Intervention), in the young person's words. */
export interface SafetyPlan {
  sections: Partial<Record<SafetyPlanSection, string>>;
  updatedAt: string;
}

/** A safety signal noticed in a message: its kind and when, never the words. */
export interface NoticedSignal {
  kind: SignalKind;
  at: string;
}

/** Why the bot asked directly about thoughts of not wanting to be alive or of self-harm. */
export type DirectQuestionReason = 'unsure' | 'hopelessness' | 'checkIn';

/** The direct question and how it was answered: a fact (kind and time), never the words typed. */
export interface DirectQuestionRecord {
  askedBecause: DirectQuestionReason;
  answer: DirectAnswer;
  at: string;
}

/** What is kept about a young person across conversations (botbuilder UserState). */
export interface UserProfile {
  version: typeof STATE_VERSION;
  consent?: ConsentRecord;
  checkIns: CheckInRecord[];
  signals: NoticedSignal[];
  directQuestions: DirectQuestionRecord[];
  safetyPlan?: SafetyPlan;
  preferences: Preferences;
  goals: Goal[];
  summaries: AgreedSummary[];
}

export function newUserProfile(): UserProfile {
  return {
    version: STATE_VERSION,
    checkIns: [],
    signals: [],
    directQuestions: [],
    preferences: {},
    goals: [],
    summaries: [],
  };
}

/** A profile stored by an earlier version, given the fields added since (every addition so far is optional data). */
function withCurrentShape(stored: Partial<UserProfile>): UserProfile {
  return { ...newUserProfile(), ...stored, version: STATE_VERSION };
}

/** Goals still being worked on, in the order they were set. */
export function activeGoals(profile: UserProfile | undefined): Goal[] {
  return (profile?.goals ?? []).filter((goal) => goal.status === 'active');
}

/** What is kept about this conversation beyond where the dialogs are (botbuilder ConversationState). */
export interface ConversationData {
  /** Set by "stop"/"pause"; the next message is asked whether to carry on where they left off. */
  pausedAt?: string;
  /** "Shall we carry on?" was asked after a pause: the next message is read as its answer first. */
  resumeAsked?: boolean;
  /** When the conversation said goodbye: a message soon after gets "what happens next", not a new check-in. */
  closedAt?: string;
  /** The service's referral code this conversation was opened with (e.g. a chat link's ?ref=ABC123). */
  referral?: string;
  /** The last time the direct question was asked here, and the answer (asked at most once per visit). */
  directQuestion?: DirectQuestionRecord;
  /** Concern evidence (one-way keys) they chose to carry on past: the same words do not pause again this visit. */
  carriedOnPast?: Array<{ evidence: string; at: string }>;
  /** When a risk handoff was made in this conversation, so a later "no" can say the service still knows. */
  riskHandoffAt?: string;
  /** Which handoff that was: what they answer next ("right now?") is recorded on it. */
  riskHandoffId?: string;
  /** The language chosen in this conversation, also before (or without) a yes to keeping answers. */
  language?: Language;
  /** Languages the bot has offered to switch to in this conversation: each is offered once. */
  languagesOffered?: Language[];
  /**
   * The language the bot last spoke in here: a message whose channel names no language goes on in it, and one whose
   * channel names another (the browser's, after a welcome in the service's default) is asked again in that one.
   */
  spokenLanguage?: Language;
}

/**
 * How long the bot remembers, within one conversation, that it asked directly or that the young person chose to carry
 * on past some words. A Teams chat never ends, so "this conversation" means this visit: the last 12 hours.
 */
export const SAFETY_MEMORY_HOURS = 12;

function withinSafetyMemory(at: string, now: Date): boolean {
  return now.getTime() - Date.parse(at) < SAFETY_MEMORY_HOURS * 3_600_000;
}

/** Whether a conversation's state holds nothing to come back to: no dialog under way and no conversation data. */
function holdsNothing(state: Record<string, unknown>): boolean {
  return Object.entries(state).every(([name, value]) => {
    if (name === 'eTag' || name === CONVERSATION_OWNER_PROPERTY) return true;
    if (name === 'dialogState') return ((value as DialogState | undefined)?.dialogStack ?? []).length === 0;
    if (name === 'conversationData') return Object.values(value ?? {}).every((v) => v === undefined);
    return value === undefined;
  });
}

export interface BotStatePrivacy {
  personKeys: PersonKeys;
  /** Finds and removes a young person's records beyond this turn's own; without it (dialog tests), only those go. */
  eraser?: PersonalDataEraser;
  /** Where conversations wait, in memory, for a yes to keeping answers; without it they are stored from the start. */
  preConsent?: PreConsentStorage;
}

/** Typed accessors over botbuilder state; dialogs read and write through these, never ad hoc keys. */
export class BotState {
  readonly profile: StatePropertyAccessor<UserProfile>;
  readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly conversationData: StatePropertyAccessor<ConversationData>;
  private readonly owner: StatePropertyAccessor<string>;

  constructor(
    readonly conversationState: ConversationState,
    readonly userState: UserState,
    // Tests without a service secret get one of their own: keys stable within the process.
    private readonly privacy: BotStatePrivacy = { personKeys: new PersonKeys(randomBytes(32).toString('base64url')) },
  ) {
    this.profile = userState.createProperty<UserProfile>('profile');
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.conversationData = conversationState.createProperty<ConversationData>('conversationData');
    this.owner = conversationState.createProperty<string>(CONVERSATION_OWNER_PROPERTY);
  }

  /** The young person's pseudonymous person key (src/privacy/personKeys.ts): their channel and user id, keyed. */
  personKeyOf(context: TurnContext): string {
    return this.privacy.personKeys.of(context.activity.channelId, context.activity.from.id);
  }

  /** The stored profile, or undefined when nothing is kept about this young person. */
  async readProfile(context: TurnContext): Promise<UserProfile | undefined> {
    const stored = await this.profile.get(context);
    return stored && withCurrentShape(stored);
  }

  /** Whether the young person said yes to keeping their answers: until then (or after a no) nothing of theirs is kept. */
  async keepsAnswers(context: TurnContext): Promise<boolean> {
    return (await this.readProfile(context))?.consent?.given === true;
  }

  /**
   * Changes the profile, creating it first when needed, and returns it as changed. It is kept (saved at the end of the
   * turn) only when it records the young person's yes to keeping their answers: the one place that rule is enforced.
   * Without it the change is used for this turn and never written.
   */
  async updateProfile(context: TurnContext, change: (profile: UserProfile) => void): Promise<UserProfile> {
    const stored = await this.profile.get(context);
    // A copy: a change that is not kept must not reach the turn's cached state, which is saved at the end of the turn.
    const profile = withCurrentShape(stored ? structuredClone(stored) : newUserProfile());
    change(profile);
    if (profile.consent?.given) await this.profile.set(context, profile);
    return profile;
  }

  /**
   * Saves the turn's state. A conversation with nothing to come back to (after a "no" to keeping answers, once it has
   * ended, after "delete my data") leaves no record at all; any other is marked with whose it is, and until they say
   * yes to keeping their answers it stays in memory (preConsent), not in storage.
   */
  async saveChanges(context: TurnContext): Promise<void> {
    const conversation = this.conversationState.get(context) as Record<string, unknown> | undefined;
    if (conversation && holdsNothing(conversation)) {
      await this.conversationState.delete(context);
    } else if (conversation) {
      await this.owner.set(context, this.personKeyOf(context));
      const key = this.conversationState.getStorageKey(context);
      if (key) this.privacy.preConsent?.holdInMemory(key, !(await this.keepsAnswers(context)));
      await this.conversationState.saveChanges(context);
    }
    await this.userState.saveChanges(context);
  }

  /**
   * Marks the conversation paused ("stop", or a break after a safety reply), or clears the mark; either way a "Shall we
   * carry on?" still waiting is not any more (a command answered it).
   */
  async setPaused(context: TurnContext, paused: boolean): Promise<void> {
    await this.updateConversationData(context, {
      pausedAt: paused ? new Date().toISOString() : undefined,
      resumeAsked: undefined,
    });
  }

  /** Changes this conversation's data (kept for the visit, whatever the young person agreed about their answers). */
  async updateConversationData(context: TurnContext, change: Partial<ConversationData>): Promise<void> {
    const data = await this.conversationData.get(context, {});
    await this.conversationData.set(context, { ...data, ...change });
  }

  /** Whether the conversation said goodbye within this visit (SAFETY_MEMORY_HOURS). */
  async closedThisVisit(context: TurnContext, now = new Date()): Promise<boolean> {
    const { closedAt } = await this.readConversationData(context);
    return closedAt !== undefined && withinSafetyMemory(closedAt, now);
  }

  async readConversationData(context: TurnContext): Promise<ConversationData> {
    return { ...(await this.conversationData.get(context, {})) };
  }

  /** Records the answer to the direct question: always for this visit, in the profile only if answers are kept. */
  async recordDirectQuestion(context: TurnContext, record: DirectQuestionRecord): Promise<void> {
    await this.updateConversationData(context, { directQuestion: record });
    await this.updateProfile(context, (profile) => profile.directQuestions.push(record));
  }

  /** The direct question asked in this visit, if it was. */
  async directQuestionThisVisit(context: TurnContext, now = new Date()): Promise<DirectQuestionRecord | undefined> {
    const { directQuestion } = await this.readConversationData(context);
    return directQuestion && withinSafetyMemory(directQuestion.at, now) ? directQuestion : undefined;
  }

  async carryOnPast(context: TurnContext, evidence: readonly string[]): Promise<void> {
    const { carriedOnPast = [] } = await this.readConversationData(context);
    const at = new Date().toISOString();
    const kept = carriedOnPast.filter((entry) => !evidence.includes(entry.evidence));
    await this.updateConversationData(context, {
      carriedOnPast: [...kept, ...evidence.map((key) => ({ evidence: key, at }))],
    });
  }

  async carriedOnPastThisVisit(context: TurnContext, now = new Date()): Promise<Set<string>> {
    const { carriedOnPast = [] } = await this.readConversationData(context);
    return new Set(carriedOnPast.filter((entry) => withinSafetyMemory(entry.at, now)).map((entry) => entry.evidence));
  }

  async noteRiskHandoff(context: TurnContext, handoffId: string): Promise<void> {
    await this.updateConversationData(context, { riskHandoffAt: new Date().toISOString(), riskHandoffId: handoffId });
  }

  /** The language they chose, in this conversation or (kept with their answers) before; undefined when none. */
  async chosenLanguage(context: TurnContext): Promise<Language | undefined> {
    const { language } = await this.readConversationData(context);
    return language ?? (await this.readProfile(context))?.preferences.language;
  }

  /** The language the bot last spoke in in this conversation; undefined before it has said anything. */
  async spokenLanguage(context: TurnContext): Promise<Language | undefined> {
    return (await this.readConversationData(context)).spokenLanguage;
  }

  async noteSpokenLanguage(context: TurnContext, language: Language): Promise<void> {
    if ((await this.spokenLanguage(context)) !== language)
      await this.updateConversationData(context, { spokenLanguage: language });
  }

  /** Remembers their language: for this conversation always, for next time only if their answers are kept. */
  async chooseLanguage(context: TurnContext, language: Language): Promise<void> {
    await this.updateConversationData(context, { language });
    await this.updateProfile(context, (profile) => {
      profile.preferences.language = language;
    });
  }

  /** Notes that switching to `language` was offered here, so it is not offered again this conversation. */
  async noteLanguageOffered(context: TurnContext, language: Language): Promise<void> {
    const { languagesOffered = [] } = await this.readConversationData(context);
    await this.updateConversationData(context, { languagesOffered: [...languagesOffered, language] });
  }

  async setReferral(context: TurnContext, referral: string): Promise<void> {
    await this.updateConversationData(context, { referral });
  }

  /**
   * "Delete my data": everything kept about this young person (their profile, every conversation of theirs, their
   * handoffs as the service's policy says, the Web Chat transcript), from storage too. Says what happened.
   */
  async deleteAll(context: TurnContext): Promise<ErasureReport> {
    // Handoffs made before person keys are found through the summaries that link them.
    const linkedHandoffIds = ((await this.readProfile(context))?.summaries ?? []).flatMap((summary) =>
      summary.handoffId ? [summary.handoffId] : [],
    );
    const { activity } = context;
    const report = this.privacy.eraser
      ? await this.privacy.eraser.erase(
          { channelId: activity.channelId, userId: activity.from.id, personKey: this.personKeyOf(context) },
          linkedHandoffIds,
        )
      : NOTHING_ELSEWHERE;
    // This turn's cached state goes too, so the end of the turn writes none of it back.
    await this.userState.delete(context);
    await this.conversationState.delete(context);
    return report;
  }
}
