import { HEALTH_DIMENSIONS, HEALTH_FACTS } from '@baton/core';
import { z } from 'zod';
import { Id } from './common.ts';

const FACT_KEYS = Object.keys(HEALTH_FACTS) as [keyof typeof HEALTH_FACTS, ...(keyof typeof HEALTH_FACTS)[]];

export const HealthRuleDto = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'lower-case letters, digits and dashes')
    .describe('Stable key, e.g. spi or milestone-slippage'),
  title: z.string().trim().min(1).max(120),
  dimension: z.enum(HEALTH_DIMENSIONS as unknown as ['schedule', 'cost', 'scope', 'risk', 'resources']),
  fact: z.enum(FACT_KEYS).describe('What the rule reads (see facts)'),
  direction: z.enum(['below', 'above']).describe('below: lower is worse (SPI); above: higher is worse'),
  amber: z.number().finite(),
  red: z.number().finite(),
  enabled: z.boolean(),
  nullIsRed: z.boolean().optional().describe('Red when the fact is unknown (e.g. never reported)'),
});

export const HealthRulesBody = z.strictObject({
  version: z.number().int().min(0).describe('0 when the unit has no rules of its own yet'),
  rules: z.array(HealthRuleDto).min(1).max(50),
});

export const HealthRulesVersionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export const UnitHealthRules = z.object({
  orgUnitId: Id,
  orgUnitName: z.string(),
  version: z.number().int().describe('Of the unit’s own set; 0 when it inherits'),
  own: z.boolean().describe('True when the unit sets its own rules'),
  definedAt: Id.nullable().describe('The unit whose rules are in force here; null for Baton’s defaults'),
  definedAtName: z.string().nullable(),
  rules: z.array(HealthRuleDto).describe('The rules in force at the unit'),
  defaults: z.array(HealthRuleDto),
  facts: z.array(
    z.object({ key: z.string(), title: z.string(), unit: z.string(), worse: z.enum(['below', 'above']) }),
  ),
});
