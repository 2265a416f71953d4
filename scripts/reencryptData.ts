// `npm run data:reencrypt`: rewrites every file in DATA_DIR and SPOOL_DIR with DATA_ENCRYPTION_KEY, reading each with
// whichever configured key sealed it (src/storage/reencrypt.ts). Stop the bot first. Reads the same environment (and
// .env) as the bot.
import { loadConfig, loadDotEnv } from '../src/config';
import { jsonFilesFor } from '../src/storage';
import { reencryptFiles } from '../src/storage/reencrypt';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig(process.env);
  const dirs = [...(config.storage.kind === 'lowdb' ? [config.storage.dataDir] : []), config.handoffOutbox.spoolDir];
  const { rewritten } = await reencryptFiles(dirs, jsonFilesFor(config));
  const how = config.dataEncryption ? 'encrypted with DATA_ENCRYPTION_KEY' : 'as plain JSON (no DATA_ENCRYPTION_KEY)';
  process.stdout.write(`${rewritten} files rewritten ${how} in ${dirs.join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
