using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Samordna.Core.Access;
using Samordna.Web.Access;

namespace Samordna.Web.Api;

/// <param name="Issuer">The provider's issuer (its <c>iss</c>); left out: the configured provider's.</param>
/// <param name="Subject">The person's <c>sub</c> at the provider.</param>
public sealed record LinkProviderAccount(string? Issuer, string? Subject);

/// <summary>
/// Which account at the municipality's identity provider a member of staff signs in with (issuer and
/// subject), for systemförvaltare: the binding that replaces matching by user name. Not for oneself.
/// </summary>
public static class ProviderAccountEndpoints
{
    public static void MapProviderAccountEndpoints(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/admin/staff/{id:guid}/provider-accounts").WithTags("Administration").RequireCapability(Capability.Administration);

        links.MapGet("/", async Task<Ok<IReadOnlyList<ProviderAccount>>> (Guid id, CurrentActor actor, ProviderSignIn signIn, CancellationToken ct) =>
                TypedResults.Ok(await signIn.Links(await actor.Get(ct), id, ct)))
            .WithSummary("The identity-provider accounts (issuer and subject) the member of staff signs in with.")
            .WithName("listProviderAccounts");

        links.MapPut("/", async Task<Ok<IReadOnlyList<ProviderAccount>>> (Guid id, LinkProviderAccount command, CurrentActor actor,
                ProviderSignIn signIn, SignInSettings settings, IOptionsMonitor<OpenIdConnectOptions> oidc, CancellationToken ct) =>
            {
                var issuer = await IssuerOrConfigured(command.Issuer, settings, oidc, ct);
                var subject = command.Subject?.Trim();
                if (string.IsNullOrEmpty(subject) || subject.Length > 255 || subject.Any(char.IsControl))
                    throw Invalid(nameof(command.Subject), "Ange kontots sub hos identitetsleverantören (högst 255 tecken).");
                return TypedResults.Ok(await signIn.Link(await actor.Get(ct), id, new ProviderAccount(issuer, subject), ct));
            })
            .WithSummary("Bind the member of staff to an account at the identity provider (replacing a binding to another subject of the " +
                         "same issuer, and ending their sessions). 409 when that account is bound to someone else; 403 for oneself.")
            .WithName("linkProviderAccount");

        links.MapDelete("/", async Task<Ok<IReadOnlyList<ProviderAccount>>> (Guid id, string? issuer, CurrentActor actor, ProviderSignIn signIn,
                SignInSettings settings, IOptionsMonitor<OpenIdConnectOptions> oidc, CancellationToken ct) =>
                TypedResults.Ok(await signIn.Unlink(await actor.Get(ct), id, await IssuerOrConfigured(issuer, settings, oidc, ct), ct)))
            .WithSummary("Remove the member's binding to the issuer (`issuer`, or the configured provider's) and end their sessions; 404 without one.")
            .WithName("unlinkProviderAccount");
    }

    private static async Task<string> IssuerOrConfigured(string? issuer, SignInSettings settings, IOptionsMonitor<OpenIdConnectOptions> oidc,
        CancellationToken ct)
    {
        issuer = issuer?.Trim();
        if (string.IsNullOrEmpty(issuer))
        {
            if (settings.OpenIdConnect is null)
                throw Invalid("Issuer", "Ange issuer: ingen identitetsleverantör är konfigurerad.");
            return (await oidc.Get(OpenIdConnectSignIn.Scheme).ConfigurationManager!.GetConfigurationAsync(ct)).Issuer;
        }
        if (issuer.Length > 500 || !Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw Invalid("Issuer", "Ange identitetsleverantörens issuer som absolut https-adress.");
        return issuer;
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
