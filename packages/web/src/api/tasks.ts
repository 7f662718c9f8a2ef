import { apiRequest } from "./client";

export interface Task {
  id: string;
  kind: string;
  status: string;
  storeName: string | null;
  applicationId: string | null;
  dueAt: string;
  overdue: boolean;
}

/** Officers' tasks in the caller's jurisdiction, soonest due first. */
export async function listTasks(): Promise<Task[]> {
  return (await apiRequest<{ items: Task[] }>("GET", "/tasks?limit=200")).items;
}
