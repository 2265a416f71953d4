// Chooses the storage and the handoff store the configuration asks for.
import type { Config } from '../config';
import type { HandoffRepository } from '../handoff/repository';
import type { Logger } from '../log';
import { JsonFiles } from './durableJsonFile';
import { FileCipher } from './fileEncryption';
import { LowdbHandoffRepository } from './lowdbHandoffRepository';
import { LowdbStorage } from './lowdbStorage';
import { PostgresHandoffRepository } from './postgresHandoffRepository';
import { PostgresStorage } from './postgresStorage';
import type { ListableStorage } from './recordListing';

export type { AppStorage } from './appStorage';
export type { ListableStorage } from './recordListing';

/** The JSON files of the lowdb stores and the spool, encrypted when DATA_ENCRYPTION_KEY is set. */
export function jsonFilesFor(config: Pick<Config, 'dataEncryption'>): JsonFiles {
  const keys = config.dataEncryption;
  return new JsonFiles(keys && new FileCipher(keys.current, keys.previous));
}

export function openStorage(config: Config['storage'], files = new JsonFiles()): Promise<ListableStorage> {
  if (config.kind === 'postgres') return PostgresStorage.open({ connectionString: config.databaseUrl });
  return LowdbStorage.open(config.dataDir, files);
}

/** Handoffs beside the bot's state: in the same PostgreSQL database, or in the same DATA_DIR. */
export function openHandoffRepository(
  config: Config['storage'],
  logger: Logger,
  files = new JsonFiles(),
): Promise<HandoffRepository> {
  if (config.kind === 'postgres') return PostgresHandoffRepository.open({ connectionString: config.databaseUrl });
  return LowdbHandoffRepository.open(config.dataDir, logger, files);
}
