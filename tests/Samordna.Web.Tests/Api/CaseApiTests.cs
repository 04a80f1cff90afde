using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Api;

public abstract class CaseApiTests(SamordnaApp app)
{
    private async Task<Guid> RegisterAnonymous(HttpClient client, string pseudonym)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym, gender = "woman" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> OpenVictimCase(HttpClient client, string pseudonym = "Klient")
    {
        var person = await RegisterAnonymous(client, pseudonym);
        var response = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            type = "adultVictim", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = person, channel = "policeReport", summary = "Polisanmälan om misshandel",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_case_is_opened_with_the_subject_as_first_party()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var opened = await OpenVictimCase(client);
        opened.GetProperty("type").GetString().ShouldBe("adultVictim");
        opened.GetProperty("owningUnit").GetString().ShouldBe("Relationsvåldsteamet");
        opened.GetProperty("parties").EnumerateArray().ShouldHaveSingleItem().GetProperty("role").GetString().ShouldBe("subject");
        opened.GetProperty("version").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Opening_a_case_without_type_unit_or_person_names_every_missing_field()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var problem = await (await client.PostAsJsonAsync("/api/v1/cases", new { summary = "?" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["type", "owningUnitId", "subjectPersonId", "channel"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_case_cannot_be_opened_in_another_municipality_s_unit()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var person = await RegisterAnonymous(client, "Fel kommun");
        await (await client.PostAsJsonAsync("/api/v1/cases", new { type = "adultVictim", owningUnitId = app.Bergby.ViolenceTeam, subjectPersonId = person, channel = "application" }))
            .ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_update_with_the_version_read_succeeds_and_bumps_the_version()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var opened = await OpenVictimCase(client);
        var id = opened.GetProperty("id").GetGuid();

        var response = await client.PutAsJsonAsync($"/api/v1/cases/{id}",
            new { version = 0, summary = "Utredning inledd", responsibleStaffId = app.Asby.CaseworkerId });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var updated = await response.Content.ReadFromJsonAsync<JsonElement>();
        updated.GetProperty("version").GetInt64().ShouldBe(1);
        updated.GetProperty("summary").GetString().ShouldBe("Utredning inledd");
        updated.GetProperty("responsibleStaff").GetString().ShouldBe("Åsby Handläggare");
    }

    [Fact]
    public async Task An_update_based_on_an_old_read_answers_409_and_changes_nothing()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var id = (await OpenVictimCase(client)).GetProperty("id").GetGuid();
        (await client.PutAsJsonAsync($"/api/v1/cases/{id}", new { version = 0, summary = "Först" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await client.PutAsJsonAsync($"/api/v1/cases/{id}", new { version = 0, summary = "Sent" })).ShouldBeProblem(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("summary").GetString().ShouldBe("Först");
    }

    [Fact]
    public async Task Two_concurrent_updates_of_one_case_one_wins_the_other_gets_409_and_nothing_is_lost_silently()
    {
        var anna = await app.SignedIn(app.Asby.Caseworker);
        var bodil = await app.SignedIn(app.Asby.Caseworker);
        for (var round = 0; round < 5; round++)
        {
            var id = (await OpenVictimCase(anna, $"Samtidig {round}")).GetProperty("id").GetGuid();
            var responses = await Task.WhenAll(
                anna.PutAsJsonAsync($"/api/v1/cases/{id}", new { version = 0, summary = "Annas ändring" }),
                bodil.PutAsJsonAsync($"/api/v1/cases/{id}", new { version = 0, summary = "Bodils ändring" }));

            responses.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            await loser.ShouldBeProblem(HttpStatusCode.Conflict);
            var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();

            var stored = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
            stored.GetProperty("summary").GetString().ShouldBe(winner.GetProperty("summary").GetString());
            stored.GetProperty("version").GetInt64().ShouldBe(1);
        }
    }

    [Fact]
    public async Task A_child_added_as_party_bumps_the_version_so_an_old_read_cannot_overwrite_the_case()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var id = (await OpenVictimCase(client)).GetProperty("id").GetGuid();
        var child = await RegisterAnonymous(client, "Barn 1");

        var withChild = await client.PostAsJsonAsync($"/api/v1/cases/{id}/parties", new { personId = child, role = "child" });
        withChild.StatusCode.ShouldBe(HttpStatusCode.OK, await withChild.Content.ReadAsStringAsync());
        var read = await withChild.Content.ReadFromJsonAsync<JsonElement>();
        read.GetProperty("parties").GetArrayLength().ShouldBe(2);
        read.GetProperty("version").GetInt64().ShouldBe(1);

        await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/parties", new { personId = child, role = "relative" }))
            .ShouldBeProblem(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"/api/v1/cases/{id}", new { version = 0, summary = "Gammal läsning" }))
            .ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_journal_is_append_only_and_a_correction_points_at_the_corrected_entry()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var id = (await OpenVictimCase(client)).GetProperty("id").GetGuid();

        var first = await client.PostAsJsonAsync($"/api/v1/cases/{id}/journal", new { text = "Samtal på kontoret." });
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/cases/{id}/journal", new { text = "Rättelse: samtalet var per telefon.", corrects = firstId }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await client.DeleteAsync($"/api/v1/cases/{id}/journal")).ShouldBeProblem(HttpStatusCode.MethodNotAllowed);
        await (await client.PutAsJsonAsync($"/api/v1/cases/{id}/journal", new { text = "Skriv över" })).ShouldBeProblem(HttpStatusCode.MethodNotAllowed);

        var journal = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/journal")).EnumerateArray().ToList();
        journal.Select(e => e.GetProperty("text").GetString()).ShouldBe(["Samtal på kontoret.", "Rättelse: samtalet var per telefon."]);
        journal[1].GetProperty("correctsEntryId").GetGuid().ShouldBe(firstId);
        journal[0].GetProperty("author").GetString().ShouldBe("Åsby Handläggare");
    }

    [Fact]
    public async Task An_empty_journal_entry_is_a_field_error()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var id = (await OpenVictimCase(client)).GetProperty("id").GetGuid();
        (await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/journal", new { text = " " })).ShouldBeProblem(HttpStatusCode.BadRequest))
            .FieldErrors("text").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_cases_of_a_household_are_linked_through_a_case_group()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var group = await (await client.PostAsJsonAsync("/api/v1/case-groups", new { kind = "household", label = "Hushåll 2026-01" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var groupId = group.GetProperty("id").GetGuid();
        var victimCase = (await OpenVictimCase(client, "Våldsutsatt")).GetProperty("id").GetGuid();
        (await client.PutAsJsonAsync($"/api/v1/cases/{victimCase}", new { version = 0, caseGroupId = groupId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The treatment centre is consulted on the victim's case, which lets it open the perpetrator's case in the same group;
        // it registers the perpetrator itself (a person belongs to the unit that registered them).
        (await client.PostAsJsonAsync($"/api/v1/cases/{victimCase}/team", new { unitId = app.Asby.TreatmentCentre, reason = "consultation" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var perpetrator = await RegisterAnonymous(therapist, "Våldsutövare");
        var opened = await therapist.PostAsJsonAsync("/api/v1/cases", new
        {
            type = "perpetrator", owningUnitId = app.Asby.TreatmentCentre, subjectPersonId = perpetrator, caseGroupId = groupId, channel = "victimsCase",
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var perpetratorCase = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Each sees the group's cases they may open: the centre both, the violence team its own only.
        var read = await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{perpetratorCase}");
        read.GetProperty("group").GetProperty("caseIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([victimCase, perpetratorCase], ignoreOrder: true);
        var victimRead = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{victimCase}");
        victimRead.GetProperty("group").GetProperty("caseIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([victimCase]);
    }

    [Fact]
    public async Task Another_municipality_s_case_is_answered_as_missing_on_every_route()
    {
        var asby = await app.SignedIn(app.Asby.Caseworker);
        var id = (await OpenVictimCase(asby, "Bara Åsby")).GetProperty("id").GetGuid();
        var bergby = await app.SignedIn(app.Bergby.Caseworker);

        await (await bergby.GetAsync($"/api/v1/cases/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await bergby.GetAsync($"/api/v1/cases/{id}/journal")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await bergby.PostAsJsonAsync($"/api/v1/cases/{id}/journal", new { text = "Intrång" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await bergby.PutAsJsonAsync($"/api/v1/cases/{id}", new { version = 0, summary = "Intrång" })).ShouldBeProblem(HttpStatusCode.NotFound);
        var list = await bergby.GetFromJsonAsync<JsonElement>("/api/v1/cases?limit=100");
        list.GetProperty("items").EnumerateArray().ShouldNotContain(c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_case_list_pages_newest_first_by_unit()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add((await OpenVictimCase(client, $"Lista {i}")).GetProperty("id").GetGuid());

        var firstPage = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases?unit={app.Asby.ViolenceTeam}&limit=2");
        var items = firstPage.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        items.ShouldBe([ids[2], ids[1]]);
        var next = firstPage.GetProperty("next").GetString();
        var secondPage = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases?unit={app.Asby.ViolenceTeam}&limit=2&before={next}");
        secondPage.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid().ShouldBe(ids[0]);
    }

    /// <summary>A case of the violence team with all three changeable fields filled in: summary, responsible worker and group.</summary>
    private async Task<(Guid Id, Guid Group)> OpenFilledInCase(HttpClient client, string pseudonym)
    {
        var group = (await (await client.PostAsJsonAsync("/api/v1/case-groups", new { kind = "household", label = $"Hushåll {pseudonym}" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var person = await RegisterAnonymous(client, pseudonym);
        var response = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            type = "adultVictim", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = person, channel = "policeReport",
            summary = "Polisanmälan om misshandel", responsibleStaffId = app.Asby.CaseworkerId, caseGroupId = group,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), group);
    }

    private static async Task<JsonElement> Put(HttpClient client, Guid id, object body)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/cases/{id}", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task An_update_changes_only_the_fields_it_names()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var (id, group) = await OpenFilledInCase(client, "Delvis ändrad");

        var summaryOnly = await Put(client, id, new { version = 0, summary = "Utredning inledd" });
        summaryOnly.GetProperty("summary").GetString().ShouldBe("Utredning inledd");
        summaryOnly.GetProperty("responsibleStaffId").GetGuid().ShouldBe(app.Asby.CaseworkerId);
        summaryOnly.GetProperty("group").GetProperty("id").GetGuid().ShouldBe(group);

        var versionOnly = await Put(client, id, new { version = summaryOnly.GetProperty("version").GetInt64() });
        versionOnly.GetProperty("summary").GetString().ShouldBe("Utredning inledd");
        versionOnly.GetProperty("responsibleStaffId").GetGuid().ShouldBe(app.Asby.CaseworkerId);
        versionOnly.GetProperty("group").GetProperty("id").GetGuid().ShouldBe(group);

        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        stored.GetProperty("summary").GetString().ShouldBe("Utredning inledd");
        stored.GetProperty("responsibleStaff").GetString().ShouldBe("Åsby Handläggare");
        stored.GetProperty("group").GetProperty("id").GetGuid().ShouldBe(group);
    }

    [Fact]
    public async Task An_explicit_null_clears_the_field_and_only_that_field()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var (id, group) = await OpenFilledInCase(client, "Rensad");

        var withoutWorker = await Put(client, id, new { version = 0, responsibleStaffId = (Guid?)null });
        withoutWorker.GetProperty("responsibleStaffId").ValueKind.ShouldBe(JsonValueKind.Null);
        withoutWorker.GetProperty("group").GetProperty("id").GetGuid().ShouldBe(group);
        withoutWorker.GetProperty("summary").GetString().ShouldBe("Polisanmälan om misshandel");

        var cleared = await Put(client, id, new { version = withoutWorker.GetProperty("version").GetInt64(), summary = (string?)null, caseGroupId = (Guid?)null });
        cleared.GetProperty("summary").ValueKind.ShouldBe(JsonValueKind.Null);
        cleared.GetProperty("group").ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.InDatabase(db => db.Set<Case>().Where(c => c.Id == id).Select(c => new { c.Summary, c.ResponsibleStaffId, c.CaseGroupId })
            .SingleAsync())).ShouldBe(new { Summary = (string?)null, ResponsibleStaffId = (Guid?)null, CaseGroupId = (Guid?)null });
    }

    [Fact]
    public async Task A_malformed_field_of_an_update_is_named_and_nothing_changes()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var (id, _) = await OpenFilledInCase(client, "Felstavad");

        (await (await client.PutAsJsonAsync($"/api/v1/cases/{id}", new { version = 0, summary = "Ny", responsibleStaffId = "inte-ett-id" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("responsibleStaffId").ShouldNotBeEmpty();
        (await (await client.PutAsJsonAsync($"/api/v1/cases/{id}", new { version = 0, summary = new string('x', 2_001) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("summary").ShouldNotBeEmpty();
        (await (await client.PutAsJsonAsync($"/api/v1/cases/{id}", new { summary = "Utan version" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("version").ShouldNotBeEmpty();

        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        stored.GetProperty("summary").GetString().ShouldBe("Polisanmälan om misshandel");
        stored.GetProperty("version").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_fields_of_an_update_as_plain_values_that_may_be_left_out()
    {
        var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("UpdateCase");

        schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["version"]);
        var properties = schema.GetProperty("properties");
        foreach (var (field, format) in new[] { ("summary", (string?)null), ("responsibleStaffId", "uuid"), ("caseGroupId", "uuid") })
        {
            var property = properties.GetProperty(field);
            property.TryGetProperty("$ref", out _).ShouldBeFalse(field);
            property.TryGetProperty("properties", out _).ShouldBeFalse(field);
            property.GetProperty("type").EnumerateArray().Select(t => t.GetString()).ShouldBe(["null", "string"], ignoreOrder: true, field);
            (property.TryGetProperty("format", out var f) ? f.GetString() : null).ShouldBe(format, field);
        }
        document.GetProperty("components").GetProperty("schemas").EnumerateObject().ShouldNotContain(s => s.Name.StartsWith("Optional"));
    }
}

public sealed class CaseApiOnSqlite(SqliteApp app) : CaseApiTests(app), IClassFixture<SqliteApp>;

public sealed class CaseApiOnPostgres(PostgresApp app) : CaseApiTests(app), IClassFixture<PostgresApp>;
