// A real OpenID Connect provider for the tests (the npm package oidc-provider), never for production.
//
//   node tests/oidc/provider.mjs PORT
//
// Environment: OIDC_MODULES  the node_modules folder where `make oidc` installed oidc-provider (.venv/oidc-provider/…)
//              OIDC_CLIENTS  JSON list of clients (client_id, client_secret, redirect_uris, post_logout_redirect_uris)
//              OIDC_JWKS     JSON {"keys": [private RSA JWK]}: the signing key, so a test can also sign with it
//              OIDC_AUDIENCE the audience (aud) of the JWT access tokens for the API (default: the first client_id)
// It prints "klaar <issuer>" on stdout once it listens on 127.0.0.1:PORT.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const poort = Number(process.argv[2]);
const modules = process.env.OIDC_MODULES;
const clients = JSON.parse(process.env.OIDC_CLIENTS || '[]');
const jwks = JSON.parse(process.env.OIDC_JWKS || 'null');
const audience = process.env.OIDC_AUDIENCE || clients[0]?.client_id;
if (!poort || !modules || !clients.length || !jwks) {
  console.error('gebruik: OIDC_MODULES=… OIDC_CLIENTS=[…] OIDC_JWKS={…} node provider.mjs POORT');
  process.exit(2);
}
const gevonden = createRequire(join(modules, 'x.js')).resolve('oidc-provider');
const { default: Provider } = await import(pathToFileURL(gevonden).href);

// The test users: anna (jurist), bob (communicatie), carla (both), dirk (zaakbehandelaar, as an app role in the
// `roles` claim, the way Entra ID sends app roles), eva (a group that gives no role in Sjabloonstraat).
const GEBRUIKERS = {
  anna: { wachtwoord: 'anna-wachtwoord', name: 'Anna de Jurist', groups: ['sjabloonstraat-jurist'] },
  bob: { wachtwoord: 'bob-wachtwoord', name: 'Bob van Communicatie', groups: ['sjabloonstraat-communicatie'] },
  carla: { wachtwoord: 'carla-wachtwoord', name: 'Carla Tweepet',
           groups: ['sjabloonstraat-jurist', 'sjabloonstraat-communicatie'] },
  dirk: { wachtwoord: 'dirk-wachtwoord', name: 'Dirk Zaak', groups: ['medewerkers'], roles: ['sjabloonstraat-zaakbehandelaar'] },
  eva: { wachtwoord: 'eva-wachtwoord', name: 'Eva Zonderrol', groups: ['medewerkers'] },
};

function claimsVan(id) {
  const g = GEBRUIKERS[id];
  return { sub: id, name: g.name, preferred_username: id, groups: g.groups, ...(g.roles ? { roles: g.roles } : {}) };
}

const issuer = `http://127.0.0.1:${poort}`;
const provider = new Provider(issuer, {
  clients,
  jwks,
  findAccount: async (_ctx, id) => (GEBRUIKERS[id] ? { accountId: id, claims: async () => claimsVan(id) } : undefined),
  claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups', 'roles'] },
  conformIdTokenClaims: false,            // the claims in the ID token itself, as Entra ID and Keycloak send them
  cookies: { keys: ['testprovider-cookie-sleutel'] },
  pkce: { required: () => true },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => 'urn:sjabloonstraat:api',   // the resource; its tokens carry aud = audience
      useGrantedResource: async () => true,
      getResourceServerInfo: async () => ({
        scope: 'openid profile', audience, accessTokenTTL: 600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  // Like Entra ID: the access token for the API carries the user's name and roles.
  extraTokenClaims: async (_ctx, token) => (token.accountId && GEBRUIKERS[token.accountId]
    ? (({ sub, ...rest }) => rest)(claimsVan(token.accountId)) : undefined),
  ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60 },
});
provider.proxy = false;

function html(titel, inhoud) {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${titel}</title></head>`
    + `<body><main><h1>${titel}</h1>${inhoud}</main></body></html>`;
}

function loginformulier(uid, fout = '') {
  return html('Inloggen bij de testprovider', `${fout ? `<p role="alert">${fout}</p>` : ''}
    <form method="post" action="/interaction/${uid}/login">
      <label for="gebruikersnaam">Gebruikersnaam</label> <input id="gebruikersnaam" name="gebruikersnaam" autocomplete="username">
      <label for="wachtwoord">Wachtwoord</label> <input id="wachtwoord" name="wachtwoord" type="password" autocomplete="current-password">
      <button type="submit">Inloggen</button>
    </form>`);
}

async function lees(req) {
  let body = '';
  for await (const stuk of req) body += stuk;
  return new URLSearchParams(body);
}

async function interactie(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params, session } = details;
  if (req.method === 'POST' && req.url.endsWith('/login')) {
    const velden = await lees(req);
    const id = velden.get('gebruikersnaam') || '';
    if (!GEBRUIKERS[id] || GEBRUIKERS[id].wachtwoord !== velden.get('wachtwoord')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(loginformulier(uid, 'Onbekende gebruikersnaam of verkeerd wachtwoord.'));
    }
    return provider.interactionFinished(req, res, { login: { accountId: id } }, { mergeWithLastSubmission: false });
  }
  if (prompt.name === 'login') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(loginformulier(uid));
  }
  // consent: a first-party client of the municipality, granted without asking (as an organisation's IdP does)
  const grant = details.grantId ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  const ontbreekt = prompt.details;
  if (ontbreekt.missingOIDCScope) grant.addOIDCScope(ontbreekt.missingOIDCScope.join(' '));
  if (ontbreekt.missingOIDCClaims) grant.addOIDCClaims(ontbreekt.missingOIDCClaims);
  for (const [bron, scopes] of Object.entries(ontbreekt.missingResourceScopes || {})) {
    grant.addResourceScope(bron, scopes.join(' '));
  }
  return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true });
}

const verwerk = provider.callback();
const server = createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interactie(req, res).catch((fout) => {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`interactie mislukt: ${fout.message}`);
    });
  } else {
    verwerk(req, res);
  }
});
server.listen(poort, '127.0.0.1', () => console.log(`klaar ${issuer}`));
for (const signaal of ['SIGTERM', 'SIGINT']) process.on(signaal, () => server.close(() => process.exit(0)));
