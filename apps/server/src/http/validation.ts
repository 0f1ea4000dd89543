import type { FastifySchemaCompiler } from 'fastify';
import type { ZodType, z } from 'zod';
import { type FieldError, ProblemError } from './problem.ts';

function describeIssue(issue: z.core.$ZodIssue): FieldError {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    return {
      field: issue.keys.map((k) => [...issue.path.map(String), k].join('.')).join(', '),
      rule: 'unknown_field',
      message: `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`,
    };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) message = 'is required';
  return { field, rule: issue.code, message };
}

const WHERE: Record<string, string> = {
  body: 'body',
  querystring: 'query string',
  params: 'path',
  headers: 'headers',
};

/** Compiles a route's zod schema into a validator whose failures name every offending field. */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const errors = result.error.issues.map(describeIssue);
    const where = WHERE[httpPart ?? 'body'] ?? 'request';
    const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return { error: new ProblemError(400, 'validation', `Invalid ${where}: ${summary}`, errors) };
  };
