// `shian audit export` and `shian audit verify-export`: signed exports of the audit log (docs/operations.md).

import fs from "node:fs";
import type { Command } from "commander";
import { resolveSigningPassphrase, type Config } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { publicVerifier } from "../keys/key-material.js";
import { SigningKeyError, verifyRootSignedDocument } from "../keys/service.js";
import { verifySignedDocument } from "../keys/signer.js";
import { exportAuditPeriod, verifyAuditExport, type ExportVerdict, type SignatureCheck } from "./export.js";

type WithDatabase = (
  work: (database: DatabaseHandle, config: Config) => Promise<number | void>,
) => Promise<void>;

/** A check against one root Ed25519 public JWK (from /api/v1/trust-list/root.jwk), for use without the database. */
export function rootJwkSignatureCheck(jwkFile: string): SignatureCheck {
  const jwk = JSON.parse(fs.readFileSync(jwkFile, "utf8")) as Record<string, unknown>;
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string" || typeof jwk.kid !== "string")
    throw new Error(`${jwkFile} is not an Ed25519 public JWK with a kid`);
  const ed = publicVerifier({ kid: jwk.kid, authority: "root", algorithm: "EdDSA", publicKey: { x: jwk.x } });
  return (signed) => verifySignedDocument(signed, { ed, sm2: undefined }, "root").ed25519;
}

/** Both root signatures (Ed25519 and SM2), against the root keys of the database, active or retired. */
export function databaseSignatureCheck(database: DatabaseHandle): SignatureCheck {
  return async (signed) => {
    const verdict = await verifyRootSignedDocument(database.db, signed);
    return verdict.ed25519 && verdict.sm2;
  };
}

function report(file: string, verdict: ExportVerdict, how: string): number {
  if (!verdict.ok) {
    console.error(`${file}: NOT valid — ${verdict.reason}${verdict.line ? ` (line ${verdict.line})` : ""}.`);
    return 1;
  }
  const m = verdict.manifest;
  const seqs = m.rowCount > 0 ? `seq ${m.firstSeq}–${m.lastSeq}` : "no rows";
  console.log(
    `${file}: valid (${how}). Period ${m.period.from}..${m.period.to}, ${m.rowCount} rows (${seqs}), ` +
      `${m.complete ? "complete chain" : `jurisdiction ${m.jurisdiction} only`}; exported ${m.exportedAt} by ${m.exportedBy}.`,
  );
  if (m.rowCount > 0)
    console.log(`Chain: starts after ${m.chain.startPrevHash}, ends at ${m.chain.endHash}.`);
  return 0;
}

export function registerAuditCommands(program: Command, withDatabase: WithDatabase): void {
  const audit =
    program.commands.find((command) => command.name() === "audit") ??
    program.command("audit").description("audit log tools");

  audit
    .command("export")
    .description(
      "write a period's audit rows and a manifest signed by the root keys to a JSON Lines file (audited)",
    )
    .requiredOption("--from <day>", "first China day, YYYY-MM-DD")
    .requiredOption("--to <day>", "last China day (inclusive), YYYY-MM-DD")
    .requiredOption("--out <file>", "the file to write (must not exist)")
    .action((flags: { from: string; to: string; out: string }) =>
      withDatabase(async (database, config) => {
        if (fs.existsSync(flags.out)) {
          console.error(`${flags.out} exists: choose another --out (an export is never overwritten).`);
          return 1;
        }
        const partial = `${flags.out}.partial`;
        const fd = fs.openSync(partial, "w", 0o600);
        try {
          const { manifest } = await exportAuditPeriod({
            db: database.db,
            keyring: { passphrase: resolveSigningPassphrase(config) },
            context: SYSTEM_CONTEXT,
            from: flags.from,
            to: flags.to,
            write: (line) => {
              fs.writeSync(fd, line);
            },
          });
          fs.fsyncSync(fd);
          fs.closeSync(fd);
          fs.renameSync(partial, flags.out);
          console.log(
            `Exported ${manifest.rowCount} audit rows of ${manifest.period.from}..${manifest.period.to} to ${flags.out} ` +
              `(rows SHA-256 ${manifest.rowsSha256}).`,
          );
        } catch (error) {
          fs.closeSync(fd);
          fs.rmSync(partial, { force: true });
          if (error instanceof SigningKeyError) {
            console.error(error.message);
            return 1;
          }
          throw error;
        }
      }),
    );

  audit
    .command("verify-export")
    .description(
      "check an audit export: signature, SHA-256 of the rows, and their hash chain; exits 0 valid, 1 not valid",
    )
    .argument("<file>", "a file written by `shian audit export` or GET /api/v1/audit/export")
    .option(
      "--root-jwk <file>",
      "verify offline against this root Ed25519 public JWK (default: the root keys of the local database)",
    )
    .action(async (file: string, flags: { rootJwk?: string }) => {
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch (error) {
        console.error((error as Error).message);
        process.exitCode = 1;
        return;
      }
      if (flags.rootJwk) {
        try {
          const check = rootJwkSignatureCheck(flags.rootJwk);
          process.exitCode = report(file, await verifyAuditExport(text, check), `Ed25519, ${flags.rootJwk}`);
        } catch (error) {
          console.error((error as Error).message);
          process.exitCode = 1;
        }
        return;
      }
      await withDatabase(async (database) =>
        report(
          file,
          await verifyAuditExport(text, databaseSignatureCheck(database)),
          "Ed25519 and SM2, root keys of the database",
        ),
      );
    });
}
