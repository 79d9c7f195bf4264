// The open flow of an encrypted file: Rust answers `passphrase_required` naming the file in the
// error's field; the app then asks for the passphrase (PassphraseDialog) instead of showing the
// error, and any other open error is shown as before.
import { beforeEach, describe, expect, it } from "vitest";
import { setApi } from "./api";
import { createFakeApi } from "../dev/fake";
import { app } from "./state.svelte";

const refuse = (kind: string, field: string | null) => () => Promise.reject({ kind, message: `refused: ${kind}`, field });

describe("opening an encrypted file", () => {
  beforeEach(async () => {
    setApi(createFakeApi(new URLSearchParams("demo=demo")));
    await app.close();
    app.passphraseFor = null;
    app.error = null;
  });

  it("asks for the passphrase of the file Rust names, without an error banner", async () => {
    await app.open(refuse("passphrase_required", "/clients/ACME.baton"));
    expect(app.passphraseFor).toEqual({ path: "/clients/ACME.baton" });
    expect(app.error).toBeNull();
    expect(app.doc).toBeNull();
  });

  it("shows any other failure as an error and asks nothing", async () => {
    await app.open(refuse("not_a_baton_file", null));
    expect(app.passphraseFor).toBeNull();
    expect(app.error?.kind).toBe("not_a_baton_file");
  });
});
