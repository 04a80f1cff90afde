using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Samordna.Core;
using Samordna.Data;
using Samordna.Web.Access;
using Samordna.Web.Api;
using Samordna.Web.Health;
using Samordna.Web.OpenApi;
using Samordna.Web.Problems;
using Samordna.Web.Settings;
using Samordna.Web.Security;

var builder = WebApplication.CreateBuilder(args);
// Every setting is read and checked first: an invalid one ends the host here with one line naming it (Settings/).
var settings = builder.AddSamordnaSettings();

builder.Services.AddSamordnaCore();
builder.Services.AddSamordnaData(builder.Configuration);

// Sign-in: local accounts through ASP.NET Core Identity and/or OpenID Connect against the municipality's
// identity provider (Samordna:SignIn, see SignInSettings; a configuration that lets nobody in stops the
// host at start). Either way ends in the same application cookie, which expires when idle.
var signInSettings = settings.SignIn;
builder.Services.AddSingleton(signInSettings);
// Secure cookies (plain HTTP only for the local demo), security headers, cross-site refusal and sign-in rate limits.
builder.AddWebSecurity(settings);
builder.Services.AddIdentityCore<StaffAccount>(StaffAccounts.Configure)
    .AddEntityFrameworkStores<SamordnaDbContext>()
    .AddSignInManager();
var authentication = builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme);
authentication.AddIdentityCookies();
if (signInSettings.OpenIdConnect is { } openIdConnect) authentication.AddMunicipalOpenIdConnect(openIdConnect);
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.Cookie.Name = "samordna";
    cookie.Cookie.HttpOnly = true;
    cookie.Cookie.SameSite = SameSiteMode.Strict;
    cookie.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Samordna:SignIn:IdleTimeoutMinutes", 20));
    cookie.SlidingExpiration = true;
    cookie.LoginPath = "/Account/Login";
    cookie.LogoutPath = "/Account/Logout";
    cookie.AccessDeniedPath = "/Account/Denied";
    // The API answers 401/403 problem details; only pages redirect to the sign-in form. (Only these two
    // events are replaced: Identity's security-stamp check on every request stays in place.)
    cookie.Events.OnRedirectToLogin = context => ProblemResponses.OrRedirect(context, StatusCodes.Status401Unauthorized);
    cookie.Events.OnRedirectToAccessDenied = context => ProblemResponses.OrRedirect(context, StatusCodes.Status403Forbidden);
});
// Sign-out renews the security stamp; checking it on every request makes an old cookie worthless at once.
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
// One policy layer: every endpoint and page names a capability (or AnySignedIn / AllowAnonymous);
// anything that forgets still requires a signed-in user, and the access-matrix test fails on it.
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddCapabilityPolicies();
builder.Services.AddScoped<IAuthorizationHandler, CapabilityHandler>();
// The client address in the audit log: X-Forwarded-For (and -Proto) only from the proxies named in
// Samordna:ForwardedHeaders; a malformed entry stops the host at start, and without one the headers are ignored.
var forwardedHeaders = settings.ForwardedHeaders;
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentActor>();
builder.Services.AddScoped<StaffSignIn>();
builder.Services.AddScoped<ProviderSignIn>();

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemMapping>();
// A body that cannot be read throws, so ProblemMapping can name the field instead of a bare 400.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(json =>
{
    // Strict reading: what the client sends is what it means, or a 400 naming the field. An unknown or
    // twice-sent property, an enum as a number (12345 would be stored and counted) and a number in quotes
    // are refused, not guessed at.
    json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    json.SerializerOptions.AllowDuplicateProperties = false;
    json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    json.SerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(
        json.SerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        TextJson.RefuseControlCharacters);
    // A field of a change that the client leaves out stays as it is; an explicit null clears it.
    json.SerializerOptions.Converters.Add(new OptionalJsonConverterFactory());
});
// A body limit (Samordna:Api:MaxRequestBodyBytes) on every host, enums by name in forms too.
builder.AddRequestGuards(settings.Api);
// /openapi/v1.json, described from the endpoints' metadata (src/Samordna.Web/OpenApi/).
builder.Services.AddSamordnaOpenApi(settings.OpenApiBase);
builder.Services.AddRazorPages();
// Swedish text is written as is in pages (å, ä, ö), not as numeric character references.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
// The audit sequencer seals entries into their chain in batches after their requests committed (Samordna:Audit:Sequencing).
builder.Services.AddHostedService<Samordna.Web.Audit.AuditSequencingService>();
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseReachable>("database", tags: ["live"])
    .AddCheck<DatabaseMigrated>("migrations", tags: ["ready"])
    .AddCheck<Samordna.Web.Audit.AuditSequencingLag>("audit-sequencing", tags: ["ready"]);

var app = builder.Build();

// First, so everything after it (redirects, the cookie's Secure flag, the audit log) sees the client
// and scheme the proxy saw.
if (forwardedHeaders.TrustsAProxy) app.UseForwardedHeaders(forwardedHeaders.Options());
app.UseWebSecurity();
app.UseExceptionHandler();
app.UseStatusCodePages(ProblemResponses.ForStatusCode);
app.UseRequestBodyLimit();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapSamordnaHealth();
app.MapRazorPages();
app.MapProviderBackChannelLogout();

var api = app.MapGroup("/api/v1");
api.MapSessionEndpoints();
api.MapOrganisationEndpoints();
api.MapPeopleEndpoints();
api.MapCaseEndpoints();
api.MapAuditEndpoints();
api.MapStaffEndpoints();
api.MapProviderAccountEndpoints();
api.MapStatisticsEndpoints();
api.MapTaskEndpoints();
api.MapReportOfConcernEndpoints();
api.MapPerpetratorEndpoints();
api.MapOpenTalkEndpoints();
api.MapHandoverEndpoints();

app.RunSamordna();
