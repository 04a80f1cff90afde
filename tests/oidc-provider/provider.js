// A real, certified OpenID provider (panva/oidc-provider) for Samordna's sign-in tests, started by the
// test fixture (tests/Samordna.Web.Tests/Access/OpenIdProvider.cs) on loopback over HTTPS with a test CA.
//
//   node provider.js <settings.json>
//
// settings.json (written by the fixture):
//   { "issuer": "https://localhost:PORT", "port": PORT, "certFile": "...pem", "keyFile": "...pem",
//     "accountsFile": "...json", "clients": [ { client_id, client_secret, redirect_uris, post_logout_redirect_uris,
//       backchannel_logout_uri } ], "acrValues": ["..."] }
// accountsFile, read again on every look-up so a test can add people while the provider runs:
//   { "<login>": { "sub": "...", "acr": "...", "claims": { "preferred_username": "...", "name": "..." } } }
// backchannel logout calls and their outcome are printed, so a failing test can show them.
//
// As the standard allows, profile claims are served from userinfo only and never in the ID token
// (conformIdTokenClaims), so a relying party that does not call userinfo learns no user name. PKCE is
// required of every client, RP-initiated logout and back-channel logout are on. The login page is a
// minimal form that takes a login name (no password: the tests are about the relying party).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const accounts = () => JSON.parse(readFileSync(settings.accountsFile, 'utf8'));
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const html = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const provider = new Provider(settings.issuer, {
  clients: settings.clients.map((c) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    backchannel_logout_session_required: false,
    ...c,
  })),
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
  cookies: { keys: ['samordna-test-provider-cookie-key'] },
  pkce: { required: () => true },
  conformIdTokenClaims: true,
  acrValues: settings.acrValues ?? [],
  claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
  // The account id is the subject (sub); the login page finds it by the login name.
  async findAccount(ctx, sub) {
    const account = Object.values(accounts()).find((a) => a.sub === sub);
    if (!account) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
  },
  // A first-party client: no consent screen; the grant covers what was asked for.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const existing = await ctx.oidc.provider.Grant.find(grantId);
      if (existing) return existing;
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.requestParamScopes ? [...ctx.oidc.requestParamScopes].join(' ') : 'openid profile');
    await grant.save();
    return grant;
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  // Samordna listens on loopback in the tests, which the provider's SSRF guard refuses to call: without it here.
  fetch: (url, options) => globalThis.fetch(url, { ...options, dispatcher: undefined }),
  features: {
    devInteractions: { enabled: false },
    backchannelLogout: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // One form, no question: the test's browser submits it, as a person would press "sign out".
      async logoutSource(ctx, form) {
        ctx.body = `<!DOCTYPE html><html><head><title>Sign out</title></head><body>
          ${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
          </body></html>`;
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = '<!DOCTYPE html><html><head><title>Signed out</title></head><body><h1>Signed out</h1></body></html>';
      },
    },
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = `<!DOCTYPE html><html><head><title>Error</title></head><body><h1>op-error</h1><pre>${html(JSON.stringify(out))}</pre></body></html>`;
  },
});

const readForm = (req) => new Promise((resolve, reject) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => resolve(new URLSearchParams(body)));
  req.on('error', reject);
});

// The login interaction: GET shows the form (the "login prompt" the tests look for), POST signs in.
async function interaction(req, res) {
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html><head><title>Sign in</title></head><body>
        <h1 id="op-login-prompt">Sign in (${html(details.prompt.name)})</h1>
        <form method="post" action="/interaction/${html(details.uid)}">
          <input type="text" name="login" value="">
          <button type="submit">Sign in</button>
        </form></body></html>`);
      return;
    }
    const form = await readForm(req);
    const login = form.get('login') ?? '';
    const account = accounts()[login];
    if (!account) {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown login' }, { mergeWithLastSubmission: false });
      return;
    }
    await provider.interactionFinished(req, res,
      { login: { accountId: account.sub, acr: account.acr, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(`interaction failed: ${error.message}`);
  }
}

provider.on('backchannel.success', (client, accountId) => console.log(`backchannel logout sent to ${client.clientId} for ${accountId}`));
provider.on('backchannel.error', (client, error, accountId) => console.log(`backchannel logout to ${client.clientId} for ${accountId} failed: ${error.message} ${error.cause?.message ?? ''}`));
provider.on('server_error', (ctx, error) => console.log(`server error: ${error.stack}`));

const callback = provider.callback();
const server = createServer({ cert: readFileSync(settings.certFile), key: readFileSync(settings.keyFile) }, (req, res) => {
  if (req.url.startsWith('/interaction/')) interaction(req, res);
  else callback(req, res);
});
server.listen(settings.port, '127.0.0.1', () => console.log(`oidc-provider listening on ${settings.issuer}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
