import { DEMO_DISTRICTS, createRandom, generateDemoBusiness } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { hashPassword } from "../accounts/password.js";
import { insertUser } from "../accounts/repository.js";
import type { Role } from "../accounts/roles.js";
import { recordAudit } from "../audit/service.js";
import { insertBusinesses, insertStores } from "../entities/repository.js";

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
}

export interface DemoSummary {
  users: number;
  businesses: number;
  stores: number;
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
        const regionCode = role === "leader" ? `${district.code.slice(0, 4)}00` : district.code;
        users.push({ username: role, role, regionCode, displayName });
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

/**
 * Demo regions' businesses, stores and one account per role per district, deterministic from the seed.
 * Refused in production: demo accounts share a known password (SECURITY.md).
 */
export async function seedDemo(db: Database, options: DemoOptions): Promise<DemoSummary> {
  if (options.nodeEnv === "production") {
    throw new Error("Refusing to create demo users with NODE_ENV=production");
  }
  const random = createRandom(options.seed);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    let homeBusinessId: string | undefined;
    let storeCount = 0;
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
          batch.map((b) => ({
            uscc: b.uscc,
            name: b.name,
            legalRepresentative: b.legalRepresentative,
            phone: b.phone,
            regionCode: district.code,
          })),
        );
        const idByUscc = new Map(inserted.map((row) => [row.uscc, row.id]));
        await insertStores(
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
        );
        storeCount += batch.length;
        if (district.code === DEMO_HOME_DISTRICT) homeBusinessId ??= inserted[0]?.id;
      }
    }
    if (!homeBusinessId) throw new Error("Demo data needs at least one store in each district");
    const users = demoUsers(homeBusinessId);
    for (const user of users) {
      const created = await insertUser(tx, { ...user, passwordHash });
      await recordAudit(tx, SYSTEM_CONTEXT, {
        action: "user.create",
        subjectType: "user",
        subjectId: created.id,
        regionCode: created.regionCode,
        after: { username: created.username, role: created.role, demo: true },
      });
    }
    const summary = { users: users.length, businesses: storeCount, stores: storeCount };
    await recordAudit(tx, SYSTEM_CONTEXT, {
      action: "demo.seed",
      subjectType: "system",
      after: { ...summary, seed: options.seed },
    });
    return summary;
  });
}
