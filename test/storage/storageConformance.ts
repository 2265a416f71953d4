// The expectations botbuilder holds every Storage to (its StorageBaseTests: read, create, crazy keys, update,
// eTag conflict, wildcard, delete, batch, a waterfall over ConversationState), written as one jest suite
// that runs against botbuilder's MemoryStorage as the reference and against each of our stores.
import { ActivityTypes, AutoSaveStateMiddleware, ConversationState, Storage, StoreItem, TestAdapter } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';

export interface StorageUnderTest {
  storage: Storage;
  /** Called after each test; may close connections or remove folders. */
  dispose?: () => Promise<void>;
}

function withoutEtag(item: StoreItem | undefined): StoreItem | undefined {
  if (!item) return item;
  const copy: StoreItem = { ...item };
  delete copy.eTag;
  return copy;
}

export function describeStorageConformance(name: string, open: () => Promise<StorageUnderTest>): void {
  describe(`${name} meets botbuilder's storage expectations`, () => {
    let subject: StorageUnderTest;
    let storage: Storage;

    beforeEach(async () => {
      subject = await open();
      storage = subject.storage;
    });

    afterEach(async () => {
      await subject.dispose?.();
    });

    it('returns an empty object when reading an unknown key', async () => {
      await expect(storage.read(['unknown'])).resolves.toEqual({});
    });

    it('rejects reading without keys', async () => {
      await expect(storage.read(null as unknown as string[])).rejects.toThrow(ReferenceError);
    });

    it('rejects writing without changes', async () => {
      await expect(storage.write(null as unknown as StoreItem)).rejects.toThrow(ReferenceError);
    });

    it('accepts writing no items', async () => {
      await expect(storage.write({})).resolves.toBeUndefined();
    });

    it('creates objects of every shape and gives each an eTag', async () => {
      const changes = {
        createPoco: { id: 1 },
        createPocoStoreItem: { id: 2, eTag: '*' },
        nested: { profile: { word: 'hopes', ratings: [3, 6] }, at: '2026-11-25T10:00:00.000Z' },
      };
      await storage.write(changes);
      const read = await storage.read(Object.keys(changes));
      expect(withoutEtag(read.createPoco)).toEqual({ id: 1 });
      expect(withoutEtag(read.createPocoStoreItem)).toEqual({ id: 2 });
      expect(withoutEtag(read.nested)).toEqual(changes.nested);
      for (const key of Object.keys(changes)) {
        expect(typeof read[key].eTag).toBe('string');
        expect(read[key].eTag).not.toBe('');
        expect(read[key].eTag).not.toBe('*');
      }
    });

    it('handles keys with any characters', async () => {
      const key = '!@#$%^&*()~/\\><,.?\';"`~ -_=+[]{}|ü语😀';
      await storage.write({ [key]: { id: 1 } });
      const read = await storage.read([key]);
      expect(withoutEtag(read[key])).toEqual({ id: 1 });
    });

    it('updates with the current eTag, rejects a stale eTag, and always writes with "*"', async () => {
      await storage.write({ pocoItem: { id: 1, count: 1 } });
      const first = (await storage.read(['pocoItem'])).pocoItem as StoreItem;

      await storage.write({ pocoItem: { ...first, count: 2 } });
      const second = (await storage.read(['pocoItem'])).pocoItem as StoreItem;
      expect(second.count).toBe(2);
      expect(second.eTag).not.toBe(first.eTag);

      await expect(storage.write({ pocoItem: { ...first, count: 99 } })).rejects.toThrow(/eTag conflict/);
      expect(((await storage.read(['pocoItem'])).pocoItem as StoreItem).count).toBe(2);

      await storage.write({ pocoItem: { id: 1, count: 3, eTag: '*' } });
      expect(((await storage.read(['pocoItem'])).pocoItem as StoreItem).count).toBe(3);

      // An item with no eTag overwrites too (botbuilder's MemoryStorage semantics).
      await storage.write({ pocoItem: { id: 1, count: 4 } });
      expect(((await storage.read(['pocoItem'])).pocoItem as StoreItem).count).toBe(4);
    });

    it('deletes an object', async () => {
      await storage.write({ delete1: { id: 1, count: 1 } });
      await storage.delete(['delete1']);
      await expect(storage.read(['delete1'])).resolves.toEqual({});
    });

    it('accepts deleting an unknown key', async () => {
      await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
    });

    it('performs batch operations', async () => {
      await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
      const read = await storage.read(['batch1', 'batch2', 'batch3']);
      expect([read.batch1.count, read.batch2.count, read.batch3.count]).toEqual([10, 20, 30]);
      await storage.delete(['batch1', 'batch2']);
      const left = await storage.read(['batch1', 'batch2', 'batch3']);
      expect(Object.keys(left)).toEqual(['batch3']);
    });

    it('gives deep copies: changing what was written or read does not change what is stored', async () => {
      const written = { profile: { word: 'goals' } };
      await storage.write({ copy: written });
      written.profile.word = 'changed after write';
      const read = await storage.read(['copy']);
      read.copy.profile.word = 'changed after read';
      expect((await storage.read(['copy'])).copy.profile.word).toBe('goals');
    });

    it('copies at the moment of write: changing the object while the write is pending does not leak in', async () => {
      const changing = { profile: { word: 'hopes' } };
      const pending = storage.write({ pending: changing });
      changing.profile.word = 'changed while pending';
      await pending;
      expect((await storage.read(['pending'])).pending.profile.word).toBe('hopes');
    });

    it('proceeds through a waterfall dialog kept in ConversationState', async () => {
      const conversationState = new ConversationState(storage);
      const dialogState = conversationState.createProperty('dialogState');
      const dialogs = new DialogSet(dialogState);
      dialogs.add(new TextPrompt('textPrompt'));
      dialogs.add(
        new WaterfallDialog('waterfall', [
          async (step) => {
            await step.context.sendActivity('step1');
            return step.prompt('textPrompt', 'Please type your name.');
          },
          async (step) => {
            await step.context.sendActivity(`step2 ${String(step.result)}`);
            return step.prompt('textPrompt', 'Please type your name.');
          },
          async (step) => {
            await step.context.sendActivity('step3');
            return step.endDialog();
          },
        ]),
      );
      const adapter = new TestAdapter(async (context) => {
        if (context.activity.type !== (ActivityTypes.Message as string)) return;
        const dc = await dialogs.createContext(context);
        const result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.empty) await dc.beginDialog('waterfall');
      }).use(new AutoSaveStateMiddleware(conversationState));

      await adapter
        .send('hello')
        .assertReply('step1')
        .assertReply('Please type your name.')
        .send('Alex')
        .assertReply('step2 Alex')
        .assertReply('Please type your name.')
        .send('Sam')
        .assertReply('step3')
        .startTest();
    });
  });
}
