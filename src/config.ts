// Reads and validates every setting once at start; a bad value stops the start with one line naming the variable.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { RiskReminderPolicy } from './handoff/riskReminders';
import type { AgeCheckSettings } from './privacy/consentAge';
import { isProxyEntry } from './server/clientAddress';
import { parseEncryptionKey } from './storage/fileEncryption';
import { SUPPORTED_LANGUAGES } from './i18n/languages';

// Countries whose crisis resources ship with the bot (locales/); a service elsewhere must add its own first.
export const SUPPORTED_COUNTRIES = ['GB', 'BR', 'ES', 'NO', 'TR', 'PK'] as const;

const MIN_TOKEN_LENGTH = 32;

/** The entries of a comma-separated setting, trimmed, empty ones left out. */
const commaSeparated = (value: string): string[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);

/** `name:token` pairs, comma-separated; the name is what the audit log records, never the token. */
const practitionerTokens = z
  .string()
  .default('')
  .transform((value, context) => {
    const entries = commaSeparated(value);
    const tokens: Array<{ name: string; token: string }> = [];
    for (const entry of entries) {
      const separator = entry.indexOf(':');
      const name = entry.slice(0, separator).trim();
      const token = entry.slice(separator + 1).trim();
      if (separator <= 0 || !/^[\w.@-]+$/.test(name)) {
        context.addIssue({ code: 'custom', message: 'must be a comma-separated list of name:token pairs' });
        return z.NEVER;
      }
      if (token.length < MIN_TOKEN_LENGTH) {
        context.addIssue({
          code: 'custom',
          message: `token for "${name}" must be at least ${MIN_TOKEN_LENGTH} characters`,
        });
        return z.NEVER;
      }
      tokens.push({ name, token });
    }
    return tokens;
  });

// Where practitioners read handoffs in Teams: the conversation the bot was added to (see README).
const practitionerConversation = z.object({
  serviceUrl: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
  conversationId: z.string().min(1, 'must not be empty'),
  tenantId: z.string().min(1).optional(),
});

// The outbox's wait before each retry of a send (webhook, Teams); after the last, the send is recorded as failed.
const retryDelaysMs = z
  .string()
  .trim()
  .default('2000,10000,45000')
  .transform((value, context) => {
    const delays = value.split(',').map((part) => Number(part.trim()));
    if (delays.some((delay) => !Number.isInteger(delay) || delay < 0 || delay > 86_400_000)) {
      context.addIssue({ code: 'custom', message: 'must be comma-separated whole milliseconds, each at most a day' });
      return z.NEVER;
    }
    return delays;
  });

// The destinations a reminder of an unacknowledged immediate handoff can go to (src/handoff/destinations/).
const REMINDER_DESTINATIONS = ['webhook', 'teams'] as const;

const reminderDestinations = z
  .string()
  .trim()
  .default(REMINDER_DESTINATIONS.join(','))
  .transform((value, context) => {
    const names = value.split(',').map((name) => name.trim());
    const unknown = names.find((name) => !(REMINDER_DESTINATIONS as readonly string[]).includes(name));
    if (unknown !== undefined) {
      context.addIssue({
        code: 'custom',
        message: `must be a comma-separated list of ${REMINDER_DESTINATIONS.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(names)];
  });

const wholeNumber = (min: number, max: number, what: string) => {
  const message = `must be a whole number of ${what} from ${min} to ${max}`;
  return z.coerce.number({ message }).int(message).min(min, message).max(max, message);
};

/** A comma-separated list whose every entry `isValid`; otherwise the first bad one is named after `what`. */
const commaList = (what: string, isValid: (entry: string) => boolean) =>
  z
    .string()
    .trim()
    .default('')
    .transform((value, context) => {
      const entries = commaSeparated(value);
      const bad = entries.find((entry) => !isValid(entry));
      if (bad !== undefined) {
        context.addIssue({ code: 'custom', message: `must be ${what} ("${bad.slice(0, 60)}" is not)` });
        return z.NEVER;
      }
      return entries;
    });

// Service URLs besides the Bot Framework's own that replies may go to.
const serviceUrls = commaList(
  'comma-separated http(s) URLs',
  (url) => /^https?:\/\/[^\s/@]+(\/\S*)?$/.test(url) && URL.canParse(url),
);

// Keys for encrypting files at rest: each 32 bytes in base64 or hex. A bad one is named by its place, never shown.
const encryptionKeys = z
  .string()
  .trim()
  .default('')
  .transform((value, context) => {
    const keys = commaSeparated(value).map(parseEncryptionKey);
    const bad = keys.findIndex((key) => key === undefined);
    if (bad >= 0) {
      context.addIssue({
        code: 'custom',
        message: `must be 32-byte keys in base64 or hex, e.g. from \`openssl rand -base64 32\` (key ${bad + 1} is not)`,
      });
      return z.NEVER;
    }
    return keys as Buffer[];
  });

// Reverse proxies whose X-Forwarded-For is believed.
const trustedProxies = commaList('IP addresses or CIDR ranges', isProxyEntry);

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value ?? '');

const configSchema = z
  .object({
    PORT: z.coerce
      .number({ message: 'must be a whole number from 1 to 65535' })
      .int('must be a whole number from 1 to 65535')
      .min(1, 'must be a whole number from 1 to 65535')
      .max(65535, 'must be a whole number from 1 to 65535')
      .default(3978),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        message: 'must be MultiTenant, SingleTenant or UserAssignedMSI',
      })
      .optional(),
    MicrosoftAppTenantId: optionalText,
    ALLOW_UNAUTHENTICATED_CHANNEL: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
    ALLOWED_SERVICE_URLS: serviceUrls,
    TRUST_PROXY: trustedProxies,
    DATA_DIR: z.string().trim().min(1, 'must name a folder').default('./data'),
    DATA_ENCRYPTION_KEY: encryptionKeys,
    DATA_ENCRYPTION_PREVIOUS_KEYS: encryptionKeys,
    STORAGE: z.enum(['lowdb', 'postgres'], { message: 'must be lowdb or postgres' }).default('lowdb'),
    DATABASE_URL: optionalText.pipe(
      z.string().refine((value) => value === '' || /^postgres(ql)?:\/\/\S+$/.test(value), {
        message: 'must be a postgres:// connection URL',
      }),
    ),
    DEFAULT_LOCALE: z
      .enum(SUPPORTED_LANGUAGES, { message: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}` })
      .default('en'),
    PRACTITIONER_LOCALE: z
      .enum(SUPPORTED_LANGUAGES, { message: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}` })
      .optional(),
    SERVICE_NAME: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(80, 'must be at most 80 characters')
      .default('your service'),
    CRISIS_LINES_FILE: z.string().trim().default(''),
    SERVICE_NEXT_STEPS: z.string().trim().max(300, 'must be at most 300 characters').default(''),
    SERVICE_RESPONSE_TIME: z.string().trim().max(120, 'must be at most 120 characters').default(''),
    HANDOFF_WEBHOOK_URL: z
      .string()
      .trim()
      .regex(/^(https?:\/\/\S+)?$/, 'must be an http(s) URL')
      .default(''),
    HANDOFF_WEBHOOK_SECRET: z.string().trim().default(''),
    HANDOFF_RETRY_DELAYS_MS: retryDelaysMs,
    SPOOL_DIR: optionalText,
    PRACTITIONER_TEAMS_CONVERSATION: z
      .string()
      .trim()
      .default('')
      .transform((value, context) => {
        if (value === '') return undefined;
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          context.addIssue({ code: 'custom', message: 'must be JSON: {"serviceUrl", "conversationId", "tenantId"}' });
          return z.NEVER;
        }
        const reference = practitionerConversation.safeParse(parsed);
        if (!reference.success) {
          const issue = reference.error.issues[0];
          const detail = issue.code === 'invalid_type' ? 'is missing or has the wrong type' : issue.message;
          context.addIssue({ code: 'custom', message: `${String(issue.path[0] ?? 'value')} ${detail}` });
          return z.NEVER;
        }
        return reference.data;
      }),
    SERVICE_CONTACT: z.string().trim().max(200, 'must be at most 200 characters').default(''),
    SERVICE_COUNTRY: z
      .enum(SUPPORTED_COUNTRIES, { message: `must be one of ${SUPPORTED_COUNTRIES.join(', ')}` })
      .optional(),
    ASK_AGE: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
    CONSENT_AGE: wholeNumber(0, 21, 'years').optional(),
    INVOLVEMENT_QUESTION_FIRST: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
    PRACTITIONER_TOKENS: practitionerTokens,
    RETENTION_DAYS: wholeNumber(1, 3650, 'days').default(180),
    RISK_ACK_MINUTES: wholeNumber(1, 1440, 'minutes').default(15),
    RISK_ACK_REMINDERS: wholeNumber(0, 20, 'reminders').default(3),
    RISK_REMINDER_DESTINATIONS: reminderDestinations,
    PERSON_KEY_SECRET: z.string().trim().default(''),
    HANDOFF_AFTER_DELETE: z.enum(['delete', 'keep'], { message: 'must be delete or keep' }).default('delete'),
    KEEP_BEFORE_CONSENT: z.enum(['memory', 'storage'], { message: 'must be memory or storage' }).default('memory'),
    WEB_CHAT: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
    DIRECT_LINE_SECRET: optionalText,
    DIRECT_LINE_ENDPOINT: z
      .string()
      .trim()
      // https, or http on this machine (a local stand-in for tests); no trailing slash, as Direct Line's docs write it.
      .regex(
        /^(https:\/\/[^\s/]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)(\/\S*)?(?<!\/)$/,
        'must be an https URL without a trailing slash',
      )
      .default('https://directline.botframework.com/v3/directline'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent'], {
        message: 'must be fatal, error, warn, info, debug or silent',
      })
      .default('info'),
  })
  .superRefine((env, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (env.STORAGE === 'postgres' && env.DATABASE_URL === '')
      problem('DATABASE_URL', 'is required when STORAGE=postgres');
    if (env.DATA_ENCRYPTION_KEY.length > 1)
      problem('DATA_ENCRYPTION_KEY', 'must be one key (old ones go in DATA_ENCRYPTION_PREVIOUS_KEYS)');
    if (env.DATA_ENCRYPTION_PREVIOUS_KEYS.length > 0 && env.DATA_ENCRYPTION_KEY.length === 0) {
      problem('DATA_ENCRYPTION_KEY', 'must be set when DATA_ENCRYPTION_PREVIOUS_KEYS is');
    }
    if (env.PERSON_KEY_SECRET !== '' && env.PERSON_KEY_SECRET.length < 32) {
      problem('PERSON_KEY_SECRET', 'must be at least 32 characters');
    }
    if (env.HANDOFF_WEBHOOK_URL !== '' && env.HANDOFF_WEBHOOK_SECRET.length < 32) {
      problem('HANDOFF_WEBHOOK_SECRET', 'must be at least 32 characters when HANDOFF_WEBHOOK_URL is set');
    }
    if (env.MicrosoftAppId === '') return;
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && env.MicrosoftAppPassword === '') {
      problem('MicrosoftAppPassword', 'is required when MicrosoftAppId is set');
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && env.MicrosoftAppTenantId === '') {
      problem('MicrosoftAppTenantId', `is required when MicrosoftAppType is ${env.MicrosoftAppType ?? 'SingleTenant'}`);
    }
  });

type ParsedEnv = z.output<typeof configSchema>;

export interface Config {
  port: number;
  /** Who may post to /api/messages without an App ID, and where replies may go besides the Bot Framework's hosts. */
  channel: {
    /** ALLOW_UNAUTHENTICATED_CHANNEL: without an App ID, answer callers from other machines too (development only). */
    allowUnauthenticated: boolean;
    /** ALLOWED_SERVICE_URLS: service URLs replies may go to besides the Bot Framework's own. */
    allowedServiceUrls: string[];
    /** TRUST_PROXY: reverse proxies whose X-Forwarded-For names the client, for limits kept per visitor. */
    trustedProxies: string[];
  };
  bot: {
    appId: string;
    appPassword: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string;
  };
  storage: { kind: 'lowdb'; dataDir: string } | { kind: 'postgres'; databaseUrl: string };
  defaultLanguage: ParsedEnv['DEFAULT_LOCALE'];
  /**
   * PRACTITIONER_LOCALE: the language of the practitioner page (over the browser's), the Teams card and the webhook's
   * summary text; unset: the page follows the browser, the card and text DEFAULT_LOCALE.
   */
  practitionerLanguage?: ParsedEnv['DEFAULT_LOCALE'];
  serviceName: string;
  /** How young people reach the service outside this chat (phone, email, hours); empty when not configured. */
  serviceContact: string;
  /** When someone replies to a request for a person ("within one working day"); empty when not configured. */
  serviceResponseTime: string;
  /** What happens after the conversation, in the service's words; empty when not configured. */
  serviceNextSteps: string;
  /** The signed webhook each handoff is also posted to; undefined when not configured. */
  webhook?: { url: string; secret: string };
  /**
   * The outbox's retry schedule, and the local folder risk handoffs are spooled to while storage is down (never in
   * DATA_DIR, which may be the broken part).
   */
  handoffOutbox: { retryDelaysMs: number[]; spoolDir: string };
  /** The practitioners' Teams conversation each handoff is also posted to; undefined when not configured. */
  practitionerConversation?: { serviceUrl: string; conversationId: string; tenantId?: string };
  serviceCountry: ParsedEnv['SERVICE_COUNTRY'];
  /** ASK_AGE and CONSENT_AGE: the age asked before consent, and a parent's or carer's agreement below the country's age. */
  ageCheck: AgeCheckSettings;
  /** INVOLVEMENT_QUESTION_FIRST: who they want involved in decisions is the first preference asked. */
  involvementQuestionFirst: boolean;
  /** A JSON file of the service's own crisis lines by country; empty when none. */
  crisisLinesFile: string;
  practitionerTokens: Array<{ name: string; token: string }>;
  retentionDays: number;
  /** Reminders of immediate handoffs nobody acknowledges, and how long the page lets one wait before it is overdue. */
  riskFollowUp: RiskReminderPolicy;
  /** The secret person keys are made with; empty: one generated once and kept in storage. */
  personKeySecret: string;
  /** What "delete my data" does with handoffs a practitioner has acknowledged. */
  handoffAfterDelete: 'delete' | 'keep';
  /**
   * Where a conversation waits for a yes to keeping answers: this process's memory (nothing on disk before consent) or
   * storage (for several instances without affinity).
   */
  keepBeforeConsent: 'memory' | 'storage';
  /** DATA_ENCRYPTION_KEY (and the previous keys still read): files on local disk are encrypted with it. */
  dataEncryption?: { current: Buffer; previous: Buffer[] };
  /** The Web Chat page at /; undefined when WEB_CHAT=off. Azure's Direct Line when a secret is set, else the bot's own. */
  webChat?: { azureDirectLine?: { endpoint: string; secret: string } };
  logLevel: ParsedEnv['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * A folder in the OS temp dir named after the store, so a restarted service finds its own spool and two services on
 * one machine never take each other's handoffs.
 */
function defaultSpoolDir(store: string): string {
  const identity = store.includes('://') ? store : path.resolve(store);
  return path.join(
    os.tmpdir(),
    `small-steps-spool-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`,
  );
}

/** Validates the environment; throws ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // Empty values mean "not set", as in most .env files and deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Configuration error: ${String(issue.path[0])} ${issue.message}.`);
  }
  const parsed = result.data;
  return {
    port: parsed.PORT,
    channel: {
      allowUnauthenticated: parsed.ALLOW_UNAUTHENTICATED_CHANNEL === 'true',
      allowedServiceUrls: parsed.ALLOWED_SERVICE_URLS,
      trustedProxies: parsed.TRUST_PROXY,
    },
    bot: {
      appId: parsed.MicrosoftAppId,
      appPassword: parsed.MicrosoftAppPassword,
      // A Bot Framework default; Azure now creates new bots as SingleTenant, so .env.example says to set it.
      appType: parsed.MicrosoftAppType ?? (parsed.MicrosoftAppId === '' ? 'MultiTenant' : 'SingleTenant'),
      tenantId: parsed.MicrosoftAppTenantId,
    },
    storage:
      parsed.STORAGE === 'postgres'
        ? { kind: 'postgres', databaseUrl: parsed.DATABASE_URL }
        : { kind: 'lowdb', dataDir: parsed.DATA_DIR },
    ...(parsed.DATA_ENCRYPTION_KEY.length > 0
      ? { dataEncryption: { current: parsed.DATA_ENCRYPTION_KEY[0], previous: parsed.DATA_ENCRYPTION_PREVIOUS_KEYS } }
      : {}),
    defaultLanguage: parsed.DEFAULT_LOCALE,
    ...(parsed.PRACTITIONER_LOCALE ? { practitionerLanguage: parsed.PRACTITIONER_LOCALE } : {}),
    serviceName: parsed.SERVICE_NAME,
    serviceContact: parsed.SERVICE_CONTACT,
    serviceResponseTime: parsed.SERVICE_RESPONSE_TIME,
    serviceNextSteps: parsed.SERVICE_NEXT_STEPS,
    ...(parsed.PRACTITIONER_TEAMS_CONVERSATION
      ? { practitionerConversation: parsed.PRACTITIONER_TEAMS_CONVERSATION }
      : {}),
    ...(parsed.HANDOFF_WEBHOOK_URL
      ? { webhook: { url: parsed.HANDOFF_WEBHOOK_URL, secret: parsed.HANDOFF_WEBHOOK_SECRET } }
      : {}),
    handoffOutbox: {
      retryDelaysMs: parsed.HANDOFF_RETRY_DELAYS_MS,
      spoolDir:
        parsed.SPOOL_DIR || defaultSpoolDir(parsed.STORAGE === 'postgres' ? parsed.DATABASE_URL : parsed.DATA_DIR),
    },
    serviceCountry: parsed.SERVICE_COUNTRY,
    ageCheck: { askAge: parsed.ASK_AGE === 'true', consentAgeOverride: parsed.CONSENT_AGE },
    involvementQuestionFirst: parsed.INVOLVEMENT_QUESTION_FIRST === 'true',
    crisisLinesFile: parsed.CRISIS_LINES_FILE,
    practitionerTokens: parsed.PRACTITIONER_TOKENS,
    retentionDays: parsed.RETENTION_DAYS,
    riskFollowUp: {
      ackMs: parsed.RISK_ACK_MINUTES * 60_000,
      maxReminders: parsed.RISK_ACK_REMINDERS,
      destinations: parsed.RISK_REMINDER_DESTINATIONS,
    },
    personKeySecret: parsed.PERSON_KEY_SECRET,
    handoffAfterDelete: parsed.HANDOFF_AFTER_DELETE,
    keepBeforeConsent: parsed.KEEP_BEFORE_CONSENT,
    ...(parsed.WEB_CHAT === 'on'
      ? {
          webChat: parsed.DIRECT_LINE_SECRET
            ? { azureDirectLine: { endpoint: parsed.DIRECT_LINE_ENDPOINT, secret: parsed.DIRECT_LINE_SECRET } }
            : {},
        }
      : {}),
    logLevel: parsed.LOG_LEVEL,
  };
}

/** Loads `.env` from the working folder when there is one; variables already set win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
