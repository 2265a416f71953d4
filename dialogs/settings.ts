// What a service configures that the dialogs need to say.
import type { Translate } from '../src/i18n';
import type { AgeCheckSettings } from '../src/privacy/consentAge';
import type { TurnContext } from 'botbuilder';
import {
  countryFor,
  crisisLinesWithService,
  type CountryCode,
  type CrisisResources,
  type ServiceCrisisLines,
} from '../src/safety/crisisResources';

export interface DialogSettings {
  serviceName: string;
  /** How to reach the service outside this chat; empty when not configured. */
  serviceContact: string;
  /** When someone will reply to a request for a person, in the service's words; empty when not configured. */
  serviceResponseTime?: string;
  /** What happens after the conversation, in the service's words ("We'll call you within two weeks…"). */
  serviceNextSteps?: string;
  /** Whose crisis lines to offer; undefined: from the young person's locale, else GB. */
  serviceCountry?: CountryCode;
  /** The service's own crisis lines (CRISIS_LINES_FILE), added to or replacing the shipped ones by id. */
  serviceCrisisLines?: ServiceCrisisLines;
  /** ASK_AGE, CONSENT_AGE: the age asked before consent; undefined: not asked. */
  ageCheck?: AgeCheckSettings;
  /** INVOLVEMENT_QUESTION_FIRST: who they want involved in decisions is asked before the other preferences. */
  involvementQuestionFirst?: boolean;
}

/** "You can reach … on …", or nothing when the service has not said how. */
export function howToReachService(settings: DialogSettings, t: Translate): string[] {
  if (!settings.serviceContact) return [];
  return [t('service.howToReach', { serviceName: settings.serviceName, contact: settings.serviceContact })];
}

/** What a young person is told once their request for a person has been passed on. */
export function personRequestedText(settings: DialogSettings, t: Translate): string {
  const serviceName = settings.serviceName;
  const when = settings.serviceResponseTime
    ? t('handoff.responseTime', { serviceName, responseTime: settings.serviceResponseTime })
    : t('handoff.noResponseTime', { serviceName });
  return [t('handoff.passedOn', { serviceName }), when, ...howToReachService(settings, t)].join(' ');
}

/** The crisis lines for this young person: the service's country, else their locale's, with the service's own lines. */
export function crisisResourcesForTurn(step: { context: TurnContext }, settings: DialogSettings): CrisisResources {
  return crisisLinesWithService(countryForTurn(step, settings), settings.serviceCrisisLines);
}

/** The country whose rules apply to this young person: the service's, else their locale's (as for crisis lines). */
export function countryForTurn(step: { context: TurnContext }, settings: DialogSettings): CountryCode {
  return countryFor(settings.serviceCountry, step.context.activity.locale);
}
