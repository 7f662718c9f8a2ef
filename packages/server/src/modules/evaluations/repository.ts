import { and, asc, between, desc, eq, like, type SQL } from "drizzle-orm";
import type { ChecklistAnswer, SanctionKind } from "@shian/domain";
import type { Queryable } from "../../db/client.js";
import { checklistEvaluations, gradeHistory, regions, sanctionProposals, stores } from "../../db/schema.js";

export type EvaluationRow = typeof checklistEvaluations.$inferSelect;
export type SanctionRow = typeof sanctionProposals.$inferSelect;

/** Inserts the week's evaluation; undefined when the store already has one for that week. */
export async function insertEvaluation(db: Queryable, row: typeof checklistEvaluations.$inferInsert) {
  const [created] = await db.insert(checklistEvaluations).values(row).onConflictDoNothing().returning();
  return created;
}

export async function listEvaluations(db: Queryable, storeId: string, fromWeek: string, toWeek: string) {
  return db
    .select()
    .from(checklistEvaluations)
    .where(
      and(eq(checklistEvaluations.storeId, storeId), between(checklistEvaluations.week, fromWeek, toWeek)),
    )
    .orderBy(asc(checklistEvaluations.week));
}

export const answersOf = (row: EvaluationRow): ChecklistAnswer[] => row.results;

/** Points the store lost in the year under Xiangshan's points model: 100 − its latest score of the year. */
export async function pointsDeductedInYear(db: Queryable, storeId: string, year: number, allowance: number) {
  const [row] = await db
    .select({ score: gradeHistory.score })
    .from(gradeHistory)
    .where(
      and(
        eq(gradeHistory.storeId, storeId),
        eq(gradeHistory.model, "xiangshan-points"),
        like(gradeHistory.period, `${year}-%`),
      ),
    )
    .orderBy(desc(gradeHistory.period))
    .limit(1);
  return row ? Math.max(0, Math.round(allowance - row.score)) : 0;
}

/** Stores graded by Xiangshan's points model in the year, under a region prefix. */
export async function storesGradedInYear(db: Queryable, year: number, regionPrefix: string | null) {
  const conditions: SQL[] = [
    eq(gradeHistory.model, "xiangshan-points"),
    like(gradeHistory.period, `${year}-%`),
  ];
  if (regionPrefix) conditions.push(like(gradeHistory.regionCode, `${regionPrefix}%`));
  const rows = await db
    .selectDistinct({ storeId: gradeHistory.storeId })
    .from(gradeHistory)
    .where(and(...conditions))
    .orderBy(asc(gradeHistory.storeId));
  return rows.map((row) => row.storeId);
}

/** Inserts a proposal unless the store already has one of that kind for the year. */
export async function insertProposal(
  db: Queryable,
  row: { storeId: string; regionCode: string; kind: SanctionKind; year: number; pointsDeducted: number },
) {
  const [created] = await db
    .insert(sanctionProposals)
    .values({ ...row, status: "proposed" })
    .onConflictDoNothing()
    .returning();
  return created;
}

export async function findProposalForUpdate(db: Queryable, id: string) {
  const [row] = await db
    .select()
    .from(sanctionProposals)
    .where(eq(sanctionProposals.id, id))
    .limit(1)
    .for("update");
  return row;
}

export async function decideProposal(
  db: Queryable,
  id: string,
  decision: Pick<SanctionRow, "status" | "decidedBy" | "decidedAt" | "decisionNote">,
) {
  const [row] = await db
    .update(sanctionProposals)
    .set(decision)
    .where(eq(sanctionProposals.id, id))
    .returning();
  return row!;
}

export async function listProposals(
  db: Queryable,
  filter: { regionPrefix: string | null; status?: SanctionRow["status"] | undefined; id?: string },
) {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(sanctionProposals.regionCode, `${filter.regionPrefix}%`));
  if (filter.status) conditions.push(eq(sanctionProposals.status, filter.status));
  if (filter.id) conditions.push(eq(sanctionProposals.id, filter.id));
  return db
    .select({ proposal: sanctionProposals, storeName: stores.name })
    .from(sanctionProposals)
    .innerJoin(stores, eq(stores.id, sanctionProposals.storeId))
    .where(and(...conditions))
    .orderBy(desc(sanctionProposals.createdAt))
    .limit(200);
}

export async function regionName(db: Queryable, code: string): Promise<string | null> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code)).limit(1);
  return row?.name ?? null;
}
