// Issue 11's cases as conversations over real HTTP: young people type, they don't tap. Every reply here is free text
// as a 15-year-old writes it, and what the bot does with it (shares, deletes, sends to a person, keeps) is checked where
// it lands: in the practitioner's inbox, read through its API.
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { RunningBot, startBot } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';

const PRACTITIONER_TOKEN = 'p'.repeat(40);
const SORRY = /Sorry, I didn't/;

interface ListedHandoff {
  id: string;
  reason: string;
  urgency: string;
}

describe('free-text answers over HTTP', () => {
  let harness: ConnectorHarness;
  let bot: RunningBot;
  let dataDir: string;

  beforeAll(async () => {
    harness = await ConnectorHarness.start();
    dataDir = await makeTempDir();
    bot = await startBot({
      DATA_DIR: dataDir,
      SERVICE_NAME: 'Riverside Youth Service',
      PRACTITIONER_TOKENS: `ana:${PRACTITIONER_TOKEN}`,
      SERVICE_NEXT_STEPS: "We'll call you within two weeks to book your first appointment.",
    });
  });

  afterAll(async () => {
    await bot.stop();
    await harness.close();
    await removeDir(dataDir);
  });

  const practitioner = async (path: string) => {
    const response = await fetch(`${bot.url}${path}`, { headers: { authorization: `Bearer ${PRACTITIONER_TOKEN}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };
  const handoffs = async () => (await practitioner('/api/practitioner/handoffs')).handoffs as ListedHandoff[];
  const handoffsOf = async (reason: string) => (await handoffs()).filter((handoff) => handoff.reason === reason);
  /** The one handoff of this reason made since `before` was listed. */
  const madeSince = async (before: readonly ListedHandoff[], reason: string) => {
    const known = new Set(before.map((handoff) => handoff.id));
    const made = (await handoffsOf(reason)).filter((handoff) => !known.has(handoff.id));
    expect(made).toHaveLength(1);
    return made[0];
  };

  /** A new young person, through consent and the check-in to the goal-work question, all typed. */
  async function throughCheckIn(): Promise<ChatClient> {
    const client = new ChatClient({ botUrl: bot.url, harness });
    expect((await client.say('hey')).join('\n')).toMatch(/Is it okay for me to keep your answers\?/);
    expect(await client.say('yeah ok')).toContain("Thank you. Let's start gently.");
    return client;
  }

  /** Through the preferences, typing every answer, to "Which part of life would you like to start with?". */
  async function atLifeArea(): Promise<ChatClient> {
    const client = await throughCheckIn();
    for (const answer of ['3', 'yeah lets do it', 'it helped', 'goals']) await client.say(answer);
    expect((await client.say('just me')).join('\n')).toMatch(/Which part of life/);
    return client;
  }

  /** On to the summary, typing every answer: no goals now, just me, nothing to add. */
  async function atTheSummary(): Promise<ChatClient> {
    const client = await throughCheckIn();
    await client.say('prob a 4');
    await client.say('maybe another time');
    await client.say('just me');
    expect((await client.say('nah')).join('\n')).toMatch(/Would you like me to share this with Riverside/);
    return client;
  }

  describe('the summary is shared only when they clearly say so', () => {
    it('"i dont want it shared yet" is a clear no: nothing is shared', async () => {
      const before = (await handoffsOf('conversationComplete')).length;
      const client = await atTheSummary();
      expect((await client.say('i dont want it shared yet'))[0]).toMatch(/^Okay, I won't share it/);
      expect(await handoffsOf('conversationComplete')).toHaveLength(before);
    });

    it.each(['who sees it', 'i need to think about it', 'what happens if i share it'])(
      '"%s" shares nothing, and the question stays open',
      async (text) => {
        const before = (await handoffsOf('conversationComplete')).length;
        const client = await atTheSummary();
        const replies = (await client.say(text)).join('\n');
        expect(replies).not.toMatch(/It's saved for Riverside|Thanks for talking with me today/);
        expect(await handoffsOf('conversationComplete')).toHaveLength(before);
      },
    );
  });

  describe('consent to keep answers', () => {
    async function atConsent(): Promise<ChatClient> {
      const client = new ChatClient({ botUrl: bot.url, harness });
      await client.say('hi');
      return client;
    }

    it('"no idea what this is tbh" and "not sure what you mean" are asked again plainly, not taken as no or yes', async () => {
      const client = await atConsent();
      expect(await client.say('no idea what this is tbh')).toEqual([
        'Is it okay for me to keep your answers? You can say yes or no.',
      ]);
      expect(await client.say('not sure what you mean')).toEqual([
        'Is it okay for me to keep your answers? You can say yes or no.',
      ]);
      expect((await client.say('nah')).join('\n')).toMatch(/I haven't kept anything/);
    });

    it('"who can see this?" is answered, then the question comes again', async () => {
      const client = await atConsent();
      const replies = await client.say('who can see this?');
      expect(replies[0]).toMatch(/^Only you, and the practitioners at Riverside Youth Service/);
      expect(replies[1]).toBe('Is it okay for me to keep your answers? You can say yes or no.');
    });
  });

  it('"not right now no. just sometimes" to "right now?" is not told to call 999 first', async () => {
    const client = await throughCheckIn();
    const risk = (await client.say('i want to kill myself')).join('\n');
    expect(risk).toMatch(/thoughts of killing yourself right now\?/);
    const replies = (await client.say('not right now no. just sometimes')).join('\n');
    expect(replies).not.toMatch(/Please call 999 now/);
    expect(replies).toMatch(/How would you like Riverside Youth Service to reach you\?/);
    expect((await client.say('nah')).join('\n')).toMatch(/What would you like to do now\?/);
  });

  it('after a risk reply, the answer to "right now?" and asking for a person reach the practitioner', async () => {
    const before = await handoffs();
    const client = await throughCheckIn();
    await client.say('i want to kill myself');
    const risk = await madeSince(before, 'risk');
    await client.say('not right now no. just sometimes');
    const record = (await practitioner(`/api/practitioner/handoffs/${risk.id}`)) as {
      summary: { rightNow?: { answer: string } };
    };
    expect(record.summary.rightNow).toMatchObject({ answer: 'no' });
    // Said at how to reach them, it is the risk reply's own "talk to a person".
    expect((await client.say('talk to a person')).join('\n')).toMatch(/let Riverside Youth Service know/);
    const asked = await madeSince(before, 'askedForPerson');
    expect(asked.urgency).toBe('immediate');
  });

  describe('commands inside sentences', () => {
    it.each([
      ['can i just talk to a real person', /let Riverside Youth Service know you'd like to talk to a person\?/],
      ['i want to delete everything you know about me', /Delete it all\?/],
    ])(
      'at "think about some small goals?", "%s" is that command, not "get to know my practitioner first"',
      async (text, asked) => {
        const client = await throughCheckIn();
        expect((await client.say('4')).join('\n')).toMatch(/think about some small goals with me\?/);
        const replies = (await client.say(text)).join('\n');
        expect(replies).toMatch(asked);
        expect(replies).not.toMatch(/get to know your practitioner|who would you like to be involved/i);
      },
    );

    it('"can i just talk to a real person" asks to pass it on; "yeah" sends it', async () => {
      const client = await throughCheckIn();
      const before = (await handoffsOf('askedForPerson')).length;
      expect((await client.say('can i just talk to a real person')).join('\n')).toMatch(
        /let Riverside Youth Service know you'd like to talk to a person\?/,
      );
      await client.say('yeah please');
      expect(await handoffsOf('askedForPerson')).toHaveLength(before + 1);
    });

    it('"i want to delete everything you know about me" asks to confirm; "yes" deletes', async () => {
      const client = await throughCheckIn();
      expect((await client.say('i want to delete everything you know about me')).join('\n')).toMatch(/Delete it all\?/);
      expect(await client.say('yes')).toEqual(['Done. Everything I kept about you has been deleted.']);
    });

    it('"can we stop" pauses', async () => {
      const client = await throughCheckIn();
      expect((await client.say('can we stop')).join('\n')).toMatch(/we've paused here/);
    });
  });

  describe('the check-in', () => {
    it('"prob a 6 now actually" is a 6', async () => {
      const client = await throughCheckIn();
      expect((await client.say('prob a 6 now actually'))[0]).toBe('Thanks for telling me: 6 out of 10.');
    });

    it('"idk. i just feel like this every day" is heard before the question comes again, with no "sorry"', async () => {
      const client = await throughCheckIn();
      const replies = await client.say('idk. i just feel like this every day');
      expect(replies.join('\n')).not.toMatch(SORRY);
      expect(replies[0]).toMatch(/Thank you for telling me|That sounds/);
      expect(replies.join('\n')).toMatch(/how are you feeling right now\?/);
    });
  });

  describe('after "stop", the next answer is acted on, not swallowed by "carry on?"', () => {
    it('"delete my data" then "yes" deletes', async () => {
      const client = await throughCheckIn();
      await client.say('stop');
      expect((await client.say('delete my data')).join('\n')).toMatch(/Delete it all\?/);
      expect(await client.say('yes')).toEqual(['Done. Everything I kept about you has been deleted.']);
    });

    it('"talk to a person" then "yes" sends the request', async () => {
      const client = await throughCheckIn();
      const before = (await handoffsOf('askedForPerson')).length;
      await client.say('take a break');
      expect((await client.say('talk to a person')).join('\n')).toMatch(/talk to a person\?/);
      await client.say('yes');
      expect(await handoffsOf('askedForPerson')).toHaveLength(before + 1);
    });

    it('a clear answer to the waiting question is that answer', async () => {
      const client = await throughCheckIn();
      await client.say('pause');
      expect((await client.say('like 7/10'))[0]).toBe('Thanks for telling me: 7 out of 10.');
    });
  });

  it('"idk" as a first step gets tiny examples; "no" leaves it for the practitioner', async () => {
    const client = await atLifeArea();
    await client.say('sleep');
    expect((await client.say('wake up feeling less tired')).join('\n')).toMatch(/small first step/);
    const help = (await client.say('idk')).join('\n');
    expect(help).toMatch(/it can be really tiny\. For example: .*phone/);
    expect(help).not.toMatch(SORRY);
    const left = (await client.say('no')).join('\n');
    expect(left).toMatch(/leave the first step for you and your practitioner/);
    expect(left).toMatch(/How close do you feel to this right now\?/);
  });

  it('"i\'d be happier", the commonest answer to the phrasing helper\'s question, gets a phrasing offer', async () => {
    const client = await atLifeArea();
    await client.say('school college or work');
    expect((await client.say('pass my exams')).join('\n')).toMatch(/what would be different for you/i);
    expect((await client.say("i'd be happier")).join('\n')).toMatch(/How about: "feel happier.*exams.*"\?/);
  });

  it('in the safety plan, "idk" and "no" leave that part empty and say so; nothing made up is kept', async () => {
    const client = await throughCheckIn();
    expect((await client.say('can i make a safety plan')).join('\n')).toMatch(/signs that things are getting hard/);
    const leftEmpty = "That's okay, I'll leave that part empty. You can add to it any time.";
    expect((await client.say('idk'))[0]).toBe(leftEmpty);
    expect((await client.say('no'))[0]).toBe(leftEmpty);
    await client.say('my cousin');
    await client.say('no');
    await client.say('skip');
    const done = (await client.say('nah')).join('\n');
    expect(done).toMatch(/Your safety plan:/);
    expect(done).not.toMatch(/\bidk\b|Warning signs\n\s*no\b/);
    expect(done).toMatch(/my cousin/);
  });

  it('after the goodbye, "thanks. what happens now?" gets what happens next, not a new check-in', async () => {
    const client = await atTheSummary();
    expect((await client.say('no thanks')).join('\n')).toMatch(/Thanks for talking with me today/);
    const replies = (await client.say('thanks. what happens now?')).join('\n');
    expect(replies).toMatch(/Here's what happens next: We'll call you within two weeks/);
    expect(replies).not.toMatch(/Welcome back|how are you feeling right now/);
    expect((await client.say('start a new check-in')).join('\n')).toMatch(/how are you feeling right now\?/);
  });

  describe('summary editing does what it says', () => {
    /** Two goals, "get a job" and "sleep before midnight", no note, at the summary. */
    async function withTwoGoals(): Promise<ChatClient> {
      const client = await atLifeArea();
      await client.say('school college or work');
      expect((await client.say('get a job')).join('\n')).toMatch(/what would be different for you/i);
      expect((await client.say('idk')).join('\n')).toMatch(/small first step/);
      await client.say('look at the job centre website');
      await client.say('2');
      await client.say('yes thats right');
      await client.say('yeah');
      await client.say('sleep');
      await client.say('sleep before midnight');
      await client.say('phone off at 11');
      await client.say('4');
      await client.say('yep');
      await client.say('no');
      const summary = (await client.say('nah')).join('\n');
      expect(summary).toMatch(/get a job/);
      expect(summary).toMatch(/sleep before midnight/);
      return client;
    }

    it('"can i take out just the job one" takes out that goal only, names it, and undo puts it back', async () => {
      const client = await withTwoGoals();
      const removed = (await client.say('can i take out just the job one')).join('\n');
      expect(removed).toMatch(/I've taken out "get a job" from your goals/);
      expect(removed).toMatch(/sleep before midnight/);
      expect(removed).toMatch(/How you were feeling/);
      expect(removed.split('Would you like me to share')[1] ?? removed).not.toMatch(/get a job/);
      // "Say undo to put it back": said right away, at the share question.
      const undone = (await client.say('undo')).join('\n');
      expect(undone).toMatch(/put "get a job" from your goals back/);
      expect(undone.split("Here's the summary")[1]).toMatch(/get a job/);
    });

    it('"take out the bit about not being safe" is told the fact of risk stays, as said at the start; the rest can go', async () => {
      const client = await throughCheckIn();
      await client.say('i want to kill myself');
      await client.say('not right now no. just sometimes');
      await client.say('nah');
      await client.say('carry on');
      for (const answer of ['prob a 4', 'maybe another time', 'just me']) await client.say(answer);
      expect((await client.say('nah')).join('\n')).toMatch(/this part stays:\nYou told me about thoughts/);
      await client.say('change something');
      const [stays, asked] = await client.say('take out the bit about not being safe');
      expect(stays).toMatch(/^That part stays: as I said at the start, .*Riverside Youth Service always knows/);
      expect(asked).toMatch(/^What would you like to change\?/);
      const replies = (await client.say('remove the risk part and how i was feeling')).join('\n');
      expect(replies).toMatch(/That part stays/);
      expect(replies).toMatch(/I've taken out how you've been feeling/);
      expect(replies).not.toMatch(SORRY);
      expect(replies.split("Here's the summary")[1]).toMatch(/You told me about thoughts of not wanting to be alive/);
    });

    it('"wait the job one is still there" never shares', async () => {
      const before = (await handoffsOf('conversationComplete')).length;
      const client = await withTwoGoals();
      await client.say('wait the job one is still there');
      expect(await handoffsOf('conversationComplete')).toHaveLength(before);
    });

    it('"the second goal" is taken out by its place; only parts that exist are offered', async () => {
      const client = await withTwoGoals();
      const [asked] = await client.post({ type: 'message', text: 'change something' }).then((turn) => turn.replies);
      const buttons = (asked.suggestedActions?.actions ?? []).map((action) => action.title);
      expect(buttons).toEqual(
        expect.arrayContaining([
          'Take out "get a job" from your goals',
          'Take out "sleep before midnight" from your goals',
        ]),
      );
      expect(buttons.join(' ')).not.toMatch(/safety plan|note/i);
      expect((await client.say('the second goal')).join('\n')).toMatch(
        /I've taken out "sleep before midnight" from your goals/,
      );
    });

    it("a goal's words can be changed, and the shared summary holds the new words", async () => {
      const client = await withTwoGoals();
      await client.say('change something');
      expect((await client.say('change the words of the job one')).join('\n')).toMatch(
        /It says "get a job" now\. What would you like it to say instead\?/,
      );
      expect((await client.say('feel less stressed about money')).join('\n')).toMatch(
        /it now says "feel less stressed about money"/,
      );
      const before = await handoffs();
      await client.say('share it');
      const latest = await madeSince(before, 'conversationComplete');
      const record = JSON.stringify(await practitioner(`/api/practitioner/handoffs/${latest.id}`));
      expect(record).toContain('feel less stressed about money');
    });

    it('a part not found, or asked about, is asked again, and the next reply is acted on however often', async () => {
      const client = await withTwoGoals();
      await client.say('change something');
      expect((await client.say('the purple one')).join('\n')).toMatch(/I couldn't find that in your summary/);
      expect((await client.say('the blue one')).join('\n')).toMatch(/I couldn't find that in your summary/);
      const removed = (await client.say('the job one')).join('\n');
      expect(removed).toMatch(/I've taken out "get a job" from your goals/);
      expect(removed.split("Here's the summary")[1]).not.toMatch(/get a job/);
    });

    it('"change the words of the job one" said at the share question asks for the new words, then uses them', async () => {
      const client = await withTwoGoals();
      expect((await client.say('change the words of the job one')).join('\n')).toMatch(
        /It says "get a job" now\. What would you like it to say instead\?/,
      );
      const reworded = (await client.say('find a part time job i like')).join('\n');
      expect(reworded).toMatch(/it now says "find a part time job i like"/);
      expect(reworded.split("Here's the summary")[1]).toMatch(/find a part time job i like/);
    });
  });

  describe('a share can be taken back while nobody has read it', () => {
    it('"unshare" marks it withdrawn, and the practitioner sees that, not its content', async () => {
      const client = await atTheSummary();
      const before = await handoffs();
      await client.say('yeah share it');
      const shared = await madeSince(before, 'conversationComplete');
      expect((await client.say('can you unshare it')).join('\n')).toMatch(/I've taken it back/);
      const listed = (await handoffs()).find((handoff) => handoff.id === shared.id) as unknown as { status: string };
      expect(listed.status).toBe('withdrawn');
    });

    it('"i changed my mind" after the goodbye takes it back; with nothing shared it is not offered', async () => {
      const client = await atTheSummary();
      const before = await handoffs();
      expect((await client.say('ok share it')).join('\n')).toMatch(/say "unshare"/);
      const shared = await madeSince(before, 'conversationComplete');
      expect((await client.say('i changed my mind')).join('\n')).toMatch(/I've taken it back/);
      const listed = (await handoffs()).find((handoff) => handoff.id === shared.id) as unknown as { status: string };
      expect(listed.status).toBe('withdrawn');

      const notShared = await atTheSummary();
      expect((await notShared.say('no thanks')).join('\n')).toMatch(/Thanks for talking with me today/);
      const [whatNext] = await notShared.post({ type: 'message', text: 'i changed my mind' }).then((t) => t.replies);
      expect(whatNext.text).toMatch(/Here's what happens next/);
      expect(whatNext.text).not.toMatch(/take it back/);
      expect((whatNext.suggestedActions?.actions ?? []).map((action) => action.title)).not.toContain(
        'Take my summary back',
      );
    });

    it('once a practitioner has opened it, it cannot be taken back, and they are told so', async () => {
      const client = await atTheSummary();
      const before = await handoffs();
      await client.say('share it');
      const shared = await madeSince(before, 'conversationComplete');
      await practitioner(`/api/practitioner/handoffs/${shared.id}`);
      expect((await client.say('unshare')).join('\n')).toMatch(/already read it/);
    });
  });

  it('a whole conversation typed in free text reaches a shared summary holding exactly what was agreed', async () => {
    const client = await throughCheckIn();
    expect((await client.say('prob a 6 now actually'))[0]).toBe('Thanks for telling me: 6 out of 10.');
    expect((await client.say('yeah go on then')).join('\n')).toMatch(/set goals with anyone before/);
    expect((await client.say('it kinda helped')).join('\n')).toMatch(/What word would you like me to use\?/);
    expect((await client.say('goals is fine')).join('\n')).toMatch(/involved in decisions/);
    expect((await client.say('just me tbh')).join('\n')).toMatch(/Which part of life/);
    expect((await client.say('friends i guess')).join('\n')).toMatch(/In your own words/);
    expect((await client.say('see my mates more')).join('\n')).toMatch(/small first step/);
    expect((await client.say('text jay about saturday')).join('\n')).toMatch(/How close/);
    expect((await client.say('like a 3 maybe')).join('\n')).toMatch(/see my mates more/);
    expect((await client.say('yep thats right')).join('\n')).toMatch(/add another/);
    expect((await client.say('nah thats enough')).join('\n')).toMatch(/anything you'd like your practitioner to know/);
    expect((await client.say('i get really nervous on the phone so text is better')).join('\n')).toMatch(
      /Would you like me to share this/,
    );
    const before = await handoffs();
    const shared = (await client.say('yeah share it')).join('\n');
    expect(shared).toMatch(/It's saved for Riverside Youth Service/);
    const latest = await madeSince(before, 'conversationComplete');
    const record = JSON.stringify(await practitioner(`/api/practitioner/handoffs/${latest.id}`));
    expect(record).toContain('see my mates more');
    expect(record).toContain('text jay about saturday');
    expect(record).toContain('i get really nervous on the phone so text is better');
  });
});
