// The shape of everything the bot keeps, in one place, with a version for later migrations.
import type { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';

export const STATE_VERSION = 1;

export interface ConsentRecord {
  given: boolean;
  at: string; // ISO 8601
}

export interface CheckInRecord {
  score: number; // 0 (fine) … 10 (the worst it gets)
  at: string; // ISO 8601
}

/** What is kept about a young person across conversations (botbuilder UserState). */
export interface UserProfile {
  version: typeof STATE_VERSION;
  consent?: ConsentRecord;
  checkIns: CheckInRecord[];
}

export function newUserProfile(): UserProfile {
  return { version: STATE_VERSION, checkIns: [] };
}

/** Typed accessors over botbuilder state; dialogs read and write through these, never ad hoc keys. */
export class BotState {
  readonly profile: StatePropertyAccessor<UserProfile>;
  readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    readonly conversationState: ConversationState,
    readonly userState: UserState,
  ) {
    this.profile = userState.createProperty<UserProfile>('profile');
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
  }

  /** The stored profile, or undefined when nothing is kept about this young person. */
  readProfile(context: TurnContext): Promise<UserProfile | undefined> {
    return this.profile.get(context);
  }

  /** Changes the profile, creating it first when needed; it is saved at the end of the turn. */
  async updateProfile(context: TurnContext, change: (profile: UserProfile) => void): Promise<UserProfile> {
    const profile = await this.profile.get(context, newUserProfile());
    change(profile);
    await this.profile.set(context, profile);
    return profile;
  }

  async saveChanges(context: TurnContext): Promise<void> {
    await this.conversationState.saveChanges(context);
    await this.userState.saveChanges(context);
  }

  /** Removes everything kept about this young person and this conversation, from storage too. */
  async deleteAll(context: TurnContext): Promise<void> {
    await this.userState.delete(context);
    await this.conversationState.delete(context);
  }
}
