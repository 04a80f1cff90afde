using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Cases;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Samordna.Web.Tests.Api;

/// <summary>
/// A seeded fuzz run over every operation the OpenAPI document describes (all paths × methods), signed
/// in as a member of staff who may do nearly everything in the test municipality, with real ids in the
/// paths so that hostile bodies reach the binders and validators. Value classes: wrong JSON types,
/// huge strings, Unicode digits, invisible and control characters, enums as integers and unknown
/// names, extreme dates, deep nesting, duplicate keys, unknown properties, wrong content types, empty
/// and malformed bodies, bad path and query values, and concurrent duplicates of each write.
/// Asserted: never a 5xx; every 4xx is problem+json; a value that is garbage by construction is
/// refused; and nothing is stored by a refused request or a read (row counts and version sums of every
/// table but the audit log's, which a refused request may append to). The seed is in every message:
/// set SAMORDNA_FUZZ_SEED to replay another one.
/// </summary>
public abstract class FuzzTests(SamordnaApp app, ITestOutputHelper output)
{
    private const int DefaultSeed = 16_2026;
    private const int MaxRequestsPerOperation = 14;
    // Measured on the 2-core machine (799 requests): 6–7 s per provider alone, 22–54 s while other test
    // classes and builds share the cores.
    // Past this the run fails rather than silently covering fewer operations.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(120);

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("SAMORDNA_FUZZ_SEED"), out var seed) ? seed : DefaultSeed;

    [Fact]
    public async Task Every_operation_survives_hostile_input_without_a_5xx_and_stores_nothing_it_refuses()
    {
        var random = new Random(Seed);
        var world = await World.Create(app);
        var document = await world.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = Operations(document).ToList();
        operations.Count.ShouldBeGreaterThan(40, "the document lists the API's operations");

        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var statuses = new SortedDictionary<int, int>();
        var garbage = 0;
        var fingerprint = await Fingerprint();
        foreach (var operation in operations)
        {
            if (clock.Elapsed > Budget)
            {
                failures.Add($"time budget of {Budget.TotalSeconds} s spent before {operation}; lower the requests per operation");
                break;
            }
            var client = operation.Path.StartsWith("/api/v1/session", StringComparison.Ordinal) ? app.Anonymous() : world.Client;
            foreach (var attack in Attacks(operation, document, world, random).Take(MaxRequestsPerOperation))
            {
                sent++;
                using var request = attack.Request();
                var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (attack.MustBeRefused) garbage++;
                var what = $"seed {Seed}: {operation.Method} {request.RequestUri} [{attack.Name}] → {status}";
                if (status >= 500) failures.Add($"{what}: server error {Shorten(body)}");
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{what}: a rejection without problem details ({response.Content.Headers.ContentType})");
                else if (attack.MustBeRefused && status < 400)
                    failures.Add($"{what}: garbage accepted {Shorten(body)}");

                var now = await Fingerprint();
                if ((status >= 400 || operation.Method == "GET") && now != fingerprint)
                    failures.Add($"{what}: the database changed ({Difference(fingerprint, now)})");
                fingerprint = now;
            }
        }

        // Concurrent duplicates: each write's plausible request, four times at once.
        foreach (var operation in operations.Where(o => o.Method is "POST" or "PUT" && !o.Path.StartsWith("/api/v1/session", StringComparison.Ordinal)))
        {
            if (clock.Elapsed > Budget + TimeSpan.FromSeconds(20))
            {
                failures.Add($"time budget spent before the concurrent duplicates of {operation}");
                break;
            }
            var attack = Plausible(operation, document, world);
            var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => world.Client.SendAsync(attack.Request())));
            sent += responses.Length;
            foreach (var response in responses)
            {
                var status = (int)response.StatusCode;
                var what = $"seed {Seed}: {operation.Method} {operation.Path} [concurrent duplicate] → {status}";
                if (status >= 500) failures.Add($"{what}: server error {Shorten(await response.Content.ReadAsStringAsync())}");
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{what}: a rejection without problem details");
            }
        }

        output.WriteLine($"seed {Seed}: {operations.Count} operations, {sent} requests ({garbage} of values that must be refused) " +
                         $"in {clock.Elapsed.TotalSeconds:0.0} s on {app.Provider}; statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(40)));
    }

    private sealed record Operation(string Method, string Path, JsonElement Definition)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private static IEnumerable<Operation> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var method in path.Value.EnumerateObject())
                if (method.Name is "get" or "post" or "put" or "patch" or "delete")
                    yield return new Operation(method.Name.ToUpperInvariant(), path.Name, method.Value);
    }

    /// <summary>One hostile request; <see cref="MustBeRefused"/> when its value is garbage whatever the operation.</summary>
    private sealed record Attack(string Name, string Method, string Url, string? Body, string ContentType, bool MustBeRefused)
    {
        public HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Url);
            if (Body is not null) request.Content = new StringContent(Body, new System.Net.Http.Headers.MediaTypeHeaderValue(ContentType) { CharSet = "utf-8" });
            return request;
        }
    }

    private static Attack Plausible(Operation operation, JsonElement document, World world)
    {
        var schema = BodySchema(operation, document);
        var body = schema is null ? null : Value(schema.Value, document, world, "body", 0)?.ToJsonString();
        return new Attack("plausible", operation.Method, Url(operation, world, null, null), body, "application/json", false);
    }

    private static IEnumerable<Attack> Attacks(Operation operation, JsonElement document, World world, Random random)
    {
        var attacks = new List<Attack>();
        var schema = BodySchema(operation, document);
        var url = Url(operation, world, null, null);
        var required = operation.Definition.TryGetProperty("requestBody", out var requestBody) &&
                       requestBody.TryGetProperty("required", out var isRequired) && isRequired.GetBoolean();
        if (schema is { } bodySchema)
        {
            var plausible = Value(bodySchema, document, world, "body", 0) as JsonObject ?? new JsonObject();
            // Per property: values that no field of that type may take, and text that no field should store.
            foreach (var (name, property) in Properties(bodySchema, document))
                foreach (var (kind, value, garbage) in HostileValues(name, property, document, random))
                {
                    var body = plausible.DeepClone().AsObject();
                    body[name] = value;
                    attacks.Add(new Attack($"{name}: {kind}", operation.Method, url, body.ToJsonString(), "application/json", garbage));
                }
            var first = plausible.FirstOrDefault();
            var whole = plausible.ToJsonString();
            attacks.Add(new Attack("unknown property", operation.Method, url, whole.Length > 2 ? whole[..^1] + ",\"fuzzUnknown\":1}" : "{\"fuzzUnknown\":1}", "application/json", true));
            if (first.Key is { } key)
                attacks.Add(new Attack("duplicate key", operation.Method, url, whole[..^1] + $",\"{key}\":{first.Value?.ToJsonString() ?? "null"}}}", "application/json", true));
            attacks.Add(new Attack("deep nesting", operation.Method, url, new string('[', 10_000) + new string(']', 10_000), "application/json", true));
            attacks.Add(new Attack("deep objects", operation.Method, url, string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000), "application/json", true));
            attacks.Add(new Attack("malformed", operation.Method, url, whole[..(whole.Length / 2)], "application/json", true));
            attacks.Add(new Attack("text/plain", operation.Method, url, whole, "text/plain", true));
            attacks.Add(new Attack("form", operation.Method, url, "a=1", "application/x-www-form-urlencoded", true));
            attacks.Add(new Attack("array for object", operation.Method, url, "[]", "application/json", true));
            attacks.Add(new Attack("empty body", operation.Method, url, "", "application/json", required));
            attacks.Add(new Attack("null body", operation.Method, url, "null", "application/json", required));
        }

        foreach (var parameter in Parameters(operation))
        {
            var name = parameter.GetProperty("name").GetString()!;
            var @in = parameter.GetProperty("in").GetString();
            var parameterSchema = parameter.TryGetProperty("schema", out var s) ? Resolve(s, document) : default;
            if (@in == "path")
                foreach (var bad in new[] { "not-a-guid", "00000000-0000-0000-0000-000000000000", new string('a', 3_000), "%E2%80%8B", "..%2F..%2Fadmin", "1e3" })
                    attacks.Add(new Attack($"path {name}", operation.Method, Url(operation, world, name, bad), Body(operation, document, world), "application/json", false));
            else if (@in == "query")
                foreach (var bad in QueryValues(parameterSchema, document))
                    attacks.Add(new Attack($"query {name}={Shorten(bad)}", operation.Method, Url(operation, world, null, null) + $"?{name}={Uri.EscapeDataString(bad)}",
                        Body(operation, document, world), "application/json", false));
        }
        if (attacks.Count == 0) attacks.Add(new Attack("as is", operation.Method, url, null, "application/json", false));
        // A sample within the cap, different per seed: five of the whole-body classes, then property, path and
        // query values at random.
        var shuffled = attacks.OrderBy(_ => random.Next()).ToList();
        var wholeBody = shuffled.Where(a => a.MustBeRefused && !a.Name.Contains(':')).Take(5);
        return wholeBody.Concat(shuffled.Except(wholeBody)).ToList();
    }

    private static string? Body(Operation operation, JsonElement document, World world) =>
        BodySchema(operation, document) is { } schema ? Value(schema, document, world, "body", 0)?.ToJsonString() : null;

    private static IEnumerable<(string Kind, JsonNode? Value, bool Garbage)> HostileValues(string name, JsonElement schema, JsonElement document, Random random)
    {
        var (type, format) = TypeOf(schema, document);
        var isEnum = EnumValues(schema, document).Any();
        // Wrong JSON types: always refused by a strict binder.
        if (type == "string" || isEnum) yield return ("number for text", JsonValue.Create(12345), true);
        if (type is "integer" or "number") yield return ("number as text", JsonValue.Create("1"), true);
        if (type == "boolean") yield return ("text for boolean", JsonValue.Create("true"), true);
        if (type == "array") yield return ("text for list", JsonValue.Create("x"), true);
        if (type == "object") yield return ("number for object", JsonValue.Create(5), true);
        if (isEnum)
        {
            yield return ("enum as integer", JsonValue.Create(1), true);
            yield return ("unknown enum name", JsonValue.Create("noSuchValue"), true);
        }
        if (type == "integer") yield return ("huge integer", JsonNode.Parse("123456789012345678901234567890"), true);
        if (format == "uuid") yield return ("not a uuid", JsonValue.Create("not-a-uuid"), true);
        if (format == "date")
        {
            yield return ("year 1", JsonValue.Create("0001-01-01"), true);
            yield return ("year 9999", JsonValue.Create("9999-12-31"), true);
        }
        if (format == "date-time")
        {
            yield return ("year 1", JsonValue.Create("0001-01-01T00:00:00Z"), true);
            yield return ("year 9999", JsonValue.Create("9999-12-31T23:59:59Z"), true);
        }
        if (type == "string" && format is null && !isEnum)
        {
            yield return ("huge text", JsonValue.Create(new string('x', 200_000 + random.Next(1_000))), true);
            yield return ("only invisible", JsonValue.Create("\u200B\u2060\uFEFF\u202E"), true);
            yield return ("control characters", JsonValue.Create("a\u0000b\u001Bc"), true);
            // Unicode digits are text in a note, but never an identity number, postal code or phone number.
            yield return ("Unicode digits", JsonValue.Create("\uFF11\uFF19\uFF11\uFF12\uFF11\uFF12\uFF11\uFF12-\u0661\u0662\u0661\u0662"),
                name.Contains("identityNumber", StringComparison.OrdinalIgnoreCase) || name is "postalCode" or "phone");
        }
    }

    private static IEnumerable<string> QueryValues(JsonElement schema, JsonElement document)
    {
        var (type, format) = schema.ValueKind == JsonValueKind.Undefined ? ("string", null) : TypeOf(schema, document);
        if (type == "integer") return ["-1", "99999999999999999999", "abc", "1e3"];
        if (format == "uuid") return ["not-a-uuid", new string('f', 500)];
        if (format == "date") return ["0001-01-01", "9999-12-31", "2026-02-30"];
        if (format == "date-time") return ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "yesterday"];
        if (type == "boolean") return ["maybe"];
        return ["1", "12345", new string('x', 5_000), "\u0000\u200B", "１２３"];
    }

    // -- The document: requests, parameters and schemas as it describes them today, robust to what it leaves out.

    private static JsonElement? BodySchema(Operation operation, JsonElement document)
    {
        if (!operation.Definition.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content)) return null;
        foreach (var media in content.EnumerateObject())
            if (media.Name.Contains("json", StringComparison.Ordinal) && media.Value.TryGetProperty("schema", out var schema))
                return Resolve(schema, document);
        return null;
    }

    private static IEnumerable<JsonElement> Parameters(Operation operation) =>
        operation.Definition.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [];

    private static JsonElement Resolve(JsonElement schema, JsonElement document)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); i++)
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                if (!target.TryGetProperty(part, out target)) return default;
            schema = target;
        }
        if (schema.ValueKind == JsonValueKind.Object)
            foreach (var choice in new[] { "oneOf", "anyOf", "allOf" })
                if (schema.TryGetProperty(choice, out var options))
                    foreach (var option in options.EnumerateArray())
                    {
                        var resolved = Resolve(option, document);
                        if (resolved.ValueKind == JsonValueKind.Object && TypeOf(resolved, document).Type != "null") return resolved;
                    }
        return schema;
    }

    private static (string? Type, string? Format) TypeOf(JsonElement schema, JsonElement document)
    {
        schema = schema.ValueKind == JsonValueKind.Object && (schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("oneOf", out _)) ? Resolve(schema, document) : schema;
        if (schema.ValueKind != JsonValueKind.Object) return (null, null);
        string? type = null;
        if (schema.TryGetProperty("type", out var t))
            type = t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Select(e => e.GetString()).FirstOrDefault(e => e != "null") ?? "null"
                : t.GetString();
        if (type is "integer" or "number" && t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(e => e.GetString() == "string"))
            type = "integer";
        type ??= schema.TryGetProperty("properties", out _) ? "object" : schema.TryGetProperty("enum", out _) ? "string" : null;
        return (type, schema.TryGetProperty("format", out var f) ? f.GetString() : null);
    }

    private static IEnumerable<string> EnumValues(JsonElement schema, JsonElement document)
    {
        schema = Resolve(schema, document);
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : [];
    }

    private static IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema, JsonElement document)
    {
        schema = Resolve(schema, document);
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties)) yield break;
        foreach (var property in properties.EnumerateObject()) yield return (property.Name, property.Value);
    }

    /// <summary>A plausible value for a schema, with the world's real ids where a property names one.</summary>
    private static JsonNode? Value(JsonElement schema, JsonElement document, World world, string name, int depth)
    {
        schema = Resolve(schema, document);
        if (schema.ValueKind != JsonValueKind.Object || depth > 5) return null;
        if (EnumValues(schema, document).FirstOrDefault() is { } first) return JsonValue.Create(first);
        var (type, format) = TypeOf(schema, document);
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                foreach (var (property, propertySchema) in Properties(schema, document))
                    result[property] = Value(propertySchema, document, world, property, depth + 1);
                return result;
            case "array":
                return schema.TryGetProperty("items", out var items) ? new JsonArray(Value(items, document, world, name, depth + 1)) : new JsonArray();
            case "integer": return JsonValue.Create(name.Contains("version", StringComparison.OrdinalIgnoreCase) ? 0 : 1);
            case "number": return JsonValue.Create(1);
            case "boolean": return JsonValue.Create(false);
            case "string" when format == "uuid": return JsonValue.Create(world.IdFor(name));
            case "string" when format == "date": return JsonValue.Create("2026-01-15");
            case "string" when format == "date-time": return JsonValue.Create(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
            case "string":
                return JsonValue.Create(name switch
                {
                    "identityNumber" => "19121212-1212",
                    "password" => SamordnaApp.Password,
                    "userName" => $"fuzz.{Guid.NewGuid():N}"[..20],
                    "email" => "fuzz@example.org",
                    "postalCode" => "582 22",
                    _ => "Fuzz",
                });
            default: return null;
        }
    }

    private static string Url(Operation operation, World world, string? badParameter, string? badValue)
    {
        var url = operation.Path;
        var segments = url.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var parameter = segments[i].Trim('{', '}').Split(':')[0];
            segments[i] = parameter == badParameter ? badValue! : world.IdForPath(segments[i - 1], parameter);
        }
        return string.Join('/', segments);
    }

    // -- What "nothing was stored" means: row counts and version sums of every table but the audit log's.

    private async Task<string> Fingerprint()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Samordna.Data.SamordnaDbContext>();
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is { } table && !table.StartsWith("audit", StringComparison.Ordinal) && t.GetViewName() is null && !t.IsOwned())
            .GroupBy(t => t.GetTableName()!).OrderBy(g => g.Key).ToList();
        var parts = tables.Select(g =>
        {
            var version = g.SelectMany(t => t.GetProperties()).FirstOrDefault(p => p.Name == "Version")?.GetColumnName();
            var quoted = $"\"{g.Key}\"";
            return version is null ? $"(SELECT COUNT(*) FROM {quoted})" : $"(SELECT COUNT(*) * 1000003 + COALESCE(SUM(\"{version}\"), 0) FROM {quoted})";
        });
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT " + string.Join(", ", parts);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return string.Join(";", tables.Select((g, i) => $"{g.Key}={Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Difference(string before, string after) =>
        string.Join(", ", before.Split(';').Zip(after.Split(';')).Where(p => p.First != p.Second).Select(p => $"{p.First} → {p.Second.Split('=')[1]}"));

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>The member of staff doing the fuzzing, and real records for the ids in paths and bodies.</summary>
    private sealed class World
    {
        public HttpClient Client { get; private init; } = null!;
        private readonly Dictionary<string, Guid> _ids = new(StringComparer.OrdinalIgnoreCase);

        public static async Task<World> Create(SamordnaApp app)
        {
            var userName = $"fuzz.{Guid.NewGuid():N}"[..20];
            var unit = app.Asby.ViolenceTeam;
            var member = await app.AddStaff(app.Asby.OrganisationId, userName,
                Enum.GetValues<StaffRole>().Select(role => (unit, role)).Append((app.Asby.TreatmentCentre, StaffRole.Therapist)),
                protectedDataClearance: true, displayName: "Fuzz Testare");
            var target = await app.AddStaff(app.Asby.OrganisationId, $"fuzzmal.{Guid.NewGuid():N}"[..20], [(unit, StaffRole.Analyst)]);
            var client = await app.SignedIn(userName);
            var world = new World { Client = client };

            var person = await Created(client, "/api/v1/people", new { identityKind = "none", pseudonym = "Fuzzperson", gender = "woman", registeringUnitId = unit });
            var @case = await Created(client, "/api/v1/cases", new { type = "adultVictim", owningUnitId = unit, subjectPersonId = person, channel = "policeReport" });
            var talk = await Created(client, "/api/v1/open-talks", new { owningUnitId = unit, concerns = "adultVictim", pseudonym = "Fuzzkontakt", gender = "man" });
            var place = await Created(client, $"/api/v1/cases/{@case}/waiting-list", new { unitId = app.Asby.TreatmentCentre });
            var stored = await app.InDatabase(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == @case));
            var task = new CaseTask(stored, TaskKind.Recontact, "Ny kontakt", required: false, DateTimeOffset.UtcNow, DateOnly.FromDateTime(DateTime.UtcNow));
            await app.Store(task);

            world._ids["people"] = person;
            world._ids["person"] = person;
            world._ids["cases"] = @case;
            world._ids["case"] = @case;
            world._ids["open-talks"] = talk;
            world._ids["waiting-list"] = place;
            world._ids["tasks"] = task.Id;
            world._ids["units"] = unit;
            world._ids["unit"] = unit;
            world._ids["staff"] = target.Id;
            world._ids["organisation"] = app.Asby.OrganisationId;
            _ = member;
            return world;
        }

        private static async Task<Guid> Created(HttpClient client, string url, object body)
        {
            var response = await client.PostAsJsonAsync(url, body);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, $"{url}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        /// <summary>The id for a path parameter after a segment ("cases" → the case), else one that exists nowhere.</summary>
        public string IdForPath(string previousSegment, string parameter) =>
            (_ids.TryGetValue(previousSegment, out var id) ? id : Guid.CreateVersion7()).ToString();

        /// <summary>The id for a body property ("subjectPersonId" → the person, "owningUnitId" → the unit).</summary>
        public string IdFor(string property)
        {
            foreach (var (key, id) in _ids)
                if (property.Contains(key.Replace("-", ""), StringComparison.OrdinalIgnoreCase)) return id.ToString();
            return Guid.CreateVersion7().ToString();
        }
    }
}

public sealed class FuzzOnSqlite(SqliteApp app, ITestOutputHelper output) : FuzzTests(app, output), IClassFixture<SqliteApp>;

public sealed class FuzzOnPostgres(PostgresApp app, ITestOutputHelper output) : FuzzTests(app, output), IClassFixture<PostgresApp>;
