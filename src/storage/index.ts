// Chooses the storage the configuration asks for.
import type { Config } from '../config';
import type { AppStorage } from './appStorage';
import { LowdbStorage } from './lowdbStorage';
import { PostgresStorage } from './postgresStorage';

export type { AppStorage } from './appStorage';

export function openStorage(config: Config['storage']): Promise<AppStorage> {
  if (config.kind === 'postgres') return PostgresStorage.open({ connectionString: config.databaseUrl });
  return LowdbStorage.open(config.dataDir);
}
