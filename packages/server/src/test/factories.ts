import { createRandom, generateDemoBusiness, DEMO_DISTRICTS } from "@shian/domain";
import type { Database } from "../db/client.js";
import { hashPassword } from "../modules/accounts/password.js";
import { insertUser } from "../modules/accounts/repository.js";
import type { Role } from "../modules/accounts/roles.js";
import { insertBusinesses, insertStores, listStores } from "../modules/entities/repository.js";
import { businessRowWithPhone } from "../modules/entities/personal-data.js";
import type { Keyring } from "../modules/keys/secret-box.js";

/**
 * Seals the personal data factories write (a business's phone). An app built by createTestApp has its own
 * passphrase, so only code that opens a phone (the SMS adapter with a gateway) needs the app's keyring.
 */
export const TEST_KEYRING: Keyring = { passphrase: "shian test personal-data keyring" };

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;
let counter = 0;

export async function makeUser(
  db: Database,
  options: { role: Role; regionCode: string | null; username?: string; businessId?: string },
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  counter += 1;
  return insertUser(db, {
    username: options.username ?? `${options.role}-${counter}`,
    displayName: `${options.role} ${counter}`,
    role: options.role,
    regionCode: options.regionCode,
    businessId: options.businessId ?? null,
    passwordHash: await passwordHash,
  });
}

/** A business with one store in a demo district, from the deterministic demo generator. */
export async function makeStore(
  db: Database,
  regionCode: string,
  keyring: Keyring = TEST_KEYRING,
  residence?: string | null,
) {
  const district = DEMO_DISTRICTS.find((d) => d.code === regionCode);
  if (!district) throw new Error(`no demo district ${regionCode}`);
  counter += 1;
  const generated = generateDemoBusiness(createRandom(`factory-${counter}`), district, counter);
  const [business] = await insertBusinesses(db, [
    businessRowWithPhone(keyring, {
      uscc: generated.uscc,
      name: generated.name,
      legalRepresentative: generated.legalRepresentative,
      phone: generated.phone,
      regionCode,
      // — step 11: statutory fields — 住所, required to issue a licence (options.residence: null leaves it out).
      residence: residence === undefined ? generated.store.address : residence,
    }),
  ]);
  await insertStores(db, [
    {
      businessId: business!.id,
      name: generated.store.name,
      address: generated.store.address,
      regionCode,
      lat: generated.store.lat,
      lng: generated.store.lng,
      businessForm: generated.store.businessForm,
      subtype: generated.store.subtype,
      areaM2: String(generated.store.areaM2),
    },
  ]);
  const [store] = await listStores(db, { regionPrefix: null, businessId: business!.id, limit: 1 });
  return { businessId: business!.id, store: store! };
}
