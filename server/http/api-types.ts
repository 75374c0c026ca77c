import openapiTS, { astToString } from 'openapi-typescript';
import { apiDocument } from './api-document';

export const API_TYPES_FILE = 'client/api/schema.generated.ts';

const HEADER = `// The server's API as TypeScript types, generated from its OpenAPI document by
// \`npm run api:types\` (openapi-typescript). Do not edit: a test fails when this file and the
// server's routes disagree.
`;

/** The text of client/api/schema.generated.ts for the routes as they are declared now. */
export async function apiTypesSource(): Promise<string> {
  // openapi-typescript types its input as its own OpenAPI 3 shape; the document is one, from zod-openapi.
  const ast = await openapiTS(apiDocument() as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
