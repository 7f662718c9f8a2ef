// 阳光电子屏 / 明厨亮灶: the business registers HLS kitchen video feeds; the store's screen page plays them.

import { apiRequest } from "./client";

export interface KitchenFeed {
  id: string;
  storeId: string;
  storeName: string;
  name: string;
  hlsUrl: string | null;
  createdAt: string;
  /** The store's full-screen page for the in-market display (server-rendered). */
  screenPath: string | null;
}

export async function listKitchenFeeds(storeId?: string): Promise<KitchenFeed[]> {
  const query = storeId ? `?storeId=${encodeURIComponent(storeId)}` : "";
  return (await apiRequest<{ items: KitchenFeed[] }>("GET", `/portal/kitchen-feeds${query}`)).items;
}

export function addKitchenFeed(input: {
  storeId: string;
  name: string;
  hlsUrl: string;
}): Promise<KitchenFeed> {
  return apiRequest("POST", "/portal/kitchen-feeds", input);
}

export function deleteKitchenFeed(id: string): Promise<void> {
  return apiRequest("DELETE", `/portal/kitchen-feeds/${encodeURIComponent(id)}`);
}
