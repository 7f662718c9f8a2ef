import { chinaDate } from "@shian/domain";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2030-06-30" or an ISO timestamp → "2030年6月30日" (the day in China for a timestamp). */
export function formatDateZh(value: string): string {
  const day = DAY.test(value) ? value : chinaDate(value);
  const [, year, month, date] = DAY.exec(day) ?? [];
  return `${Number(year)}年${Number(month)}月${Number(date)}日`;
}
