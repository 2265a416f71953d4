import { ConfigError, loadConfig } from '../src/config';

const TOKEN = 'p'.repeat(32);

describe('loadConfig', () => {
  it('gives working defaults for local use with nothing set', () => {
    expect(loadConfig({})).toEqual({
      port: 3978,
      channel: { allowUnauthenticated: false, allowedServiceUrls: [], trustedProxies: [] },
      bot: { appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' },
      storage: { kind: 'lowdb', dataDir: './data' },
      defaultLanguage: 'en',
      serviceName: 'your service',
      serviceContact: '',
      serviceResponseTime: '',
      serviceNextSteps: '',
      serviceCountry: undefined,
      crisisLinesFile: '',
      practitionerTokens: [],
      handoffOutbox: {
        retryDelaysMs: [2_000, 10_000, 45_000],
        spoolDir: expect.stringContaining('small-steps-spool-'),
      },
      retentionDays: 180,
      riskFollowUp: { ackMs: 15 * 60_000, maxReminders: 3, destinations: ['webhook', 'teams'] },
      personKeySecret: '',
      handoffAfterDelete: 'delete',
      keepBeforeConsent: 'memory',
      ageCheck: { askAge: false },
      involvementQuestionFirst: false,
      webChat: {},
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
      ALLOW_UNAUTHENTICATED_CHANNEL: 'true',
      ALLOWED_SERVICE_URLS: ' https://hub.example.org/bot , http://127.0.0.1:9000/',
      TRUST_PROXY: '10.0.0.5, 10.1.0.0/16',
      STORAGE: 'postgres',
      DATABASE_URL: 'postgres://bot@db:5432/smallsteps',
      DATA_DIR: '/var/lib/small-steps',
      DEFAULT_LOCALE: 'pt-BR',
      SERVICE_NAME: 'Serviço Jovem',
      SERVICE_CONTACT: '(11) 5555-0100, seg–sex 9h–17h',
      SERVICE_RESPONSE_TIME: 'em até um dia útil',
      SERVICE_NEXT_STEPS: 'Vamos ligar para você em até duas semanas.',
      HANDOFF_WEBHOOK_URL: 'https://hooks.example.org/small-steps',
      HANDOFF_WEBHOOK_SECRET: 'h'.repeat(32),
      HANDOFF_RETRY_DELAYS_MS: '1000, 60000',
      SPOOL_DIR: '/var/spool/small-steps',
      SERVICE_COUNTRY: 'BR',
      CRISIS_LINES_FILE: '/etc/small-steps/crisis-lines.json',
      PRACTITIONER_TOKENS: `ana:${TOKEN}, joao:${'q'.repeat(40)}`,
      RETENTION_DAYS: '30',
      RISK_ACK_MINUTES: '5',
      RISK_ACK_REMINDERS: '2',
      RISK_REMINDER_DESTINATIONS: ' teams ',
      WEB_CHAT: 'on',
      DIRECT_LINE_SECRET: 'd'.repeat(50),
      DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/v3/directline',
      LOG_LEVEL: 'warn',
      PRACTITIONER_LOCALE: 'nb',
      KEEP_BEFORE_CONSENT: 'storage',
      ASK_AGE: 'true',
      CONSENT_AGE: '16',
      INVOLVEMENT_QUESTION_FIRST: 'true',
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      DATA_ENCRYPTION_PREVIOUS_KEYS: ` ${Buffer.alloc(32, 9).toString('hex')} `,
    });
    expect(config).toEqual({
      port: 8080,
      channel: {
        allowUnauthenticated: true,
        allowedServiceUrls: ['https://hub.example.org/bot', 'http://127.0.0.1:9000/'],
        trustedProxies: ['10.0.0.5', '10.1.0.0/16'],
      },
      bot: { appId: 'app-id', appPassword: 'secret', appType: 'SingleTenant', tenantId: 'tenant' },
      storage: { kind: 'postgres', databaseUrl: 'postgres://bot@db:5432/smallsteps' },
      defaultLanguage: 'pt-BR',
      serviceName: 'Serviço Jovem',
      serviceContact: '(11) 5555-0100, seg–sex 9h–17h',
      serviceResponseTime: 'em até um dia útil',
      serviceNextSteps: 'Vamos ligar para você em até duas semanas.',
      webhook: {
        url: 'https://hooks.example.org/small-steps',
        secret: 'h'.repeat(32),
      },
      handoffOutbox: { retryDelaysMs: [1_000, 60_000], spoolDir: '/var/spool/small-steps' },
      serviceCountry: 'BR',
      crisisLinesFile: '/etc/small-steps/crisis-lines.json',
      practitionerTokens: [
        { name: 'ana', token: TOKEN },
        { name: 'joao', token: 'q'.repeat(40) },
      ],
      retentionDays: 30,
      riskFollowUp: { ackMs: 5 * 60_000, maxReminders: 2, destinations: ['teams'] },
      personKeySecret: '',
      handoffAfterDelete: 'delete',
      practitionerLanguage: 'nb',
      keepBeforeConsent: 'storage',
      ageCheck: { askAge: true, consentAgeOverride: 16 },
      involvementQuestionFirst: true,
      dataEncryption: { current: Buffer.alloc(32, 7), previous: [Buffer.alloc(32, 9)] },
      webChat: {
        azureDirectLine: {
          endpoint: 'https://europe.directline.botframework.com/v3/directline',
          secret: 'd'.repeat(50),
        },
      },
      logLevel: 'warn',
    });
  });

  it('turns the Web Chat page off for a Teams-only service', () => {
    expect(loadConfig({ WEB_CHAT: 'off' }).webChat).toBeUndefined();
  });

  it.each([
    ['WEB_CHAT', 'maybe', 'must be on or off'],
    ['DIRECT_LINE_ENDPOINT', 'http://directline.example.org/v3/directline', 'must be an https URL'],
    ['DIRECT_LINE_ENDPOINT', 'https://directline.botframework.com/v3/directline/', 'without a trailing slash'],
    ['HANDOFF_RETRY_DELAYS_MS', '2s,10s', 'comma-separated whole milliseconds'],
    ['ASK_AGE', 'yes', 'must be true or false'],
    ['CONSENT_AGE', '25', 'must be a whole number of years from 0 to 21'],
    ['CONSENT_AGE', 'thirteen', 'must be a whole number of years from 0 to 21'],
    ['INVOLVEMENT_QUESTION_FIRST', '1', 'must be true or false'],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Configuration error: ${name} .*${message}`));
  });

  it('treats empty values as not set', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '', STORAGE: '' }).port).toBe(3978);
  });

  it.each([
    [{ PORT: 'abc' }, 'Configuration error: PORT must be a whole number from 1 to 65535.'],
    [{ PORT: '70000' }, 'Configuration error: PORT must be a whole number from 1 to 65535.'],
    [{ PORT: '80.5' }, 'Configuration error: PORT must be a whole number from 1 to 65535.'],
    [{ STORAGE: 'redis' }, 'Configuration error: STORAGE must be lowdb or postgres.'],
    [{ STORAGE: 'postgres' }, 'Configuration error: DATABASE_URL is required when STORAGE=postgres.'],
    [
      { STORAGE: 'postgres', DATABASE_URL: 'mysql://x' },
      'Configuration error: DATABASE_URL must be a postgres:// connection URL.',
    ],
    [{ DEFAULT_LOCALE: 'fr' }, 'Configuration error: DEFAULT_LOCALE must be one of en, pt-BR, es, nb, tr, ur.'],
    [{ SERVICE_COUNTRY: 'gb' }, 'Configuration error: SERVICE_COUNTRY must be one of GB, BR, ES, NO, TR, PK.'],
    [{ RETENTION_DAYS: '0' }, 'Configuration error: RETENTION_DAYS must be a whole number of days from 1 to 3650.'],
    [
      { RISK_ACK_MINUTES: '0' },
      'Configuration error: RISK_ACK_MINUTES must be a whole number of minutes from 1 to 1440.',
    ],
    [
      { RISK_ACK_MINUTES: '7.5' },
      'Configuration error: RISK_ACK_MINUTES must be a whole number of minutes from 1 to 1440.',
    ],
    [
      { RISK_ACK_REMINDERS: '-1' },
      'Configuration error: RISK_ACK_REMINDERS must be a whole number of reminders from 0 to 20.',
    ],
    [
      { RISK_REMINDER_DESTINATIONS: 'webhook,email' },
      'Configuration error: RISK_REMINDER_DESTINATIONS must be a comma-separated list of webhook, teams.',
    ],
    [
      { PRACTITIONER_TOKENS: 'justatoken' },
      'Configuration error: PRACTITIONER_TOKENS must be a comma-separated list of name:token pairs.',
    ],
    [
      { PRACTITIONER_TOKENS: 'ana:short' },
      'Configuration error: PRACTITIONER_TOKENS token for "ana" must be at least 32 characters.',
    ],
    [{ MicrosoftAppId: 'app' }, 'Configuration error: MicrosoftAppPassword is required when MicrosoftAppId is set.'],
    [{ KEEP_BEFORE_CONSENT: 'disk' }, 'Configuration error: KEEP_BEFORE_CONSENT must be memory or storage.'],
    [
      { PRACTITIONER_LOCALE: 'de' },
      'Configuration error: PRACTITIONER_LOCALE must be one of en, pt-BR, es, nb, tr, ur.',
    ],
    [
      { DATA_ENCRYPTION_KEY: 'my-secret-password' },
      'Configuration error: DATA_ENCRYPTION_KEY must be 32-byte keys in base64 or hex, e.g. from `openssl rand -base64 32` (key 1 is not).',
    ],
    [
      { DATA_ENCRYPTION_KEY: `${Buffer.alloc(32, 1).toString('base64')},${Buffer.alloc(32, 2).toString('base64')}` },
      'Configuration error: DATA_ENCRYPTION_KEY must be one key (old ones go in DATA_ENCRYPTION_PREVIOUS_KEYS).',
    ],
    [
      { DATA_ENCRYPTION_PREVIOUS_KEYS: Buffer.alloc(32, 1).toString('base64') },
      'Configuration error: DATA_ENCRYPTION_KEY must be set when DATA_ENCRYPTION_PREVIOUS_KEYS is.',
    ],
    [
      { ALLOW_UNAUTHENTICATED_CHANNEL: 'yes' },
      'Configuration error: ALLOW_UNAUTHENTICATED_CHANNEL must be true or false.',
    ],
    [
      { TRUST_PROXY: '10.0.0.5, proxy.internal' },
      'Configuration error: TRUST_PROXY must be IP addresses or CIDR ranges ("proxy.internal" is not).',
    ],
    [
      { ALLOWED_SERVICE_URLS: 'https://ok.example.org, ftp://files.example.org' },
      'Configuration error: ALLOWED_SERVICE_URLS must be comma-separated http(s) URLs ("ftp://files.example.org" is not).',
    ],
    [
      { ALLOWED_SERVICE_URLS: 'https://user:pw@hub.example.org/' },
      'Configuration error: ALLOWED_SERVICE_URLS must be comma-separated http(s) URLs ("https://user:pw@hub.example.org/" is not).',
    ],
    [
      { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' },
      'Configuration error: MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.',
    ],
    [
      { HANDOFF_WEBHOOK_URL: 'https://hooks.example.org/x', HANDOFF_WEBHOOK_SECRET: 'short' },
      'Configuration error: HANDOFF_WEBHOOK_SECRET must be at least 32 characters when HANDOFF_WEBHOOK_URL is set.',
    ],
    [{ HANDOFF_WEBHOOK_URL: 'ftp://x' }, 'Configuration error: HANDOFF_WEBHOOK_URL must be an http(s) URL.'],
    [
      { PRACTITIONER_TEAMS_CONVERSATION: '{not json' },
      'Configuration error: PRACTITIONER_TEAMS_CONVERSATION must be JSON: {"serviceUrl", "conversationId", "tenantId"}.',
    ],
    [
      { PRACTITIONER_TEAMS_CONVERSATION: '{"serviceUrl":"https://smba.trafficmanager.net/emea/"}' },
      'Configuration error: PRACTITIONER_TEAMS_CONVERSATION conversationId is missing or has the wrong type.',
    ],
    [
      { MicrosoftAppType: 'Other' },
      'Configuration error: MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI.',
    ],
  ])('refuses %p with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never puts a secret in the error line', () => {
    expect(() => loadConfig({ PRACTITIONER_TOKENS: 'ana:supersecretbutshort' })).toThrow(/^(?!.*supersecret)/);
  });

  it('accepts a multi-tenant bot without a tenant, and a managed identity without a password', () => {
    expect(
      loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'MultiTenant' }).bot.appType,
    ).toBe('MultiTenant');
    expect(
      loadConfig({ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }).bot.appType,
    ).toBe('UserAssignedMSI');
  });
});
