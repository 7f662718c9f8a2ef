// Every query of the cockpit (驾驶舱): one SQL aggregate per panel, each limited to a region-code prefix. No
// query runs per row from the application (no N+1); the map and the store list are capped. Plain SQL that PGlite
// and PostgreSQL 15 both run.

import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client.js";
import {
  alerts,
  applications,
  complaints,
  gradeHistory,
  inspections,
  licenses,
  planItems,
  regions,
  safetyCodes,
  storeGrades,
  stores,
  supervisionPlans,
} from "../../db/schema.js";
import type { SafetyColour } from "../../config.js";
import { colourSql } from "../safety-code/repository.js";

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** `column like 'prefix%'`, or no condition for the national view. */
function within(column: SQL | AnyPgColumn, prefix: string | null): SQL {
  return prefix === null ? sql`true` : sql`${column} like ${`${prefix}%`}`;
}

/** The month (YYYY-MM) of an instant in China time, as the other modules read China days. */
function chinaMonth(instant: SQL): SQL<string> {
  return sql<string>`to_char(${instant} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
}

export interface RegionRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: "province" | "city" | "county";
}

export async function findRegions(db: Queryable, codes: string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return rowsOf<RegionRow>(
    await db.execute(sql`select code, name, parent_code as "parentCode", level from ${regions}
      where code in (${sql.join(
        codes.map((code) => sql`${code}`),
        sql`, `,
      )})`),
  );
}

export async function listChildRegions(db: Queryable, parentCode: string | null): Promise<RegionRow[]> {
  return rowsOf<RegionRow>(
    await db.execute(sql`select code, name, parent_code as "parentCode", level from ${regions}
      where ${parentCode === null ? sql`parent_code is null` : sql`parent_code = ${parentCode}`}
      order by code`),
  );
}

/**
 * 主体业态 × licence status. A licence marked valid whose validity has ended counts as expired (the same test as
 * the 食安码's valid licence: status valid and valid_to ≥ today).
 */
export async function licencesByFormAndStatus(db: Queryable, prefix: string | null, today: string) {
  return rowsOf<{ businessForm: string; status: string; count: number }>(
    await db.execute(sql`
      select s.business_form as "businessForm",
        case when l.status = 'valid' and l.valid_to < ${today}::date then 'expired' else l.status end as status,
        count(*)::int as count
      from ${licenses} l join ${stores} s on s.id = l.store_id
      where ${within(sql`l.region_code`, prefix)}
      group by 1, 2 order by 1, 2`),
  );
}

/** Statuses whose statutory clock runs (受理 → 审查 → 决定); a returned application waits on the applicant. */
export const RUNNING_STATUSES = ["submitted", "accepted", "onsite_scheduled", "reviewed"] as const;
const running = sql.join(
  RUNNING_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);

/** Applications in progress per status, and how many of them are past their stage deadline. */
export async function applicationCounts(db: Queryable, prefix: string | null, now: Date) {
  return rowsOf<{ status: string; count: number; overdue: number }>(
    await db.execute(sql`
      select a.status, count(*)::int as count,
        (count(*) filter (where a.stage_deadline < ${now.toISOString()}::timestamptz))::int as overdue
      from ${applications} a
      where a.status in (${running}) and ${within(sql`a.region_code`, prefix)}
      group by a.status`),
  );
}

/** The applications whose deadline comes first (the overdue ones first of all), with store names. */
export async function applicationClocks(db: Queryable, prefix: string | null, limit: number) {
  return rowsOf<{
    id: string;
    kind: string;
    licenseType: string;
    status: string;
    regionCode: string;
    storeName: string;
    submittedAt: string | Date | null;
    stageDeadline: string | Date | null;
  }>(
    await db.execute(sql`
      select a.id, a.kind, a.license_type as "licenseType", a.status, a.region_code as "regionCode",
        s.name as "storeName", a.submitted_at as "submittedAt", a.stage_deadline as "stageDeadline"
      from ${applications} a join ${stores} s on s.id = a.store_id
      where a.status in (${running}) and ${within(sql`a.region_code`, prefix)}
      order by a.stage_deadline asc nulls last, a.id
      limit ${limit}`),
  );
}

/**
 * Graded stores per month, 食安码 colour (the model's codeColour kept in the breakdown) and risk colour (the
 * model's grade band: green, blue, yellow, orange, red), from grade_history.
 */
export async function gradeHistoryByMonth(db: Queryable, prefix: string | null, fromPeriod: string) {
  return rowsOf<{ period: string; codeColour: string; riskColour: string; count: number }>(
    await db.execute(sql`
      select g.period, coalesce(g.breakdown->>'codeColour', 'red') as "codeColour",
        g.risk_colour as "riskColour", count(*)::int as count
      from ${gradeHistory} g
      where g.period >= ${fromPeriod} and ${within(sql`g.region_code`, prefix)}
      group by 1, 2, 3 order by 1`),
  );
}

/** The stores of the scope with their 食安码 colour now (safety-code/repository.ts#colourSql). */
function colouredStores(prefix: string | null, today: string, defaultColour: SafetyColour): SQL {
  return sql`select ${stores.id} as id, ${stores.regionCode} as region_code, ${stores.name} as name,
      ${stores.lat} as lat, ${stores.lng} as lng, ${colourSql(today, defaultColour)} as colour
    from ${stores} left join ${storeGrades} on ${storeGrades.storeId} = ${stores.id}
    where ${within(stores.regionCode, prefix)}`;
}

export async function currentColours(
  db: Queryable,
  prefix: string | null,
  today: string,
  defaultColour: SafetyColour,
) {
  return rowsOf<{ colour: SafetyColour; count: number }>(
    await db.execute(sql`select c.colour, count(*)::int as count
      from (${colouredStores(prefix, today, defaultColour)}) c group by c.colour`),
  );
}

/**
 * Inspections per China month: visits the supervision plans of the month require and have done (capped at the
 * requirement), and every finished inspection of the month, of any kind.
 */
export async function inspectionsByMonth(
  db: Queryable,
  prefix: string | null,
  fromPeriod: string,
  since: Date,
) {
  return rowsOf<{ period: string; planned: number; planDone: number; done: number }>(
    await db.execute(sql`
      with planned as (
        select p.period, coalesce(sum(i.visits_required), 0)::int as planned,
          coalesce(sum(least(i.visits_done, i.visits_required)), 0)::int as plan_done
        from ${supervisionPlans} p join ${planItems} i on i.plan_id = p.id
        where p.period >= ${fromPeriod} and ${within(sql`p.region_code`, prefix)}
        group by p.period
      ), done as (
        select ${chinaMonth(sql`n.inspected_at`)} as period, count(*)::int as done
        from ${inspections} n
        where n.status = 'done' and n.inspected_at >= ${since.toISOString()}::timestamptz
          and ${within(sql`n.region_code`, prefix)}
        group by 1
      )
      select coalesce(planned.period, done.period) as period, coalesce(planned.planned, 0) as planned,
        coalesce(planned.plan_done, 0) as "planDone", coalesce(done.done, 0) as done
      from planned full join done on done.period = planned.period
      order by 1`),
  );
}

/**
 * Complaints per category against the closing deadline (close_by): closed in time, overdue (closed late, or
 * open past the deadline) and open within the deadline. Complaints of the window, and every one still open.
 */
export async function complaintsByCategory(db: Queryable, prefix: string | null, since: Date, now: Date) {
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  return rowsOf<{ category: string; onTime: number; overdue: number; open: number }>(
    await db.execute(sql`
      select c.category,
        (count(*) filter (where c.status = 'closed' and c.closed_at <= c.close_by))::int as "onTime",
        (count(*) filter (where (c.status = 'closed' and c.closed_at > c.close_by)
          or (c.status <> 'closed' and c.close_by < ${nowSql})))::int as overdue,
        (count(*) filter (where c.status <> 'closed' and c.close_by >= ${nowSql}))::int as open
      from ${complaints} c
      where (c.created_at >= ${since.toISOString()}::timestamptz or c.status <> 'closed')
        and ${within(sql`c.region_code`, prefix)}
      group by c.category order by c.category`),
  );
}

/** Alerts open now, and closed in the last 24 hours, per level (red, yellow). */
export async function alertCounts(db: Queryable, prefix: string | null, now: Date) {
  return rowsOf<{ severity: "red" | "yellow"; open: number; closed24h: number }>(
    await db.execute(sql`
      select a.severity, (count(*) filter (where a.status = 'open'))::int as open,
        (count(*) filter (where a.status = 'closed'
          and a.closed_at >= ${now.toISOString()}::timestamptz - interval '24 hours'))::int as "closed24h"
      from ${alerts} a
      where (a.status = 'open' or a.closed_at >= ${now.toISOString()}::timestamptz - interval '24 hours')
        and ${within(sql`a.region_code`, prefix)}
      group by a.severity`),
  );
}

/**
 * One summary row per child region (the child's code is the first `childDigits` of a store's region code,
 * padded with zeros): stores, stores of each colour, open alerts.
 */
export async function childRegionSummaries(
  db: Queryable,
  prefix: string | null,
  childDigits: 2 | 4 | 6,
  today: string,
  defaultColour: SafetyColour,
) {
  const child = (column: SQL) => sql`rpad(substr(${column}, 1, ${childDigits}::int), 6, '0')`;
  return rowsOf<{
    code: string;
    stores: number;
    green: number;
    yellow: number;
    red: number;
    openAlerts: number;
  }>(
    await db.execute(sql`
      with coloured as (${colouredStores(prefix, today, defaultColour)}),
      by_store as (
        select ${child(sql`c.region_code`)} as code, count(*)::int as stores,
          (count(*) filter (where c.colour = 'green'))::int as green,
          (count(*) filter (where c.colour = 'yellow'))::int as yellow,
          (count(*) filter (where c.colour = 'red'))::int as red
        from coloured c group by 1
      ), open_alerts as (
        select ${child(sql`a.region_code`)} as code, count(*)::int as n
        from ${alerts} a where a.status = 'open' and ${within(sql`a.region_code`, prefix)}
        group by 1
      )
      select coalesce(s.code, o.code) as code, coalesce(s.stores, 0) as stores, coalesce(s.green, 0) as green,
        coalesce(s.yellow, 0) as yellow, coalesce(s.red, 0) as red, coalesce(o.n, 0) as "openAlerts"
      from by_store s full join open_alerts o on o.code = s.code`),
  );
}

export interface StoreSummaryRow {
  id: string;
  name: string;
  regionCode: string;
  lat: number | null;
  lng: number | null;
  colour: SafetyColour;
  safetyCode: string | null;
  openAlerts: number;
}

/**
 * Stores of the scope with colour, 食安码 and open alerts, red first then by name; `withLocation` keeps only
 * stores with coordinates (the map). Capped at `limit`; `total` counts them all.
 */
export async function storeSummaries(
  db: Queryable,
  options: {
    prefix: string | null;
    today: string;
    defaultColour: SafetyColour;
    withLocation: boolean;
    limit: number;
  },
) {
  const rows = rowsOf<StoreSummaryRow & { total: number }>(
    await db.execute(sql`
      with coloured as (${colouredStores(options.prefix, options.today, options.defaultColour)})
      select c.id, c.name, c.region_code as "regionCode", c.lat, c.lng, c.colour, q.code as "safetyCode",
        (select count(*) from ${alerts} a where a.store_id = c.id and a.status = 'open')::int as "openAlerts",
        (count(*) over ())::int as total
      from coloured c left join ${safetyCodes} q on q.store_id = c.id
      where ${options.withLocation ? sql`c.lat is not null and c.lng is not null` : sql`true`}
      order by case c.colour when 'red' then 0 when 'yellow' then 1 else 2 end, c.name, c.id
      limit ${options.limit}`),
  );
  return { rows, total: rows[0]?.total ?? 0 };
}
