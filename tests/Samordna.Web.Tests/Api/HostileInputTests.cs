using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Cases;
using Samordna.Core.Handovers;
using Samordna.Core.People;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Api;

/// <summary>
/// The classes of hostile input the fuzzing found, each closed where it enters: the binder (unknown and
/// duplicate properties, enums as numbers, numbers as text, a 10 MB body), the text rule, identity
/// numbers of non-ASCII digits, date windows, and the database's unique indexes and versions under
/// concurrent requests. Every refusal is a problem response and stores nothing.
/// </summary>
public abstract class HostileInputTests(SamordnaApp app)
{
    private Task<int> PeopleStored() => app.InDatabase(db => db.Set<Person>().CountAsync());

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<Guid> RegisterAnonymous(HttpClient client, string pseudonym = "Klient")
    {
        var response = await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym, gender = "woman" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> OpenVictimCase(HttpClient client)
    {
        var person = await RegisterAnonymous(client);
        var response = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            type = "adultVictim", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = person, channel = "policeReport",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413_problem_and_stores_nothing()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var before = await PeopleStored();
        var huge = new string('a', 10 * 1024 * 1024);

        var response = await client.PostAsync("/api/v1/people", Json($$"""{"identityKind":"none","gender":"woman","pseudonym":"{{huge}}"}"""));

        await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        (await PeopleStored()).ShouldBe(before);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_answers_413_too()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"pseudonym":"{{new string('a', 2 * 1024 * 1024)}}"}""")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await (await client.SendAsync(request)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("""{"identityKind":"none","pseudonym":"P","gender":"woman","isAdmin":true}""", "isAdmin", "Okänt fält")]
    [InlineData("""{"identityKind":"none","pseudonym":"P","gender":"woman","gender":"man"}""", "gender", "flera gånger")]
    [InlineData("""{"identityKind":"none","pseudonym":"P","gender":12345}""", "gender", "woman, man, other, unknown")]
    [InlineData("""{"identityKind":"none","pseudonym":"P","gender":"woman","birthDate":"1990/01/01"}""", "birthDate", "ÅÅÅÅ-MM-DD")]
    [InlineData("""{"identityKind":"none","pseudonym":"P","gender":"woman","protectedIdentity":1}""", "protectedIdentity", "Tillåtna")]
    public async Task A_body_the_binder_refuses_answers_400_naming_the_field_with_a_hint_for_that_field(string body, string field, string hint)
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var before = await PeopleStored();

        var problem = await (await client.PostAsync("/api/v1/people", Json(body))).ShouldBeProblem(HttpStatusCode.BadRequest);

        problem.FieldErrors(field).ShouldHaveSingleItem().ShouldContain(hint);
        (await PeopleStored()).ShouldBe(before);
    }

    [Fact]
    public async Task The_hint_for_an_unreadable_value_is_not_the_gender_list_when_gender_is_not_the_field()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var problem = await (await client.PostAsync("/api/v1/cases", Json("""{"type":"adultVictim","owningUnitId":"not-an-id"}""")))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        var hint = problem.FieldErrors("owningUnitId").ShouldHaveSingleItem();
        hint.ShouldContain("uuid");
        hint.ShouldNotContain("woman");
    }

    [Fact]
    public async Task A_control_character_in_any_text_of_a_body_is_a_field_error_even_where_no_validator_looks()
    {
        // Sign-in has no validator; a NUL in the user name reached PostgreSQL, which cannot hold one (500).
        var problem = await (await app.Anonymous().PostAsync("/api/v1/session", Json("""{"userName":"ali\u0000ce","password":"x"}""")))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.FieldErrors("userName").ShouldHaveSingleItem().ShouldContain("styrtecken");
    }

    [Theory]
    [InlineData("/api/v1/people?limit=abc", "limit", "heltal")]
    [InlineData("/api/v1/people?after=not-a-uuid", "after", "uuid")]
    [InlineData("/api/v1/statistics/open-talks?from=2026-02-30", "from", "ÅÅÅÅ-MM-DD")]
    public async Task A_query_value_the_binder_cannot_read_is_a_field_error_on_that_parameter(string url, string field, string hint)
    {
        var analyst = await SignedInAs(StaffRole.Analyst);
        var client = url.Contains("statistics", StringComparison.Ordinal) ? analyst : await app.SignedIn(app.Asby.Caseworker);
        var problem = await (await client.GetAsync(url)).ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.FieldErrors(field).ShouldHaveSingleItem().ShouldContain(hint);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1")]
    public async Task A_form_enum_is_read_by_name_only(string gender)
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var before = await PeopleStored();
        var fields = new Dictionary<string, string>
        {
            ["Input.IdentityKind"] = "None", ["Input.Pseudonym"] = "Formulärkontakt", ["Input.Gender"] = gender,
        };

        var response = await client.PostForm("/People/New", "/People/New", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form is shown again with the error");
        (await response.Content.ReadAsStringAsync()).ShouldContain("kan inte tolkas");
        (await PeopleStored()).ShouldBe(before);

        fields["Input.Gender"] = "woman";
        var registered = await client.PostForm("/People/New", "/People/New", fields);
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a name in any casing is read");
        (await PeopleStored()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_number_in_quotes_is_not_a_number()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await OpenVictimCase(client);
        var problem = await (await client.PostAsync($"/api/v1/cases/{caseId}/transitions", Json("""{"transition":"startInvestigation","version":"0"}""")))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.FieldErrors("version").ShouldHaveSingleItem().ShouldContain("heltal");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("12345")]
    [InlineData("bogus")]
    public async Task A_query_string_enum_is_read_by_name_only(string scope)
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var problem = await (await client.GetAsync($"/api/v1/deadlines?scope={scope}")).ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.FieldErrors("scope").ShouldHaveSingleItem().ShouldContain("mine, units");
        (await client.GetAsync("/api/v1/deadlines?scope=Units")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\u202E\u2066\uFEFF")]
    [InlineData("Anna\u0000")]
    [InlineData("Anna\nBerg")]
    public async Task A_name_of_invisible_or_control_characters_is_refused(string name)
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var before = await PeopleStored();
        var problem = await (await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = name, gender = "woman" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.FieldErrors("pseudonym").ShouldNotBeEmpty();
        (await PeopleStored()).ShouldBe(before);
    }

    [Fact]
    public async Task Free_text_of_only_invisible_characters_is_refused_and_text_is_stored_composed_and_trimmed()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await OpenVictimCase(client);

        var refused = await (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { text = "\u2060\u200B\n" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        refused.FieldErrors("text").ShouldNotBeEmpty();

        var written = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { text = "  A\u030Asa ringde.\n" });
        written.StatusCode.ShouldBe(HttpStatusCode.Created, await written.Content.ReadAsStringAsync());
        var stored = await app.InDatabase(db => db.Set<JournalEntry>().Where(j => j.CaseId == caseId).Select(j => j.Text).ToListAsync());
        stored.ShouldContain("\u00C5sa ringde.");
    }

    [Theory]
    [InlineData("\uFF11\uFF19\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18-\uFF19\uFF18\uFF17\uFF16")] // full-width 19811218-9876
    [InlineData("\u0661\u0669\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666")] // Arabic-Indic
    public async Task An_identity_number_of_non_ascii_digits_is_a_field_error_on_people_and_staff(string number)
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var person = await (await caseworker.PostAsJsonAsync("/api/v1/people", new { identityNumber = number, firstName = "Johan", lastName = "Berg", gender = "man" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        person.FieldErrors("identityNumber").ShouldNotBeEmpty();

        var administrator = await SignedInAs(StaffRole.SystemAdministrator);
        var staff = await (await administrator.PostAsJsonAsync("/api/v1/admin/staff", new
        {
            userName = $"u{Guid.NewGuid():N}"[..20], displayName = "Ny Kollega", password = SamordnaApp.Password, identityNumber = number,
            roles = new[] { new { unitId = app.Asby.ViolenceTeam, role = "analyst" } },
        })).ShouldBeProblem(HttpStatusCode.BadRequest);
        staff.FieldErrors("identityNumber").ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"reason":null}""")]
    [InlineData("""{"reason":"\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B"}""")]
    public async Task Nodatkomst_without_a_reason_is_a_field_error(string body)
    {
        var client = await app.SignedIn(app.Asby.Therapist);
        var caseId = await OpenVictimCase(await app.SignedIn(app.Asby.Caseworker));
        var problem = await (await client.PostAsync($"/api/v1/cases/{caseId}/emergency-access", Json(body))).ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.FieldErrors("reason").ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("from=0001-01-01")]
    [InlineData("to=9999-12-31")]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    public async Task A_statistics_period_at_the_ends_of_the_calendar_is_a_field_error(string query)
    {
        var analyst = await SignedInAs(StaffRole.Analyst);
        await (await analyst.GetAsync($"/api/v1/statistics/open-talks?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await analyst.GetAsync("/api/v1/statistics/open-talks?from=2026-01-01&to=2026-12-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T00:00:00Z")]
    public async Task A_waiting_list_place_dated_outside_the_window_is_refused(string referredAt)
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await OpenVictimCase(client);
        var problem = await (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/waiting-list", new { unitId = app.Asby.TreatmentCentre, referredAt }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.FieldErrors("referredAt").ShouldNotBeEmpty();
        (await app.InDatabase(db => db.Set<WaitingListEntry>().CountAsync(e => e.CaseId == caseId))).ShouldBe(0);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_identity_number_give_one_201_and_409s()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var number = "19811218-9876";
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync("/api/v1/people", new { identityNumber = number, firstName = "Johan", lastName = "Berg", gender = "man" })));

        await ExactlyOneCreated(responses);
        (await app.InDatabase(db => db.Set<Person>().CountAsync(p => p.IdentityNumber == "198112189876" && p.OrganisationId == app.Asby.OrganisationId)))
            .ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_staff_members_with_one_user_name_give_one_201_and_409s()
    {
        var administrator = await SignedInAs(StaffRole.SystemAdministrator);
        var userName = $"samma.{Guid.NewGuid():N}"[..20];
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            administrator.PostAsJsonAsync("/api/v1/admin/staff", new
            {
                userName, displayName = "Samma Namn", password = SamordnaApp.Password,
                roles = new[] { new { unitId = app.Asby.ViolenceTeam, role = "analyst" } },
            })));

        await ExactlyOneCreated(responses);
        (await app.InDatabase(db => db.Set<StaffMember>().CountAsync(s => s.UserName == userName))).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_places_in_one_waiting_list_give_one_201_and_409s()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await OpenVictimCase(client);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync($"/api/v1/cases/{caseId}/waiting-list", new { unitId = app.Asby.TreatmentCentre })));

        await ExactlyOneCreated(responses);
        (await app.InDatabase(db => db.Set<WaitingListEntry>().CountAsync(e => e.CaseId == caseId))).ShouldBe(1);
    }

    [Fact]
    public async Task Completing_and_waiving_one_task_at_the_same_time_lets_exactly_one_through()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        for (var round = 0; round < 3; round++)
        {
            var taskId = await OpenTask(client);
            var responses = await Task.WhenAll(
                client.PostAsync($"/api/v1/tasks/{taskId}/complete", null),
                client.PostAsJsonAsync($"/api/v1/tasks/{taskId}/waive", new { reason = "Klienten har flyttat." }),
                client.PostAsync($"/api/v1/tasks/{taskId}/complete", null),
                client.PostAsJsonAsync($"/api/v1/tasks/{taskId}/waive", new { reason = "Klienten har flyttat." }));

            responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", responses.Select(r => r.StatusCode)));
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
                await refused.ShouldBeProblem(HttpStatusCode.Conflict);
            var stored = await app.InDatabase(db => db.Set<CaseTask>().SingleAsync(t => t.Id == taskId));
            stored.Status.ShouldNotBe(CaseTaskStatus.Open);
            stored.Version.ShouldBe(1);
        }
    }

    [Fact]
    public async Task A_text_longer_than_its_column_is_a_field_error_and_leaves_the_task_open()
    {
        // Found by the fuzz test: a waiver reason had no length rule, so PostgreSQL refused it with a 500 and SQLite stored it.
        var client = await app.SignedIn(app.Asby.Caseworker);
        var taskId = await OpenTask(client);
        var problem = await (await client.PostAsJsonAsync($"/api/v1/tasks/{taskId}/waive", new { reason = new string('x', CaseTask.MaxReasonLength + 1) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.FieldErrors("reason").ShouldHaveSingleItem().ShouldContain("1000");
        (await app.InDatabase(db => db.Set<CaseTask>().SingleAsync(t => t.Id == taskId))).Status.ShouldBe(CaseTaskStatus.Open);
    }

    [Fact]
    public async Task The_data_layer_refuses_any_text_longer_than_its_column_whichever_validator_forgot_it()
    {
        var problem = await Should.ThrowAsync<FluentValidation.ValidationException>(() => app.Store(
            new Samordna.Core.Organisations.Organisation(new string('Å', 5_000), "0599")));
        problem.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldStartWith("Högst ");
    }

    [Fact]
    public async Task A_task_change_with_a_stale_version_is_a_409_problem()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var taskId = await OpenTask(client);
        await (await client.PostAsync($"/api/v1/tasks/{taskId}/complete?version=7", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        var done = await client.PostAsync($"/api/v1/tasks/{taskId}/complete?version=0", null);
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64().ShouldBe(1);
    }

    private async Task<Guid> OpenTask(HttpClient client)
    {
        var caseId = await OpenVictimCase(client);
        var @case = await app.InDatabase(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == caseId));
        var task = new CaseTask(@case, TaskKind.Recontact, "Ny kontakt", required: false, DateTimeOffset.UtcNow, DateOnly.FromDateTime(DateTime.UtcNow));
        await app.Store(task);
        return task.Id;
    }

    private static async Task ExactlyOneCreated(HttpResponseMessage[] responses)
    {
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", responses.Select(r => r.StatusCode)));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.ShouldBeProblem(HttpStatusCode.Conflict);
    }

    private async Task<HttpClient> SignedInAs(StaffRole role)
    {
        var userName = $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid():N}"[..30];
        await app.AddStaff(app.Asby.OrganisationId, userName, [(app.Asby.ViolenceTeam, role)]);
        return await app.SignedIn(userName);
    }
}

public sealed class HostileInputOnSqlite(SqliteApp app) : HostileInputTests(app), IClassFixture<SqliteApp>;

public sealed class HostileInputOnPostgres(PostgresApp app) : HostileInputTests(app), IClassFixture<PostgresApp>;
