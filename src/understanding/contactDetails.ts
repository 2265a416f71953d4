// A phone number or e-mail address typed in a reply ("07700 900123", "my email is sam@example.com"), read loosely: a
// young person gives it to be reached, so a near miss is asked for again rather than corrected. Pure: no botbuilder.

export interface ContactDetails {
  kind: 'phone' | 'email';
  /** As they typed it (spaces and brackets kept), trimmed. */
  value: string;
}

// A simple shape: something@domain.tld, without spaces.
const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
// A run of digits with the separators people type between them: "+44 (0)7700 900-123".
const PHONE_RUN = /\+?\(?\d[\d\s().-]*\d\)?/g;
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 20;

/** The first phone number or e-mail address in the text, or undefined when there is none. */
export function contactDetailsIn(text: string): ContactDetails | undefined {
  const email = EMAIL.exec(text);
  const phone = [...text.matchAll(PHONE_RUN)].find((run) => {
    const digits = run[0].replace(/\D/g, '').length;
    return digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS;
  });
  const found: ContactDetails[] = [
    ...(email ? [{ kind: 'email' as const, value: email[0], at: email.index }] : []),
    ...(phone ? [{ kind: 'phone' as const, value: phone[0].replace(/\s+/g, ' ').trim(), at: phone.index }] : []),
  ]
    .sort((a, b) => a.at - b.at)
    .map(({ kind, value }) => ({ kind, value }));
  return found[0];
}
