// Worker entry, plain JavaScript so that it starts without a loader: the worker proper is
// TypeScript. Under `npm start` the worker inherits the server's tsx loader; elsewhere (a test
// runner with its own transform) tsx is registered here first.
try {
  await import('./optimiser-worker.ts');
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  // A failed import stays cached under its URL: ask again under another.
  await import('./optimiser-worker.ts?with-tsx');
}
