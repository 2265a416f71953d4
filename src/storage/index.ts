// Chooses the storage and the handoff store the configuration asks for.
import type { Config } from '../config';
import type { HandoffRepository } from '../handoff/repository';
import type { Logger } from '../log';
import { LowdbHandoffRepository } from './lowdbHandoffRepository';
import { LowdbStorage } from './lowdbStorage';
import { PostgresHandoffRepository } from './postgresHandoffRepository';
import { PostgresStorage } from './postgresStorage';
import type { ListableStorage } from './recordListing';

export type { AppStorage } from './appStorage';
export type { ListableStorage } from './recordListing';

export function openStorage(config: Config['storage']): Promise<ListableStorage> {
  if (config.kind === 'postgres') return PostgresStorage.open({ connectionString: config.databaseUrl });
  return LowdbStorage.open(config.dataDir);
}

/** Handoffs beside the bot's state: in the same PostgreSQL database, or in the same DATA_DIR. */
export function openHandoffRepository(config: Config['storage'], logger: Logger): Promise<HandoffRepository> {
  if (config.kind === 'postgres') return PostgresHandoffRepository.open({ connectionString: config.databaseUrl });
  return LowdbHandoffRepository.open(config.dataDir, logger);
}
