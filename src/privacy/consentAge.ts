// The age of digital consent per country (resources/consent-ages.json: data with its legal basis and sources, never
// code), and what a service's settings make of it: whether the bot asks a young person's age before consent, and
// below which age it asks whether a parent or carer has agreed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../projectRoot';
import { CRISIS_COUNTRIES, type CountryCode } from '../safety/crisisResources';

const text = z.string().trim().min(1, 'must not be empty');
const countryConsentAgeSchema = z.strictObject({
  age: z.number().int().min(0).max(21),
  reading: z.enum(['statute', 'interpretation']),
  basis: text,
  sources: z
    .array(z.strictObject({ url: z.string().regex(/^https?:\/\/\S+$/, 'must be a web address'), says: text }))
    .min(1, 'needs at least one source'),
  notes: text,
});
const consentAgesSchema = z.strictObject({
  _meta: text,
  countries: z.strictObject(
    Object.fromEntries(CRISIS_COUNTRIES.map((country) => [country, countryConsentAgeSchema])) as Record<
      CountryCode,
      typeof countryConsentAgeSchema
    >,
  ),
});
export type CountryConsentAge = z.infer<typeof countryConsentAgeSchema>;

const FILE = path.join('resources', 'consent-ages.json');
let loaded: Readonly<Record<CountryCode, CountryConsentAge>> | undefined;

/** Checks consent-age data; throws naming the file and the field when it is wrong. */
export function parseConsentAges(data: unknown, file: string): Readonly<Record<CountryCode, CountryConsentAge>> {
  const parsed = consentAgesSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file} is invalid at ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data.countries;
}

/** Every country's entry, read and checked once (at start: src/app.ts). */
export function consentAges(): Readonly<Record<CountryCode, CountryConsentAge>> {
  loaded ??= parseConsentAges(JSON.parse(readFileSync(path.join(projectRoot(__dirname), FILE), 'utf8')), FILE);
  return loaded;
}

/** What a service turned on (ASK_AGE, CONSENT_AGE). */
export interface AgeCheckSettings {
  readonly askAge: boolean;
  /** Replaces the country's age (a service's own legal advice); undefined: the country's. */
  readonly consentAgeOverride?: number;
}

/** The age below which a parent or carer must agree before answers are kept, for this country and service. */
export function consentAgeFor(country: CountryCode, settings: AgeCheckSettings): number {
  return settings.consentAgeOverride ?? consentAges()[country].age;
}
