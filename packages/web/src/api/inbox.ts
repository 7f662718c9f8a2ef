import { apiRequest } from "./client";

export interface InboxMessage {
  id: string;
  title: string;
  body: string;
  createdAt: string;
}

/** The business's messages (三即时: a licence issued, changed, …), newest first. */
export async function listInbox(): Promise<InboxMessage[]> {
  return (await apiRequest<{ items: InboxMessage[] }>("GET", "/inbox?limit=200")).items;
}
