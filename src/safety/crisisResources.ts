// Crisis lines per country, read and validated from resources/crisis-lines/<CC>.json (data with sources, never code).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../projectRoot';

export const CRISIS_COUNTRIES = ['GB', 'BR', 'ES', 'NO', 'TR', 'PK'] as const;
export type CountryCode = (typeof CRISIS_COUNTRIES)[number];

const text = z.string().trim().min(1, 'must not be empty');
const httpsAddress = z
  .string()
  .trim()
  .regex(/^https:\/\/[^\s/]+\.[^\s]+$/, 'must be an https:// address');
/** A number as people dial it: digits, spaces, + and hyphens ("116 123", "0800 1111", "0311 7786264"). */
const dialable = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]*[0-9]$/, 'must be digits (spaces, hyphens and a leading + allowed)');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }, 'must be a real date');

export const crisisLineSchema = z
  .strictObject({
    /** Stable id, unique within the country; a service overrides a line by reusing its id. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
    /** Name, hours and who it is for, in `language`. */
    name: text,
    phone: dialable.optional(),
    /** SMS number or short code. */
    text: dialable.optional(),
    /** The word to send by SMS, when the service asks for one ("SHOUT"). */
    textKeyword: text.optional(),
    chatUrl: httpsAddress.optional(),
    hours: text,
    forWhom: text,
    /** Who may use it, in English ("under 19", "13 to 24"); absent when the line is for everyone. */
    ageLimit: text.optional(),
    /** BCP 47 tag of the language of name, hours and forWhom. */
    language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag such as "en" or "pt-BR"'),
    /** English versions, required when `language` is not English. */
    nameEn: text.optional(),
    hoursEn: text.optional(),
    forWhomEn: text.optional(),
    /** True for the country's emergency number (ambulance/police); shown first when someone is in danger. */
    emergency: z.boolean(),
    /** The page that confirms the number. */
    source: httpsAddress,
    /** When someone last confirmed the number against `source`; null until someone has. */
    verified: isoDate.nullable(),
    /** What was checked, where, and what is still missing. */
    verificationNote: text,
  })
  .superRefine((line, context) => {
    if (!line.phone && !line.text && !line.chatUrl) {
      context.addIssue({ code: 'custom', path: ['phone'], message: 'needs a phone, text or chatUrl' });
    }
    if (line.emergency && !line.phone) {
      context.addIssue({ code: 'custom', path: ['phone'], message: 'is required on an emergency line' });
    }
    if (line.textKeyword && !line.text) {
      context.addIssue({ code: 'custom', path: ['textKeyword'], message: 'needs a text number to send it to' });
    }
    if (!line.language.startsWith('en')) {
      for (const field of ['nameEn', 'hoursEn', 'forWhomEn'] as const) {
        if (!line[field]) {
          context.addIssue({
            code: 'custom',
            path: [field],
            message: `is required when language is "${line.language}"`,
          });
        }
      }
    }
  });

export const crisisResourcesSchema = z
  .strictObject({
    country: z.enum(CRISIS_COUNTRIES, { message: `must be one of ${CRISIS_COUNTRIES.join(', ')}` }),
    emergencyNumber: dialable,
    /** A note for reviewers about the file as a whole (gaps, coverage). */
    note: text.optional(),
    lines: z.array(crisisLineSchema).min(1, 'needs at least one line'),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.lines.forEach((line, index) => {
      if (seen.has(line.id)) {
        context.addIssue({ code: 'custom', path: ['lines', index, 'id'], message: `"${line.id}" is used twice` });
      }
      seen.add(line.id);
    });
    const emergencyLine = file.lines.find((line) => line.emergency);
    if (!emergencyLine) {
      context.addIssue({ code: 'custom', path: ['lines'], message: 'needs a line with "emergency": true' });
    } else if (emergencyLine.phone !== file.emergencyNumber) {
      context.addIssue({
        code: 'custom',
        path: ['emergencyNumber'],
        message: `"${file.emergencyNumber}" differs from the emergency line's phone "${emergencyLine.phone ?? ''}"`,
      });
    }
  });

export type CrisisLine = z.infer<typeof crisisLineSchema>;
export type CrisisResources = z.infer<typeof crisisResourcesSchema>;

export class CrisisResourcesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CrisisResourcesError';
  }
}

function fieldPath(parts: readonly PropertyKey[]): string {
  return parts
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${fieldPath(issue.path) || '(top level)'}: ${issue.message}`;
}

/** Validates crisis-line data; `source` names the file in every error. */
export function parseCrisisResources(data: unknown, country: CountryCode, source: string): CrisisResources {
  const parsed = crisisResourcesSchema.safeParse(data);
  if (!parsed.success) throw new CrisisResourcesError(`${source} is invalid at ${firstIssue(parsed.error)}`);
  if (parsed.data.country !== country) {
    throw new CrisisResourcesError(
      `${source} is invalid at country: "${parsed.data.country}" but the file is for "${country}"`,
    );
  }
  return parsed.data;
}

const cache = new Map<string, CrisisResources>();

/** The crisis lines for a country, read once from resources/crisis-lines/<CC>.json. Throws naming the file and field. */
export function crisisResourcesFor(country: CountryCode, options: { rootDir?: string } = {}): CrisisResources {
  const rootDir = options.rootDir ?? projectRoot();
  const key = `${rootDir}\u0000${country}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const relative = path.join('resources', 'crisis-lines', `${country}.json`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path.join(rootDir, relative), 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CrisisResourcesError(`${relative} could not be read as JSON: ${reason}`);
  }
  const resources = deepFreeze(parseCrisisResources(data, country, relative));
  cache.set(key, resources);
  return resources;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

// A bare language's main country among those served.
const LANGUAGE_COUNTRY: Record<string, CountryCode> = {
  pt: 'BR',
  es: 'ES',
  nb: 'NO',
  nn: 'NO',
  no: 'NO',
  tr: 'TR',
  ur: 'PK',
};

function isCountryCode(value: string): value is CountryCode {
  return (CRISIS_COUNTRIES as readonly string[]).includes(value);
}

/**
 * Whose crisis lines to show. SERVICE_COUNTRY wins; else the locale's region when it is served (en-GB → GB, pt-BR → BR);
 * else, for a locale without a region, the language's main country (pt → BR, nb/no/nn → NO, ur → PK); else GB.
 */
export function countryFor(serviceCountry: CountryCode | undefined, locale: string | undefined): CountryCode {
  if (serviceCountry) return serviceCountry;
  if (!locale) return 'GB';
  let language: string;
  let region: string | undefined;
  try {
    const parsed = new Intl.Locale(locale.trim().replace(/_/g, '-'));
    language = parsed.language.toLowerCase();
    region = parsed.region?.toUpperCase();
  } catch {
    return 'GB';
  }
  if (region) return isCountryCode(region) ? region : 'GB';
  return LANGUAGE_COUNTRY[language] ?? 'GB';
}

/**
 * The country's lines with a service's own: a line whose id matches replaces the shipped one in place, others are added
 * at the end. Each extra line is validated; the shipped resources are not changed.
 */
export function withServiceLines(resources: CrisisResources, extra: readonly CrisisLine[]): CrisisResources {
  const lines = [...resources.lines];
  const extraIds = new Set<string>();
  extra.forEach((candidate, index) => {
    const parsed = crisisLineSchema.safeParse(candidate);
    if (!parsed.success) {
      throw new CrisisResourcesError(`service crisis line [${index}] is invalid at ${firstIssue(parsed.error)}`);
    }
    const line = parsed.data;
    if (extraIds.has(line.id)) {
      throw new CrisisResourcesError(`service crisis line [${index}] is invalid at id: "${line.id}" is used twice`);
    }
    extraIds.add(line.id);
    const existing = lines.findIndex((shipped) => shipped.id === line.id);
    if (existing === -1) lines.push(line);
    else lines[existing] = line;
  });
  // A service may replace the emergency line (a local number where the national one does not reach).
  const emergencyNumber = lines.find((line) => line.emergency)?.phone ?? resources.emergencyNumber;
  const merged = crisisResourcesSchema.safeParse({ ...resources, emergencyNumber, lines });
  if (!merged.success) {
    throw new CrisisResourcesError(
      `crisis lines for ${resources.country} with the service's lines are invalid at ${firstIssue(merged.error)}`,
    );
  }
  return merged.data;
}

/** A service's own crisis lines, by country, as read from CRISIS_LINES_FILE: `{ "GB": [line, …], … }`. */
export type ServiceCrisisLines = Partial<Record<CountryCode, CrisisLine[]>>;

/** Reads and checks a service's crisis-lines file at start, so a mistake stops the start, not a crisis reply. */
export function loadServiceCrisisLines(filename: string): ServiceCrisisLines {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(filename, 'utf8'));
  } catch (error) {
    throw new CrisisResourcesError(
      `CRISIS_LINES_FILE ${filename} could not be read as JSON: ${(error as Error).message}`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CrisisResourcesError(
      `CRISIS_LINES_FILE ${filename} must be an object of country codes to lists of lines`,
    );
  }
  const lines: ServiceCrisisLines = {};
  for (const [country, extra] of Object.entries(data)) {
    if (!isCountryCode(country) || !Array.isArray(extra)) {
      throw new CrisisResourcesError(
        `CRISIS_LINES_FILE ${filename}: "${country}" must be one of ${CRISIS_COUNTRIES.join(', ')} with a list of lines`,
      );
    }
    try {
      withServiceLines(crisisResourcesFor(country), extra as CrisisLine[]);
    } catch (error) {
      throw new CrisisResourcesError(`CRISIS_LINES_FILE ${filename}: ${(error as Error).message}`);
    }
    lines[country] = extra as CrisisLine[];
  }
  return lines;
}

/** The crisis lines a conversation offers: the shipped ones for its country, with the service's own. */
export function crisisLinesWithService(country: CountryCode, serviceLines: ServiceCrisisLines = {}): CrisisResources {
  return withServiceLines(crisisResourcesFor(country), serviceLines[country] ?? []);
}
