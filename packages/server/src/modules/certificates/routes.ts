import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import type { SafetyColour } from "../../config.js";
import { requireUser } from "../../http/auth.js";
import { AppError } from "../../http/errors.js";
import { pickLanguage, type Language } from "../../http/language.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, StrictObject, Uuid, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import { canReadLicensingRecord } from "../licensing/policy.js";
import { loadStoreStanding } from "../open-data/store-standing.js";
import { certificateOfd, certificatePdf } from "./documents.js";
import { OFD_MEDIA_TYPE } from "./documents/certificate-ofd.js";
import { renderQrPng, renderQrSvg } from "./documents/qr.js";
import { renderDisplayPage, renderVerificationPage } from "./pages.js";
import { eLicenceIdOfCertificate, resolveLicenceKey } from "./e-licence-id.js";
import {
  LicenseNo,
  LicenseNoOrELicenceId,
  SignedCertificateView,
  presentSignedCertificate,
  presentVerification,
} from "./presenter.js";
import * as repo from "./repository.js";
import { encodeBitstring } from "./status-list.js";
import { certificateStatus, verifyTokenOnline, verifyUrl, type CertificateDeps } from "./service.js";
import { usageCounterFor } from "./usage.js";
import { verificationCache, type CachedVerification } from "./verify-cache.js";

const TokenParam = Type.String({ minLength: 10, maxLength: 1000, pattern: "^[A-Za-z0-9_.-]+$" });

export const VerificationView = Type.Object({
  licenseNo: Type.String(),
  /** 电子证照标识 (GB/T 36904-2018) of this certificate version. */
  eLicenceId: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
  holderName: Type.String(),
  usccMasked: Type.String(),
  businessForm: Type.Union([Type.String(), Type.Null()]),
  subtype: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(Type.String()),
  validFrom: Type.String(),
  validTo: Type.String(),
  issuer: Type.String(),
  storeAddress: Type.String(),
  // — step 11: statutory fields (docs/certificates.md) —
  legalRepresentative: Type.String(),
  residence: Type.Union([Type.String(), Type.Null()]),
  supervisionAgency: Type.Union([Type.String(), Type.Null()]),
  supervisionOfficer: Type.Union([Type.String(), Type.Null()]),
  complaintHotline: Type.Union([Type.String(), Type.Null()]),
  signer: Type.Union([Type.String(), Type.Null()]),
  issuedAt: Type.String(),
  /** 历史导入: an imported legacy licence shown with the fields it has. */
  legacyImport: Type.Boolean(),
  checkedAt: Type.String(),
});

/** The page's language: ?lang=en|zh-CN first, then Accept-Language. */
function pageLanguage(request: FastifyRequest): Language {
  const lang = (request.query as { lang?: string } | undefined)?.lang;
  if (lang === "en" || lang === "zh-CN") return lang;
  return pickLanguage(request.headers["accept-language"]);
}

/** Replies 304 when the client's copy is current; short public caching (verification must see changes fast). */
function withEtag(request: FastifyRequest, reply: FastifyReply, body: string, maxAge = 30): boolean {
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  reply.header("etag", etag).header("cache-control", `public, max-age=${maxAge}`);
  if (request.headers["if-none-match"] === etag) {
    reply.code(304).send();
    return true;
  }
  return false;
}

/** The verification answer of a certificate row without checkedAt, as cached (verify-cache.ts). */
function cacheableVerification(row: Parameters<typeof presentVerification>[0]): CachedVerification {
  const status = certificateStatus(row);
  const { checkedAt: _checkedAt, ...stable } = presentVerification(row, status, new Date());
  const json = JSON.stringify(stable);
  return {
    licenseNo: row.certificate.licenseNumber,
    eLicenceId: stable.eLicenceId,
    json: json.slice(0, -1),
    etag: `"${createHash("sha1").update(json).digest("base64url")}"`,
    // A valid licence turns expired at the end of its last day in China (UTC+8); other states do not turn alone.
    staleAt:
      status === "valid"
        ? Date.parse(`${row.license.validTo}T00:00:00+08:00`) + DAY_MS
        : Number.POSITIVE_INFINITY,
  };
}

const DAY_MS = 86_400_000;

/** `defaultColour` is the 食安码 colour of a store nothing else decides (DEFAULT_SAFETY_COLOUR), for the in-shop board. */
export function certificateRoutes(
  db: Database,
  readDb: Database,
  deps: CertificateDeps,
  defaultColour: SafetyColour,
) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    // Verifications and downloads counted in memory, flushed every few seconds and when the app closes.
    const usage = usageCounterFor(db, fastify.log);
    fastify.addHook("onClose", () => usage.close());

    app.get(
      "/api/v1/verify/:licenseNo",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["verification"],
          description:
            "Anyone checks a licence number or a GB/T 36904 电子证照标识 (e-licence identifier): the certificate's " +
            "content and its live status. An identifier whose check character fails is a 400 naming it.",
          params: StrictObject({ licenseNo: LicenseNoOrELicenceId }),
          response: { 200: VerificationView, 400: ProblemSchema, 404: ProblemSchema, 429: ProblemSchema },
        },
      },
      async (request, reply) => {
        const now = Date.now();
        const key = request.params.licenseNo;
        const { licenseNo, version } = resolveLicenceKey(key);
        let answer = verificationCache.get(licenseNo);
        if (!answer || answer.staleAt <= now) {
          const readAt = verificationCache.generation;
          const row = await repo.findCurrentCertificate(readDb, licenseNo);
          if (!row) throw new AppError("not_found");
          answer = cacheableVerification(row);
          verificationCache.set(licenseNo, answer, "", readAt);
        }
        if (version !== undefined && answer.eLicenceId !== key) {
          // An identifier of an earlier version (answered as superseded) or naming another issuer (not found).
          const row = await repo.findCertificateByVersion(readDb, licenseNo, version);
          if (!row || eLicenceIdOfCertificate(row.certificate) !== key) throw new AppError("not_found");
          answer = cacheableVerification(row);
        }
        usage.count(answer.licenseNo, "verification", "api");
        const raw = reply as FastifyReply;
        raw.header("etag", answer.etag).header("cache-control", "public, max-age=10");
        if (request.headers["if-none-match"] === answer.etag) return raw.code(304).send();
        // Already JSON in the schema's shape (VerificationView): sent as is, only checkedAt is new.
        return raw
          .type("application/json; charset=utf-8")
          .send(`${answer.json},"checkedAt":"${new Date(now).toISOString()}"}`);
      },
    );

    app.post(
      "/api/v1/verify/token",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["verification"],
          description: "Checks a QR token: signature, expiry and the licence's live status.",
          body: StrictObject({ token: TokenParam }),
          response: {
            200: Type.Object({
              valid: Type.Boolean(),
              reason: Type.Optional(Type.String()),
              status: Type.Union([Type.String(), Type.Null()]),
              claims: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
            }),
            400: ProblemSchema,
            429: ProblemSchema,
          },
        },
      },
      async (request) => {
        const verdict = await verifyTokenOnline(readDb, request.body.token);
        if (verdict.certificate)
          usage.count(verdict.certificate.certificate.licenseNumber, "verification", "token");
        return {
          valid: verdict.valid,
          ...(verdict.valid ? {} : { reason: verdict.reason }),
          status: verdict.status,
          claims: verdict.claims,
        };
      },
    );

    app.get(
      "/v/:token",
      {
        config: { policy: PUBLIC },
        schema: {
          hide: true,
          params: StrictObject({ token: Type.String({ maxLength: 1000 }) }),
          querystring: StrictObject({ lang: Type.Optional(Type.String({ maxLength: 10 })) }),
        },
      },
      async (request, reply) => {
        const language = pageLanguage(request);
        const verdict = await verifyTokenOnline(readDb, request.params.token);
        if (verdict.certificate)
          usage.count(verdict.certificate.certificate.licenseNumber, "verification", "page");
        const other = `/v/${encodeURIComponent(request.params.token)}?lang=${language === "en" ? "zh-CN" : "en"}`;
        reply.header("cache-control", "no-store").type("text/html; charset=utf-8");
        return renderVerificationPage(verdict, language, other, new Date());
      },
    );

    app.get(
      "/status/:listId",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["verification"],
          description:
            "W3C Bitstring Status List of revocations or suspensions (GZIP + base64url, multibase 'u').",
          params: StrictObject({ listId: Type.String({ pattern: "^(revocation|suspension)-[0-9]{1,6}$" }) }),
          response: {
            200: Type.Object({
              id: Type.String(),
              type: Type.Array(Type.String()),
              validFrom: Type.String(),
              credentialSubject: Type.Object({
                id: Type.String(),
                type: Type.String(),
                statusPurpose: Type.String(),
                encodedList: Type.String(),
              }),
            }),
            404: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const list = await repo.findStatusList(readDb, request.params.listId);
        if (!list) throw new AppError("not_found");
        const id = `${deps.publicBaseUrl}/status/${list.id}`;
        const body = {
          id,
          type: ["VerifiableCredential", "BitstringStatusListCredential"],
          validFrom: list.updatedAt.toISOString(),
          credentialSubject: {
            id: `${id}#list`,
            type: "BitstringStatusList",
            statusPurpose: list.purpose,
            encodedList: encodeBitstring(list.bits),
          },
        };
        if (withEtag(request, reply, JSON.stringify(body), 60)) return reply;
        return body;
      },
    );

    app.get(
      "/api/v1/certificates/:licenseNo/qr.png",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["certificates"],
          description: "The QR code of the current certificate, for the shop door.",
          params: StrictObject({ licenseNo: LicenseNo }),
        },
      },
      async (request, reply) => {
        const row = await repo.findCurrentCertificate(readDb, request.params.licenseNo);
        if (!row) throw new AppError("not_found");
        usage.count(row.certificate.licenseNumber, "download", "qr");
        const png = await renderQrPng(verifyUrl(deps, row.certificate.token));
        return reply.type("image/png").header("cache-control", "public, max-age=300").send(png);
      },
    );

    const readers = allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES);

    /** The current certificate of a licence the user may read (owner or officer in jurisdiction). */
    async function readableCertificate(request: FastifyRequest, licenseNo: string) {
      const row = await repo.findCurrentCertificate(db, licenseNo);
      if (!row || !canReadLicensingRecord(requireUser(request), row.license)) throw new AppError("not_found");
      return row;
    }

    /** The certificate as a file (PDF to print, OFD to archive), signed by the licence version's signer. */
    async function sendCertificateFile(
      request: FastifyRequest,
      reply: FastifyReply,
      licenseNo: string,
      format: "pdf" | "ofd",
    ) {
      const row = await readableCertificate(request, licenseNo);
      const version = await repo.findLicenseVersionForCertificate(
        db,
        row.license.id,
        row.certificate.licenseVersion,
      );
      const signer = String((version?.version.content as { signer?: string }).signer ?? "");
      const file =
        format === "pdf"
          ? await certificatePdf(deps, row.certificate, signer)
          : await certificateOfd(deps, row.certificate, signer);
      usage.count(row.certificate.licenseNumber, "download", format);
      return reply
        .type(format === "pdf" ? "application/pdf" : OFD_MEDIA_TYPE)
        .header(
          "content-disposition",
          `${format === "pdf" ? "inline" : "attachment"}; filename="${row.certificate.licenseNumber}.${format}"`,
        )
        .header("cache-control", "private, no-store")
        .send(file);
    }

    app.get(
      "/api/v1/certificates/:licenseNo",
      {
        config: { policy: readers },
        schema: {
          tags: ["certificates"],
          params: StrictObject({ licenseNo: LicenseNo }),
          response: { 200: SignedCertificateView, ...problemResponses },
        },
      },
      async (request) => {
        const row = await readableCertificate(request, request.params.licenseNo);
        usage.count(row.certificate.licenseNumber, "download", "json");
        return presentSignedCertificate(row, deps);
      },
    );

    app.get(
      "/api/v1/certificates/:licenseNo/certificate.pdf",
      {
        config: { policy: readers },
        schema: {
          tags: ["certificates"],
          description: "The printable A4 certificate.",
          params: StrictObject({ licenseNo: LicenseNo }),
        },
      },
      async (request, reply) => sendCertificateFile(request, reply, request.params.licenseNo, "pdf"),
    );

    // — step 11: OFD — the certificate in GB/T 33190 (the format GB/T 36905 names for e-licences).
    app.get(
      "/api/v1/certificates/:licenseNo/certificate.ofd",
      {
        config: { policy: readers },
        schema: {
          tags: ["certificates"],
          description:
            "The certificate as an OFD file (GB/T 33190-2016): the PDF's content, subset font and QR image embedded.",
          params: StrictObject({ licenseNo: LicenseNo }),
        },
      },
      async (request, reply) => sendCertificateFile(request, reply, request.params.licenseNo, "ofd"),
    );

    app.get(
      "/display/:storeId",
      {
        config: { policy: PUBLIC },
        schema: {
          hide: true,
          params: StrictObject({ storeId: Uuid }),
          querystring: StrictObject({
            frame: Type.Optional(Type.String({ maxLength: 5 })),
            lang: Type.Optional(Type.String({ maxLength: 10 })),
          }),
        },
      },
      async (request, reply) => {
        const row = await repo.findCurrentCertificateOfStore(readDb, request.params.storeId);
        if (!row) throw new AppError("not_found");
        // The 食安码 colour by the scan page's rule; app.ts hands the configured default to deps (step 6).
        const [svg, standing] = await Promise.all([
          renderQrSvg(verifyUrl(deps, row.certificate.token)),
          loadStoreStanding(readDb, request.params.storeId, defaultColour),
        ]);
        reply.header("cache-control", "no-store").type("text/html; charset=utf-8");
        return renderDisplayPage(
          row,
          certificateStatus(row),
          svg,
          pageLanguage(request),
          request.query.frame === "1",
          standing,
        );
      },
    );
  };
}
