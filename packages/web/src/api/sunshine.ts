// 阳光电子屏: the store's public screen page. Its kitchen video comes from the 智慧厨房 cameras (api/kitchen.ts), the
// only place feeds are managed; here only the screen's address, from the store's public 食安码.

import { ApiError, apiRequest } from "./client";

/**
 * The store's full-screen page for the in-market display (server-rendered), or null when the store has no public
 * 食安码 yet (not licensed: the public store answers 404).
 */
export async function screenPathOf(storeId: string): Promise<string | null> {
  try {
    const { safetyCode } = await apiRequest<{ safetyCode: string | null }>(
      "GET",
      `/public/stores/${encodeURIComponent(storeId)}`,
    );
    return safetyCode ? `/screen/${encodeURIComponent(safetyCode)}` : null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
