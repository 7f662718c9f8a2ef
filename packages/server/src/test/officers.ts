import type { FastifyInstance } from "fastify";
import type { Database } from "../db/client.js";
import { TEST_PASSWORD, makeStore, makeUser } from "./factories.js";
import type { Officers } from "./licensing-flow.js";
import { loginAs, type Session } from "./test-app.js";

/** A business with one store in the district, its owner, and the three licensing officers there, logged in. */
export async function licensingCast(app: FastifyInstance, db: Database, regionCode: string, prefix: string) {
  const { businessId, store } = await makeStore(db, regionCode);
  await makeUser(db, { role: "business_owner", regionCode, username: `${prefix}-owner`, businessId });
  for (const role of ["acceptor", "reviewer", "approver"] as const) {
    await makeUser(db, { role, regionCode, username: `${prefix}-${role}` });
  }
  const owner: Session = await loginAs(app, `${prefix}-owner`, TEST_PASSWORD);
  const officers: Officers = {
    acceptor: await loginAs(app, `${prefix}-acceptor`, TEST_PASSWORD),
    reviewer: await loginAs(app, `${prefix}-reviewer`, TEST_PASSWORD),
    approver: await loginAs(app, `${prefix}-approver`, TEST_PASSWORD),
  };
  return { businessId, store, owner, officers };
}
