import { DialogTestClient } from 'botbuilder-testing';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { WelcomeDialog } from '../../dialogs/welcomeDialog';
import { createDialogTestKit } from '../support/dialogTestKit';

async function startWelcome() {
  const kit = await createDialogTestKit();
  const client = new DialogTestClient(
    'test',
    new WelcomeDialog(kit.state, { serviceName: 'Northside CAMHS', serviceContact: '0161 496 0000 (weekdays 9–5)' }),
    undefined,
    [kit.middleware],
  );
  const texts = [(await client.sendActivity('hi')).text];
  for (let reply = client.getNextReply(); reply; reply = client.getNextReply()) texts.push(reply.text);
  return { kit, client, texts };
}

function storedKeys(kit: Awaited<ReturnType<typeof createDialogTestKit>>): string[] {
  return Object.entries((kit.storage as unknown as { memory: Record<string, string | undefined> }).memory)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
}

describe('WelcomeDialog', () => {
  it('says who it is, what it keeps and who for, then asks before keeping anything', async () => {
    const { kit, texts } = await startWelcome();
    expect(texts).toHaveLength(4);
    expect(texts[0]).toContain('not a person, and not an emergency service');
    expect(texts[0]).toContain('Northside CAMHS');
    expect(texts[2]).toContain('"delete my data"');
    expect(texts[2]).toContain('I only share a summary with Northside CAMHS if you say yes to it');
    expect(texts[2]).toContain("if you tell me you might not be safe, I'll always let Northside CAMHS know");
    expect(texts[3]).toContain('Is it okay for me to keep your answers?');
    expect(storedKeys(kit).filter((key) => key.includes('/users/'))).toEqual([]);
  });

  it.each(['yes', 'Yes', 'ok', 'y'])('records consent with its time when the answer is "%s"', async (answer) => {
    const { kit, client } = await startWelcome();
    const reply = await client.sendActivity(answer);
    expect(reply.text).toBe("Thank you. Let's start gently.");
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(client.dialogTurnResult.result).toBe(true);
    const userKey = storedKeys(kit).find((key) => key.includes('/users/')) as string;
    const { profile } = (await kit.storage.read([userKey]))[userKey];
    expect(profile.consent).toEqual({ given: true, at: expect.stringMatching(/^\d{4}-/) });
  });

  it.each(['no', 'No', 'nope'])('keeps nothing at all when the answer is "%s"', async (answer) => {
    const { kit, client } = await startWelcome();
    const reply = await client.sendActivity(answer);
    expect(reply.text).toContain("I haven't kept anything");
    expect(reply.text).toContain('You can reach Northside CAMHS on 0161 496 0000 (weekdays 9–5).');
    expect(client.dialogTurnResult.result).toBe(false);
    expect(storedKeys(kit).filter((key) => key.includes('/users/'))).toEqual([]);
  });
});
