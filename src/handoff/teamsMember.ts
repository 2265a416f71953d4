// In Microsoft Teams, who the young person is, for the handoff: their name and Entra object id as Teams knows them
// (TeamsInfo.getMember), or, when Teams cannot say, as the message said. Other channels carry no identity.
import { Channels, TeamsChannelAccount, TeamsInfo, TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import type { TeamsMember } from './handoffSummary';

// The lookup happens while a young person waits for the next line of a reply: never longer than this.
const LOOKUP_TIMEOUT_MS = 3_000;

/**
 * A member as Teams sends it: the Entra object id comes as `objectId` (botbuilder-js#2257), which getMember passes on
 * without renaming; `aadObjectId` is read too, should a later botbuilder rename it.
 */
type MemberAsSent = TeamsChannelAccount & { objectId?: string };

class LookupTimeout extends Error {
  constructor() {
    super('Teams did not answer in time');
    this.name = 'LookupTimeout';
  }
}

function memberOf(name: string | undefined, entraObjectId: string | undefined): TeamsMember | undefined {
  const member: TeamsMember = {
    ...(name?.trim() ? { name: name.trim() } : {}),
    ...(entraObjectId ? { entraObjectId } : {}),
  };
  return Object.keys(member).length > 0 ? member : undefined;
}

/** Why the lookup failed, without anything Teams sent back: the HTTP status, else the error's kind. */
function reasonOf(error: unknown): string {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status === 'number') return `HTTP ${status}`;
  return error instanceof Error ? error.name : typeof error;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new LookupTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Who is writing, in Teams; undefined on other channels, or when neither Teams nor the message names them. */
export async function teamsMemberOf(context: TurnContext, logger: Logger): Promise<TeamsMember | undefined> {
  const { channelId, from } = context.activity;
  if (channelId !== (Channels.Msteams as string) || !from?.id) return undefined;
  try {
    const member: MemberAsSent = await withTimeout(TeamsInfo.getMember(context, from.id), LOOKUP_TIMEOUT_MS);
    const known = memberOf(member.name, member.aadObjectId ?? member.objectId);
    if (known) return known;
    logger.warn({ reason: 'no name or object id' }, 'Teams member lookup: the message says who it is instead');
  } catch (error) {
    logger.warn({ reason: reasonOf(error) }, 'Teams member lookup failed: the message says who it is instead');
  }
  return memberOf(from.name, from.aadObjectId);
}
