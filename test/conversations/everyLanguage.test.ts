// One whole conversation in each of the six languages, over HTTP through the whole bot, the young person typing in
// their language as they would (words, not only taps): welcome, consent, a check-in as a number word, preferences, a
// school-shaped goal turned personal by the phrasing helper, a GBO rating, a note, the summary shared and handed off;
// then a risk message, answered with that country's crisis lines in that language. No English string may reach a
// young person who is not chatting in English. Transcripts: test-output/transcripts/<lng>.md (with
// UPDATE_TRANSCRIPTS=1 also docs/transcripts/<lng>.md, the copies in the repository).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { createI18n, readLocaleFile } from '../../src/i18n';
import type { Language } from '../../src/i18n/languages';
import { cardsOf } from '../support/adaptiveCards';
import { RunningBot, startBot } from '../support/botServer';
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { makeTempDir, removeDir } from '../support/tempDir';

/** What the young person types, in their language, at the free-text moments of the conversation. */
interface Script {
  locale: string;
  country: string;
  yes: string;
  checkIn: string;
  goal: string;
  feeling: string;
  firstStep: string;
  rating: string;
  note: string;
  risk: string;
}

const SCRIPTS: Record<Language, Script> = {
  en: {
    locale: 'en-GB',
    country: 'GB',
    yes: 'yeah thats fine',
    checkIn: 'about a four',
    goal: 'pass my exams',
    feeling: "I'd feel calmer",
    firstStep: 'pack my bag the night before',
    rating: 'prob a 3',
    note: 'I get nervous on the phone',
    risk: 'i want to kill myself',
  },
  'pt-BR': {
    locale: 'pt-BR',
    country: 'BR',
    yes: 'sim pode guardar',
    checkIn: 'tipo um quatro',
    goal: 'passar no enem',
    feeling: 'eu ia ficar mais tranquila',
    firstStep: 'arrumar a mochila na noite anterior',
    rating: 'uns 3',
    note: 'fico nervosa no telefone',
    risk: 'eu quero me matar',
  },
  es: {
    locale: 'es-ES',
    country: 'ES',
    yes: 'vale si',
    checkIn: 'pues un cuatro',
    goal: 'aprobar los examenes',
    feeling: 'estaria mas tranquila',
    firstStep: 'preparar la mochila la noche antes',
    rating: 'un 3',
    note: 'me pongo nerviosa al telefono',
    risk: 'me quiero suicidar',
  },
  nb: {
    locale: 'nb-NO',
    country: 'NO',
    yes: 'ja det er greit',
    checkIn: 'kanskje en firer',
    goal: 'få bedre karakterer på eksamen',
    feeling: 'jeg hadde vært roligere',
    firstStep: 'pakke sekken kvelden før',
    rating: '3 av 10',
    note: 'send meg heller en melding enn å ringe',
    risk: 'jeg vil ta livet mitt',
  },
  tr: {
    locale: 'tr-TR',
    country: 'TR',
    yes: 'evet olur',
    checkIn: 'dört gibi',
    goal: 'sınavlarımı geçmek',
    feeling: 'daha sakin olurdum',
    firstStep: 'çantamı bir gece önceden hazırlamak',
    rating: 'üç',
    note: 'telefonla aranmayı sevmiyorum, mesaj atın lütfen',
    risk: 'kendimi öldürmek istiyorum',
  },
  ur: {
    locale: 'ur-PK',
    country: 'PK',
    yes: 'جی ہاں ٹھیک ہے',
    checkIn: 'شاید چار',
    goal: 'میٹرک کے امتحان پاس کرنا',
    feeling: 'میں زیادہ پرسکون محسوس کروں گی',
    firstStep: 'رات کو ہی بیگ تیار کر لینا',
    rating: 'تین',
    note: 'مجھے فون پر بات کرنا پسند نہیں، میسج کر دیں',
    risk: 'میں خود کو مار دینا چاہتی ہوں',
  },
};

/** Every fixed English sentence the bot can say (no variables, long enough to be unmistakable). */
function englishSentences(): string[] {
  const strings: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const file of ['translation', 'safetyReplies']) walk(readLocaleFile('en', file));
  return strings.filter((text) => !text.includes('{{') && text.length >= 25);
}

describe.each(Object.keys(SCRIPTS) as Language[])('a whole conversation in %s', (language) => {
  const script = SCRIPTS[language];
  let harness: ConnectorHarness;
  let bot: RunningBot;
  let dataDir: string;
  let t: TFunction;

  beforeAll(async () => {
    harness = await ConnectorHarness.start();
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir, SERVICE_NAME: 'Riverside', PERSON_KEY_SECRET: 'k'.repeat(40) });
    t = (await createI18n('en')).getFixedT(language);
  });
  afterAll(async () => {
    await bot.stop();
    await harness.close();
    await removeDir(dataDir);
  });

  it('goes from welcome to a shared summary and a handoff, all in that language', async () => {
    const client = new ChatClient({ botUrl: bot.url, harness, locale: script.locale });
    const transcript: string[] = [`# A conversation in ${t('language.ownName')} (${language})`, ''];
    const said: string[] = [];
    const show = (texts: string[]) => {
      said.push(...texts);
      transcript.push(...texts.map((text) => `**Small Steps:** ${text.replace(/\n/g, '  \n')}\n`));
    };
    const turn = async (text: string) => {
      const { replies } = await client.post({ type: 'message', text, textFormat: 'plain' });
      const texts = replies
        .filter((reply) => reply.type === 'message')
        .map(
          (reply) =>
            reply.text ||
            cardsOf(reply)
              .map((card) => (typeof card.fallbackText === 'string' ? card.fallbackText : ''))
              .join('\n'),
        );
      transcript.push(`> **Young person:** ${text}`, '');
      show(texts);
      return texts.join('\n');
    };
    try {
      const { replies: welcome } = await client.join();
      show(welcome.map((reply) => reply.text ?? ''));
      expect(said.join('\n')).toContain(t('welcome.consentQuestion'));

      expect(await turn(script.yes)).toContain(t('welcome.consentGiven'));
      expect(await turn(script.checkIn)).toContain(t('checkIn.thanks', { score: 4 }));
      await turn(t('choices.goalWork.now'));
      await turn(t('choices.pastExperience.unhelpful'));
      await turn(t('choices.goalWord.hopes'));
      await turn(t('choices.involved.family'));
      await turn(t('choices.lifeArea.schoolCollegeWork'));
      await turn(script.goal);
      await turn(script.feeling);
      await turn(t('choices.suggestion.useSuggestion'));
      await turn(script.firstStep);
      await turn(script.rating);
      await turn(t('choices.readBack.confirm'));
      await turn(t('choices.no'));
      await turn(t('choices.yes'));
      expect(await turn(script.note)).toContain(t('summary.shareQuestion', { serviceName: 'Riverside' }));
      const before = harness.forConversation(client.conversationId).length;
      expect(await turn(t('choices.share.share'))).toContain(t('summary.shared', { serviceName: 'Riverside' }));
      const handoff = harness
        .forConversation(client.conversationId)
        .slice(before)
        .find((activity) => activity.type === 'event' && activity.name === 'handoff.initiate');
      expect(handoff?.value).toMatchObject({
        summary: {
          language,
          consent: { shared: true },
          shared: {
            goals: [{ firstWording: script.goal, firstStep: script.firstStep }],
            noteForPractitioner: script.note,
          },
        },
      });

      const risk = await turn(script.risk);
      expect(risk).toContain(t('safetyReplies:risk.opening'));
      const crisisLines = JSON.parse(
        await readFile(path.resolve(__dirname, `../../resources/crisis-lines/${script.country}.json`), 'utf8'),
      ) as { lines: Array<{ phone?: string }> };
      const phones = crisisLines.lines.flatMap((line) => (line.phone ? [line.phone] : []));
      expect(phones.filter((phone) => risk.includes(phone))).not.toEqual([]);

      if (language !== 'en') {
        const english = englishSentences();
        expect(said.filter((text) => english.some((sentence) => text.includes(sentence)))).toEqual([]);
      }
    } finally {
      // Written whatever happened: where a conversation went wrong is what the transcript shows.
      const out = transcript.join('\n');
      await mkdir(path.resolve(__dirname, '../../test-output/transcripts'), { recursive: true });
      await writeFile(path.resolve(__dirname, `../../test-output/transcripts/${language}.md`), out);
      if (process.env.UPDATE_TRANSCRIPTS === '1') {
        await writeFile(path.resolve(__dirname, `../../docs/transcripts/${language}.md`), out);
      }
    }
  });
});
