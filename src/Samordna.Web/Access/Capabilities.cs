using Microsoft.AspNetCore.Authorization;
using Samordna.Core.Access;

namespace Samordna.Web.Access;

/// <summary>
/// The endpoint or page needs a role granting <see cref="Capability"/> in some unit. Every endpoint
/// carries exactly one of this, <see cref="AnySignedInAttribute"/> or AllowAnonymous — the access-matrix
/// test fails on an endpoint with none. Which case or person may then be touched is decided per
/// resource by <see cref="AccessPolicy"/> in the use case.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireCapabilityAttribute(Capability capability) : AuthorizeAttribute(PolicyName(capability))
{
    public Capability Capability { get; } = capability;

    public static string PolicyName(Capability capability) => $"capability:{capability}";
}

/// <summary>Open to every signed-in member of staff, whatever their role: their own session, the unit catalogue, the start page.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AnySignedInAttribute : AuthorizeAttribute;

public sealed record CapabilityRequirement(Capability Capability) : IAuthorizationRequirement;

/// <summary>Checks the requirement against the actor's current roles, read from the database for the request.</summary>
public sealed class CapabilityHandler(CurrentActor current) : AuthorizationHandler<CapabilityRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true) return;
        if (await current.Find(CancellationToken.None) is { } actor && actor.Has(requirement.Capability))
            context.Succeed(requirement);
    }
}

public static class CapabilityPolicies
{
    public static AuthorizationBuilder AddCapabilityPolicies(this AuthorizationBuilder builder)
    {
        foreach (var capability in Enum.GetValues<Capability>())
            builder.AddPolicy(RequireCapabilityAttribute.PolicyName(capability), policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new CapabilityRequirement(capability)));
        return builder;
    }

    public static TBuilder RequireCapability<TBuilder>(this TBuilder builder, Capability capability) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new RequireCapabilityAttribute(capability));

    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AnySignedInAttribute());
}
