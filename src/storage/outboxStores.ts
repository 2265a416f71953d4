// Chooses the outbox store the configuration asks for: beside the handoffs, in DATA_DIR or in PostgreSQL.
import type { Config } from '../config';
import type { OutboxStore } from '../handoff/outbox';
import { JsonFiles } from './durableJsonFile';
import { LowdbOutboxStore } from './lowdbOutboxStore';
import { PostgresOutboxStore } from './postgresOutboxStore';

export function openOutboxStore(config: Config['storage'], files = new JsonFiles()): Promise<OutboxStore> {
  if (config.kind === 'postgres') return PostgresOutboxStore.open({ connectionString: config.databaseUrl });
  return LowdbOutboxStore.open(config.dataDir, files);
}
