import { startServer } from './bootstrap.ts';
import { loadConfig } from './config.ts';

// `npm start` and `baton serve` land here.
const demo = process.env.BATON_DEMO !== 'false';
try {
  const server = await startServer({ config: loadConfig(), demo });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  process.stderr.write(`baton: ${(e as Error).message}\n`);
  process.exit(1);
}
