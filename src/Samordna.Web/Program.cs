using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Samordna.Core;
using Samordna.Data;
using Samordna.Web.Access;
using Samordna.Web.Api;
using Samordna.Web.Health;
using Samordna.Web.Problems;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSamordnaCore();
// The deadline rules in force: the defaults per statute version with this municipality's settings.
builder.Services.AddSingleton((builder.Configuration.GetSection(Samordna.Core.Deadlines.DeadlineSettings.Section)
        .Get<Samordna.Core.Deadlines.DeadlineSettings>() ?? new()).Apply(Samordna.Core.Deadlines.DefaultDeadlineRules.Rules));
builder.Services.AddSamordnaData(builder.Configuration);

// Sign-in: local accounts through ASP.NET Core Identity and/or OpenID Connect against the municipality's
// identity provider (Samordna:SignIn, see SignInSettings; a configuration that lets nobody in stops the
// host here). Either way ends in the same application cookie, which expires when idle.
var signInSettings = SignInSettings.From(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(signInSettings);
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
builder.Services.Configure<Samordna.Core.Access.AccessSettings>(builder.Configuration.GetSection("Samordna:Access"));
builder.Services.Configure<Samordna.Core.Perpetrators.PerpetratorRouteSettings>(builder.Configuration.GetSection("Samordna:Perpetrators"));
builder.Services.Configure<Samordna.Core.OpenTalks.OpenTalkSettings>(builder.Configuration.GetSection(Samordna.Core.OpenTalks.OpenTalkSettings.Section));
builder.Services.Configure<Samordna.Core.Handovers.WaitingListSettings>(builder.Configuration.GetSection(Samordna.Core.Handovers.WaitingListSettings.Section));
// The client address in the audit log: X-Forwarded-For (and -Proto) only from the proxies named in
// Samordna:ForwardedHeaders; a malformed entry stops the host here, and without one the headers are ignored.
var forwardedHeaders = ForwardedHeadersSettings.From(builder.Configuration);
builder.Services.Configure<Samordna.Core.Staff.StaffSettings>(builder.Configuration.GetSection(Samordna.Core.Staff.StaffSettings.Section));
// Signed checkpoints of the audit log, outside the database (Samordna:Audit:Checkpoints; an unreadable key
// stops the host here in Production, none configured is a warning).
using (var startupLog = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole()))
    builder.Services.AddSingleton(Samordna.Web.Audit.AuditCheckpointService.From(builder.Configuration, builder.Environment,
        startupLog.CreateLogger<Samordna.Web.Audit.AuditCheckpointService>()));
builder.Services.AddSingleton<Samordna.Web.Audit.AuditCheckpointService>();
builder.Services.AddHostedService(services => services.GetRequiredService<Samordna.Web.Audit.AuditCheckpointService>());
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
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
    // A field of a change that the client leaves out stays as it is; an explicit null clears it.
    json.SerializerOptions.Converters.Add(new OptionalJsonConverterFactory());
});
builder.Services.AddOpenApi("v1", openApi =>
{
    openApi.CreateSchemaReferenceId = OptionalSchemaTransformer.Inline;
    openApi.AddSchemaTransformer<OptionalSchemaTransformer>();
});
builder.Services.AddRazorPages();
// Swedish text is written as is in pages (å, ä, ö), not as numeric character references.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
// The audit sequencer seals entries into their chain in batches after their requests committed (Samordna:Audit:Sequencing).
builder.Services.Configure<Samordna.Web.Audit.AuditSequencingSettings>(builder.Configuration.GetSection(Samordna.Web.Audit.AuditSequencingSettings.Section));
builder.Services.AddHostedService<Samordna.Web.Audit.AuditSequencingService>();
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseReachable>("database", tags: ["live"])
    .AddCheck<DatabaseMigrated>("migrations", tags: ["ready"])
    .AddCheck<Samordna.Web.Audit.AuditSequencingLag>("audit-sequencing", tags: ["ready"]);

var app = builder.Build();

// First, so everything after it (redirects, the cookie's Secure flag, the audit log) sees the client
// and scheme the proxy saw.
if (forwardedHeaders.TrustsAProxy) app.UseForwardedHeaders(forwardedHeaders.Options());
app.UseExceptionHandler();
app.UseStatusCodePages(ProblemResponses.ForStatusCode);
app.UseStaticFiles();
app.UseRouting();
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

app.Run();
