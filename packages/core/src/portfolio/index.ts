export * from './ahp.ts';
export * from './finance.ts';
export { efficientFrontier, type FrontierOptions } from './frontier.ts';
export { type HeuristicOptions, type HeuristicResult, heuristicPortfolio } from './heuristic.ts';
export { checkSelection, rankingPortfolio } from './model.ts';
export { DEFAULT_GAP, DEFAULT_TIME_LIMIT_SECONDS, optimizePortfolio } from './optimise.ts';
export * from './types.ts';
export * from './validate.ts';
