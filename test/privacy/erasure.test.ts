// PersonalDataEraser on each store, without the bot around it: the conversations marked with the young person's
// person key go (nobody else's), their handoffs as the inbox's rules say, their transcripts through every holder, and
// the removed handoffs' pending sends through the outbox hook; the report counts what happened.
import { createLogger } from '../../src/log';
import { CONVERSATION_OWNER_PROPERTY, PersonalDataEraser } from '../../src/privacy/erasure';
import { summary } from '../practitioner/summaries';
import { BOT_AND_HANDOFF_STORES, storesForEachTest } from '../support/botStores';

const THEM = { channelId: 'webchat', userId: 'dl_them', personKey: 'key-them' };
const owned = (personKey: string) => ({
  [CONVERSATION_OWNER_PROPERTY]: personKey,
  conversationData: { pausedAt: 'x' },
});

describe.each(BOT_AND_HANDOFF_STORES)('PersonalDataEraser on %s', (_name, openBotStore, openHandoffStore) => {
  const stores = storesForEachTest(openBotStore, openHandoffStore);

  it('removes what is theirs everywhere it is held, and reports it', async () => {
    await stores.storage.write({
      'webchat/conversations/one/': owned(THEM.personKey),
      'msteams/conversations/two/': owned(THEM.personKey),
      'webchat/conversations/other/': owned('key-other'),
      'webchat/users/dl_them/': { profile: {} }, // the turn's own user state: BotState deletes it
    });
    await stores.inbox.add(summary({ id: 'h-them', createdAt: '2026-11-20T10:00:00.000Z' }), THEM.personKey);
    await stores.inbox.add(summary({ id: 'h-other', createdAt: '2026-11-20T10:00:00.000Z' }), 'key-other');
    const forgetTranscripts = jest.fn().mockReturnValue(2);
    const removeFor = jest.fn().mockResolvedValue(3);
    const eraser = new PersonalDataEraser({
      storage: stores.storage,
      inbox: stores.inbox,
      afterDelete: 'delete',
      logger: createLogger('silent'),
      pendingSends: { removeFor },
    });
    eraser.addTranscriptHolder({ forgetTranscripts });

    expect(await eraser.erase(THEM, [])).toEqual({
      conversations: 2,
      handoffs: ['removed'],
      transcripts: 2,
      pendingSends: 3,
    });
    expect(await stores.botStore.stateKeys()).toEqual(['webchat/conversations/other/', 'webchat/users/dl_them/']);
    expect((await stores.inbox.list()).map((item) => item.id)).toEqual(['h-other']);
    expect(forgetTranscripts).toHaveBeenCalledWith('webchat', 'dl_them');
    expect(removeFor).toHaveBeenCalledWith(['h-them']);
  });
});
