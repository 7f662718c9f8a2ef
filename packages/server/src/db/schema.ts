import {
  bigint,
  boolean,
  customType,
  date,
  primaryKey,
  uniqueIndex,
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

/** bytea as a Node Buffer (drizzle has no built-in bytea column). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

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
    /** Business licence (营业执照) data: registration authority, date, scope and status (存续, 注销…). */
    registrationAuthority: text("registration_authority"),
    registeredOn: date("registered_on"),
    businessScope: text("business_scope"),
    registrationStatus: text("registration_status").notNull().default("active"),
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
    /** 食品处理区 area, checked by art. 25 and 32. */
    processingAreaM2: numeric("processing_area_m2", { precision: 10, scale: 2 }),
    /** Storage sites outside the premises (art. 22–23): [{ address, areaM2, equipment }]. */
    storageSites: jsonb("storage_sites").$type<StorageSite[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index("stores_region_idx").on(t.regionCode), index("stores_business_idx").on(t.businessId)],
);

export interface StorageSite {
  address: string;
  areaM2: number;
  equipment?: string;
}

/** 从业人员 with their 健康证. */
export const staff = pgTable(
  "staff",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    name: text("name").notNull(),
    position: text("position"),
    healthCertificateNo: text("health_certificate_no").notNull(),
    healthCertificateIssuer: text("health_certificate_issuer").notNull(),
    healthCertificateValidTo: date("health_certificate_valid_to").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("staff_store_idx").on(t.storeId)],
);

/** Uploaded files; the bytes live content-addressed in the file store under their SHA-256. */
export const files = pgTable("files", {
  id: uuid("id").primaryKey().defaultRandom(),
  sha256: varchar("sha256", { length: 64 }).notNull(),
  /** Images only: the auto-rotated copy without EXIF/GPS that public pages and other parties get. */
  publicSha256: varchar("public_sha256", { length: 64 }),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  uploadedBy: uuid("uploaded_by").references(() => users.id),
  businessId: uuid("business_id").references(() => businesses.id),
  regionCode: varchar("region_code", { length: 6 }).references(() => regions.code),
  createdAt: createdAt(),
});

/** 许可申请: one application moves through 受理 → 审查 → 许可 (三分离). */
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    licenseType: text("license_type").notNull(),
    status: text("status").notNull(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    licenseId: uuid("license_id").references(() => licenses.id),
    ruleset: text("ruleset").notNull(),
    /** What is applied for: business form, subtype, items, facts (JY) or food categories and sites (SC). */
    request: jsonb("request").$type<Record<string, unknown>>().notNull(),
    /** The ruleset's assessment at submission: category, on-site required, materials, commitment. */
    assessment: jsonb("assessment").$type<Record<string, unknown>>().notNull(),
    commitment: boolean("commitment").notNull().default(false),
    commitmentSigner: text("commitment_signer"),
    stageDeadline: timestamp("stage_deadline", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewOutcome: text("review_outcome"),
    reviewOpinion: text("review_opinion"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decision: text("decision"),
    reasons: text("reasons"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("applications_region_status_idx").on(t.regionCode, t.status),
    index("applications_business_idx").on(t.businessId),
  ],
);

export const applicationMaterials = pgTable(
  "application_materials",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.code, t.fileId] })],
);

/** 现场核查 of one application: checklist results judged as a whole (art. 12). */
export const onsiteInspections = pgTable("onsite_inspections", {
  applicationId: uuid("application_id")
    .primaryKey()
    .references(() => applications.id, { onDelete: "cascade" }),
  scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
  scheduledBy: uuid("scheduled_by").references(() => users.id),
  inspectedAt: timestamp("inspected_at", { withTimezone: true }),
  inspectedBy: uuid("inspected_by").references(() => users.id),
  results: jsonb("results").$type<{ code: string; result: string; note?: string }[]>(),
  photoFileIds: jsonb("photo_file_ids").$type<string[]>(),
  applicantSigned: boolean("applicant_signed"),
  notes: text("notes"),
  outcome: text("outcome"),
});

/** 许可证: JY (food business) or SC (food production); its content is versioned in license_versions. */
export const licenses = pgTable(
  "licenses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: varchar("number", { length: 16 }).notNull().unique(),
    type: text("type").notNull(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    status: text("status").notNull(),
    currentVersion: integer("current_version").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("licenses_region_idx").on(t.regionCode), index("licenses_store_idx").on(t.storeId)],
);

export const licenseVersions = pgTable(
  "license_versions",
  {
    licenseId: uuid("license_id")
      .notNull()
      .references(() => licenses.id),
    version: integer("version").notNull(),
    applicationId: uuid("application_id").references(() => applications.id),
    reason: text("reason").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    issuedBy: uuid("issued_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.licenseId, t.version] })],
);

/** Next licence sequence per number prefix (type, form or category, region). */
export const licenseSequences = pgTable("license_sequences", {
  prefix: text("prefix").primaryKey(),
  last: integer("last").notNull(),
});

/** Work for officers created by the platform, e.g. the follow-up inspection of a commitment licence. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("open"),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    storeId: uuid("store_id").references(() => stores.id),
    applicationId: uuid("application_id").references(() => applications.id),
    licenseId: uuid("license_id").references(() => licenses.id),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("tasks_region_status_idx").on(t.regionCode, t.status)],
);

/** Replies to POSTs sent with an Idempotency-Key, kept so that a retry gets the same answer. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    actorKey: text("actor_key").notNull(),
    key: text("key").notNull(),
    route: text("route").notNull(),
    requestHash: varchar("request_hash", { length: 64 }).notNull(),
    statusCode: integer("status_code").notNull(),
    body: jsonb("body"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actorKey, t.key] })],
);

/** Signing keys of the issuing authorities (and the root key of the trust list); private keys encrypted at rest. */
export const signingKeys = pgTable("signing_keys", {
  kid: text("kid").primaryKey(),
  /** The issuing authority's region code, or "root" for the key that signs the trust list. */
  authority: text("authority").notNull(),
  algorithm: text("algorithm", { enum: ["EdDSA", "SM2"] }).notNull(),
  /** Ed25519: public JWK; SM2: { x, y } of the public point, hex, and its SPKI PEM. */
  publicKey: jsonb("public_key").$type<Record<string, string>>().notNull(),
  /** AES-256-GCM of the private key under a key derived from SIGNING_KEY_PASSPHRASE. */
  privateKeyEncrypted: text("private_key_encrypted").notNull(),
  status: text("status", { enum: ["active", "retired"] }).notNull(),
  createdAt: createdAt(),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
});

/** Bitstring status lists (W3C Bitstring Status List): one bit per certificate, 1 = revoked or suspended. */
export const statusLists = pgTable("status_lists", {
  id: text("id").primaryKey(),
  purpose: text("purpose", { enum: ["revocation", "suspension"] }).notNull(),
  size: integer("size").notNull(),
  bits: bytea("bits").notNull(),
  nextIndex: integer("next_index").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** 电子证书: the signed rendering of one licence version. */
export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    licenseId: uuid("license_id")
      .notNull()
      .references(() => licenses.id),
    licenseVersion: integer("license_version").notNull(),
    licenseNumber: varchar("license_number", { length: 16 }).notNull(),
    /** The canonical JSON (RFC 8785) that both signatures cover. */
    payload: text("payload").notNull(),
    /** Compact JWS (EdDSA) over the payload. */
    jws: text("jws").notNull(),
    sm2Kid: text("sm2_kid").notNull(),
    /** DER SM2 signature (SM3, user ID 1234567812345678) over the payload bytes, hex. */
    sm2Signature: text("sm2_signature").notNull(),
    /** The compact token printed in the QR code. */
    token: text("token").notNull(),
    statusListIndex: integer("status_list_index").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("certificates_license_version_idx").on(t.licenseId, t.licenseVersion),
    index("certificates_number_idx").on(t.licenseNumber),
  ],
);

/** A business lets a third party (API client) fetch its certificates (授权使用, seed 000). */
export const partnerAuthorizations = pgTable(
  "partner_authorizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    apiClientId: uuid("api_client_id")
      .notNull()
      .references(() => apiClients.id),
    /** The licences covered; null = all of the business's licences. */
    licenseIds: uuid("license_ids").array(),
    validUntil: timestamp("valid_until", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("partner_authorizations_client_idx").on(t.apiClientId)],
);

/** Where an API client wants status changes delivered, signed with HMAC-SHA256. */
export const webhooks = pgTable("webhooks", {
  id: uuid("id").primaryKey().defaultRandom(),
  apiClientId: uuid("api_client_id")
    .notNull()
    .references(() => apiClients.id),
  url: text("url").notNull(),
  /** The HMAC secret, encrypted like the signing keys. */
  secretEncrypted: text("secret_encrypted").notNull(),
  createdAt: createdAt(),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
});

/** Messages to deliver after a commit (SMS, inbox, public notice, webhook): written in the same transaction. */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel", { enum: ["sms", "inbox", "public_notice", "webhook"] }).notNull(),
    /** At most one message per key: a retried request cannot send twice. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbox_pending_idx").on(t.status, t.nextAttemptAt)],
);

/** The business's portal inbox (三即时: pushed to the enterprise at issuance). */
export const inboxMessages = pgTable(
  "inbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("inbox_business_idx").on(t.businessId)],
);

/** The public notice list (三即时: published on the public site at issuance). */
export const publicNotices = pgTable("public_notices", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind").notNull(),
  regionCode: varchar("region_code", { length: 6 }).notNull(),
  licenseNumber: varchar("license_number", { length: 16 }),
  title: text("title").notNull(),
  body: text("body").notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A legacy-licence import (存量证书转换): one file, processed row by row, resumable. */
export const importJobs = pgTable("import_jobs", {
  id: uuid("id").primaryKey().defaultRandom(),
  fileSha256: varchar("file_sha256", { length: 64 }).notNull(),
  fileName: text("file_name").notNull(),
  status: text("status", { enum: ["running", "done", "failed"] }).notNull(),
  totalRows: integer("total_rows").notNull().default(0),
  processedRows: integer("processed_rows").notNull().default(0),
  importedRows: integer("imported_rows").notNull().default(0),
  errorRows: integer("error_rows").notNull().default(0),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

export const importErrors = pgTable(
  "import_errors",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    errors: jsonb("errors").$type<{ field: string; message: string }[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNumber] })],
);

/** 食安码: one short, unguessable code per store, printed as a QR on the door. */
export const safetyCodes = pgTable("safety_codes", {
  code: varchar("code", { length: 16 }).primaryKey(),
  storeId: uuid("store_id")
    .notNull()
    .unique()
    .references(() => stores.id),
  createdAt: createdAt(),
});

/** A store's current grade (step 5 computes them; until then a configurable default applies). */
export const storeGrades = pgTable("store_grades", {
  storeId: uuid("store_id")
    .primaryKey()
    .references(() => stores.id),
  grade: text("grade").notNull(),
  colour: text("colour", { enum: ["green", "yellow", "red"] }).notNull(),
  gradedOn: date("graded_on").notNull(),
  model: text("model").notNull(),
});

/** Consumer ratings after a visit: one per device per store per day, comments moderated. */
export const ratings = pgTable(
  "ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    stars: integer("stars").notNull(),
    comment: text("comment"),
    /** SHA-256 of the device cookie: one rating per device, store and day without knowing who rated. */
    deviceHash: varchar("device_hash", { length: 64 }).notNull(),
    ratedOn: date("rated_on").notNull(),
    moderation: text("moderation", { enum: ["pending", "approved", "rejected"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("ratings_device_day_idx").on(t.storeId, t.deviceHash, t.ratedOn)],
);

/** Citizen complaints (Open311-like), routed to the store's district, with an SLA clock. */
export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id").references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    category: text("category").notNull(),
    description: text("description").notNull(),
    /** The complainant's phone, sealed with the secret box; shown masked. */
    contactPhoneSealed: text("contact_phone_sealed"),
    contactPhoneMasked: text("contact_phone_masked"),
    /** SHA-256 of the tracking token given to the complainant. */
    trackingTokenHash: varchar("tracking_token_hash", { length: 64 }).notNull(),
    status: text("status", { enum: ["received", "acknowledged", "assigned", "closed"] }).notNull(),
    assignedTo: uuid("assigned_to").references(() => users.id),
    acknowledgeBy: timestamp("acknowledge_by", { withTimezone: true }).notNull(),
    closeBy: timestamp("close_by", { withTimezone: true }).notNull(),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    reply: text("reply"),
    upheld: boolean("upheld"),
    createdAt: createdAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("complaints_region_status_idx").on(t.regionCode, t.status),
    index("complaints_store_idx").on(t.storeId),
  ],
);

export const complaintPhotos = pgTable(
  "complaint_photos",
  {
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.fileId] })],
);

/** 社会监督员: volunteers register, are approved by the district, and patrol assigned stores. */
export const volunteers = pgTable("volunteers", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  status: text("status", { enum: ["pending", "approved", "suspended"] }).notNull(),
  approvedBy: uuid("approved_by").references(() => users.id),
  approvedAt: timestamp("approved_at", { withTimezone: true }),
  createdAt: createdAt(),
});

/**
 * One model for every inspection: routine, random draw, complaint, alert follow-up, commitment follow-up and
 * volunteer patrol. Results per checklist item; GPS and the distance from the store.
 */
export const inspections = pgTable(
  "inspections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", {
      enum: [
        "routine",
        "random_draw",
        "complaint",
        "alert_follow_up",
        "commitment_follow_up",
        "volunteer_patrol",
        "online_patrol",
      ],
    }).notNull(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    template: text("template").notNull(),
    status: text("status", { enum: ["planned", "done"] }).notNull(),
    inspectorId: uuid("inspector_id").references(() => users.id),
    taskId: uuid("task_id").references(() => tasks.id),
    complaintId: uuid("complaint_id").references(() => complaints.id),
    plannedFor: date("planned_for"),
    inspectedAt: timestamp("inspected_at", { withTimezone: true }),
    results:
      jsonb("results").$type<
        { code: string; result: "pass" | "fail" | "na"; note?: string; photoFileIds?: string[] }[]
      >(),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    distanceM: integer("distance_m"),
    farFromStore: boolean("far_from_store"),
    outcome: text("outcome", { enum: ["pass", "rectify", "fail"] }),
    score: integer("score"),
    createdAt: createdAt(),
  },
  (t) => [
    index("inspections_store_idx").on(t.storeId),
    index("inspections_region_idx").on(t.regionCode, t.status),
  ],
);

/** 整改: a failed item opens an order with a deadline, closed when the inspector accepts the business's evidence. */
export const rectifications = pgTable(
  "rectifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    inspectionId: uuid("inspection_id")
      .notNull()
      .references(() => inspections.id),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    itemCode: text("item_code").notNull(),
    status: text("status", { enum: ["open", "replied", "closed", "reopened"] }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    reply: text("reply"),
    evidenceFileIds: jsonb("evidence_file_ids").$type<string[]>(),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    createdAt: createdAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("rectifications_store_idx").on(t.storeId),
    index("rectifications_region_idx").on(t.regionCode, t.status),
  ],
);

/** 自查: a business's periodic self-check filing, shown on the scan page. */
export const selfChecks = pgTable(
  "self_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    checkedOn: date("checked_on").notNull(),
    results: jsonb("results")
      .$type<{ code: string; result: "pass" | "fail" | "na"; note?: string }[]>()
      .notNull(),
    filedBy: uuid("filed_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("self_checks_store_idx").on(t.storeId)],
);

/** 红黑榜: published by officers with reason, legal basis and expiry. */
export const listEntries = pgTable(
  "list_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    list: text("list", { enum: ["red", "black"] }).notNull(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    reason: text("reason").notNull(),
    legalBasis: text("legal_basis").notNull(),
    publishedBy: uuid("published_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    expiresOn: date("expires_on").notNull(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [index("list_entries_region_idx").on(t.regionCode, t.list)],
);

/** Policy notices from the bureau, targeted by region and business form. */
export const policyNotices = pgTable("policy_notices", {
  id: uuid("id").primaryKey().defaultRandom(),
  regionCode: varchar("region_code", { length: 6 }).notNull(),
  businessForms: text("business_forms").array(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  publishedBy: uuid("published_by").references(() => users.id),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Append-only, hash-chained record of every state change (等保 8.1.4.3). */
export const auditLog = pgTable(
  "audit_log",
  {
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
  },
  (t) => [index("audit_log_subject_idx").on(t.subjectType, t.subjectId)],
);

export const schema = {
  regions,
  users,
  sessions,
  apiClients,
  businesses,
  stores,
  staff,
  files,
  applications,
  applicationMaterials,
  onsiteInspections,
  licenses,
  licenseVersions,
  licenseSequences,
  tasks,
  idempotencyKeys,
  signingKeys,
  statusLists,
  certificates,
  partnerAuthorizations,
  webhooks,
  outbox,
  inboxMessages,
  publicNotices,
  importJobs,
  importErrors,
  safetyCodes,
  storeGrades,
  ratings,
  complaints,
  complaintPhotos,
  volunteers,
  inspections,
  rectifications,
  selfChecks,
  listEntries,
  policyNotices,
  auditLog,
};
