// Referral codes: a service sends a young person a chat link carrying a code (Web Chat: /?ref=ABC123, passed in the
// activity's channelData; Teams: a deep link that pre-fills the message "ref ABC123"); the code travels with the
// conversation into every handoff. Anything malformed is ignored.
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

// "ref ABC123", "referral code: ABC123" — what a Teams deep link (…/l/chat/0/0?users=28:<bot>&message=ref%20ABC123)
// pre-fills, or what a young person types when given a code.
const REFERRAL_MESSAGE = /^\s*(?:ref|referral(?:\s+code)?)\s*[:#]?\s*(\S+)\s*$/i;

/** The referral code a message consists of, upper-cased; undefined when the message is not one or the code is malformed. */
export function referralCodeInText(text: string | undefined): string | undefined {
  const code = REFERRAL_MESSAGE.exec(text ?? '')?.[1];
  return code && REFERRAL_CODE.test(code) ? code.toUpperCase() : undefined;
}
