import { cachedGet } from './cached';
import type { Answer, Schema } from './types';

export type Customer = Schema<'Customer'>;

/** Customers with the shelf life each accepts, kept on the device so a shipment is checked offline. */
export const loadCustomers = (token: string) => cachedGet<Customer>(token, '/api/customers', 'customers', (b) => (b as Answer<'/api/customers', 'get'>).customers);
