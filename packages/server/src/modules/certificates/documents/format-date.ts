const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// China Standard Time is UTC+8 all year (no daylight saving), so a fixed offset gives the day in China.
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** "2030-06-30" or an ISO timestamp → "2030年6月30日" (the day in China for a timestamp). */
export function formatDateZh(value: string): string {
  const day = DAY.test(value) ? value : chinaDay(value);
  const [, year, month, date] = DAY.exec(day) ?? [];
  return `${Number(year)}年${Number(month)}月${Number(date)}日`;
}

function chinaDay(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 date or timestamp: "${timestamp}"`);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
