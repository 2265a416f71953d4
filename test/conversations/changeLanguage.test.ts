// "Change language", over HTTP through the whole bot: the question offers the six languages by their own names; typed
// in any of them it chooses ("português", "اردو", "urdu"); the conversation begins again in the chosen language, and
// the choice is remembered next time for a young person whose answers are kept (in memory only before a yes). Under a
// safety reply the reply stays waiting rather than being dropped.
import type { TFunction } from 'i18next';
import { createI18n } from '../../src/i18n';
import type { Language } from '../../src/i18n/languages';
import { RunningBot, startBot } from '../support/botServer';
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { makeTempDir, removeDir } from '../support/tempDir';

describe('changing language', () => {
  let harness: ConnectorHarness;
  let bot: RunningBot;
  let dataDir: string;
  let tIn: (language: Language) => TFunction;

  beforeAll(async () => {
    harness = await ConnectorHarness.start();
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir, SERVICE_NAME: 'Northside', PERSON_KEY_SECRET: 'k'.repeat(40) });
    const i18n = await createI18n('en');
    tIn = (language) => i18n.getFixedT(language);
  });
  afterAll(async () => {
    await bot.stop();
    await harness.close();
    await removeDir(dataDir);
  });

  const chat = (options: { userId?: string; locale?: string } = {}) =>
    new ChatClient({ botUrl: bot.url, harness, ...options });

  it('offers the six languages by their own names, and begins again in the one chosen', async () => {
    const client = chat();
    await client.join();
    const { replies } = await client.post({ type: 'message', text: 'can we change language', textFormat: 'plain' });
    const question = replies.find((reply) => reply.text?.includes(tIn('en')('language.question')));
    const buttons = (question?.suggestedActions?.actions ?? []).map((action) => action.title);
    expect(buttons).toEqual(['English', 'Português (Brasil)', 'Español', 'Norsk (bokmål)', 'Türkçe', 'اردو']);

    const after = (await client.say('portugues')).join('\n');
    expect(after).toContain(tIn('pt-BR')('language.changed'));
    expect(after).toContain(tIn('pt-BR')('welcome.consentQuestion'));
    expect((await client.say('sim')).join('\n')).toContain(tIn('pt-BR')('welcome.consentGiven'));
  });

  it('remembers the language next time for a young person whose answers are kept', async () => {
    const first = chat({ locale: 'en-GB' });
    await first.join();
    await first.say('yes');
    await first.say('change language');
    expect((await first.say('türkçe')).join('\n')).toContain(tIn('tr')('language.changed'));
    const later = chat({ userId: first.userId, locale: 'en-GB' });
    const { replies } = await later.join();
    expect(replies.map((reply) => reply.text).join('\n')).toContain(tIn('tr')('welcome.welcomeBack'));
  });

  it('understands a language named in another language or script', async () => {
    const client = chat({ locale: 'es-MX' });
    await client.join();
    expect((await client.say('idioma')).join('\n')).toContain(tIn('es')('language.question'));
    expect((await client.say('urdu')).join('\n')).toContain(tIn('ur')('welcome.consentQuestion'));
    expect((await client.say('زبان')).join('\n')).toContain(tIn('ur')('language.question'));
    expect((await client.say('inglés')).join('\n')).toContain(tIn('en')('welcome.consentQuestion'));
  });

  it('keeps the language it speaks when the reply names none', async () => {
    const client = chat({ locale: 'nb-NO' });
    await client.join();
    await client.say('bytt språk');
    expect((await client.say('nei jeg vil ikke bytte likevel')).join('\n')).toContain(tIn('nb')('language.stayed'));
  });

  it('leaves a safety reply waiting, asked again in the new language', async () => {
    const client = chat();
    await client.join();
    await client.say('yes');
    const risk = (await client.say('i want to kill myself')).join('\n');
    expect(risk).toContain(tIn('en')('safetyReplies:risk.question'));
    await client.say('change language');
    const after = (await client.say('español')).join('\n');
    expect(after).toContain(tIn('es')('language.changed'));
    expect(after).not.toContain(tIn('es')('welcome.consentQuestion'));
  });

  it('offers, once, to switch to the language a young person writes in, in that language', async () => {
    const client = chat({ locale: 'en-GB' });
    await client.join();
    const { replies } = await client.post({
      type: 'message',
      text: 'eu nao sei o que responder pra isso',
      textFormat: 'plain',
    });
    const offer = replies.find((reply) => reply.text?.includes(tIn('pt-BR')('language.offerSwitch')));
    expect((offer?.suggestedActions?.actions ?? []).map((action) => action.title)).toEqual([
      'Português (Brasil)',
      'English',
    ]);
    const after = (await client.say('sim')).join('\n');
    expect(after).toContain(tIn('pt-BR')('language.changed'));
    expect(after).toContain(tIn('pt-BR')('welcome.consentQuestion'));
  });

  it('stays in the language in use when the offer is declined, and does not offer it again', async () => {
    const client = chat({ locale: 'en-GB' });
    await client.join();
    expect((await client.say('ne diyecegimi bilmiyorum ya')).join('\n')).toContain(tIn('tr')('language.offerSwitch'));
    const declined = (await client.say('hayir')).join('\n');
    expect(declined).toContain(tIn('en')('language.stayed'));
    expect(declined).toContain(tIn('en')('welcome.consentQuestion'));
    expect((await client.say('ne diyecegimi bilmiyorum ya')).join('\n')).not.toContain(
      tIn('tr')('language.offerSwitch'),
    );
  });

  it('never offers for a short answer, or for English mixed into Roman Urdu', async () => {
    const client = chat({ locale: 'ur-PK' });
    await client.join();
    const replies = [await client.say('ok'), await client.say('ok yaar theek hai main try karti hoon')].flat();
    expect(replies.join('\n')).not.toContain(tIn('en')('language.offerSwitch'));
  });
});
