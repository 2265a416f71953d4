// A service's country settings (ASK_AGE): the age comes before consent, typed as young people type it, in every
// language; below the country's age of digital consent a parent's or carer's okay is asked for before their own yes,
// a guess about a parent is never that okay, and a no keeps nothing.
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { WelcomeDialog } from '../../dialogs/welcomeDialog';
import type { DialogSettings } from '../../dialogs/settings';
import type { Language } from '../../src/i18n/languages';
import type { CountryCode } from '../../src/safety/crisisResources';
import { PreferencesDialog } from '../../dialogs/preferencesDialog';
import { newUserProfile, type ConsentRecord, type UserProfile } from '../../src/bot/state';
import { consentAgeFor, consentAges, parseConsentAges } from '../../src/privacy/consentAge';
import { describeStoredData } from '../../src/privacy/describeStoredData';
import { createDialogTestKit, DialogTestKit } from '../support/dialogTestKit';

const SERVICE = 'Northside CAMHS';

async function startWelcome(language: Language, country: CountryCode, settings: Partial<DialogSettings> = {}) {
  const kit = await createDialogTestKit(language);
  const client = new DialogTestClient(
    'test',
    new WelcomeDialog(kit.state, {
      serviceName: SERVICE,
      serviceContact: '',
      serviceCountry: country,
      ageCheck: { askAge: true },
      ...settings,
    }),
    undefined,
    [kit.middleware],
  );
  const t = kit.i18n.getFixedT(language);
  const opening = await say(client, 'hi');
  return { kit, client, t, opening };
}

/** Everything the bot says back to one message, joined. */
async function say(client: DialogTestClient, text: string): Promise<string> {
  const texts = [(await client.sendActivity(text))?.text ?? ''];
  for (let reply = client.getNextReply(); reply; reply = client.getNextReply()) texts.push(reply.text ?? '');
  return texts.join('\n');
}

async function storedProfile(kit: DialogTestKit): Promise<UserProfile | undefined> {
  const memory = (kit.storage as unknown as { memory: Record<string, string | undefined> }).memory;
  const userKey = Object.keys(memory).find((key) => key.includes('/users/') && memory[key] !== undefined);
  if (!userKey) return undefined;
  return ((await kit.storage.read([userKey]))[userKey] as { profile?: UserProfile }).profile;
}

async function storedConsent(kit: DialogTestKit) {
  return (await storedProfile(kit))?.consent;
}

// Per language: the country whose age applies, an age under it and one at or over it typed in words of the language,
// a parent's okay, a guess about one, and a plain yes.
const LANGUAGES: ReadonlyArray<{
  language: Language;
  country: CountryCode;
  younger: string;
  older: string;
  parentsOkay: string;
  guess: string;
  yes: string;
}> = [
  {
    language: 'en',
    country: 'GB',
    younger: 'im 12',
    older: 'fifteen lol',
    parentsOkay: 'yeah my mum said its fine',
    guess: 'she wouldnt mind',
    yes: 'yes',
  },
  {
    language: 'pt-BR',
    country: 'BR',
    younger: 'tenho onze anos',
    older: 'tenho 15',
    parentsOkay: 'sim, minha mãe deixou',
    guess: 'ela ia deixar sim',
    yes: 'sim',
  },
  {
    language: 'es',
    country: 'ES',
    younger: 'tengo trece',
    older: 'tengo quince años',
    parentsOkay: 'sí, mi madre me ha dado permiso',
    guess: 'me dirían que sí',
    yes: 'sí',
  },
  {
    language: 'nb',
    country: 'NO',
    younger: 'jeg er seksten',
    older: 'e 19',
    parentsOkay: 'ja, mamma sa det var greit',
    guess: 'mamma ville sagt ja',
    yes: 'ja',
  },
  {
    language: 'tr',
    country: 'TR',
    younger: 'on altı yaşındayım',
    older: '19 yasindayim',
    parentsOkay: 'evet annem izin verdi',
    guess: 'annem izin verir herhalde',
    yes: 'evet',
  },
  {
    language: 'ur',
    country: 'PK',
    younger: 'میری عمر سولہ سال ہے',
    older: 'meri umar 20 saal hai',
    parentsOkay: 'ہاں امی نے اجازت دے دی ہے',
    guess: 'ammi haan kahengi',
    yes: 'ہاں',
  },
];

describe.each(LANGUAGES)('the age before consent in $language ($country)', (row) => {
  const consentAge = consentAges()[row.country].age;

  it('asks the age after saying what is kept, before the consent question', async () => {
    const { t, opening } = await startWelcome(row.language, row.country);
    expect(opening).toContain(t('welcome.whatWeDo'));
    expect(opening.endsWith(t('welcome.ageQuestion'))).toBe(true);
    expect(opening).not.toContain(t('welcome.consentQuestion'));
  });

  it('at or over the country age, asks for their own yes only, and keeps no mention of a parent', async () => {
    const { kit, client, t } = await startWelcome(row.language, row.country);
    expect(await say(client, row.older)).toBe(t('welcome.consentQuestion'));
    expect(await say(client, row.yes)).toBe(t('welcome.consentGiven'));
    expect(await storedConsent(kit)).toEqual({ given: true, at: expect.any(String) });
  });

  it("under it, asks for a parent's or carer's okay, then their own yes, and keeps that a parent agreed", async () => {
    const { kit, client, t } = await startWelcome(row.language, row.country);
    expect(await say(client, row.younger)).toBe(t('welcome.youngerConsentQuestion', { age: consentAge }));
    expect(await say(client, row.parentsOkay)).toBe(t('welcome.consentQuestion'));
    expect(await say(client, row.yes)).toBe(t('welcome.consentGiven'));
    const consent = await storedConsent(kit);
    expect(consent).toEqual({ given: true, at: expect.any(String), withParentAgreement: true });
    // "What do you know about me" says so, in their language.
    const exported = describeStoredData({ ...newUserProfile(), consent: consent as ConsentRecord }, t);
    expect(exported?.lines).toContain(
      t('commands.exportConsentWithParent', { date: (consent as { at: string }).at.slice(0, 10) }),
    );
  });

  it('never takes a guess about a parent as their okay: asked again, and without an okay nothing is kept', async () => {
    const { kit, client, t } = await startWelcome(row.language, row.country);
    await say(client, row.younger);
    const asked = t('welcome.youngerConsentQuestion', { age: consentAge });
    expect(await say(client, row.guess)).toBe(asked);
    expect(await say(client, row.guess)).toBe(asked);
    expect(await say(client, row.guess)).toBe(t('welcome.youngerDeclined', { serviceName: SERVICE }));
    expect(await storedConsent(kit)).toBeUndefined();
  });
});

describe('the age question', () => {
  it('answers "why do you need my age?" and asks again', async () => {
    const { client, t } = await startWelcome('en', 'GB');
    const reply = await say(client, 'why do you need my age?');
    expect(reply).toContain(t('faq.age.why'));
    expect(reply).toContain(t('welcome.ageRetry'));
  });

  it('takes no age after the re-asks as younger: the parent question, never a record without it', async () => {
    const { kit, client, t } = await startWelcome('en', 'GB');
    await say(client, 'rather not say');
    await say(client, 'dunno');
    expect(await say(client, 'nah')).toContain(t('welcome.youngerConsentQuestion', { age: 13 }));
    expect(await storedConsent(kit)).toBeUndefined();
  });

  it("uses the service's CONSENT_AGE over the country's: 15 is younger when the service set 16", async () => {
    const { client, t } = await startWelcome('en', 'GB', { ageCheck: { askAge: true, consentAgeOverride: 16 } });
    expect(await say(client, '15')).toBe(t('welcome.youngerConsentQuestion', { age: 16 }));
  });

  it('is not asked when the service has not turned it on', async () => {
    const { client, t } = await startWelcome('en', 'GB', { ageCheck: { askAge: false } });
    expect(await say(client, 'yes')).toBe(t('welcome.consentGiven'));
  });

  it('reads "nearly 13" as 12, and "12, 13 in may" as 12', async () => {
    for (const typed of ['nearly 13', '12, turning 13 in may']) {
      const { client, t } = await startWelcome('en', 'GB');
      expect(await say(client, typed)).toBe(t('welcome.youngerConsentQuestion', { age: 13 }));
    }
  });
});

describe('the age of digital consent per country', () => {
  it('has an age, a legal basis and at least one quoted source for every country the bot serves', () => {
    for (const [country, entry] of Object.entries(consentAges())) {
      expect([country, entry.sources.length > 0 && entry.basis.length > 0]).toEqual([country, true]);
    }
  });

  it('names the file and the field when the data is wrong: a country missing, a figure without a source', () => {
    const { GB, ...withoutGb } = consentAges();
    expect(() => parseConsentAges({ _meta: 'x', countries: withoutGb }, 'ages.json')).toThrow(
      /^ages\.json is invalid at countries\.GB/,
    );
    const unsourced = { ...consentAges(), GB: { ...GB, sources: [] } };
    expect(() => parseConsentAges({ _meta: 'x', countries: unsourced }, 'ages.json')).toThrow(
      /^ages\.json is invalid at countries\.GB\.sources: needs at least one source/,
    );
  });

  it('is 13 in the UK and 14 in Spain, and a service override wins', () => {
    expect(consentAgeFor('GB', { askAge: true })).toBe(13);
    expect(consentAgeFor('ES', { askAge: true })).toBe(14);
    expect(consentAgeFor('ES', { askAge: true, consentAgeOverride: 16 })).toBe(16);
  });
});

describe('INVOLVEMENT_QUESTION_FIRST', () => {
  it.each([
    [true, 'involvedQuestion'],
    [false, 'goalWorkQuestion'],
  ] as const)('when %s, the first preference asked is %s', async (first, question) => {
    const kit = await createDialogTestKit('en');
    const client = new DialogTestClient('test', new PreferencesDialog(kit.state, first), undefined, [kit.middleware]);
    const t = kit.i18n.getFixedT('en');
    // The words before the goal word the bot fills in ("small {{word}}").
    const asked = (key: string) => t(key).split('{{')[0];
    expect(await say(client, 'hi')).toContain(asked(`preferences.${question}`));
    if (!first) return;
    // Their answer is acknowledged, goal work is asked about next, and who is involved is not asked again at the end.
    const next = await say(client, 'my family i guess');
    expect(next).toContain(t('preferences.involvedAck'));
    expect(next).toContain(asked('preferences.goalWorkQuestion'));
    const end = await say(client, 'maybe later');
    expect(end).toContain(asked('preferences.laterAck'));
    expect(end).not.toContain(asked('preferences.involvedQuestion'));
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });
});
