// Loaded before the API reference (/api/docs): its schema library (Zod) otherwise probes whether `Function('')`
// is allowed, which the Content-Security-Policy refuses and reports. Jitless mode skips the probe; nothing else changes.
globalThis.__zod_globalConfig = { jitless: true };
