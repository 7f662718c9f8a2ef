import { apiRequest } from "./client";

export interface Store {
  id: string;
  name: string;
  address: string;
  regionCode: string;
  businessForm: string;
  subtype: string;
  processingAreaM2: number | null;
}

/** The stores the caller may see: a business user's own. */
export async function listStores(): Promise<Store[]> {
  return (await apiRequest<{ items: Store[] }>("GET", "/stores?limit=200")).items;
}
