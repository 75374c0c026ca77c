import { api } from './client';

export interface Customer {
  id: string;
  code: string;
  name: string;
  minShelfLifeDays: number;
}

const KEY = 'lotline.customers';

/**
 * Customers with the shelf life each accepts. Fetched when online and kept on the device, so a
 * shipment can be checked against the customer's minimum with no network.
 */
export async function loadCustomers(token: string): Promise<Customer[]> {
  try {
    const { customers } = await api<{ customers: Customer[] }>('/api/customers', { token });
    localStorage.setItem(KEY, JSON.stringify(customers));
    return customers;
  } catch {
    try {
      return JSON.parse(localStorage.getItem(KEY) ?? '[]') as Customer[];
    } catch {
      return [];
    }
  }
}
