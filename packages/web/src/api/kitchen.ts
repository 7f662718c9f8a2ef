// 智慧厨房 (step 10): a store's kitchen cameras (the only API managing them; the 阳光电子屏 plays their HLS URL) with snapshot keys, AI cameras and IoT sensors with device keys,
// and the events they report, which the business answers (docs/smart-kitchen.md).

import { apiRequest } from "./client";

export interface KitchenCamera {
  id: string;
  storeId: string;
  name: string;
  hlsUrl: string | null;
  snapshotUpload: boolean;
  createdAt: string;
}

export interface KitchenDevice {
  id: string;
  storeId: string;
  kind: "ai_camera" | "iot_sensor";
  name: string;
  status: "active" | "revoked";
  createdAt: string;
  lastSeenAt: string | null;
}

export interface KitchenEvent {
  id: string;
  eventId: string;
  deviceId: string;
  type: string;
  at: string;
  confidence: number | null;
  snapshotId: string | null;
  response: string | null;
  respondedAt: string | null;
}

const store = (storeId: string) => `/stores/${encodeURIComponent(storeId)}/kitchen`;

export async function listCameras(storeId: string): Promise<KitchenCamera[]> {
  return (await apiRequest<{ items: KitchenCamera[] }>("GET", `${store(storeId)}/feeds`)).items;
}

/** Registers a camera (明厨亮灶); with an https .m3u8 `hlsUrl` the store's 阳光电子屏 plays it. Key shown once. */
export function addCamera(
  storeId: string,
  input: { name: string; hlsUrl?: string },
): Promise<{ feed: KitchenCamera; snapshotKey: string }> {
  return apiRequest("POST", `${store(storeId)}/feeds`, input);
}

/** A new snapshot key for the camera (shown once); the previous key stops working. */
export function rotateCameraKey(id: string): Promise<{ feed: KitchenCamera; snapshotKey: string }> {
  return apiRequest("POST", `/kitchen/feeds/${encodeURIComponent(id)}/snapshot-key`);
}

/** Removes a camera and its key; the screen stops playing it, its snapshots stay until their retention ends. */
export function deleteCamera(id: string): Promise<void> {
  return apiRequest("DELETE", `/kitchen/feeds/${encodeURIComponent(id)}`);
}

export async function listDevices(storeId: string): Promise<KitchenDevice[]> {
  return (await apiRequest<{ items: KitchenDevice[] }>("GET", `${store(storeId)}/devices`)).items;
}

export function addDevice(
  storeId: string,
  input: { kind: KitchenDevice["kind"]; name: string },
): Promise<{ device: KitchenDevice; deviceKey: string }> {
  return apiRequest("POST", `${store(storeId)}/devices`, input);
}

export function revokeDevice(id: string): Promise<KitchenDevice> {
  return apiRequest("POST", `/kitchen/devices/${encodeURIComponent(id)}/revoke`);
}

export async function listEvents(storeId: string): Promise<KitchenEvent[]> {
  return (await apiRequest<{ items: KitchenEvent[] }>("GET", `${store(storeId)}/events`)).items;
}

export function respondToEvent(storeId: string, id: string, text: string): Promise<KitchenEvent> {
  return apiRequest("POST", `${store(storeId)}/events/${encodeURIComponent(id)}/response`, { text });
}

/** The image URL of a snapshot (served as image/jpeg to the signed-in user). */
export function snapshotImageUrl(id: string): string {
  return `/api/v1/kitchen/snapshots/${encodeURIComponent(id)}/image`;
}
