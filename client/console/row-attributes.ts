import type { HTMLAttributes } from 'react';

/**
 * Attributes for a table row, data-* included: React's HTML attribute type has no room for
 * data-* keys outside JSX, and tests find rows by them.
 */
export function rowAttributes(attributes: HTMLAttributes<HTMLElement> & { [data: `data-${string}`]: string | undefined }): HTMLAttributes<HTMLElement> {
  return attributes;
}
