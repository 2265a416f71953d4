// botbuilder's own MemoryStorage passes the conformance suite: the proof that the suite asks only what botbuilder asks.
import { MemoryStorage } from 'botbuilder';
import { describeStorageConformance } from './storageConformance';

describeStorageConformance('MemoryStorage (reference)', () => Promise.resolve({ storage: new MemoryStorage() }));
