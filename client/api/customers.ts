import { cachedGet } from './cached';

export interface Customer {
  id: string;
  code: string;
  name: string;
  minShelfLifeDays: number;
}

/** Customers with the shelf life each accepts, kept on the device so a shipment is checked offline. */
export const loadCustomers = (token: string) => cachedGet<Customer>(token, '/api/customers', 'customers', (b) => (b as { customers: Customer[] }).customers);
