import { useState } from "react";
import { listStores, type Store } from "../api/stores";
import { useLoad } from "./use-load";

interface StoreChoice {
  stores: Store[] | undefined;
  /** The chosen store, else the first. */
  storeId: string | undefined;
  choose: (storeId: string) => void;
  error: unknown;
}

/** The store a per-store page shows: the caller's stores (an officer's first page) and the one chosen. */
export function useStoreChoice(): StoreChoice {
  const { data, error } = useLoad(listStores, []);
  const [chosen, choose] = useState<string>();
  return { stores: data, storeId: chosen ?? data?.[0]?.id, choose, error };
}
