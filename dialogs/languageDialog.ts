// "Change language", and the offer to switch when they write in another of the bot's languages. Each language's
// button carries its own name ("Português (Brasil)", "اردو"), so it can be found by someone who cannot read the
// language in use; typed, a language's name in any of them chooses it. The choice is remembered (for the
// conversation always, for next time only with their answers kept) and the conversation begins again in it, their
// saved answers untouched. Under a safety reply, that reply stays waiting (asked again) rather than being left.
import { ActionTypes, TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { isSupportedLanguage, Language, SUPPORTED_LANGUAGES } from '../src/i18n/languages';
import { Expectation, understand } from '../src/understanding/understand';
import { Question, choiceOptions, understoodOf } from './prompts';

export const LANGUAGE_DIALOG = 'languageDialog';
const WHICH = 'languageWhich';

export interface LanguageOptions {
  /** Offer this language (they seem to be writing in it) instead of asking which. */
  offer?: Language;
  /** Dialogs that stay waiting under a change of language (the safety replies): asked again, not begun again. */
  keepWaiting: readonly string[];
  /** What begins again in the new language. */
  conversationDialogId: string;
}
type Step = WaterfallStepContext<LanguageOptions>;

/**
 * The language the reply chooses: a yes or no to an offer, read in the language offered and in the one in use; or a
 * language's name, read in every language (each names the others in its own words: "inglés", "urdu", "اردو").
 */
function chosenLanguage(context: TurnContext, text: string, options: LanguageOptions): Language | undefined {
  const { language } = turnLanguage(context);
  const offered = options.offer;
  const readings = offered
    ? [offered, language]
    : [language, ...SUPPORTED_LANGUAGES.filter((other) => other !== language)];
  const expectation = languageExpectation(context, offered);
  for (const reading of readings) {
    const interpretation = understand(text, expectation, reading);
    if (interpretation.kind !== 'answer' || typeof interpretation.value !== 'string') continue;
    if (offered) return interpretation.value === 'yes' ? offered : language;
    if (isSupportedLanguage(interpretation.value)) return interpretation.value;
  }
  return undefined;
}

/** Each language's button, titled with its own name. */
function languageTitles(context: TurnContext, languages: readonly Language[]): Record<Language, string> {
  const { tIn } = turnLanguage(context);
  return Object.fromEntries(languages.map((language) => [language, tIn(language)('language.ownName')])) as Record<
    Language,
    string
  >;
}

/** An offer is a yes or no; "which language?" is a choice among all six, by name. */
function languageExpectation(context: TurnContext, offered: Language | undefined): Expectation {
  if (offered) return { kind: 'yesNo', consentCritical: false };
  return {
    kind: 'choice',
    prompt: 'language',
    titles: languageTitles(context, SUPPORTED_LANGUAGES),
    consentCritical: false,
  };
}

export class LanguageDialog extends ComponentDialog {
  constructor(private readonly state: BotState) {
    super(LANGUAGE_DIALOG);
    this.addDialog(new Question(WHICH));
    this.addDialog(new WaterfallDialog(`${LANGUAGE_DIALOG}.steps`, [this.ask.bind(this), this.change.bind(this)]));
    this.initialDialogId = `${LANGUAGE_DIALOG}.steps`;
  }

  private async ask(step: Step): Promise<DialogTurnResult> {
    const { t, tIn, language } = turnLanguage(step.context);
    const { offer } = step.options;
    // An offer is made in the language offered, with both languages' names on the buttons.
    const languages = offer ? [offer, language] : [...SUPPORTED_LANGUAGES];
    const titles = languageTitles(step.context, languages);
    const choices = languages.map((value) => ({
      value,
      action: { type: ActionTypes.ImBack, title: titles[value], value: titles[value] },
    }));
    const question = offer ? tIn(offer)('language.offerSwitch') : t('language.question');
    const options = choiceOptions(t, question, choices);
    // Read in the step below (an offer's "sim" is a yes in the language offered), so anything is an answer here.
    return step.prompt(WHICH, { ...options, validations: { expectation: { kind: 'text' }, faq: 'general' } });
  }

  private async change(step: Step): Promise<DialogTurnResult> {
    const text = understoodOf(step)?.text ?? '';
    const current = turnLanguage(step.context);
    const chosen = chosenLanguage(step.context, text, step.options);
    if (!chosen || chosen === current.language) {
      await step.context.sendActivity(current.t('language.stayed'));
      return step.endDialog();
    }
    await this.state.chooseLanguage(step.context, chosen);
    const { t } = current.switchTo(chosen);
    await step.context.sendActivity(t('language.changed'));
    const root = step.parent;
    const below = root?.stack[1]?.id;
    if (!root || (below !== undefined && step.options.keepWaiting.includes(below))) return step.endDialog();
    // Everything they saved stays; where they were in the old language does not (its questions were in it).
    await step.cancelAllDialogs(true);
    await root.beginDialog(step.options.conversationDialogId);
    return Dialog.EndOfTurn;
  }
}
