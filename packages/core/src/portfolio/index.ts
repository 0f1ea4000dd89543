export * from './ahp.ts';
export * from './finance.ts';
export { type HeuristicResult, heuristicPortfolio } from './heuristic.ts';
export { checkSelection, rankingPortfolio } from './model.ts';
export { efficientFrontier, optimizePortfolio } from './optimise.ts';
export * from './types.ts';
export * from './validate.ts';
