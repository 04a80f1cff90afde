using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Api;

/// <summary>
/// /openapi/v1.json as integrators' generators and validators read it, held against what the API really answers.
/// </summary>
public abstract class OpenApiDocumentTests(SamordnaApp app)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonElement> Document() => JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => Methods.Contains(o.Name)).Select(o => (o.Name.ToUpperInvariant(), path.Name, o.Value)));

    private static JsonElement Schema(JsonElement document, string name) => document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;

    [Fact]
    public async Task The_document_passes_Redocly_s_recommended_rules_without_errors_or_warnings()
    {
        var file = Path.Combine(Path.GetTempPath(), $"samordna-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        try
        {
            var lint = await OpenApiTools.Exclusively(() =>
                OpenApiTools.Tool("redocly", ["lint", file, "--config", "redocly.yaml", "--format=json"], TimeSpan.FromMinutes(1)));
            var totals = JsonDocument.Parse(lint.StandardOutput).RootElement.GetProperty("totals");
            totals.GetProperty("errors").GetInt32().ShouldBe(0, lint.Output);
            totals.GetProperty("warnings").GetInt32().ShouldBe(0, lint.Output);
            lint.ExitCode.ShouldBe(0, lint.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_a_unique_camelCase_operationId_of_its_own()
    {
        var operations = Operations(await Document()).ToList();
        operations.Count.ShouldBeGreaterThan(50);
        foreach (var (method, path, operation) in operations)
        {
            Text(operation, "summary").ShouldNotBeNullOrWhiteSpace($"{method} {path}");
            var id = Text(operation, "operationId");
            id.ShouldNotBeNull($"{method} {path}");
            id.ShouldMatch("^[a-z][a-zA-Z]+$", $"{method} {path}");
        }
        operations.Select(o => Text(o.Operation, "operationId")).ShouldBeUnique();
        // Named by the endpoint (.WithName), not by the transformer's fallback from method and route, so renaming a route renames no client method.
        var unnamed = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true && e.Metadata.GetMetadata<IEndpointNameMetadata>() is null)
            .Select(e => e.DisplayName);
        unnamed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_error_is_documented_as_a_problem_details_response_derived_from_what_the_operation_is()
    {
        var document = await Document();
        foreach (var (method, path, operation) in Operations(document))
        {
            var name = $"{method} {path}";
            var responses = operation.GetProperty("responses");
            var statuses = responses.EnumerateObject().Select(r => r.Name).ToList();
            foreach (var error in responses.EnumerateObject().Where(r => r.Name.StartsWith('4')))
                error.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()
                    .ShouldBe("#/components/schemas/ProblemDetails", $"{name} {error.Name}");

            var anonymous = operation.GetProperty("security").GetArrayLength() == 0;
            if (!anonymous) statuses.ShouldContain("401", name);
            if (path.Contains('{')) statuses.ShouldContain("404", name);
            if (operation.TryGetProperty("requestBody", out _))
                foreach (var status in new[] { "400", "413", "415" }) statuses.ShouldContain(status, name);
            if (!anonymous && method is "POST" or "PUT" && !path.EndsWith("/session")) statuses.ShouldContain("409", name);
        }
        var signIn = document.GetProperty("paths").GetProperty("/api/v1/session").GetProperty("post").GetProperty("responses");
        signIn.EnumerateObject().Select(r => r.Name).ShouldBe(["204", "400", "401", "413", "415", "429"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_problem_details_schema_describes_a_real_problem_response()
    {
        var schema = Schema(await Document(), "ProblemDetails");
        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        var client = await app.SignedIn(app.Asby.Caseworker);

        var invalid = await (await client.PostAsJsonAsync("/api/v1/cases", new { summary = "?" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        var missing = await (await client.GetAsync($"/api/v1/cases/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        foreach (var problem in new[] { invalid, missing })
        {
            problem.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(properties);
            foreach (var required in schema.GetProperty("required").EnumerateArray()) problem.TryGetProperty(required.GetString()!, out _).ShouldBeTrue();
        }
        invalid.GetProperty("errors").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task Operations_that_need_a_session_name_the_cookie_scheme_and_really_answer_401_without_one()
    {
        var document = await Document();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("session");
        (Text(scheme, "type"), Text(scheme, "in"), Text(scheme, "name")).ShouldBe(("apiKey", "cookie", "samordna"));

        var anonymous = app.Anonymous();
        var notSignedIn = await (await anonymous.GetAsync("/api/v1/session")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        foreach (var (method, path, operation) in Operations(document))
        {
            var security = operation.GetProperty("security");
            var request = new HttpRequestMessage(new HttpMethod(method), Regex.Replace(path, "{[^}]+}", Guid.NewGuid().ToString()));
            if (method is not "GET" and not "DELETE") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            var response = await anonymous.SendAsync(request);
            var status = response.StatusCode;
            if (security.GetArrayLength() == 0)
            {
                // Reached without a session: its own answer (sign-in refuses "{}"), not the one for a missing session.
                (await response.Content.ReadAsStringAsync()).ShouldNotContain(Text(notSignedIn, "detail")!, customMessage: $"{method} {path} is documented as anonymous");
                continue;
            }
            security.EnumerateArray().Single().EnumerateObject().Single().Name.ShouldBe("session");
            status.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {path} is documented as needing a session");
        }
        Operations(document).Where(o => o.Operation.GetProperty("security").GetArrayLength() == 0).Select(o => $"{o.Method} {o.Path}")
            .ShouldBe(["POST /api/v1/session"]);
    }

    [Fact]
    public async Task Sign_in_and_sign_out_answer_the_204_they_are_documented_with()
    {
        var paths = (await Document()).GetProperty("paths").GetProperty("/api/v1/session");
        paths.GetProperty("post").GetProperty("responses").TryGetProperty("204", out _).ShouldBeTrue();
        paths.GetProperty("delete").GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).Select(r => r.Name).ShouldBe(["204"]);

        var client = app.Anonymous();
        (await client.PostAsJsonAsync("/api/v1/session", new { userName = app.Asby.Caseworker, password = SamordnaApp.Password })).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);
        (await client.DeleteAsync("/api/v1/session")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Enums_are_strings_that_list_their_names_and_null_only_where_a_property_may_be_null()
    {
        var document = await Document();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var enums = schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)).ToList();
        enums.Count.ShouldBeGreaterThan(20);
        foreach (var schema in enums)
        {
            Text(schema.Value, "type").ShouldBe("string", schema.Name);
            schema.Value.GetProperty("enum").EnumerateArray().ShouldAllBe(v => v.ValueKind == JsonValueKind.String, schema.Name);
        }
        foreach (var (type, property) in new[] { ("CaseProcessView", "reporter"), ("CaseTaskView", "deadline") })
        {
            var oneOf = Schema(document, type).GetProperty("properties").GetProperty(property).GetProperty("oneOf").EnumerateArray().ToList();
            oneOf.Count.ShouldBe(2);
            oneOf.ShouldContain(s => Text(s, "type") == "null");
        }
        Schema(document, "CaseTransition").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ShouldContain("startInvestigation");
    }

    [Fact]
    public async Task The_audit_view_sends_role_and_flags_as_the_document_describes_them()
    {
        var document = await Document();
        var roles = Schema(document, "StaffRole").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();
        var flags = new Regex(Text(Schema(document, "AuditFlags"), "pattern")!);
        var reviewer = await app.AddStaff(app.Asby.OrganisationId, $"granskare-{Guid.NewGuid():N}"[..20], [(app.Asby.ViolenceTeam, StaffRole.AuditReviewer)]);
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var person = await (await caseworker.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = "Granskad", gender = "woman" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var opened = await caseworker.PostAsJsonAsync("/api/v1/cases", new
        {
            type = "adultVictim", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = person.GetProperty("id").GetGuid(), channel = "application",
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        (await caseworker.GetAsync(opened.Headers.Location)).EnsureSuccessStatusCode();
        await app.SealAudit();

        var page = await (await app.SignedIn(reviewer.UserName)).GetFromJsonAsync<JsonElement>("/api/v1/audit/entries?limit=50");
        var entries = page.GetProperty("items").EnumerateArray().ToList();
        entries.ShouldContain(e => e.GetProperty("role").ValueKind == JsonValueKind.String);
        foreach (var entry in entries)
        {
            if (entry.GetProperty("role").GetString() is { } role) roles.ShouldContain(role);
            flags.IsMatch(entry.GetProperty("flags").GetString()!).ShouldBeTrue(entry.GetProperty("flags").GetString());
        }
        entries.ShouldContain(e => e.GetProperty("role").GetString() == "caseworker");
    }

    [Fact]
    public async Task Integers_are_typed_integer_only_and_a_number_in_a_string_is_refused()
    {
        var json = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(json).RootElement;
        Schema(document, "CaseDetails").GetProperty("properties").GetProperty("version").GetProperty("type").GetString().ShouldBe("integer");
        json.ShouldNotContain("\"integer\",\"string\"");
        json.ShouldNotContain("\"string\",\"integer\"");

        var client = await app.SignedIn(app.Asby.Caseworker);
        var problem = await (await client.PutAsync($"/api/v1/cases/{Guid.NewGuid()}",
            new StringContent("""{"version":"0","summary":"x"}""", Encoding.UTF8, "application/json"))).ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("version", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_required_field_of_a_request_is_the_one_its_validator_requires_and_never_null()
    {
        var document = await Document();
        var openCase = Schema(document, "OpenCase");
        openCase.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["channel", "owningUnitId", "subjectPersonId", "type"], ignoreOrder: true);
        var properties = openCase.GetProperty("properties");
        Text(properties.GetProperty("type"), "$ref").ShouldBe("#/components/schemas/CaseType");
        Text(properties.GetProperty("owningUnitId"), "type").ShouldBe("string");
        properties.GetProperty("summary").GetProperty("type").EnumerateArray().Select(t => t.GetString()).ShouldContain("null");

        var client = await app.SignedIn(app.Asby.Caseworker);
        var problem = await (await client.PostAsJsonAsync("/api/v1/cases", new { type = (string?)null, summary = "?" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["type", "owningUnitId", "subjectPersonId", "channel"], ignoreOrder: true);
    }

    [Fact]
    public async Task Fixed_value_parameters_list_their_values()
    {
        var paths = (await Document()).GetProperty("paths");
        List<string?> Values(string path, string parameter) => paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => Text(p, "name") == parameter).GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();

        Values("/api/v1/deadlines", "scope").ShouldBe(["mine", "units"]);
        Values("/api/v1/audit/entries", "action").ShouldContain("readCase");
        Values("/api/v1/audit/entries", "check").ShouldNotBeEmpty();
        Values("/api/v1/audit/findings/{check}", "check").ShouldBe(Values("/api/v1/audit/entries", "check"));
    }

    [Fact]
    public async Task Every_201_documents_its_Location_and_the_servers_do_not_echo_the_Host_header()
    {
        var document = await Document();
        var created = Operations(document).Where(o => o.Operation.GetProperty("responses").TryGetProperty("201", out _)).ToList();
        created.Count.ShouldBeGreaterThan(5);
        foreach (var (method, path, operation) in created)
            operation.GetProperty("responses").GetProperty("201").GetProperty("headers").GetProperty("Location").GetProperty("required").GetBoolean()
                .ShouldBeTrue($"{method} {path}");

        // The Location of every 201 can be read: its template (from the handlers' TypedResults.Created) has a GET in the document.
        var reads = Operations(document).Where(o => o.Method == "GET").Select(o => Regex.Replace(o.Path, "{[^}]+}", "{}")).ToHashSet();
        var locations = CreatedLocationTemplates().ToList();
        locations.Count.ShouldBe(created.Count);
        foreach (var location in locations) reads.ShouldContain(location, $"201 Location {location} has no GET");

        var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json") { Headers = { Host = "evil.example" } };
        var served = JsonDocument.Parse(await (await app.Anonymous().SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        served.GetProperty("servers").EnumerateArray().Select(s => Text(s, "url")).ShouldBe(["/"]);
    }

    /// <summary>The Location templates the API's handlers answer 201 with, read from the source as "/api/v1/cases/{}/journal/{}".</summary>
    private static IEnumerable<string> CreatedLocationTemplates()
    {
        var api = Path.GetFullPath(Path.Combine(OpenApiTools.Folder, "..", "..", "src", "Samordna.Web", "Api"));
        return Directory.EnumerateFiles(api, "*.cs").SelectMany(file =>
            Regex.Matches(File.ReadAllText(file), @"TypedResults\.Created\(\$""([^""]+)""").Select(m => Regex.Replace(m.Groups[1].Value, "{[^}]+}", "{}")));
    }

    [Fact]
    public async Task A_configured_public_address_is_the_server_and_a_malformed_one_stops_the_host()
    {
        using var configured = app.WithWebHostBuilder(host => host.UseSetting("Samordna:OpenApi:PublicBaseUrl", "https://samordna.example.se/"));
        var document = JsonDocument.Parse(await configured.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        document.GetProperty("servers").EnumerateArray().Select(s => Text(s, "url")).ShouldBe(["https://samordna.example.se"]);

        using var malformed = app.WithWebHostBuilder(host => host.UseSetting("Samordna:OpenApi:PublicBaseUrl", "samordna.example.se"));
        Should.Throw<InvalidOperationException>(() => malformed.CreateClient()).Message.ShouldContain("Samordna:OpenApi:PublicBaseUrl");
    }
}

public sealed class OpenApiDocumentOnSqlite(SqliteApp app) : OpenApiDocumentTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiDocumentOnPostgres(PostgresApp app) : OpenApiDocumentTests(app), IClassFixture<PostgresApp>;
