using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core.Access;
using Samordna.Web.Access;
using Samordna.Web.Problems;

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
            var outcome = await signIn.SignIn(request.UserName, request.Password);
            if (outcome == SignInOutcome.SignedIn) return Results.NoContent();
            await ProblemResponses.Write(http, new Problem(StatusCodes.Status401Unauthorized, "Inloggningen misslyckades", signIn.Message(outcome)));
            return Results.Empty;
        }).AllowAnonymous()
            .WithName("signIn").WithSummary("Sign in with user name and password: 204 and the session cookie `samordna`, which later requests send.").Produces(StatusCodes.Status204NoContent);

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
