import type { Language } from "./language";

/** A date-time from the API (ISO 8601) as people of the language write it, in their time zone. */
export function formatDateTime(iso: string | null, lang: Language): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** A calendar date from the API (YYYY-MM-DD or ISO 8601) without a time. */
export function formatDate(iso: string | null, lang: Language): string {
  if (!iso) return "—";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(date);
}
