// StoreFacts (packages/domain/src/credit/facts.ts) for a keyset chunk of one model's stores, in ONE set-based
// statement: the chunk is a CTE (`store.id > cursor order by id limit n`) and every source is a lateral
// aggregate over its store index, so the cost per chunk is a bounded number of index range scans whatever the
// register's size, and nothing is ever loaded for all stores. Plain PostgreSQL 15 SQL: runs on PGlite too.

import { CREDIT_MODELS, INSPECTION_TEMPLATES, type CreditModel, type StoreFacts } from "@shian/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import type { PeriodWindow } from "./period.js";

/** Which stores a model grades, and over which span it counts, as the SQL needs it. */
export interface Population {
  licenceType: "JY" | "SC";
  countsOver: CreditModel["countsOver"];
  /** Only these subtypes (null: every subtype not claimed by a more specific model). */
  subtypes: readonly string[] | null;
  excludeSubtypes: readonly string[];
}

/**
 * A store belongs to the model of its licence type that names its subtype, else to the model of that type that
 * names none (Xiangshan's 小餐饮 are not graded by Zhenhai as well): each store has one current grade.
 */
export function populationOf(model: CreditModel, models: readonly CreditModel[] = CREDIT_MODELS): Population {
  const { licenceType, subtypes } = model.population;
  const { countsOver } = model;
  if (subtypes) return { licenceType, countsOver, subtypes, excludeSubtypes: [] };
  const claimed = models
    .filter((other) => other.id !== model.id && other.population.licenceType === licenceType)
    .flatMap((other) => other.population.subtypes ?? []);
  return { licenceType, countsOver, subtypes: null, excludeSubtypes: [...new Set(claimed)] };
}

export function isInPopulation(
  population: Population,
  store: { licenceTypes: readonly string[]; subtype: string },
): boolean {
  if (!store.licenceTypes.includes(population.licenceType)) return false;
  if (population.subtypes) return population.subtypes.includes(store.subtype);
  return !population.excludeSubtypes.includes(store.subtype);
}

/** 重点项: the critical (红线) items of every inspection template — expired food, health certificates… */
export const KEY_ITEM_CODES: readonly string[] = [
  ...new Set(
    Object.values(INSPECTION_TEMPLATES).flatMap((template) =>
      template.items.filter((item) => item.critical).map((item) => item.code),
    ),
  ),
];

/** Inspections by officers; volunteer and online patrols are counted apart. */
const OFFICER_KINDS = ["routine", "random_draw", "complaint", "alert_follow_up", "commitment_follow_up"];

/** A text list as a PostgreSQL array parameter (one bound string: same on PGlite and node-postgres). */
const textArray = (values: readonly string[]) => sql`string_to_array(${values.join(",")}::text, ',')`;

const ts = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;
const day = (value: string) => sql`${value}::date`;

export type StoreSelection = { after: string | null; limit: number } | { storeId: string };

export interface StoreFactsRow {
  storeId: string;
  businessId: string;
  regionCode: string;
  facts: StoreFacts;
}

/** The subtypes a model grades, as a condition on `s` (stores). */
function subtypeFilter(population: Population): SQL {
  return population.subtypes
    ? sql`s.subtype = any(${textArray(population.subtypes)})`
    : sql`not (s.subtype = any(${textArray(population.excludeSubtypes)}))`;
}

/** A licence of the model's type that is not cancelled, for store `s`. */
const licensed = (population: Population) => sql`
  select 1 from licenses l
  where l.store_id = s.id and l.type = ${population.licenceType} and l.status <> 'cancelled'`;

/** How many stores a model grades after a cursor (all of them when the cursor is null). */
export async function countPopulation(db: Queryable, population: Population, after: string | null) {
  const result = await db.execute(sql`
    select count(*)::int as n from stores s
    where ${subtypeFilter(population)} and exists (${licensed(population)})
      ${after ? sql`and s.id > ${after}::uuid` : sql``}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

/** The facts of a chunk of stores (ordered by id), or of one store when it is in the population. */
export async function computeStoreFacts(
  db: Queryable,
  population: Population,
  window: PeriodWindow,
  selection: StoreSelection,
): Promise<StoreFactsRow[]> {
  const { end, yearStart, asOf, asOfDay, lastDay, yearFirstDay } = window;
  // The counts start with the month, or with the year for a yearly allowance.
  const [start, firstDay] =
    population.countsOver === "year" ? [yearStart, yearFirstDay] : [window.start, window.firstDay];
  const chunk =
    "storeId" in selection
      ? sql`s.id = ${selection.storeId}::uuid`
      : sql`s.id > ${selection.after ?? "00000000-0000-0000-0000-000000000000"}::uuid`;
  const limit = "storeId" in selection ? 1 : selection.limit;
  const inPeriod = (column: SQL) => sql`${column} >= ${ts(start)} and ${column} < ${ts(end)}`;
  // The planner prices this statement (many laterals) far above jit_above_cost, and LLVM compilation takes
  // seconds while the chunk runs in milliseconds. `set local` lasts for the caller's transaction.
  await db.execute(sql`set local jit = off`);
  const result = await db.execute(sql`
    with chunk as (
      select s.id, s.business_id, s.region_code from stores s
      -- A LIMITed lateral, not EXISTS: EXISTS becomes a semi-join over every licence, and each chunk would cost
      -- the whole register; this way the chunk walks stores_pkey from the cursor and stops after n stores.
      cross join lateral (${licensed(population)} limit 1) licence
      where ${chunk} and ${subtypeFilter(population)}
      order by s.id
      limit ${limit}
    )
    select
      c.id as "storeId", c.business_id as "businessId", c.region_code as "regionCode",
      lic.valid as "licenceValid", lic.days_left as "licenceDaysLeft", chg.changes as "licenceChanges",
      coalesce(extract(year from age(${day(asOfDay)}, b.registered_on))::int, 0) as "yearsRegistered",
      b.registration_status = 'active' as "registrationActive",
      ins.done as "inspectionsDone", ins.passed as "inspectionsPassed", ins.rectify as "inspectionsRectify",
      ins.failed as "inspectionsFailed", ins.failed_items as "failedItems",
      ins.failed_key_items as "failedKeyItems", ins.online as "onlinePatrols",
      ins.volunteer as "volunteerPatrols",
      rec.opened as "rectificationsOpened", rec.closed_on_time as "rectificationsClosedOnTime",
      rec.overdue as "rectificationsOverdue", rec.reopened as "rectificationsReopened",
      com.received as "complaints", com.upheld as "complaintsUpheld",
      rat.n as "ratingsCount", rat.mean as "ratingsMean",
      sam.done as "samplingsDone", sam.failed as "samplingsFailed",
      pen.n as "penalties", pen.serious as "seriousPenalties", pen.repaired as "penaltiesRepaired",
      exists (
        select 1 from dishonesty_entries d
        where d.business_id = c.business_id and d.listed_on <= ${day(asOfDay)} and d.until >= ${day(asOfDay)}
          and (d.removed_at is null or d.removed_at > ${ts(asOf)})
      ) as "onSeriousDishonestyList",
      coalesce(lst.black, false) as "onBlackList", coalesce(lst.red, false) as "onRedList",
      exists (
        select 1 from food_safety_incidents f
        where f.store_id = c.id and f.occurred_on between ${day(yearFirstDay)} and ${day(lastDay)}
      ) as "foodSafetyAccident",
      alr.red as "redAlerts", alr.yellow as "yellowAlerts", alr.closed_late as "alertsClosedLate",
      stf.n as "staffCount", stf.expired as "healthCertificatesExpired",
      cmt.signed as "commitmentSigned", cmt.broken as "commitmentsBroken",
      chk.filed as "selfChecksFiled", chk.failed_items as "selfCheckFailedItems",
      pcs.basics as "pcBasics", pcs.finance as "pcFinance", pcs.governance as "pcGovernance",
      pcs.law_abiding as "pcLawAbiding", pcs.social_responsibility as "pcSocialResponsibility",
      -- step 10: smart kitchen (智慧监管上线)
      kdev.feeds + kdev.devices > 0 as "kitchenConnected", kdev.feeds + kdev.ai_cameras as "kitchenCameraCount",
      kev.events as "kitchenEventCount", kev.responded as "kitchenRespondedCount",
      kev.rodent as "kitchenRodentCount"
    from chunk c
    join businesses b on b.id = c.business_id
    cross join lateral (
      select
        coalesce(bool_or(l.status = 'valid' and l.valid_from <= ${day(asOfDay)} and l.valid_to >= ${day(asOfDay)}),
          false) as valid,
        max(l.valid_to) - ${day(asOfDay)} as days_left
      from licenses l
      where l.store_id = c.id and l.type = ${population.licenceType} and l.status <> 'cancelled'
    ) lic
    cross join lateral (
      select count(*)::int as changes
      from licenses l join license_versions v on v.license_id = l.id
      where l.store_id = c.id and l.type = ${population.licenceType} and v.reason = 'change'
        and v.issued_at >= ${ts(yearStart)} and v.issued_at < ${ts(end)}
    ) chg
    cross join lateral (
      select
        count(*) filter (where i.kind = any(${textArray(OFFICER_KINDS)}))::int as done,
        count(*) filter (where i.kind = any(${textArray(OFFICER_KINDS)}) and i.outcome = 'pass')::int as passed,
        count(*) filter (where i.kind = any(${textArray(OFFICER_KINDS)}) and i.outcome = 'rectify')::int as rectify,
        count(*) filter (where i.kind = any(${textArray(OFFICER_KINDS)}) and i.outcome = 'fail')::int as failed,
        coalesce(sum(f.n) filter (where i.kind = any(${textArray(OFFICER_KINDS)})), 0)::int as failed_items,
        coalesce(sum(f.key) filter (where i.kind = any(${textArray(OFFICER_KINDS)})), 0)::int as failed_key_items,
        count(*) filter (where i.kind = 'online_patrol')::int as online,
        count(*) filter (where i.kind = 'volunteer_patrol')::int as volunteer
      from inspections i
      cross join lateral (
        select count(*) as n, count(*) filter (where r->>'code' = any(${textArray(KEY_ITEM_CODES)})) as key
        from jsonb_array_elements(coalesce(i.results, '[]'::jsonb)) r
        where r->>'result' = 'fail'
      ) f
      -- Recorded inspections (status done) have an outcome; testing the outcome rather than the status keeps the
      -- planner on the store index (it would AND it with the (region, status) index, costly in a big district).
      where i.store_id = c.id and i.outcome is not null and ${inPeriod(sql`i.inspected_at`)}
    ) ins
    cross join lateral (
      select
        count(*) filter (where ${inPeriod(sql`r.created_at`)})::int as opened,
        count(*) filter (where r.closed_at <= r.due_at)::int as closed_on_time,
        count(*) filter (
          where r.due_at < ${ts(asOf)} and (r.closed_at is null or r.closed_at > r.due_at))::int as overdue,
        count(*) filter (where r.status = 'reopened')::int as reopened
      from rectifications r
      where r.store_id = c.id and (${inPeriod(sql`r.created_at`)} or ${inPeriod(sql`r.due_at`)})
    ) rec
    cross join lateral (
      select
        count(*) filter (where ${inPeriod(sql`k.created_at`)})::int as received,
        count(*) filter (where k.upheld and ${inPeriod(sql`k.closed_at`)})::int as upheld
      from complaints k
      where k.store_id = c.id and (${inPeriod(sql`k.created_at`)} or ${inPeriod(sql`k.closed_at`)})
    ) com
    cross join lateral (
      select
        count(*) filter (where g.rated_on >= ${day(firstDay)})::int as n,
        round(avg(g.stars), 2)::float8 as mean
      from ratings g
      where g.store_id = c.id and g.moderation = 'approved'
        and g.rated_on between ${day(yearFirstDay)} and ${day(lastDay)}
    ) rat
    cross join lateral (
      select count(*)::int as done, count(*) filter (where m.result = 'fail')::int as failed
      from sampling_results m
      where m.store_id = c.id and m.sampled_on between ${day(firstDay)} and ${day(lastDay)}
    ) sam
    cross join lateral (
      select
        count(*) filter (where p.decided_on between ${day(firstDay)} and ${day(lastDay)})::int as n,
        count(*) filter (
          where p.decided_on between ${day(firstDay)} and ${day(lastDay)} and p.severity = 'serious')::int
          as serious,
        count(*) filter (where p.repaired_at >= ${ts(yearStart)} and p.repaired_at < ${ts(end)})::int as repaired
      from penalties p
      where p.store_id = c.id and (
        p.decided_on between ${day(firstDay)} and ${day(lastDay)}
        or (p.repaired_at >= ${ts(yearStart)} and p.repaired_at < ${ts(end)}))
    ) pen
    -- One join per chunk rather than a lateral per store (list entries are few).
    left join (
      select e.store_id, bool_or(e.list = 'black') as black, bool_or(e.list = 'red') as red
      from list_entries e
      where e.store_id in (select id from chunk)
        and e.published_at <= ${ts(asOf)} and e.expires_on >= ${day(asOfDay)}
        and (e.withdrawn_at is null or e.withdrawn_at > ${ts(asOf)})
      group by e.store_id
    ) lst on lst.store_id = c.id
    cross join lateral (
      select
        count(*) filter (where a.severity = 'red')::int as red,
        count(*) filter (where a.severity = 'yellow')::int as yellow,
        count(*) filter (
          where a.severity = 'red' and a.due_at is not null
            and coalesce(a.closed_at, ${ts(asOf)}) > a.due_at)::int as closed_late
      from alerts a
      where a.store_id = c.id and ${inPeriod(sql`a.opened_at`)}
    ) alr
    cross join lateral (
      select count(*)::int as n,
        count(*) filter (where h.health_certificate_valid_to < ${day(asOfDay)})::int as expired
      from staff h
      where h.store_id = c.id
    ) stf
    -- 承诺书 in force at the as-of instant (a re-signed letter withdraws the previous one); 违诺 in the window.
    cross join lateral (
      select
        exists (
          select 1 from commitment_letters l
          where l.store_id = c.id and l.signed_at <= ${ts(asOf)}
            and (l.withdrawn_at is null or l.withdrawn_at > ${ts(asOf)})
        ) as signed,
        (select count(*)::int from commitment_breaches b
          where b.store_id = c.id and ${inPeriod(sql`b.recorded_at`)}) as broken
    ) cmt
    cross join lateral (
      select count(*)::int as filed,
        coalesce(sum((
          select count(*) from jsonb_array_elements(x.results) r where r->>'result' = 'fail')), 0)::int
          as failed_items
      from self_checks x
      where x.store_id = c.id and x.checked_on between ${day(firstDay)} and ${day(lastDay)}
    ) chk
    -- step 10: smart kitchen — feeds and devices registered by the end of the period, events in it
    cross join lateral (
      select
        (select count(*) from kitchen_feeds kf where kf.store_id = c.id and kf.created_at < ${ts(end)})::int
          as feeds,
        (select count(*) from kitchen_devices kd where kd.store_id = c.id and kd.created_at < ${ts(end)})::int
          as devices,
        (select count(*) from kitchen_devices kd where kd.store_id = c.id and kd.created_at < ${ts(end)}
          and kd.kind = 'ai_camera' and kd.status = 'active')::int as ai_cameras
    ) kdev
    cross join lateral (
      select count(*)::int as events,
        count(*) filter (where e.responded_at is not null and e.responded_at < ${ts(end)})::int as responded,
        count(*) filter (where e.type = 'rodent')::int as rodent
      from kitchen_events e
      where e.store_id = c.id and ${inPeriod(sql`e.at`)}
    ) kev
    left join lateral (
      select q.basics, q.finance, q.governance, q.law_abiding, q.social_responsibility
      from public_credit_scores q
      where q.business_id = c.business_id and q.period <= ${window.period}
      order by q.period desc
      limit 1
    ) pcs on true
    order by c.id`);
  return (result as unknown as { rows: FactsRow[] }).rows.map(toStoreFactsRow);
}

type KitchenFacts = "kitchenCameras" | "kitchenEvents" | "kitchenEventsResponded" | "kitchenRodentEvents";

type FactsRow = Omit<StoreFacts, "publicCredit" | KitchenFacts> & {
  storeId: string;
  businessId: string;
  regionCode: string;
  pcBasics: number | null;
  pcFinance: number | null;
  pcGovernance: number | null;
  pcLawAbiding: number | null;
  pcSocialResponsibility: number | null;
  kitchenConnected: boolean;
  kitchenCameraCount: number;
  kitchenEventCount: number;
  kitchenRespondedCount: number;
  kitchenRodentCount: number;
};

function toStoreFactsRow(row: FactsRow): StoreFactsRow {
  const {
    storeId,
    businessId,
    regionCode,
    pcBasics,
    pcFinance,
    pcGovernance,
    pcLawAbiding,
    pcSocialResponsibility,
    kitchenConnected,
    kitchenCameraCount,
    kitchenEventCount,
    kitchenRespondedCount,
    kitchenRodentCount,
    ...counts
  } = row;
  // A store with no kitchen feed or device is not connected to smart supervision: its kitchen facts are null
  // and their indicators do not count (docs/smart-kitchen.md).
  const kitchen = (value: number) => (kitchenConnected ? value : null);
  return {
    storeId,
    businessId,
    regionCode,
    facts: {
      ...counts,
      publicCredit: {
        basics: pcBasics,
        finance: pcFinance,
        governance: pcGovernance,
        lawAbiding: pcLawAbiding,
        socialResponsibility: pcSocialResponsibility,
      },
      // 明厨亮灶 cameras and smart-kitchen events (step 10).
      kitchenCameras: kitchen(kitchenCameraCount),
      kitchenEvents: kitchen(kitchenEventCount),
      kitchenEventsResponded: kitchen(kitchenRespondedCount),
      kitchenRodentEvents: kitchen(kitchenRodentCount),
    },
  };
}
