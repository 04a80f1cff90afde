// A client generated from /openapi/v1.json (openapi-typescript + openapi-fetch), run against the live app by
// tests/Samordna.Web.Tests/Api/OpenApiClientTests.cs: node dist/client.js <baseUrl> <userName> <password> <caseId>.
// It signs in, lists cases, reads one, updates it with the version read, updates it again with that (now
// stale) version and gets a 409 problem, and writes a journal entry. It prints what it saw as one JSON line;
// any surprise exits non-zero. That it compiles is half the test: the error of a call must be typed as the
// document's ProblemDetails, or tsc fails.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";

type Problem = components["schemas"]["ProblemDetails"];
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

const [baseUrl, userName, password, caseId] = process.argv.slice(2);
if (!baseUrl || !userName || !password || !caseId) throw new Error("usage: client.js <baseUrl> <userName> <password> <caseId>");

// The session is a cookie (the document's `session` security scheme); Node's fetch keeps none, so this does.
const cookies = new Map<string, string>();
const session: Middleware = {
  onRequest({ request }) {
    if (cookies.size > 0) request.headers.set("cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    return request;
  },
  onResponse({ response }) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  },
};

const client = createClient<paths>({ baseUrl });
client.use(session);

function fail(step: string, status: number, body: unknown): never {
  console.error(`${step}: unexpected ${status} ${JSON.stringify(body)}`);
  process.exit(1);
}

const signIn = await client.POST("/api/v1/session", { body: { userName, password } });
if (signIn.response.status !== 204) fail("signIn", signIn.response.status, signIn.error);

const list = await client.GET("/api/v1/cases", { params: { query: { limit: 50 } } });
if (!list.data) fail("listCases", list.response.status, list.error);
const listed = list.data.items.some((item) => item.id === caseId);

const read = await client.GET("/api/v1/cases/{id}", { params: { path: { id: caseId } } });
if (!read.data) fail("getCase", read.response.status, read.error);
const versionRead = read.data.version;

const update = await client.PUT("/api/v1/cases/{id}", {
  params: { path: { id: caseId } },
  body: { version: versionRead, summary: "Uppdaterad av en genererad klient" },
});
if (!update.data) fail("updateCase", update.response.status, update.error);

const stale = await client.PUT("/api/v1/cases/{id}", {
  params: { path: { id: caseId } },
  body: { version: versionRead, summary: "Bygger på en gammal läsning" },
});
// Compile-time: every error this operation documents is a ProblemDetails.
type _StaleErrorIsProblem = Assert<Exactly<NonNullable<typeof stale.error>, Problem>>;
if (stale.data || !stale.error) fail("updateCase (stale)", stale.response.status, stale.data);
const conflict: Problem = stale.error;

const write = await client.POST("/api/v1/cases/{id}/journal", {
  params: { path: { id: caseId } },
  body: { text: "Anteckning från en genererad klient" },
});
if (!write.data) fail("writeJournalEntry", write.response.status, write.error);

console.log(JSON.stringify({
  signedIn: signIn.response.status,
  listed,
  versionRead,
  versionAfterUpdate: update.data.version,
  conflict: { httpStatus: stale.response.status, contentType: stale.response.headers.get("content-type"), status: conflict.status, title: conflict.title },
  journalEntryId: write.data.id,
  location: write.response.headers.get("location"),
}));
