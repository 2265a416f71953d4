// The questions whose yes changes what happens to a young person's data: keep my answers, share the summary, delete
// everything. Read by the understanding module like every question, but only an unambiguous answer is acted on: a
// question back gets the consent FAQ's answer and the question again, anything unclear a plain clarifying question,
// and after the re-asks no answer is never a yes.
import type { Activity } from 'botbuilder';
import type { PromptOptions } from 'botbuilder-dialogs';
import type { Expectation } from '../src/understanding/understand';
import type { QuestionReading } from './prompts';

/** Which consent question this is: what the reply is read against and what a question back is answered with. */
export type ConsentTopic = 'consent' | 'share' | 'delete';

export const CONSENT_EXPECTATIONS: Readonly<Record<ConsentTopic, Expectation>> = {
  consent: { kind: 'yesNo', consentCritical: true },
  // "Would you like me to share this?" is asked as yes or no: a plain "yes" (and its re-ask's "yes") shares.
  share: { kind: 'choice', prompt: 'share', consentCritical: true, yesMeans: 'share' },
  delete: { kind: 'yesNo', consentCritical: true, commandAnswers: { deleteMyData: 'yes' }, irreversible: true },
};

/** Options for a consent question: its prompt and plain clarifying re-ask, read strictly. */
export function consentOptions(
  topic: ConsentTopic,
  serviceName: string,
  asked: { prompt: Partial<Activity>; retryPrompt: Partial<Activity> },
): PromptOptions & { validations: QuestionReading } {
  return { ...asked, validations: { expectation: CONSENT_EXPECTATIONS[topic], faq: topic, serviceName } };
}

/**
 * "Has a parent or carer said it's okay?", asked of someone younger than their country's age of digital consent: read
 * as strictly as consent, and a yes must be about the parent or carer (not "yes keep them", not "she wouldn't mind");
 * a question back gets the consent FAQ's answers.
 */
export function parentAgreementOptions(
  serviceName: string,
  asked: { prompt: Partial<Activity>; retryPrompt: Partial<Activity> },
): PromptOptions & { validations: QuestionReading } {
  const expectation: Expectation = { kind: 'yesNo', consentCritical: true, parentAgreement: true };
  return { ...asked, validations: { expectation, faq: 'consent', serviceName } };
}
