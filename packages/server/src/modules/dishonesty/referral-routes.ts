import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { IdParams, ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES } from "../accounts/roles.js";
import * as incentives from "./incentives-service.js";
import { BANK_PARTNER_ROLES, REFERRAL_EXPORT_ROLES } from "./policy.js";
import * as referrals from "./referrals-service.js";
import type { BankPartnerRow } from "./referrals-repository.js";
import { FileReply } from "./routes.js";
import {
  BankPartnerBody,
  BankPartnerList,
  BankPartnerView,
  ConsentBody,
  ConsentParams,
  IncentiveList,
  PortalBankPartner,
  PortalBankPartnerList,
} from "./schema.js";
import type { ExportFormat } from "./table-export.js";

const errors = { ...problemResponses, 409: ProblemSchema };

const presentPartner = (partner: BankPartnerRow) => ({
  id: partner.id,
  name: partner.name,
  regionCode: partner.regionCode,
  createdAt: partner.createdAt.toISOString(),
});

const presentForBusiness = ({
  partner,
  consentedAt,
}: {
  partner: BankPartnerRow;
  consentedAt: Date | null;
}) => ({
  id: partner.id,
  name: partner.name,
  regionCode: partner.regionCode,
  consentedAt: consentedAt?.toISOString() ?? null,
});

/** Red-list incentives (守信激励), bank partners, the business's referral consents and the referral export. */
export function referralRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/portal/incentives",
      {
        config: { policy: allowRoles(...BUSINESS_ROLES) },
        schema: { tags: ["incentives"], response: { 200: IncentiveList, ...errors } },
      },
      async (request) => ({ items: await incentives.listIncentives(db, requireUser(request)) }),
    );

    app.post(
      "/api/v1/bank-partners",
      {
        config: { policy: allowRoles(...BANK_PARTNER_ROLES), idempotent: true },
        schema: { tags: ["referrals"], body: BankPartnerBody, response: { 201: BankPartnerView, ...errors } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentPartner(
              await referrals.registerBankPartner(db, context(request), requireUser(request), request.body),
            ),
          ),
    );

    app.get(
      "/api/v1/bank-partners",
      {
        config: { policy: allowRoles(...REFERRAL_EXPORT_ROLES) },
        schema: { tags: ["referrals"], response: { 200: BankPartnerList, ...errors } },
      },
      async (request) => ({
        items: (await referrals.listBankPartners(db, requireUser(request))).map(presentPartner),
      }),
    );

    app.get(
      "/api/v1/portal/bank-partners",
      {
        config: { policy: allowRoles(...BUSINESS_ROLES) },
        schema: { tags: ["referrals"], response: { 200: PortalBankPartnerList, ...errors } },
      },
      async (request) => ({
        items: (await referrals.listPartnersForBusiness(db, requireUser(request))).map(presentForBusiness),
      }),
    );

    app.post(
      "/api/v1/portal/referral-consents",
      {
        config: { policy: allowRoles("business_owner") },
        schema: {
          tags: ["referrals"],
          description:
            "The business owner consents to referrals to one bank (PIPL: separate, named, withdrawable).",
          body: ConsentBody,
          response: { 200: PortalBankPartner, ...errors },
        },
      },
      async (request) =>
        presentForBusiness(
          await referrals.giveConsent(db, context(request), requireUser(request), request.body.bankPartnerId),
        ),
    );

    app.delete(
      "/api/v1/portal/referral-consents/:bankPartnerId",
      {
        config: { policy: allowRoles("business_owner") },
        schema: {
          tags: ["referrals"],
          description: "Withdraws the consent: the bank gets nothing about the business from now on.",
          params: ConsentParams,
          response: { 200: PortalBankPartner, ...errors },
        },
      },
      async (request) =>
        presentForBusiness(
          await referrals.withdrawConsent(
            db,
            context(request),
            requireUser(request),
            request.params.bankPartnerId,
          ),
        ),
    );

    for (const format of ["xlsx", "csv"] as const satisfies ExportFormat[]) {
      app.get(
        `/api/v1/bank-partners/:id/referrals.${format}`,
        {
          config: { policy: allowRoles(...REFERRAL_EXPORT_ROLES) },
          schema: {
            tags: ["referrals"],
            description:
              "Consenting businesses whose graded stores hold their model's best grade (green / A / blue). Audited.",
            params: IdParams,
            response: { 200: FileReply, ...problemResponses },
          },
        },
        async (request, reply) => {
          const file = await referrals.exportReferrals(
            db,
            context(request),
            requireUser(request),
            request.params.id,
            format,
          );
          return reply
            .type(file.contentType)
            .header("content-disposition", `attachment; filename="${file.filename}"`)
            .header("cache-control", "private, no-store")
            .send(file.body);
        },
      );
    }
  };
}
