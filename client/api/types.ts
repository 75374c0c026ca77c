import type { components, paths } from './schema.generated';

/**
 * The server's requests and answers, read from the types generated from its OpenAPI document
 * (schema.generated.ts), so that the client cannot drift from what the routes declare.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<Path extends keyof paths, M extends Method> = NonNullable<paths[Path][M]>;
type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

/** A named schema of the API document. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The JSON a route answers with when it succeeds (200 or 201). */
export type Answer<Path extends keyof paths, M extends Method> =
  Operation<Path, M> extends { responses: infer Responses }
    ? Responses extends { 200: infer Ok }
      ? JsonOf<Ok>
      : Responses extends { 201: infer Created }
        ? JsonOf<Created>
        : never
    : never;

/** The JSON body a route takes. */
export type RequestBody<Path extends keyof paths, M extends Method> =
  Operation<Path, M> extends { requestBody?: infer Body } ? JsonOf<NonNullable<Body>> : never;

/** The query parameters a route takes. */
export type Query<Path extends keyof paths, M extends Method> = NonNullable<Operation<Path, M>['parameters']['query']>;

/** Each JSON a route can answer with when it succeeds, for a route that answers 200 or 201 by case. */
export type Answers<Path extends keyof paths, M extends Method> =
  Operation<Path, M> extends { responses: infer Responses } ? { [Status in keyof Responses & (200 | 201)]: JsonOf<Responses[Status]> }[keyof Responses & (200 | 201)] : never;
