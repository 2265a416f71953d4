// A Direct Line client whose conversation start names no language (Azure's Direct Line, or a raw client) gets the
// welcome in the service's default; its messages then name the young person's language (Web Chat's `locale`). The
// consent question must then be asked in theirs, not again in the default (found by exploratory testing: Spanish,
// Portuguese, Norwegian, Turkish and Urdu young people were re-asked consent in English), and a later message that
// names no language goes on in theirs rather than falling back to the default. The page itself asks for its
// language with its token, so there the welcome is in it from the first word.
import type { Activity } from 'botbuilder';
import type { TFunction } from 'i18next';
import { createI18n } from '../../src/i18n';
import type { Language } from '../../src/i18n/languages';
import { messageText } from '../support/adaptiveCards';
import { RunningBot, startBot } from '../support/botServer';
import { call, DirectLineClient, newUserId } from '../support/directLineClient';
import { makeTempDir, removeDir } from '../support/tempDir';

const CASES: Array<[Language, string, string, string]> = [
  ['es', 'es-ES', 'hola', 'sí'],
  ['pt-BR', 'pt-BR', 'oi', 'sim'],
  ['ur', 'ur-PK', 'salam', 'ہاں'],
];

describe('the language of a conversation whose start names none', () => {
  let bot: RunningBot;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir, SERVICE_NAME: 'Riverside Youth Service' });
  });
  afterAll(async () => {
    await bot.stop();
    await removeDir(dataDir);
  });

  const botTexts = (activities: Array<Partial<Activity>>) =>
    activities.filter((activity) => activity.from?.role === 'bot' && activity.type === 'message').map(messageText);

  it.each(CASES)('%s: consent asked again in theirs, and kept in theirs', async (language, locale, hello, yes) => {
    const t: TFunction = (await createI18n('en')).getFixedT(language);
    const en: TFunction = (await createI18n('en')).getFixedT('en');
    const chat = await DirectLineClient.open(bot.url);
    expect(botTexts(await chat.poll())).toContain(en('welcome.consentQuestion'));

    expect((await chat.send(hello, { locale })).status).toBe(200);
    const reAsked = botTexts(await chat.poll());
    expect(reAsked.at(-1)).toBe(t('welcome.consentQuestion'));
    expect(reAsked.join('\n')).not.toContain(en('welcome.consentQuestion'));

    expect((await chat.send(yes, { locale })).status).toBe(200);
    expect(botTexts(await chat.poll())[0]).toBe(t('welcome.consentGiven'));

    // A message naming no language goes on in theirs: "4" answers the check-in, in their words.
    expect((await chat.send('4', { locale: undefined })).status).toBe(200);
    expect(botTexts(await chat.poll())[0]).toBe(t('checkIn.thanks', { score: 4 }));
  });

  it.each(CASES)(
    '%s: the page asks for its language with the token, and the welcome is in it',
    async (language, locale) => {
      const t: TFunction = (await createI18n('en')).getFixedT(language);
      const chat = await DirectLineClient.open(bot.url, { locale });
      expect(botTexts(await chat.poll()).at(-1)).toBe(t('welcome.consentQuestion'));
    },
  );

  it('refuses a session whose locale is not a language tag, with a reason', async () => {
    for (const locale of ['pt_BR; drop', 'x'.repeat(40), 7]) {
      const answer = await call<{ error?: string }>(`${bot.url}/webchat/token`, {
        body: { userId: newUserId(), locale },
      });
      expect([answer.status, answer.body.error]).toEqual([400, expect.stringMatching(/locale must be a language tag/)]);
    }
  });

  it('a conversation in the default language is not asked again when its messages name that language', async () => {
    const en: TFunction = (await createI18n('en')).getFixedT('en');
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    expect((await chat.send('yes', { locale: 'en-GB' })).status).toBe(200);
    expect(botTexts(await chat.poll())[0]).toBe(en('welcome.consentGiven'));
  });
});
