using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.People;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Api;

public abstract class PeopleApiTests(SamordnaApp app)
{
    private Task<int> PeopleStored() => app.InDatabase(db => db.Set<Person>().CountAsync());

    [Theory]
    [InlineData("811218-9875", "Kontrollsiffran stämmer inte.")]        // bad check digit
    [InlineData("19900230-1236", "Datumdelen är inte ett giltigt datum.")] // 30 February
    [InlineData("19901301-1230", "Datumdelen är inte ett giltigt datum.")] // month 13
    [InlineData("8112189", "Ange personnummer eller samordningsnummer med 10 eller 12 siffror, t.ex. ÅÅÅÅMMDD-NNNN.")]
    public async Task An_invalid_personnummer_answers_400_naming_the_field_and_stores_nothing(string number, string message)
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var before = await PeopleStored();

        var response = await client.PostAsJsonAsync("/api/v1/people",
            new { identityNumber = number, firstName = "Maria", lastName = "Andersson", gender = "woman" });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.FieldErrors("identityNumber").ShouldContain(message);
        (await PeopleStored()).ShouldBe(before);
    }

    [Fact]
    public async Task Gender_is_required()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var response = await client.PostAsJsonAsync("/api/v1/people", new { identityNumber = "811218-9876", firstName = "Johan", lastName = "Berg" });
        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("gender").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_gender_outside_the_list_is_a_field_error_not_a_crash()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var response = await client.PostAsJsonAsync("/api/v1/people", new { identityNumber = "811218-9876", firstName = "Johan", lastName = "Berg", gender = "x" });
        (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("gender").ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"gender\": 12345678901234567890}")]
    [InlineData("{\"birthDate\": \"not a date\", \"gender\": \"man\"}")]
    public async Task A_malformed_body_answers_400_problem_details(string body)
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var response = await client.PostAsync("/api/v1/people", new StringContent(body, Encoding.UTF8, "application/json"));
        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_registered_person_is_stored_with_the_canonical_number_and_can_be_read_back()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var response = await client.PostAsJsonAsync("/api/v1/people", new
        {
            identityNumber = "701063-2391", firstName = "Amira", lastName = "Hassan", gender = "woman",
            protectedIdentity = "protectedRegistration", city = "Åsby",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());

        var read = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        read.GetProperty("identityNumber").GetString().ShouldBe("197010632391");
        read.GetProperty("identityKind").GetString().ShouldBe("samordningsnummer");
        read.GetProperty("birthDate").GetString().ShouldBe("1970-10-03");
        read.GetProperty("protectedIdentity").GetString().ShouldBe("protectedRegistration");
        // Skyddad folkbokföring: where the person lives is hidden from staff without the clearance.
        read.GetProperty("contactHidden").GetBoolean().ShouldBeTrue();
        read.GetProperty("contact").GetProperty("city").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Contact_details_of_a_person_without_protection_are_shown()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var response = await client.PostAsJsonAsync("/api/v1/people", new
        {
            identityKind = "none", pseudonym = "Öppen adress", gender = "woman", streetAddress = "Storgatan 1", city = "Åsby",
        });
        var read = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        read.GetProperty("contactHidden").GetBoolean().ShouldBeFalse();
        read.GetProperty("contact").GetProperty("streetAddress").GetString().ShouldBe("Storgatan 1");
    }

    [Fact]
    public async Task The_same_number_cannot_be_registered_twice_in_one_municipality_but_can_in_another()
    {
        var person = new { identityNumber = "19121212-1212", firstName = "Tolvan", lastName = "Tolvansson", gender = "man" };
        var asby = await app.SignedIn(app.Asby.Caseworker);
        (await asby.PostAsJsonAsync("/api/v1/people", person)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await asby.PostAsJsonAsync("/api/v1/people", person with { })).ShouldBeProblem(HttpStatusCode.Conflict);

        var bergby = await app.SignedIn(app.Bergby.Caseworker);
        (await bergby.PostAsJsonAsync("/api/v1/people", person)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_anonymous_contact_needs_only_a_pseudonym_and_a_gender()
    {
        var client = await app.SignedIn(app.Asby.Therapist);
        var response = await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = "Man 42, mottagningen", gender = "man" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var read = await response.Content.ReadFromJsonAsync<JsonElement>();
        read.GetProperty("name").GetString().ShouldBe("Man 42, mottagningen");
        read.GetProperty("identityNumber").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Search_finds_by_name_and_by_number_in_any_form_within_the_own_municipality_only()
    {
        var asby = await app.SignedIn(app.Asby.Caseworker);
        (await asby.PostAsJsonAsync("/api/v1/people", new { identityNumber = "198112189876", firstName = "Sökbar", lastName = "Söderström", gender = "man" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        async Task<int> Hits(HttpClient client, string q) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/people?q={Uri.EscapeDataString(q)}")).GetProperty("items").GetArrayLength();

        (await Hits(asby, "söderström")).ShouldBe(1);
        (await Hits(asby, "811218-9876")).ShouldBe(1);
        (await Hits(asby, "19811218")).ShouldBe(1);
        (await Hits(await app.SignedIn(app.Bergby.Caseworker), "Söderström")).ShouldBe(0);
    }

    [Fact]
    public async Task Search_pages_with_a_key_and_never_repeats_a_person()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        for (var i = 0; i < 5; i++)
            (await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = $"Sida {i}", gender = "unknown" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);

        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people?q=Sida&limit=2{(next is null ? "" : "&after=" + next)}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
            next = page.GetProperty("next").GetString();
        } while (next is not null);

        seen.ShouldBe(["Sida 0", "Sida 1", "Sida 2", "Sida 3", "Sida 4"]);
    }

    [Fact]
    public async Task Another_municipality_s_person_answers_404_like_a_missing_one()
    {
        var asby = await app.SignedIn(app.Asby.Caseworker);
        var created = await asby.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = "Bara i Åsby", gender = "woman" });
        var bergby = await app.SignedIn(app.Bergby.Caseworker);

        var foreign = await (await bergby.GetAsync(created.Headers.Location)).ShouldBeProblem(HttpStatusCode.NotFound);
        var missing = await (await bergby.GetAsync($"/api/v1/people/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        foreign.GetProperty("title").GetString().ShouldBe(missing.GetProperty("title").GetString());
    }
}

public sealed class PeopleApiOnSqlite(SqliteApp app) : PeopleApiTests(app), IClassFixture<SqliteApp>;

public sealed class PeopleApiOnPostgres(PostgresApp app) : PeopleApiTests(app), IClassFixture<PostgresApp>;
