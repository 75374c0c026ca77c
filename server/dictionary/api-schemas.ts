import type { ApiSchema } from '../../domain/dictionary';

/** The API's named schemas (OpenAPI components), as the dictionary reads them. */
export function apiSchemas(document: { components?: { schemas?: Record<string, unknown> } }): Record<string, ApiSchema> {
  // The OpenAPI generator's schema objects are JSON Schema; the dictionary reads only a slice of them.
  return (document.components?.schemas ?? {}) as Record<string, ApiSchema>;
}
