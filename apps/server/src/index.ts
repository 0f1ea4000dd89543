export { type AppOptions, type BatonApp, buildApp } from './app.ts';
export { ensureFirstAdmin, openConfiguredDatabase, startServer } from './bootstrap.ts';
export { type Config, loadConfig } from './config.ts';
export { DEMO_PASSWORD, isEmptyOrganisation, loadDemoData } from './demo/demo-data.ts';
export { SYSTEM_ACTOR } from './modules/access/access.service.ts';
export { createServices, type Services } from './services.ts';
