// `shian keys …` and `shian verify …`: key management for operators and offline token verification.

import fs from "node:fs";
import type { Command } from "commander";
import {
  decodeTokenClaims,
  extractToken,
  verifyToken,
  type PublicJwks,
  type TokenClaims,
} from "@shian/domain";
import { resolveSigningPassphrase, type Config } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import type { SigningKeyView } from "./presenter.js";
import {
  SigningKeyError,
  ensureAuthorityKeys,
  listKeys,
  publishedJwks,
  rotateAuthorityKeys,
} from "./service.js";

type WithDatabase = (
  work: (database: DatabaseHandle, config: Config) => Promise<number | void>,
) => Promise<void>;

function keyLine(
  key: Pick<SigningKeyView, "kid" | "authority" | "algorithm" | "status" | "createdAt">,
): string {
  return [
    key.kid.padEnd(24),
    key.authority.padEnd(9),
    key.algorithm.padEnd(9),
    key.status.padEnd(8),
    key.createdAt,
  ].join(" ");
}

const KEY_HEADER = ["kid".padEnd(24), "authority", "algorithm", "status  ", "created"].join(" ");

/** Signing-key errors are operator errors: one clear line, no stack. */
async function reportKeyErrors(work: () => Promise<number | void>): Promise<number | void> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SigningKeyError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

function printClaims(claims: TokenClaims, verified: boolean): void {
  if (!verified) console.log("claims (NOT verified — do not trust them):");
  console.log(`licence:      ${claims.n} (version ${claims.v})`);
  console.log(`holder:       ${claims.h}`);
  console.log(`valid to:     ${claims.e}`);
  console.log(`issued:       ${claims.i}`);
  console.log(`status entry: ${claims.l} #${claims.x}`);
}

/** The token of the argument: a token, a `/v/…` URL, or a file holding either. */
export function readTokenArgument(argument: string): string {
  const text =
    fs.existsSync(argument) && fs.statSync(argument).isFile() ? fs.readFileSync(argument, "utf8") : argument;
  return extractToken(text);
}

export function readJwksFile(file: string): PublicJwks {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (typeof parsed !== "object" || parsed === null || !Array.isArray((parsed as { keys?: unknown }).keys))
    throw new Error(`${file} is not a JWKS (an object with a "keys" array)`);
  return parsed as PublicJwks;
}

/** Prints the verdict and returns the exit code: 0 valid, 1 invalid. */
export async function verifyAndReport(token: string, jwks: PublicJwks, now?: Date): Promise<number> {
  const verdict = await verifyToken(token, jwks, now ? { now } : {});
  if (verdict.valid && verdict.claims) {
    console.log(`valid (signed by ${verdict.kid ?? "?"}; offline check: signature and validity date)`);
    printClaims(verdict.claims, true);
    console.log("Revocation is checked online: open the /v/ link of the QR code.");
    return 0;
  }
  console.log(`invalid: ${verdict.reason ?? "malformed"}`);
  const claims = verdict.claims ?? decodeTokenClaims(token);
  if (claims) printClaims(claims, verdict.claims !== undefined);
  return 1;
}

export function registerKeyCommands(program: Command, withDatabase: WithDatabase): void {
  const keys = program
    .command("keys")
    .description("signing keys of the issuing authorities and the trust-list root");

  keys
    .command("create")
    .description("create an Ed25519 and an SM2 key for an authority that has none active")
    .requiredOption("--authority <code>", 'GB/T 2260 region code of the issuing authority, or "root"')
    .action((flags: { authority: string }) =>
      withDatabase((database, config) =>
        reportKeyErrors(async () => {
          const keyring = { passphrase: resolveSigningPassphrase(config) };
          const result = await ensureAuthorityKeys(database.db, keyring, flags.authority);
          if (result.created.length === 0) {
            console.log(`Authority ${flags.authority} already has active keys:`);
          } else {
            console.log(`Created keys for ${flags.authority}:`);
          }
          console.log(KEY_HEADER);
          for (const key of result.active) console.log(keyLine(key));
        }),
      ),
    );

  keys
    .command("rotate")
    .description("new active keys for an authority; the old ones are retired but stay published")
    .requiredOption("--authority <code>", 'GB/T 2260 region code of the issuing authority, or "root"')
    .action((flags: { authority: string }) =>
      withDatabase((database, config) =>
        reportKeyErrors(async () => {
          const keyring = { passphrase: resolveSigningPassphrase(config) };
          const result = await rotateAuthorityKeys(database.db, keyring, flags.authority);
          console.log(`Rotated the keys of ${flags.authority}.`);
          console.log(KEY_HEADER);
          for (const key of [
            ...result.retired.map((k) => ({ ...k, status: "retired" as const })),
            ...result.active,
          ])
            console.log(keyLine(key));
        }),
      ),
    );

  keys
    .command("list")
    .description("list every key: kid, authority, algorithm, status, created")
    .option("--authority <code>", "only this authority")
    .action((flags: { authority?: string }) =>
      withDatabase(async (database) => {
        const rows = await listKeys(database.db, flags.authority ? { authority: flags.authority } : {});
        if (rows.length === 0) {
          console.log("No signing keys yet: run `shian keys create --authority <code>`.");
          return;
        }
        console.log(KEY_HEADER);
        for (const key of rows) console.log(keyLine(key));
      }),
    );

  program
    .command("verify")
    .description(
      "verify a QR token offline (signature and validity date; revocation needs the online check); exits 0 valid, 1 invalid",
    )
    .argument("<token-or-file>", "a token, a /v/… URL, or a file holding either")
    .option("--jwks <file>", "JWKS to verify against (default: the keys of the local database)")
    .action(async (argument: string, flags: { jwks?: string }) => {
      let token: string;
      try {
        token = readTokenArgument(argument);
      } catch (error) {
        console.error((error as Error).message);
        process.exitCode = 1;
        return;
      }
      if (flags.jwks) {
        try {
          process.exitCode = await verifyAndReport(token, readJwksFile(flags.jwks));
        } catch (error) {
          console.error((error as Error).message);
          process.exitCode = 1;
        }
        return;
      }
      await withDatabase(async (database) => verifyAndReport(token, await publishedJwks(database.db)));
    });
}
