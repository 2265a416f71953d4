// Referral codes: a service sends a young person a chat link carrying a code (Web Chat: /?ref=ABC123, passed in the
// activity's channelData); the code travels with the conversation into every handoff. Anything malformed is ignored.
const REFERRAL_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/;

/** The referral code an activity carries, upper-cased, or undefined when there is none or it is malformed. */
export function referralCodeFrom(activity: { channelData?: unknown; value?: unknown }): string | undefined {
  for (const source of [activity.channelData, activity.value]) {
    if (typeof source !== 'object' || source === null) continue;
    const code = (source as Record<string, unknown>).referralCode;
    if (typeof code === 'string' && REFERRAL_CODE.test(code.trim())) return code.trim().toUpperCase();
  }
  return undefined;
}
