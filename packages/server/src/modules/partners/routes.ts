import { chinaDate } from "@shian/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { AppError } from "../../http/errors.js";
import { allowRoles, type RoutePolicy } from "../../http/route-policy.js";
import { ProblemSchema, StrictObject, Uuid, problemResponses } from "../../http/schema-helpers.js";
import type { ApiClientActor } from "../accounts/actor.js";
import { BUSINESS_ROLES } from "../accounts/roles.js";
import { certificatePdf } from "../certificates/documents.js";
import { findLicenseVersionForCertificate } from "../certificates/repository.js";
import { LicenseNo, SignedCertificateView, presentSignedCertificate } from "../certificates/presenter.js";
import type { CertificateDeps } from "../certificates/service.js";
import { usageCounterFor } from "../certificates/usage.js";
import { PlatformShopSchema, ShopFlagSchema } from "../misuse/schema.js";
import { verifyPlatformShops } from "../misuse/verify-shops.js";
import * as partners from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema, 422: ProblemSchema };

function requireClient(request: FastifyRequest): ApiClientActor {
  if (request.actor?.kind !== "api_client") throw new AppError("unauthenticated");
  return request.actor;
}

const AuthorizationView = Type.Object({
  id: Type.String(),
  apiClientId: Type.String(),
  clientName: Type.String(),
  licenseIds: Type.Union([Type.Array(Type.String()), Type.Null()]),
  validUntil: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

export interface PartnerDeps extends CertificateDeps {
  allowPrivateWebhooks: boolean;
  // — step 11: misuse detection —
  /** MISUSE_MAX_SHOPS_PER_LICENCE: platform shops of one partner a licence may serve before it is flagged. */
  misuseMaxShopsPerLicence?: number;
}

export function partnerRoutes(db: Database, deps: PartnerDeps) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const usage = usageCounterFor(db, fastify.log);
    fastify.addHook("onClose", () => usage.close());
    const owners = allowRoles(...BUSINESS_ROLES);
    const scope = (name: "verify" | "certificates:read" | "webhooks"): RoutePolicy => ({ apiScopes: [name] });

    app.get(
      "/api/v1/partners",
      {
        config: { policy: owners },
        schema: {
          tags: ["partners"],
          description: "Third-party platforms a business can authorise.",
          response: {
            200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }),
            ...errors,
          },
        },
      },
      async () => ({ items: await partners.listPartnerClients(db) }),
    );

    app.get(
      "/api/v1/partner-authorizations",
      {
        config: { policy: owners },
        schema: {
          tags: ["partners"],
          response: { 200: Type.Object({ items: Type.Array(AuthorizationView) }), ...errors },
        },
      },
      async (request) => ({
        items: (await partners.listAuthorizations(db, requireUser(request))).map(
          ({ authorization, clientName }) => ({
            id: authorization.id,
            apiClientId: authorization.apiClientId,
            clientName,
            licenseIds: authorization.licenseIds,
            validUntil: authorization.validUntil.toISOString(),
            createdAt: authorization.createdAt.toISOString(),
            revokedAt: authorization.revokedAt?.toISOString() ?? null,
          }),
        ),
      }),
    );

    app.post(
      "/api/v1/partner-authorizations",
      {
        config: { policy: allowRoles("business_owner"), idempotent: true },
        schema: {
          tags: ["partners"],
          body: StrictObject({
            apiClientId: Uuid,
            licenseIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true })),
            validUntil: Type.String({ format: "date-time" }),
          }),
          response: { 201: Type.Object({ id: Type.String() }), ...errors },
        },
      },
      async (request, reply) => {
        const created = await partners.grantAuthorization(
          db,
          context(request),
          requireUser(request),
          request.body,
        );
        return reply.code(201).send({ id: created.id });
      },
    );

    app.post(
      "/api/v1/partner-authorizations/:id/revoke",
      {
        config: { policy: allowRoles("business_owner") },
        schema: {
          tags: ["partners"],
          params: StrictObject({ id: Uuid }),
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        await partners.revokeAuthorization(db, context(request), requireUser(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/partner/certificates/:licenseNo",
      {
        config: { policy: scope("certificates:read") },
        schema: {
          tags: ["partner API"],
          description: "The signed certificate, only while the business authorises this client (else 404).",
          params: StrictObject({ licenseNo: LicenseNo }),
          response: {
            200: Type.Composite([SignedCertificateView, Type.Object({ pdfUrl: Type.String() })]),
            ...errors,
          },
        },
      },
      async (request) => {
        const row = await partners.partnerCertificate(
          db,
          context(request),
          requireClient(request),
          request.params.licenseNo,
        );
        usage.count(row.certificate.licenseNumber, "verification", "partner");
        return {
          ...presentSignedCertificate(row, deps),
          pdfUrl: `${deps.publicBaseUrl}/api/v1/partner/certificates/${row.certificate.licenseNumber}/certificate.pdf`,
        };
      },
    );

    app.get(
      "/api/v1/partner/certificates/:licenseNo/certificate.pdf",
      {
        config: { policy: scope("certificates:read") },
        schema: {
          tags: ["partner API"],
          description: "The certificate PDF, watermarked 仅供 {partner} 使用.",
          params: StrictObject({ licenseNo: LicenseNo }),
        },
      },
      async (request, reply) => {
        const client = requireClient(request);
        const row = await partners.partnerCertificate(db, context(request), client, request.params.licenseNo);
        const version = await findLicenseVersionForCertificate(
          db,
          row.license.id,
          row.certificate.licenseVersion,
        );
        const signer = String((version?.version.content as { signer?: string }).signer ?? "");
        const pdf = await certificatePdf(deps, row.certificate, signer, {
          party: client.name,
          date: chinaDate(new Date()),
        });
        usage.count(row.certificate.licenseNumber, "download", "partner-pdf");
        return reply.type("application/pdf").header("cache-control", "private, no-store").send(pdf);
      },
    );

    app.post(
      "/api/v1/partner/verify",
      {
        config: { policy: scope("verify"), idempotent: true },
        schema: {
          tags: ["partner API"],
          description:
            "Batch check of up to 1 000 licence numbers (supplier lists), or of up to 1 000 delivery-platform " +
            "shops ({ shops: [{ licenseNo, shopName, shopAddress, platformShopId }] }) with misuse flags per shop.",
          // — step 11: misuse detection — the shop shape beside the original licenseNos shape.
          body: Type.Union([
            StrictObject({ licenseNos: Type.Array(LicenseNo, { minItems: 1, maxItems: 1000 }) }),
            StrictObject({ shops: Type.Array(PlatformShopSchema, { minItems: 1, maxItems: 1000 }) }),
          ]),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  licenseNo: Type.String(),
                  found: Type.Boolean(),
                  status: Type.Union([Type.String(), Type.Null()]),
                  holderName: Type.Union([Type.String(), Type.Null()]),
                  validTo: Type.Union([Type.String(), Type.Null()]),
                  platformShopId: Type.Optional(Type.String()),
                  flags: Type.Optional(Type.Array(ShopFlagSchema)),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const body = request.body;
        const items =
          "shops" in body
            ? await verifyPlatformShops({
                db,
                context: context(request),
                client: requireClient(request),
                shops: body.shops,
                maxShopsPerLicence: deps.misuseMaxShopsPerLicence ?? 1,
              })
            : await partners.partnerVerify(db, context(request), body.licenseNos);
        for (const item of items) if (item.found) usage.count(item.licenseNo, "verification", "batch");
        return { items };
      },
    );

    app.post(
      "/api/v1/partner/webhooks",
      {
        config: { policy: scope("webhooks"), idempotent: true },
        schema: {
          tags: ["partner API"],
          description:
            "Registers a URL for licence status changes; deliveries carry x-shian-signature: sha256=HMAC(secret, timestamp.body).",
          body: StrictObject({ url: Type.String({ format: "uri", maxLength: 500 }) }),
          response: {
            201: Type.Object({ id: Type.String(), url: Type.String(), secret: Type.String() }),
            ...errors,
          },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await partners.registerWebhook(
              db,
              deps.keyring,
              deps.allowPrivateWebhooks,
              context(request),
              requireClient(request),
              request.body.url,
            ),
          ),
    );
  };
}
