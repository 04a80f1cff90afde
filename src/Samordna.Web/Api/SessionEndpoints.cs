using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core.Access;
using Samordna.Web.Access;
using Samordna.Web.Problems;
using Samordna.Web.Security;

namespace Samordna.Web.Api;

public sealed record SignInRequest(string UserName, string Password);

/// <summary>
/// Sign-in for API clients: the same cookie session as the pages. With local accounts turned off
/// (Samordna:SignIn:LocalAccounts = false) a password is refused unchecked; sign in through the pages.
/// </summary>
public static class SessionEndpoints
{
    public static void MapSessionEndpoints(this RouteGroupBuilder api)
    {
        var session = api.MapGroup("/session").WithTags("Session");

        session.MapPost("/", async (SignInRequest request, StaffSignIn signIn, HttpContext http) =>
        {
            var attempt = await signIn.SignIn(request.UserName, request.Password);
            if (attempt.SignedIn) return Results.NoContent();
            if (attempt is { Outcome: SignInOutcome.TooManyAttempts, RetryAfter: { } wait })
                await SignInRateLimits.TooManyAttempts(http, wait);
            else
                await ProblemResponses.Write(http, new Problem(StatusCodes.Status401Unauthorized, "Inloggningen misslyckades", signIn.Message(attempt.Outcome)));
            return Results.Empty;
        }).AllowAnonymous().RequireRateLimiting(SignInRateLimits.Policy)
            .WithName("signIn").Produces(StatusCodes.Status204NoContent)
            .WithSummary("Sign in with a password: 204 and the session cookie `samordna`, which later requests send. 401 alike for an " +
                         "unknown name, a wrong password and a locked account; 429 with Retry-After after too many attempts from one client or for one account name.");

        session.MapGet("/", async Task<Ok<Actor>> (CurrentActor actor, CancellationToken ct) => TypedResults.Ok(await actor.Get(ct)))
            .RequireSignedIn()
            .WithName("getSession").WithSummary("Who is signed in: the member of staff, their roles per unit and capabilities.");

        session.MapDelete("/", async (StaffSignIn signIn, HttpContext http) =>
        {
            await signIn.SignOut(http.User);
            return Results.NoContent();
        }).RequireSignedIn()
            .WithName("signOut").WithSummary("Sign out: the session ends and a copy of its cookie is worthless.").Produces(StatusCodes.Status204NoContent);
    }
}
