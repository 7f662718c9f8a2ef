import {
  CREDIT_MODELS,
  DEMO_DISTRICTS,
  createRandom,
  generateDemoBusiness,
  type DemoDistrict,
  type SeededRandom,
} from "@shian/domain";
import type { Database } from "../../db/client.js";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { hashPassword } from "../accounts/password.js";
import { insertUser, type UserRow } from "../accounts/repository.js";
import type { Role } from "../accounts/roles.js";
import { recordAudit } from "../audit/service.js";
import { insertBusinesses, insertStores, type StoreRow } from "../entities/repository.js";
import { businessRowWithPhone } from "../entities/personal-data.js";
import { createLicenseHooks } from "../certificates/license-hooks.js";
import { createSafetyCodes } from "../safety-code/service.js";
import type { CertificateDeps } from "../certificates/service.js";
import type { FileStore } from "../files/file-store.js";
import { DEMO_STAGES, seedDemoApplications } from "./seed-applications.js";
import { seedDemoLicenses } from "./seed-licenses.js";
import { insertVolunteer } from "../volunteers/repository.js";
import { evaluateAlerts } from "../alerts/evaluate.js";
import { runGrading } from "../credit/grading.js";
import { periodOf } from "../credit/period.js";
import { licensedStoreIds } from "./repository.js";
import { seedDemoActivity } from "./seed-activity.js";
import { seedKitchenDemo } from "../kitchen/demo.js";
// — step 10: online patrol demo —
import { seedOnlinePatrolDemo } from "../online-patrol/demo.js";

export const DEMO_PASSWORD = "shian-demo";
/** The district whose officers get the short demo names (admin aside): Guangdong rules apply there. */
export const DEMO_HOME_DISTRICT = "440106";

const DISTRICT_ROLES: Role[] = ["acceptor", "reviewer", "approver", "inspector", "leader", "volunteer"];
const ROLE_NAMES: Record<Role, string> = {
  admin: "系统管理员",
  acceptor: "受理员",
  reviewer: "审查员",
  approver: "许可签发人",
  inspector: "执法检查员",
  leader: "局领导",
  business_owner: "经营者",
  business_staff: "店员",
  volunteer: "社会监督员",
};

export interface DemoOptions {
  stores: number;
  seed: string;
  nodeEnv: string;
  fileStore: FileStore;
  certificates: CertificateDeps;
  // — step 10: kitchen snapshots (DATA_DIR/snapshots); without it the demo events carry no picture —
  snapshotStore?: FileStore;
}

export interface DemoSummary {
  users: number;
  businesses: number;
  stores: number;
  licenses: number;
  applications: number;
}

interface DemoUser {
  username: string;
  role: Role;
  regionCode: string | null;
  displayName: string;
  businessId?: string;
}

function demoUsers(homeBusinessId: string): DemoUser[] {
  const users: DemoUser[] = [
    { username: "admin", role: "admin", regionCode: null, displayName: ROLE_NAMES.admin },
  ];
  for (const district of DEMO_DISTRICTS) {
    for (const role of DISTRICT_ROLES) {
      const displayName = `${district.name}${ROLE_NAMES[role]}`;
      users.push({ username: `${role}-${district.code}`, role, regionCode: district.code, displayName });
      if (district.code === DEMO_HOME_DISTRICT) {
        // The city leader sees every district of Guangzhou; the other short names work in Tianhe.
        // The username in the name tells the two Tianhe officers of a role apart (e.g. in a 双随机 draw).
        const city = role === "leader";
        const regionCode = city ? `${district.code.slice(0, 4)}00` : district.code;
        const place = city ? district.cityName : district.name;
        users.push({
          username: role,
          role,
          regionCode,
          displayName: `${place}${ROLE_NAMES[role]}（${role}）`,
        });
      }
    }
  }
  users.push({
    username: "owner",
    role: "business_owner",
    regionCode: DEMO_HOME_DISTRICT,
    displayName: ROLE_NAMES.business_owner,
    businessId: homeBusinessId,
  });
  return users;
}

/** Branches of the demo owner's business: one new store free to apply for, then one per application stage. */
function homeBranches(home: StoreRow, random: SeededRandom, district: DemoDistrict) {
  const brand = home.name.split(/[(（]/)[0];
  return ["新店", ...DEMO_STAGES.map((_, i) => `${i + 1}号店`)].map((label, index) => {
    const generated = generateDemoBusiness(random, district, 100_000 + index).store;
    const bakery = DEMO_STAGES[index - 1] === "commitment_accepted";
    return {
      businessId: home.businessId,
      name: `${brand}（${label}）`,
      address: generated.address,
      regionCode: district.code,
      lat: generated.lat,
      lng: generated.lng,
      businessForm: "catering",
      subtype: bakery ? "bakery" : "restaurant_small",
      areaM2: String(generated.areaM2),
    };
  });
}

/**
 * Demo districts' businesses, stores, licences, one account per role per district, and applications in every
 * stage, deterministic from the seed. Refused in production: demo accounts share a known password (SECURITY.md).
 */
export async function seedDemo(db: Database, options: DemoOptions): Promise<DemoSummary> {
  if (options.nodeEnv === "production") {
    throw new Error("Refusing to create demo users with NODE_ENV=production");
  }
  const random = createRandom(options.seed);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await db.transaction(async (tx) => {
    const stores: StoreRow[] = [];
    const businesses = new Map<
      string,
      { name: string; uscc: string; legalRepresentative: string; residence?: string }
    >();
    for (const [districtIndex, district] of DEMO_DISTRICTS.entries()) {
      const count =
        Math.floor(options.stores / DEMO_DISTRICTS.length) +
        (districtIndex < options.stores % DEMO_DISTRICTS.length ? 1 : 0);
      const generated = Array.from({ length: count }, (_, index) =>
        generateDemoBusiness(random, district, index),
      );
      for (let start = 0; start < generated.length; start += 500) {
        const batch = generated.slice(start, start + 500);
        const inserted = await insertBusinesses(
          tx,
          // — step 8: personal data at rest — the owner's phone is stored sealed and masked.
          batch.map((b) =>
            businessRowWithPhone(options.certificates.keyring, {
              uscc: b.uscc,
              name: b.name,
              legalRepresentative: b.legalRepresentative,
              phone: b.phone,
              regionCode: district.code,
              // — step 11: statutory fields — a demo business is domiciled at its shop (住所 = 经营场所).
              residence: b.store.address,
            }),
          ),
        );
        const idByUscc = new Map(inserted.map((row) => [row.uscc, row.id]));
        for (const b of batch) businesses.set(idByUscc.get(b.uscc)!, { ...b, residence: b.store.address });
        stores.push(
          ...(await insertStores(
            tx,
            batch.map((b) => ({
              businessId: idByUscc.get(b.uscc)!,
              name: b.store.name,
              address: b.store.address,
              regionCode: district.code,
              lat: b.store.lat,
              lng: b.store.lng,
              businessForm: b.store.businessForm,
              subtype: b.store.subtype,
              areaM2: String(b.store.areaM2),
            })),
          )),
        );
      }
    }
    const homeDistrict = DEMO_DISTRICTS.find((d) => d.code === DEMO_HOME_DISTRICT)!;
    const home = stores.find((store) => store.regionCode === DEMO_HOME_DISTRICT);
    if (!home) throw new Error("Demo data needs at least one store in each district");
    const branches = await insertStores(tx, homeBranches(home, random, homeDistrict));
    await createSafetyCodes(
      tx,
      [...stores, ...branches].map((store) => store.id),
    );
    const regionNames = new Map(DEMO_DISTRICTS.map((d) => [d.code, d.name]));
    const licensed = await seedDemoLicenses(tx, {
      random,
      stores: [home, ...stores.filter((store) => store !== home)],
      businesses,
      regionNames,
      today: new Date(),
      share: 0.85,
      alwaysFirst: true,
      certificates: options.certificates,
    });
    const users = new Map<string, UserRow>();
    for (const user of demoUsers(home.businessId)) {
      const created = await insertUser(tx, { ...user, passwordHash });
      users.set(created.username, created);
      await recordAudit(tx, SYSTEM_CONTEXT, {
        action: "user.create",
        subjectType: "user",
        subjectId: created.id,
        regionCode: created.regionCode,
        after: { username: created.username, role: created.role, demo: true },
      });
      // Demo volunteers are already approved 社会监督员, so they can patrol straight away.
      if (created.role === "volunteer")
        await insertVolunteer(tx, { userId: created.id, status: "approved", approvedAt: new Date() });
    }
    return {
      allStores: [...stores, ...branches],
      stores: stores.length + branches.length,
      businesses: businesses.size,
      licensed,
      users,
      branches,
    };
  });
  const pick = (name: string) => seeded.users.get(name)!;
  const applications = await seedDemoApplications(
    db,
    options.fileStore,
    createLicenseHooks(options.certificates),
    {
      owner: pick("owner"),
      acceptor: pick("acceptor"),
      reviewer: pick("reviewer"),
      approver: pick("approver"),
    },
    seeded.branches.slice(1),
  );
  const summary = {
    users: seeded.users.size,
    businesses: seeded.businesses,
    stores: seeded.stores,
    licenses: seeded.licensed,
    applications,
  };
  await db.transaction((tx) =>
    recordAudit(tx, SYSTEM_CONTEXT, {
      action: "demo.seed",
      subjectType: "system",
      after: { ...summary, seed: options.seed },
    }),
  );
  // A month of history, the alerts it raises, and one grading of the current month (step 5), so that 食安码
  // colours and the console show grades at once; the schedule grades the month again once it has ended.
  const licensed = await licensedStoreIds(db);
  const supervised = seeded.allStores.filter((store) => licensed.has(store.id));
  await db.transaction((tx) =>
    seedDemoActivity(tx, {
      random,
      stores: supervised,
      now: new Date(),
      keyring: options.certificates.keyring,
    }),
  );
  // — step 10: one kitchen camera, snapshots and events for the demo owner's store —
  const kitchenStore = supervised.find((store) => store.businessId === seeded.branches[0]?.businessId);
  if (kitchenStore)
    await seedKitchenDemo(db, { storeId: kitchenStore.id, snapshotStore: options.snapshotStore });
  await evaluateAlerts(db);
  for (const model of CREDIT_MODELS) await runGrading(db, { model, period: periodOf(new Date()) });
  // — step 10: online patrol demo — a green Tianhe store's kitchen feed and snapshots (needs the grades above).
  if (options.snapshotStore)
    await seedOnlinePatrolDemo(db, {
      regionCode: DEMO_HOME_DISTRICT,
      snapshotStore: options.snapshotStore,
      now: new Date(),
    });
  return summary;
}
