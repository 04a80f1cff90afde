using System.Net;
using System.Net.Http.Json;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Access;

/// <summary>Things that end with time: an idle session and nödåtkomst.</summary>
public sealed class TimeLimitTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task A_session_left_idle_longer_than_the_timeout_ends_and_one_in_use_does_not()
    {
        var idle = await app.SignedIn(app.Asby.Caseworker);
        var busy = await app.SignedIn(app.Asby.Caseworker);
        for (var minute = 0; minute < 30; minute += 9)
        {
            app.Time.Advance(TimeSpan.FromMinutes(9));
            (await busy.GetAsync("/api/v1/session")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {minute + 9} minutes in use");
        }
        await (await idle.GetAsync("/api/v1/session")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Emergency_access_ends_after_its_time_and_can_be_taken_again_with_a_new_reason()
    {
        var world = await AccessWorld.Create(app, "tid");
        var outsider = await world.Client(StaffRole.Caseworker, Relation.OtherUnit);
        (await outsider.PostAsJsonAsync($"/api/v1/cases/{world.OtherCase}/emergency-access", new { reason = "Barnet är akut hemlöst i kväll." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await outsider.GetAsync($"/api/v1/cases/{world.OtherCase}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Each jump in time outlasts the idle session, so the member of staff signs in again: the access itself is what is tested.
        var userName = world.UserNames[(StaffRole.Caseworker, Relation.OtherUnit)];
        app.Time.Advance(TimeSpan.FromHours(3.9));
        outsider = await app.SignedIn(userName);
        (await outsider.GetAsync($"/api/v1/cases/{world.OtherCase}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Time.Advance(TimeSpan.FromHours(0.2));
        outsider = await app.SignedIn(userName);
        await (await outsider.GetAsync($"/api/v1/cases/{world.OtherCase}")).ShouldBeProblem(HttpStatusCode.NotFound);

        (await outsider.PostAsJsonAsync($"/api/v1/cases/{world.OtherCase}/emergency-access", new { reason = "Ny akut situation på natten." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await outsider.GetAsync($"/api/v1/cases/{world.OtherCase}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Emergency_access_needs_a_reason()
    {
        var world = await AccessWorld.Create(app, "skal");
        var outsider = await world.Client(StaffRole.Caseworker, Relation.OtherUnit);
        (await (await outsider.PostAsJsonAsync($"/api/v1/cases/{world.OtherCase}/emergency-access", new { reason = "kort" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("reason").ShouldNotBeEmpty();
        await (await outsider.GetAsync($"/api/v1/cases/{world.OtherCase}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
