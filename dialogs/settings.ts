// What a service configures that the dialogs need to say.
import type { Translate } from '../src/i18n';
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
  const country = countryFor(settings.serviceCountry, step.context.activity.locale);
  return crisisLinesWithService(country, settings.serviceCrisisLines);
}
