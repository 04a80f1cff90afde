using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samordna.Core.Organisations;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Handovers;

/// <summary>SQLite on a clock the test moves: waiting times are measured in days.</summary>
public sealed class MovableSqliteApp : SqliteApp
{
    public MovableClock Time { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => Time;
}

/// <summary>PostgreSQL on a clock the test moves.</summary>
public sealed class MovablePostgresApp : PostgresApp
{
    public MovableClock Time { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => Time;
}

/// <summary>What the handover and waiting-list tests do through the API: open a case at the violence team, hand it over, queue it.</summary>
public sealed class HandoverWorld(SamordnaApp app, MovableClock clock)
{
    public SamordnaApp App => app;
    public MovableClock Clock => clock;

    public static object Summary(string whatHappened = "Misshandlad av sambon i oktober, polisanmält.") => new
    {
        whatHappened,
        assessments = "FREDA-farlighetsbedömning 2026-11-02: förhöjd risk.",
        risks = "Sambon har kvar nycklar till lägenheten.",
        whatTheClientHasToldAlready = "Om våldet sedan 2024, om barnen och om hoten i telefon.",
    };

    /// <summary>A new adult victim's case owned by the violence team, opened by its caseworker.</summary>
    public async Task<Guid> OpenCase(HttpClient caseworker, string pseudonym)
    {
        var person = await caseworker.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym, gender = "woman" });
        person.StatusCode.ShouldBe(HttpStatusCode.Created, await person.Content.ReadAsStringAsync());
        var personId = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var opened = await caseworker.PostAsJsonAsync("/api/v1/cases", new
        {
            type = "adultVictim", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = personId, channel = "policeReport", summary = "Polisanmälan",
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> HandOver(HttpClient caseworker, Guid caseId, Guid toUnitId, bool queue)
    {
        var response = await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/handovers", new
        {
            toUnitId, whatHappened = "Misshandlad av sambon i oktober, polisanmält.", assessments = "FREDA-farlighetsbedömning: förhöjd risk.",
            risks = "Sambon har kvar nycklar.", whatTheClientHasToldAlready = "Om våldet sedan 2024 och om barnen.", queue,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A treatment unit of its own with one therapist, so a test's queue holds only its own clients.</summary>
    public async Task<(Guid Unit, string Therapist)> ReceivingUnit(string name)
    {
        var unit = new Unit(app.Asby.OrganisationId, $"Mottagningen {name}", UnitKind.TreatmentCentre);
        await app.Store(unit);
        var therapist = await app.AddStaff(app.Asby.OrganisationId, $"behandlare.{name}.{app.Provider}".ToLowerInvariant(),
            [(unit.Id, StaffRole.Therapist)], displayName: $"Behandlare {name}");
        return (unit.Id, therapist.UserName);
    }

    /// <summary>Moves the clock; sessions have been idle that long, so the member of staff signs in again.</summary>
    public async Task<HttpClient> After(TimeSpan time, string userName)
    {
        clock.Advance(time);
        return await app.SignedIn(userName);
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
