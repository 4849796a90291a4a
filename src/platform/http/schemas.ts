import { Type } from '@sinclair/typebox';

/** `limit` and `offset` as every list route takes them. */
export const PageQuery = {
  limit: Type.Integer({
    minimum: 1,
    maximum: 1000,
    default: 50,
    description: 'At most this many items (1–1000).',
  }),
  offset: Type.Integer({ minimum: 0, default: 0, description: 'Skip this many items.' }),
};

/** The one error shape of every route. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({
        description: 'A code from ERROR_CODES, e.g. VALIDATION_FAILED or NOT_FOUND.',
      }),
      message: Type.String({ description: 'What is wrong and how to fix it.' }),
      details: Type.Optional(
        Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
      ),
      requestId: Type.String(),
    }),
  },
  { $id: 'ErrorResponse', title: 'Error' },
);

/** Error responses a route documents, by status. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorResponse> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorResponse]));
}
