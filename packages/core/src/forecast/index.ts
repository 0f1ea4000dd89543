export { compileForecastCalendar } from './forecast-calendar.ts';
export type {
  ForecastBin,
  ForecastCalendar,
  ForecastDates,
  ForecastDistribution,
  ForecastDriver,
  ForecastLink,
  ForecastLinkType,
  ForecastOptions,
  ForecastResult,
  ForecastRisk,
  ForecastTask,
} from './forecast-model.ts';
export { ForecastInputError } from './forecast-model.ts';
export type { ForecastNetwork } from './forecast-network.ts';
export { buildForecastNetwork, riskProbabilityFromRating } from './forecast-network.ts';
export type { PortfolioFigure, PortfolioForecast } from './portfolio.ts';
export { PortfolioForecastAggregator, projectSeed } from './portfolio.ts';
export { forecastOffsetToDate, forecastSampleDates, simulateForecast, simulateNetwork } from './simulate.ts';
