import type { AlertRule, AlertSeverity } from "@shian/domain";
import { and, eq, like, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client.js";
import {
  alerts,
  batchMaterials,
  complaints,
  inspections,
  kitchenEvents,
  licenses,
  productionBatches,
  rectifications,
  samplingResults,
  selfChecks,
  staff,
  stores,
  tasks,
} from "../../db/schema.js";

export type AlertRow = typeof alerts.$inferSelect;
export type AlertStatus = AlertRow["status"];

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** When the job runs: the China calendar day and the instant. */
export interface RunClock {
  today: string;
  now: Date;
}

/** Items of an inspection or self-check that failed `itemCode` within the window, one candidate per record. */
function failedItemCandidates(itemCode: string, withinDays: number, clock: RunClock): SQL {
  const failed = sql`jsonb_build_array(jsonb_build_object('code', ${itemCode}::text, 'result', 'fail'))`;
  const note = (results: SQL) =>
    sql`(select r->>'note' from jsonb_array_elements(${results}) r where r->>'code' = ${itemCode}::text limit 1)`;
  return sql`
    select s.id as store_id, s.region_code, 'inspection:' || i.id::text as subject_key,
      jsonb_build_object('source', 'inspection', 'inspectionId', i.id, 'itemCode', ${itemCode}::text,
        'on', to_char(i.inspected_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'),
        'note', ${note(sql`i.results`)}) as details
    from ${inspections} i join ${stores} s on s.id = i.store_id
    where i.status = 'done' and i.results @> ${failed}
      and i.inspected_at >= ${clock.now.toISOString()}::timestamptz - make_interval(days => ${withinDays}::int)
    union all
    select s.id, s.region_code, 'self_check:' || c.id::text,
      jsonb_build_object('source', 'self_check', 'selfCheckId', c.id, 'itemCode', ${itemCode}::text,
        'on', c.checked_on, 'note', ${note(sql`c.results`)})
    from ${selfChecks} c join ${stores} s on s.id = c.store_id
    where c.results @> ${failed} and c.checked_on >= ${clock.today}::date - ${withinDays}::int`;
}

// — step 10: smart-kitchen events —
/** A text list as one bound parameter (same on PGlite and node-postgres). */
const textList = (values: readonly string[]) => sql`string_to_array(${values.join(",")}::text, ',')`;

/** At least `count` kitchen events of `types` at one store on one China calendar day: one candidate per day. */
function kitchenEventsPerDay(
  parameters: { types: readonly string[]; count: number; withinDays: number },
  clock: RunClock,
): SQL {
  const day = sql`(e.at at time zone 'Asia/Shanghai')::date`;
  return sql`
    select e.store_id, s.region_code, 'day:' || ${day}::text as subject_key,
      jsonb_build_object('day', ${day}::text, 'count', count(*), 'types', jsonb_agg(distinct e.type),
        'eventIds', jsonb_agg(e.id order by e.at, e.id)) as details
    from ${kitchenEvents} e join ${stores} s on s.id = e.store_id
    where e.type = any(${textList(parameters.types)})
      and e.at >= ${clock.now.toISOString()}::timestamptz - make_interval(days => ${parameters.withinDays}::int)
    group by e.store_id, s.region_code, ${day}
    having count(*) >= ${parameters.count}::int`;
}

/**
 * One SELECT per rule giving (store_id, region_code, subject_key, details) for every store where the rule holds
 * now. The subject key names the fact and its version (a certificate with its expiry date, a rectification
 * with its deadline), so a closed alert is not raised again for the same fact but a new fact raises a new one.
 */
export function candidateSql(rule: AlertRule, clock: RunClock): SQL {
  const today = sql`${clock.today}::date`;
  const now = sql`${clock.now.toISOString()}::timestamptz`;
  switch (rule.code) {
    case "health_certificate_expired":
    case "health_certificate_expiring": {
      const window =
        rule.code === "health_certificate_expired"
          ? sql`st.health_certificate_valid_to < ${today}`
          : sql`st.health_certificate_valid_to between ${today} and ${today} + ${rule.parameters.days}::int`;
      return sql`
        select s.id as store_id, s.region_code,
          st.id::text || ':' || st.health_certificate_valid_to::text as subject_key,
          jsonb_build_object('staffId', st.id, 'staffName', st.name, 'position', st.position,
            'validTo', st.health_certificate_valid_to) as details
        from ${staff} st join ${stores} s on s.id = st.store_id
        where ${window}`;
    }
    case "licence_renewal_due":
      return sql`
        select s.id as store_id, s.region_code, l.id::text || ':' || l.valid_to::text as subject_key,
          jsonb_build_object('licenceId', l.id, 'number', l.number, 'validTo', l.valid_to) as details
        from ${licenses} l join ${stores} s on s.id = l.store_id
        where l.status = 'valid' and l.valid_to between ${today} and ${today} + ${rule.parameters.days}::int`;
    case "expired_food_reported":
    case "additive_misuse":
      return failedItemCandidates(rule.parameters.itemCode, rule.parameters.withinDays, clock);
    case "sampling_failed":
      return sql`
        select s.id as store_id, s.region_code, r.report_number as subject_key,
          jsonb_build_object('reportNumber', r.report_number, 'product', r.product, 'item', r.item,
            'sampledOn', r.sampled_on) as details
        from ${samplingResults} r join ${stores} s on s.id = r.store_id
        where r.result = 'fail' and r.sampled_on >= ${today} - ${rule.parameters.withinDays}::int`;
    case "expired_raw_material":
      // 原料过期: expired on the China day the batch was produced (a batch produced today: before today).
      return sql`
        select s.id as store_id, s.region_code, m.id::text as subject_key,
          jsonb_build_object('batchId', b.id, 'batchNumber', b.batch_number, 'product', b.product,
            'material', m.name, 'supplier', m.supplier_name, 'expiresOn', m.expires_on,
            'producedOn', (b.produced_at at time zone 'Asia/Shanghai')::date) as details
        from ${batchMaterials} m join ${productionBatches} b on b.id = m.batch_id
          join ${stores} s on s.id = b.store_id
        where m.expires_on < (b.produced_at at time zone 'Asia/Shanghai')::date
          and b.produced_at >= ${now} - make_interval(days => ${rule.parameters.withinDays}::int)`;
    case "complaint_surge":
      // Keyed by the newest upheld complaint: raised again after closing only when another complaint arrives.
      return sql`
        select c.store_id, s.region_code,
          (array_agg(c.id::text order by c.created_at desc, c.id desc))[1] as subject_key,
          jsonb_build_object('count', count(*), 'days', ${rule.parameters.days}::int,
            'complaintIds', jsonb_agg(c.id order by c.created_at)) as details
        from ${complaints} c join ${stores} s on s.id = c.store_id
        where c.upheld and c.created_at >= ${now} - make_interval(days => ${rule.parameters.days}::int)
        group by c.store_id, s.region_code
        having count(*) >= ${rule.parameters.count}::int
          and not exists (select 1 from ${alerts} a
            where a.rule = 'complaint_surge' and a.store_id = c.store_id and a.status = 'open')`;
    case "rectification_overdue":
      return sql`
        select s.id as store_id, s.region_code,
          r.id::text || ':' || extract(epoch from r.due_at)::bigint::text as subject_key,
          jsonb_build_object('rectificationId', r.id, 'inspectionId', r.inspection_id, 'itemCode', r.item_code,
            'dueAt', r.due_at) as details
        from ${rectifications} r join ${stores} s on s.id = r.store_id
        where r.status in ('open', 'reopened') and r.due_at < ${now}`;
    // — step 10: smart-kitchen events —
    case "kitchen_hygiene_events":
    case "kitchen_temperature":
      return kitchenEventsPerDay(rule.parameters, clock);
    case "kitchen_rodent":
      return sql`
        select s.id as store_id, s.region_code, 'kitchen_event:' || e.id::text as subject_key,
          jsonb_build_object('eventId', e.id, 'type', e.type, 'at', e.at, 'deviceId', e.device_id,
            'confidence', e.confidence, 'snapshotId', e.snapshot_id) as details
        from ${kitchenEvents} e join ${stores} s on s.id = e.store_id
        where e.type = any(${textList(rule.parameters.types)})
          and e.at >= ${now} - make_interval(days => ${rule.parameters.withinDays}::int)`;
  }
}

export interface OpenedAlert {
  id: string;
  storeId: string;
  regionCode: string;
  businessId: string;
  storeName: string;
  subjectKey: string;
}

/**
 * Opens an alert for every candidate of a rule in one statement. A candidate with an alert of the same rule,
 * store and subject (open or closed) is skipped; two runs at once meet on the partial unique index
 * alerts_open_subject_idx and the second does nothing (rows go in one order, so the two cannot deadlock).
 */
export async function openAlerts(
  tx: Queryable,
  input: { rule: string; severity: AlertSeverity; candidates: SQL; openedAt: Date; dueAt: Date | null },
): Promise<OpenedAlert[]> {
  const result = await tx.execute(sql`
    with opened as (
      insert into ${alerts} (rule, severity, store_id, region_code, subject_key, status, details, due_at, opened_at)
      select ${input.rule}::text, ${input.severity}::text, c.store_id, c.region_code, c.subject_key, 'open',
        c.details, ${input.dueAt?.toISOString() ?? null}::timestamptz, ${input.openedAt.toISOString()}::timestamptz
      from (${input.candidates}) c
      where not exists (select 1 from ${alerts} a
        where a.rule = ${input.rule}::text and a.store_id = c.store_id and a.subject_key = c.subject_key)
      order by c.store_id, c.subject_key
      on conflict (rule, store_id, subject_key) where status = 'open' do nothing
      returning id, store_id, region_code, subject_key
    )
    select o.id, o.store_id as "storeId", o.region_code as "regionCode", o.subject_key as "subjectKey",
      s.business_id as "businessId", s.name as "storeName"
    from opened o join ${stores} s on s.id = o.store_id`);
  return rowsOf<OpenedAlert>(result);
}

export async function linkTask(tx: Queryable, alertId: string, taskId: string): Promise<void> {
  await tx.update(alerts).set({ taskId }).where(eq(alerts.id, alertId));
}

const withStore = { alert: alerts, storeName: stores.name, businessId: stores.businessId };

export async function findAlert(db: Queryable, id: string, lock = false) {
  const query = db
    .select(withStore)
    .from(alerts)
    .innerJoin(stores, eq(stores.id, alerts.storeId))
    .where(eq(alerts.id, id))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: alerts }) : await query;
  return row;
}

export type AlertWithStore = NonNullable<Awaited<ReturnType<typeof findAlert>>>;

export interface AlertFilter {
  regionPrefix?: string | null;
  businessId?: string;
  storeId?: string | undefined;
  status?: AlertStatus | undefined;
  severity?: AlertSeverity | undefined;
  /** Keyset: the id of the last alert of the previous page. */
  afterId?: string | undefined;
  limit: number;
}

/** The queue order: red before yellow, then the soonest due (a yellow alert's "due" is when it opened). */
function queueKey(table: {
  severity: AnyPgColumn;
  dueAt: AnyPgColumn;
  openedAt: AnyPgColumn;
  id: AnyPgColumn;
}) {
  return [
    sql`case when ${table.severity} = 'red' then 0 else 1 end`,
    sql`coalesce(${table.dueAt}, ${table.openedAt})`,
    sql`${table.id}`,
  ];
}

export async function listAlerts(db: Queryable, filter: AlertFilter) {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(alerts.regionCode, `${filter.regionPrefix}%`));
  if (filter.businessId) conditions.push(eq(stores.businessId, filter.businessId));
  if (filter.storeId) conditions.push(eq(alerts.storeId, filter.storeId));
  if (filter.status) conditions.push(eq(alerts.status, filter.status));
  if (filter.severity) conditions.push(eq(alerts.severity, filter.severity));
  if (filter.afterId) {
    const previous = alias(alerts, "previous");
    conditions.push(sql`(${sql.join(queueKey(alerts), sql`, `)}) >
      (select ${sql.join(queueKey(previous), sql`, `)} from ${alerts} as ${sql.identifier("previous")} where ${previous.id} = ${filter.afterId})`);
  }
  return db
    .select(withStore)
    .from(alerts)
    .innerJoin(stores, eq(stores.id, alerts.storeId))
    .where(and(...conditions))
    .orderBy(...queueKey(alerts))
    .limit(filter.limit);
}

export async function closeAlert(
  tx: Queryable,
  id: string,
  closing: { closedAt: Date; closedBy: string | null; note: string },
): Promise<AlertRow> {
  const [row] = await tx
    .update(alerts)
    .set({
      status: "closed",
      closedAt: closing.closedAt,
      closedBy: closing.closedBy,
      closingNote: closing.note,
    })
    .where(eq(alerts.id, id))
    .returning();
  return row!;
}

export async function markTaskDone(tx: Queryable, taskId: string): Promise<void> {
  await tx.update(tasks).set({ status: "done" }).where(eq(tasks.id, taskId));
}

/** Appends a response of the business to details.responses. */
export async function appendResponse(tx: Queryable, id: string, response: object): Promise<AlertRow> {
  const [row] = await tx
    .update(alerts)
    .set({
      details: sql`jsonb_set(${alerts.details}, '{responses}',
        coalesce(${alerts.details}->'responses', '[]'::jsonb) || jsonb_build_array(${JSON.stringify(response)}::jsonb))`,
    })
    .where(eq(alerts.id, id))
    .returning();
  return row!;
}
