// A question whose yes changes what happens to a young person's data (keep my answers, share the summary, delete
// everything), read by the understanding module instead of partial button matching. Only an unambiguous answer is
// acted on: a question back gets a short answer and the question again, feeling is acknowledged first, anything
// unclear gets a plain clarifying question, and after two re-asks the answer is taken as "no".
import { PromptValidatorContext, TextPrompt, WaterfallStepContext } from 'botbuilder-dialogs';
import { turnLanguage } from '../src/bot/turnLanguage';
import { Expectation, understand } from '../src/understanding/understand';
import { MAX_REASKS } from './prompts';

/** Which consent question this is: what the reply is read against and what a question back is answered with. */
export type ConsentTopic = 'consent' | 'share' | 'delete';

export const CONSENT_EXPECTATIONS: Readonly<Record<ConsentTopic, Expectation>> = {
  consent: { kind: 'yesNo', consentCritical: true },
  share: { kind: 'choice', prompt: 'share', consentCritical: true },
  delete: { kind: 'yesNo', consentCritical: true, commandAnswers: { deleteMyData: 'yes' } },
};

export class ConsentQuestion extends TextPrompt {
  constructor(id: string, topic: ConsentTopic, serviceName: string) {
    super(id, async (prompt: PromptValidatorContext<string>) => {
      const { t, language } = turnLanguage(prompt.context);
      const reading = understand(prompt.recognized.value ?? '', CONSENT_EXPECTATIONS[topic], language);
      if (reading.kind === 'answer') return true;
      if (prompt.attemptCount > MAX_REASKS) return true; // read as "no" by consentAnswer: never consent by default
      const values = { serviceName };
      // What they asked, or that we heard them, then the question again. (botbuilder re-asks by itself only when
      // nothing was said this turn, so after our line the re-ask is ours to send.)
      const before =
        reading.kind === 'question'
          ? t(`consentFaq.${topic}.${reading.about}`, values)
          : reading.kind === 'feeling'
            ? t('consentFaq.feeling')
            : undefined;
      if (before) {
        await prompt.context.sendActivity(before);
        const retry = prompt.options.retryPrompt;
        if (retry) await prompt.context.sendActivity(retry);
      }
      return false;
    });
  }
}

/** The answer given at a ConsentQuestion: the value understood, or undefined (never consent) after the re-asks. */
export function consentAnswer(step: WaterfallStepContext, topic: ConsentTopic): string | undefined {
  const reading = understand(
    String(step.result ?? ''),
    CONSENT_EXPECTATIONS[topic],
    turnLanguage(step.context).language,
  );
  return reading.kind === 'answer' ? String(reading.value) : undefined;
}
