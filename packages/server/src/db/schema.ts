import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** GB/T 2260 administrative divisions (行政区划). */
export const regions = pgTable("regions", {
  code: varchar("code", { length: 6 }).primaryKey(),
  name: text("name").notNull(),
  parentCode: varchar("parent_code", { length: 6 }),
  level: text("level", { enum: ["province", "city", "county"] }).notNull(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role").notNull(),
  /** Jurisdiction (辖区); null = national. */
  regionCode: varchar("region_code", { length: 6 }).references(() => regions.code),
  businessId: uuid("business_id").references(() => businesses.id),
  passwordHash: text("password_hash").notNull(),
  failedLogins: integer("failed_logins").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Third-party platforms and buyers calling the API with a key. */
export const apiClients = pgTable("api_clients", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  keyPrefix: text("key_prefix").notNull().unique(),
  keyHash: text("key_hash").notNull(),
  scopes: text("scopes").array().notNull(),
  regionCode: varchar("region_code", { length: 6 }).references(() => regions.code),
  createdAt: createdAt(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/** 经营者 / 市场主体. */
export const businesses = pgTable(
  "businesses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    uscc: varchar("uscc", { length: 18 }).notNull().unique(),
    name: text("name").notNull(),
    legalRepresentative: text("legal_representative").notNull(),
    phone: text("phone"),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    createdAt: createdAt(),
  },
  (t) => [index("businesses_region_idx").on(t.regionCode)],
);

/** 经营场所: a licence belongs to one store. */
export const stores = pgTable(
  "stores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    name: text("name").notNull(),
    address: text("address").notNull(),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    businessForm: text("business_form").notNull(),
    subtype: text("subtype").notNull(),
    areaM2: numeric("area_m2", { precision: 10, scale: 2 }),
    createdAt: createdAt(),
  },
  (t) => [index("stores_region_idx").on(t.regionCode), index("stores_business_idx").on(t.businessId)],
);

/** Append-only, hash-chained record of every state change (等保 8.1.4.3). */
export const auditLog = pgTable("audit_log", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull(),
  actorId: uuid("actor_id"),
  actorLabel: text("actor_label").notNull(),
  action: text("action").notNull(),
  subjectType: text("subject_type").notNull(),
  subjectId: text("subject_id"),
  regionCode: varchar("region_code", { length: 6 }),
  outcome: text("outcome").notNull(),
  ip: text("ip"),
  requestId: text("request_id"),
  before: jsonb("before"),
  after: jsonb("after"),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull(),
});

export const schema = { regions, users, sessions, apiClients, businesses, stores, auditLog };
