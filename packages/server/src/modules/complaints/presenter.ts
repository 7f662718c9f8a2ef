import type { ComplaintRow } from "./repository.js";
import { COMPLAINT_CATEGORIES, isComplaintCategory, isComplaintOverdue } from "./categories.js";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function categoryNames(category: string) {
  return isComplaintCategory(category) ? COMPLAINT_CATEGORIES[category] : { "zh-CN": category, en: category };
}

/** The complainant's view: status and the bureau's reply; never the phone or who handled it. */
export function presentTracking(view: {
  complaint: ComplaintRow;
  acknowledgedAt: Date | null;
  storeName: string | null;
}) {
  const { complaint } = view;
  return {
    id: complaint.id,
    status: complaint.status,
    category: complaint.category,
    categoryName: { ...categoryNames(complaint.category) },
    storeName: view.storeName,
    createdAt: complaint.createdAt.toISOString(),
    acknowledgedAt: iso(view.acknowledgedAt),
    closedAt: iso(complaint.closedAt),
    reply: complaint.status === "closed" ? complaint.reply : null,
    upheld: complaint.status === "closed" ? complaint.upheld : null,
  };
}

export function presentListItem(complaint: ComplaintRow, storeName: string | null, now: Date) {
  return {
    id: complaint.id,
    status: complaint.status,
    category: complaint.category,
    regionCode: complaint.regionCode,
    storeId: complaint.storeId,
    storeName,
    descriptionExcerpt: complaint.description.slice(0, 80),
    assignedTo: complaint.assignedTo,
    createdAt: complaint.createdAt.toISOString(),
    acknowledgeBy: complaint.acknowledgeBy.toISOString(),
    closeBy: complaint.closeBy.toISOString(),
    overdue: isComplaintOverdue(complaint, now),
    escalatedAt: iso(complaint.escalatedAt),
  };
}

export function presentDetail(
  view: {
    complaint: ComplaintRow;
    photoIds: string[];
    storeName: string | null;
    assigneeName: string | null;
    acknowledgedAt: Date | null;
  },
  now: Date,
) {
  const { complaint } = view;
  return {
    ...presentListItem(complaint, view.storeName, now),
    description: complaint.description,
    lat: complaint.lat,
    lng: complaint.lng,
    contactPhone: complaint.contactPhoneMasked,
    assigneeName: view.assigneeName,
    photoFileIds: view.photoIds,
    acknowledgedAt: iso(view.acknowledgedAt),
    closedAt: iso(complaint.closedAt),
    reply: complaint.reply,
    upheld: complaint.upheld,
  };
}
