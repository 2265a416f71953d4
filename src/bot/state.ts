// The shape of everything the bot keeps, in one place, with a version for later migrations.
import type { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { GboRating } from '../goals/gbo';
import type { SignalKind } from '../safety/types';

export const STATE_VERSION = 1;

export interface ConsentRecord {
  given: boolean;
  at: string; // ISO 8601
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
  /** What they would like the practitioner to know, in their words (optional). */
  noteForPractitioner?: string;
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

/** What is kept about a young person across conversations (botbuilder UserState). */
export interface UserProfile {
  version: typeof STATE_VERSION;
  consent?: ConsentRecord;
  checkIns: CheckInRecord[];
  signals: NoticedSignal[];
  safetyPlan?: SafetyPlan;
  preferences: Preferences;
  goals: Goal[];
  summaries: AgreedSummary[];
}

export function newUserProfile(): UserProfile {
  return { version: STATE_VERSION, checkIns: [], signals: [], preferences: {}, goals: [], summaries: [] };
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
  /** The service's referral code this conversation was opened with (e.g. a chat link's ?ref=ABC123). */
  referral?: string;
}

/** Typed accessors over botbuilder state; dialogs read and write through these, never ad hoc keys. */
export class BotState {
  readonly profile: StatePropertyAccessor<UserProfile>;
  readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly conversationData: StatePropertyAccessor<ConversationData>;

  constructor(
    readonly conversationState: ConversationState,
    readonly userState: UserState,
  ) {
    this.profile = userState.createProperty<UserProfile>('profile');
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.conversationData = conversationState.createProperty<ConversationData>('conversationData');
  }

  /** The stored profile, or undefined when nothing is kept about this young person. */
  async readProfile(context: TurnContext): Promise<UserProfile | undefined> {
    const stored = await this.profile.get(context);
    return stored && withCurrentShape(stored);
  }

  /** Changes the profile, creating it first when needed; it is saved at the end of the turn. */
  async updateProfile(context: TurnContext, change: (profile: UserProfile) => void): Promise<UserProfile> {
    const profile = withCurrentShape(await this.profile.get(context, newUserProfile()));
    change(profile);
    await this.profile.set(context, profile);
    return profile;
  }

  async saveChanges(context: TurnContext): Promise<void> {
    await this.conversationState.saveChanges(context);
    await this.userState.saveChanges(context);
  }

  /** Marks the conversation paused ("stop", or a break after a safety reply), or clears the mark. */
  async setPaused(context: TurnContext, paused: boolean): Promise<void> {
    const data = await this.conversationData.get(context, {});
    await this.conversationData.set(context, { ...data, pausedAt: paused ? new Date().toISOString() : undefined });
  }

  async readConversationData(context: TurnContext): Promise<ConversationData> {
    return { ...(await this.conversationData.get(context, {})) };
  }

  async setReferral(context: TurnContext, referral: string): Promise<void> {
    const data = await this.conversationData.get(context, {});
    await this.conversationData.set(context, { ...data, referral });
  }

  /** Removes everything kept about this young person and this conversation, from storage too. */
  async deleteAll(context: TurnContext): Promise<void> {
    await this.userState.delete(context);
    await this.conversationState.delete(context);
  }
}
