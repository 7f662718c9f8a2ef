import { sql } from "drizzle-orm";
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
    // — step 8: personal data at rest —
    /** The owner's contact phone (PIPL art. 4), sealed with the secret box; shown masked (docs/security.md). */
    phoneSealed: text("phone_sealed"),
    phoneMasked: text("phone_masked"),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    /** Business licence (营业执照) data: registration authority, date, scope and status (存续, 注销…). */
    registrationAuthority: text("registration_authority"),
    registeredOn: date("registered_on"),
    businessScope: text("business_scope"),
    registrationStatus: text("registration_status").notNull().default("active"),
    // — step 11: statutory fields —
    /** 住所 (the registered domicile on the 营业执照), printed on the licence; required to issue one. */
    residence: text("residence"),
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
    // — step 8: personal data at rest — the 健康证明编号 sealed with the row (some embed the 身份证 number).
    healthCertificateNoSealed: text("health_certificate_no_sealed"),
    healthCertificateNoMasked: text("health_certificate_no_masked"),
    healthCertificateIssuer: text("health_certificate_issuer").notNull(),
    healthCertificateValidTo: date("health_certificate_valid_to").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("staff_store_idx").on(t.storeId),
    // Health-certificate alerts (step 5) look staff up by expiry.
    index("staff_health_valid_to_idx").on(t.healthCertificateValidTo),
  ],
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
    // — step 11: statutory fields —
    /** 日常监督管理机构: defaults to the region's bureau at approval. */
    supervisionAgency: text("supervision_agency"),
    /** 日常监督管理人员: assigned by the approving officer (defaults to the approver). */
    supervisionOfficer: text("supervision_officer"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("licenses_region_idx").on(t.regionCode),
    index("licenses_store_idx").on(t.storeId),
    // Renewal-window alerts (step 5) look licences up by expiry.
    index("licenses_valid_to_idx").on(t.validTo),
  ],
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
  /** Step 5: the period (YYYY-MM), score and model colour of the grade (grade_history holds the breakdown). */
  period: varchar("period", { length: 7 }),
  score: numeric("score", { precision: 5, scale: 2, mode: "number" }),
  riskColour: text("risk_colour"),
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
    /** The supervision-plan item (step 5) a finished inspection counts towards. */
    planItemId: uuid("plan_item_id"),
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
    // The alert rules scan the inspections of a recent window.
    index("inspections_inspected_at_idx").on(t.inspectedAt),
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
    // The scan page lists each inspection's rectifications: without it, a sequential scan per page (step 7 bench).
    index("rectifications_inspection_idx").on(t.inspectionId),
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
  (t) => [
    index("list_entries_region_idx").on(t.regionCode, t.list),
    index("list_entries_store_idx").on(t.storeId),
  ],
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

// ——— Step 5: credit and risk ———

/** 公共信用评价, imported per business and period from the provincial component (five sub-scores 0..100). */
export const publicCreditScores = pgTable(
  "public_credit_scores",
  {
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    period: varchar("period", { length: 7 }).notNull(),
    basics: integer("basics"),
    finance: integer("finance"),
    governance: integer("governance"),
    lawAbiding: integer("law_abiding"),
    socialResponsibility: integer("social_responsibility"),
    importedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.period] })],
);

/** 抽检: official sampling results, imported; a failure raises a red alert. */
export const samplingResults = pgTable(
  "sampling_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportNumber: text("report_number").notNull().unique(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    sampledOn: date("sampled_on").notNull(),
    product: text("product").notNull(),
    item: text("item"),
    result: text("result", { enum: ["pass", "fail"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sampling_results_store_idx").on(t.storeId, t.sampledOn)],
);

/** 食品安全事故: recorded by officers; forces Rizhao's D by veto. */
export const foodSafetyIncidents = pgTable(
  "food_safety_incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    occurredOn: date("occurred_on").notNull(),
    description: text("description").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("food_safety_incidents_store_idx").on(t.storeId)],
);

/** 行政处罚 with its credit-repair notice (双书同达: both documents are served together). */
export const penalties = pgTable(
  "penalties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    decisionNumber: text("decision_number").notNull().unique(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    decidedOn: date("decided_on").notNull(),
    violation: text("violation").notNull(),
    legalBasis: text("legal_basis").notNull(),
    fineYuan: numeric("fine_yuan", { precision: 12, scale: 2, mode: "number" }),
    severity: text("severity", { enum: ["minor", "general", "serious"] }).notNull(),
    /** End of the publication period (公示期); repair may be applied for from repairableFrom. */
    publicUntil: date("public_until").notNull(),
    repairableFrom: date("repairable_from").notNull(),
    repairedAt: timestamp("repaired_at", { withTimezone: true }),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("penalties_store_idx").on(t.storeId, t.decidedOn),
    index("penalties_region_idx").on(t.regionCode),
  ],
);

/** 信用修复: the business applies with evidence, an officer decides the same day (即申即办). */
export const creditRepairs = pgTable(
  "credit_repairs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    penaltyId: uuid("penalty_id")
      .notNull()
      .references(() => penalties.id),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    status: text("status", { enum: ["pending", "approved", "rejected"] }).notNull(),
    statement: text("statement").notNull(),
    evidenceFileIds: jsonb("evidence_file_ids").$type<string[]>().notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    createdAt: createdAt(),
  },
  (t) => [index("credit_repairs_region_idx").on(t.regionCode, t.status)],
);

/** 严重违法失信名单: business-level, with legal basis and period; exported for joint punishment. */
export const dishonestyEntries = pgTable(
  "dishonesty_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    penaltyId: uuid("penalty_id").references(() => penalties.id),
    reason: text("reason").notNull(),
    legalBasis: text("legal_basis").notNull(),
    listedOn: date("listed_on").notNull(),
    until: date("until").notNull(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    removedReason: text("removed_reason"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("dishonesty_entries_business_idx").on(t.businessId)],
);

/** Banks registered to receive referrals of well-graded businesses (seed 001), with each business's consent. */
export const bankPartners = pgTable("bank_partners", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  regionCode: varchar("region_code", { length: 6 }).notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
});

export const referralConsents = pgTable(
  "referral_consents",
  {
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    bankPartnerId: uuid("bank_partner_id")
      .notNull()
      .references(() => bankPartners.id),
    consentedBy: uuid("consented_by").references(() => users.id),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.bankPartnerId] })],
);

/** One monthly grading of one model: resumable (lastStoreId is the keyset cursor), one per model and period. */
export const gradingRuns = pgTable(
  "grading_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    model: text("model").notNull(),
    modelVersion: text("model_version").notNull(),
    period: varchar("period", { length: 7 }).notNull(),
    status: text("status", { enum: ["running", "done", "failed"] }).notNull(),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    lastStoreId: uuid("last_store_id"),
    error: text("error"),
    startedBy: uuid("started_by").references(() => users.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("grading_runs_model_period_idx").on(t.model, t.period)],
);

/** Grade history: one row per store, model and period, with the facts and the full breakdown. */
export const gradeHistory = pgTable(
  "grade_history",
  {
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    model: text("model").notNull(),
    period: varchar("period", { length: 7 }).notNull(),
    modelVersion: text("model_version").notNull(),
    runId: uuid("run_id").references(() => gradingRuns.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    score: numeric("score", { precision: 5, scale: 2, mode: "number" }).notNull(),
    grade: text("grade").notNull(),
    riskColour: text("risk_colour").notNull(),
    vetoed: text("vetoed").array().notNull(),
    breakdown: jsonb("breakdown").notNull(),
    facts: jsonb("facts").notNull(),
    gradedAt: timestamp("graded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.model, t.period] }),
    index("grade_history_period_idx").on(t.model, t.period, t.regionCode),
  ],
);

/** 监管计划: per month, district and model, generated from the grades by the model's supervision rules. */
export const supervisionPlans = pgTable(
  "supervision_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    period: varchar("period", { length: 7 }).notNull(),
    model: text("model").notNull(),
    modelVersion: text("model_version").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("supervision_plans_region_period_idx").on(t.regionCode, t.period, t.model)],
);

/** One store's supervision in a plan: online patrol, or offline visits (drawn or required). */
export const planItems = pgTable(
  "plan_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => supervisionPlans.id, { onDelete: "cascade" }),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    grade: text("grade").notNull(),
    mode: text("mode", { enum: ["online", "offline"] }).notNull(),
    visitsRequired: integer("visits_required").notNull(),
    visitsDone: integer("visits_done").notNull().default(0),
    drawId: uuid("draw_id"),
    /** The two inspectors drawn for an offline visit (双随机). */
    inspectorIds: uuid("inspector_ids").array(),
  },
  (t) => [
    uniqueIndex("plan_items_plan_store_mode_idx").on(t.planId, t.storeId, t.mode),
    index("plan_items_store_idx").on(t.storeId),
  ],
);

/** A bureau secret committed (SHA-256 published) before the draws of a period; revealed with each draw. */
export const drawCommitments = pgTable(
  "draw_commitments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    period: varchar("period", { length: 7 }).notNull(),
    commitment: varchar("commitment", { length: 64 }).notNull(),
    secretSealed: text("secret_sealed").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("draw_commitments_region_period_idx").on(t.regionCode, t.period)],
);

/** 双随机 draw: everything needed to re-compute it, published at /api/v1/public/draws/{id}. */
export const draws = pgTable("draws", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id").references(() => supervisionPlans.id),
  regionCode: varchar("region_code", { length: 6 }).notNull(),
  period: varchar("period", { length: 7 }).notNull(),
  algorithm: text("algorithm").notNull(),
  /** The declared public part of the seed (e.g. a date string announced beforehand). */
  declaredSeed: text("declared_seed").notNull(),
  commitmentId: uuid("commitment_id").references(() => drawCommitments.id),
  /** The bureau secret, revealed once the draw is made; SHA-256(secret) equals the commitment. */
  revealedSecret: text("revealed_secret").notNull(),
  populationHash: varchar("population_hash", { length: 64 }).notNull(),
  /** Strata of stores ([{ stratum, share, storeIds }]) and the inspector pool, as drawn from. */
  population: jsonb("population").notNull(),
  inspectorPool: jsonb("inspector_pool").notNull(),
  selection: jsonb("selection").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
});

/** Inspectors who may not inspect a business (关联关系, 回避). */
export const inspectorConflicts = pgTable(
  "inspector_conflicts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.businessId] })],
);

/** 预警: raised by rules as data; a red alert opens a 24-hour closed-loop task and turns the code red. */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rule: text("rule").notNull(),
    severity: text("severity", { enum: ["red", "yellow"] }).notNull(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    /** What the alert is about (staff id, licence id, report number…): one open alert per rule, store and key. */
    subjectKey: text("subject_key").notNull(),
    status: text("status", { enum: ["open", "closed"] }).notNull(),
    details: jsonb("details").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }),
    taskId: uuid("task_id").references(() => tasks.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id),
    closingNote: text("closing_note"),
  },
  (t) => [
    uniqueIndex("alerts_open_subject_idx")
      .on(t.rule, t.storeId, t.subjectKey)
      .where(sql`status = 'open'`),
    // Closed alerts count too: a fact that had an alert once does not raise another.
    index("alerts_subject_idx").on(t.rule, t.storeId, t.subjectKey),
    index("alerts_region_status_idx").on(t.regionCode, t.status),
    index("alerts_store_idx").on(t.storeId, t.status),
  ],
);

// ——— Step 9: commitments, traceability ———

/** 承诺书: signed in the portal by the business (typed name + time), published on the store's scan page. */
export const commitmentLetters = pgTable(
  "commitment_letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    template: text("template").notNull(),
    templateVersion: text("template_version").notNull(),
    /** The items as signed ([{ code, text: { zh, en } }]): the letter keeps its wording if the template changes. */
    items: jsonb("items").notNull(),
    signerName: text("signer_name").notNull(),
    signedBy: uuid("signed_by").references(() => users.id),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [index("commitment_letters_store_idx").on(t.storeId)],
);

/** 违诺: a finding tied to one item of a letter; counts in the grade (points model). */
export const commitmentBreaches = pgTable(
  "commitment_breaches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    letterId: uuid("letter_id")
      .notNull()
      .references(() => commitmentLetters.id),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    itemCode: text("item_code").notNull(),
    source: text("source", { enum: ["inspection", "alert", "officer"] }).notNull(),
    sourceId: text("source_id"),
    note: text("note"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("commitment_breaches_store_idx").on(t.storeId, t.recordedAt)],
);

/** A device registered to a store (electronic scale, till): signs trace codes with its own Ed25519 key. */
export const devices = pgTable(
  "devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    kind: text("kind", { enum: ["scale", "till"] }).notNull(),
    name: text("name").notNull(),
    /** The device's Ed25519 public key, raw 32 bytes as base64url. */
    publicKey: text("public_key").notNull(),
    status: text("status", { enum: ["active", "revoked"] }).notNull(),
    registeredBy: uuid("registered_by").references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("devices_store_idx").on(t.storeId)],
);

/** 生产批次: a producer's batch with its raw materials and rapid tests. */
export const productionBatches = pgTable(
  "production_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    batchNumber: text("batch_number").notNull(),
    product: text("product").notNull(),
    producedAt: timestamp("produced_at", { withTimezone: true }).notNull(),
    quantity: numeric("quantity", { precision: 12, scale: 3, mode: "number" }),
    unit: text("unit"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("production_batches_store_number_idx").on(t.storeId, t.batchNumber)],
);

/** 原料: what went into a batch, with the supplier's licence as verified when entered. */
export const batchMaterials = pgTable(
  "batch_materials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => productionBatches.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    supplierName: text("supplier_name").notNull(),
    supplierLicenceNumber: text("supplier_licence_number"),
    /** The verification result when entered (valid, expired, revoked, unknown…); the page re-verifies live. */
    supplierLicenceStatus: text("supplier_licence_status"),
    /** The supplier's batch number, when known: links a recalled batch to the stores that received it (step 11). */
    supplierBatchNumber: text("supplier_batch_number"),
    quantity: numeric("quantity", { precision: 12, scale: 3, mode: "number" }),
    unit: text("unit"),
    purchasedOn: date("purchased_on"),
    expiresOn: date("expires_on"),
    certificateFileId: uuid("certificate_file_id").references(() => files.id),
  },
  (t) => [
    index("batch_materials_batch_idx").on(t.batchId),
    index("batch_materials_expires_idx").on(t.expiresOn),
  ],
);

/** 快检: rapid-test results, entered or imported, per store and optionally per batch. */
export const rapidTests = pgTable(
  "rapid_tests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    batchId: uuid("batch_id").references(() => productionBatches.id),
    testedAt: timestamp("tested_at", { withTimezone: true }).notNull(),
    item: text("item").notNull(),
    result: text("result", { enum: ["pass", "fail"] }).notNull(),
    value: text("value"),
    source: text("source", { enum: ["entered", "imported"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("rapid_tests_store_idx").on(t.storeId, t.testedAt)],
);

/** 溯源码: one signed code per sale, printed by a device (offline allowed) and uploaded later. */
export const traceCodes = pgTable(
  "trace_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id),
    /** The device's own sequence number of the sale: (device, serial) is unique. */
    serial: bigint("serial", { mode: "number" }).notNull(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    batchId: uuid("batch_id").references(() => productionBatches.id),
    product: text("product").notNull(),
    weightGrams: integer("weight_grams"),
    soldAt: timestamp("sold_at", { withTimezone: true }).notNull(),
    /** The code as printed (payload and signature); the page verifies it again on every scan. */
    token: text("token").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("trace_codes_device_serial_idx").on(t.deviceId, t.serial)],
);

/** The 食安码 colour last announced to partners per store: a change queues "store.colour_changed" webhooks. */
export const storeColours = pgTable("store_colours", {
  storeId: uuid("store_id")
    .primaryKey()
    .references(() => stores.id),
  colour: text("colour", { enum: ["green", "yellow", "red"] }).notNull(),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** 每周现场评价: weekly checklist evaluations of small workshops and market stalls (seed 004 Xiangshan). */
export const checklistEvaluations = pgTable(
  "checklist_evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    template: text("template").notNull(),
    /** Monday of the evaluated week (China date). */
    week: date("week").notNull(),
    results: jsonb("results")
      .$type<{ code: string; result: "pass" | "fail" | "na"; note?: string }[]>()
      .notNull(),
    score: integer("score").notNull(),
    evaluatedBy: uuid("evaluated_by").references(() => users.id),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("checklist_evaluations_store_week_idx").on(t.storeId, t.week)],
);

/** Consequences proposed when a stall's points fall to a configured total (停业, 清场, 不得参加下轮招投标). */
export const sanctionProposals = pgTable(
  "sanction_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    kind: text("kind", { enum: ["suspension", "clearance", "tender_exclusion"] }).notNull(),
    year: integer("year").notNull(),
    pointsDeducted: integer("points_deducted").notNull(),
    status: text("status", { enum: ["proposed", "approved", "rejected"] }).notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sanction_proposals_store_kind_year_idx").on(t.storeId, t.kind, t.year)],
);

/** A store's kitchen video (明厨亮灶): an HLS URL shown on the sunshine screen; step 10 adds snapshots. */
export const kitchenFeeds = pgTable(
  "kitchen_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    name: text("name").notNull(),
    hlsUrl: text("hls_url"),
    /** SHA-256 (hex) of the key a camera or the store's system presents to upload snapshots (step 10). */
    snapshotKeyHash: varchar("snapshot_key_hash", { length: 64 }).unique(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("kitchen_feeds_store_idx").on(t.storeId)],
);

// — step 6: statistics, reports, open data —

/** E-certificate verifications and downloads per day, region and channel, counted in memory and flushed in batches. */
export const certificateUsage = pgTable(
  "certificate_usage",
  {
    day: date("day").notNull(),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    kind: text("kind", { enum: ["verification", "download"] }).notNull(),
    /** Where it happened: page (/v/ verification page), api (verify API), partner, batch, portal, qr… */
    channel: text("channel").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.regionCode, t.kind, t.channel] })],
);

/** 统计报表: a monthly or annual report of one jurisdiction, generated by a job as xlsx and PDF. */
export const statisticsReports = pgTable(
  "statistics_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["monthly", "annual"] }).notNull(),
    /** "2026-11" for a month, "2026" for a year. */
    period: text("period").notNull(),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    /** The figures the files show, so the console lists them without opening a file. */
    figures: jsonb("figures").$type<Record<string, unknown>>().notNull(),
    xlsxFileId: uuid("xlsx_file_id")
      .notNull()
      .references(() => files.id),
    pdfFileId: uuid("pdf_file_id")
      .notNull()
      .references(() => files.id),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull(),
    generatedBy: uuid("generated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("statistics_reports_kind_period_region_idx").on(t.kind, t.period, t.regionCode)],
);

/** 开放数据: the LIVES zip of one region, rebuilt nightly. */
export const openDataFeeds = pgTable("open_data_feeds", {
  regionCode: varchar("region_code", { length: 6 })
    .primaryKey()
    .references(() => regions.code),
  fileId: uuid("file_id")
    .notNull()
    .references(() => files.id),
  /** Rows per file: { businesses, inspections, violations }. */
  counts: jsonb("counts").$type<Record<string, number>>().notNull(),
  builtAt: timestamp("built_at", { withTimezone: true }).notNull(),
});

// — step 10: online patrols and smart-kitchen events (互联网+明厨亮灶) —

/** A kitchen snapshot (JPEG, EXIF stripped) kept in the snapshot store until `expiresAt`, then deleted by a job. */
export const kitchenSnapshots = pgTable(
  "kitchen_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    feedId: uuid("feed_id").references(() => kitchenFeeds.id),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    /** SHA-256 (hex) of the stored, EXIF-stripped bytes. */
    sha256: varchar("sha256", { length: 64 }).notNull(),
    bytes: integer("bytes").notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("kitchen_snapshots_store_taken_idx").on(t.storeId, t.takenAt),
    index("kitchen_snapshots_expires_idx").on(t.expiresAt),
  ],
);

export const KITCHEN_EVENT_TYPES = [
  "no_hat",
  "no_mask",
  "no_uniform",
  "smoking",
  "phone_use",
  "rodent",
  "temperature_out_of_range",
  "other",
] as const;

/** An AI camera or IoT sensor of a store's kitchen; it authenticates with a device key (only its hash is kept). */
export const kitchenDevices = pgTable(
  "kitchen_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    kind: text("kind", { enum: ["ai_camera", "iot_sensor"] }).notNull(),
    name: text("name").notNull(),
    keyHash: varchar("key_hash", { length: 64 }).notNull().unique(),
    status: text("status", { enum: ["active", "revoked"] }).notNull(),
    registeredBy: uuid("registered_by").references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
  },
  (t) => [index("kitchen_devices_store_idx").on(t.storeId)],
);

/** 智慧监管 event from a device; one row per (device, event id), so a replayed event changes nothing. */
export const kitchenEvents = pgTable(
  "kitchen_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => kitchenDevices.id),
    /** The device's own id for the event (idempotency key). */
    eventId: text("event_id").notNull(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    type: text("type", { enum: KITCHEN_EVENT_TYPES }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    confidence: doublePrecision("confidence"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    snapshotId: uuid("snapshot_id").references(() => kitchenSnapshots.id, { onDelete: "set null" }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** The business's response in the portal (说明/整改情况). */
    response: text("response"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    respondedBy: uuid("responded_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("kitchen_events_device_event_idx").on(t.deviceId, t.eventId),
    index("kitchen_events_store_at_idx").on(t.storeId, t.at),
    index("kitchen_events_at_idx").on(t.at),
  ],
);

// — step 11: recalls and misuse detection —

/** 召回: a batch recalled (failed sampling, or the producer's own decision) until an officer closes the recall. */
export const recalls = pgTable(
  "recalls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => productionBatches.id),
    /** The producing store. */
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id),
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    reason: text("reason").notNull(),
    samplingResultId: uuid("sampling_result_id").references(() => samplingResults.id),
    status: text("status", { enum: ["open", "closed"] }).notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id),
    closingNote: text("closing_note"),
  },
  (t) => [
    uniqueIndex("recalls_open_batch_idx")
      .on(t.batchId)
      .where(sql`status = 'open'`),
    index("recalls_region_status_idx").on(t.regionCode, t.status),
  ],
);

/** A delivery platform's shop as its partner last reported it in a batch verification. */
export const platformShops = pgTable(
  "platform_shops",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    apiClientId: uuid("api_client_id")
      .notNull()
      .references(() => apiClients.id),
    platformShopId: text("platform_shop_id").notNull(),
    shopName: text("shop_name").notNull(),
    shopAddress: text("shop_address").notNull(),
    licenseNumber: varchar("license_number", { length: 64 }).notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("platform_shops_client_shop_idx").on(t.apiClientId, t.platformShopId),
    index("platform_shops_license_idx").on(t.licenseNumber),
  ],
);

export const MISUSE_FLAG_KINDS = [
  "licence_not_valid",
  "name_mismatch",
  "address_mismatch",
  "licence_shared",
  "region_mismatch",
] as const;

/** A suspected licence misuse found by batch verification, for an officer to confirm or dismiss. */
export const misuseFlags = pgTable(
  "misuse_flags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    apiClientId: uuid("api_client_id")
      .notNull()
      .references(() => apiClients.id),
    platformShopRowId: uuid("platform_shop_row_id")
      .notNull()
      .references(() => platformShops.id),
    licenseNumber: varchar("license_number", { length: 64 }).notNull(),
    /** The licensed store, when the licence number is known. */
    storeId: uuid("store_id").references(() => stores.id),
    /** Whose queue: the licence's region, else the platform shop's. */
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    kind: text("kind", { enum: MISUSE_FLAG_KINDS }).notNull(),
    evidence: jsonb("evidence").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["open", "confirmed", "dismissed"] }).notNull(),
    createdAt: createdAt(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    decisionNote: text("decision_note"),
  },
  (t) => [
    uniqueIndex("misuse_flags_open_idx")
      .on(t.platformShopRowId, t.kind)
      .where(sql`status = 'open'`),
    index("misuse_flags_region_status_idx").on(t.regionCode, t.status),
  ],
);

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
  certificateUsage,
  statisticsReports,
  openDataFeeds,
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
  publicCreditScores,
  samplingResults,
  foodSafetyIncidents,
  penalties,
  creditRepairs,
  dishonestyEntries,
  bankPartners,
  referralConsents,
  gradingRuns,
  gradeHistory,
  supervisionPlans,
  planItems,
  drawCommitments,
  draws,
  inspectorConflicts,
  alerts,
  commitmentLetters,
  commitmentBreaches,
  devices,
  productionBatches,
  batchMaterials,
  rapidTests,
  traceCodes,
  storeColours,
  checklistEvaluations,
  sanctionProposals,
  kitchenFeeds,
  kitchenSnapshots,
  kitchenDevices,
  kitchenEvents,
  recalls,
  platformShops,
  misuseFlags,
  auditLog,
};
