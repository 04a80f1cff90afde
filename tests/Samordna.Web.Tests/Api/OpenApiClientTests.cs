using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Api;

/// <summary>
/// A client generated from the live /openapi/v1.json with openapi-typescript, type-checked by tsc
/// (tests/openapi/client.ts: a stale update's error must be typed as the document's ProblemDetails) and run
/// by Node against the app on a real loopback port: it signs in, lists, reads, updates, updates again with
/// the stale version (a 409 problem) and writes a journal entry; the database shows what it did.
/// </summary>
public abstract class OpenApiClientTests(SamordnaApp app)
{
    /// <summary>Generated and compiled once per test run: the document is the same on both providers.</summary>
    private static Task<ToolRun>? _build;
    private static readonly object BuildLock = new();

    private Task<ToolRun> Build()
    {
        lock (BuildLock) return _build ??= OpenApiTools.Exclusively(async () =>
        {
            var generated = Directory.CreateDirectory(Path.Combine(OpenApiTools.Folder, "generated"));
            var document = Path.Combine(generated.FullName, "v1.json");
            using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
            await File.WriteAllTextAsync(document, await http.GetStringAsync("/openapi/v1.json"));
            var types = await OpenApiTools.Tool("openapi-typescript", [document, "-o", Path.Combine(generated.FullName, "schema.d.ts")], TimeSpan.FromMinutes(1));
            if (types.ExitCode != 0) return types;
            return await OpenApiTools.Tool("tsc", ["-p", "tsconfig.json"], TimeSpan.FromMinutes(2));
        });
    }

    private string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    [Fact]
    public async Task A_generated_client_signs_in_lists_reads_gets_a_typed_409_for_a_stale_version_and_writes()
    {
        // Over the socket as well (the factory's clients go to http://localhost, not to Kestrel's port).
        using var caseworker = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(BaseUrl) };
        (await caseworker.PostAsJsonAsync("/api/v1/session", new { userName = app.Asby.Caseworker, password = SamordnaApp.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var person = await (await caseworker.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = "Genererad", gender = "woman" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var opened = await caseworker.PostAsJsonAsync("/api/v1/cases", new
        {
            type = "adultVictim", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = person.GetProperty("id").GetGuid(), channel = "application",
            summary = "Före klienten",
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var build = await Build();
        build.ExitCode.ShouldBe(0, $"generating or compiling the client failed:\n{build.Output}");
        BaseUrl.ShouldStartWith("http://127.0.0.1:");
        var run = await OpenApiTools.Run("node", ["dist/client.js", BaseUrl, app.Asby.Caseworker, SamordnaApp.Password, caseId.ToString()],
            TimeSpan.FromSeconds(30));
        run.ExitCode.ShouldBe(0, run.Output);

        var seen = JsonDocument.Parse(run.StandardOutput.Trim().Split('\n')[^1]).RootElement;
        seen.GetProperty("signedIn").GetInt32().ShouldBe(204);
        seen.GetProperty("listed").GetBoolean().ShouldBeTrue();
        seen.GetProperty("versionRead").GetInt64().ShouldBe(0);
        seen.GetProperty("versionAfterUpdate").GetInt64().ShouldBe(1);
        var conflict = seen.GetProperty("conflict");
        conflict.GetProperty("httpStatus").GetInt32().ShouldBe(409);
        conflict.GetProperty("status").GetInt32().ShouldBe(409);
        conflict.GetProperty("contentType").GetString()!.ShouldStartWith("application/problem+json");
        var entryId = seen.GetProperty("journalEntryId").GetGuid();
        seen.GetProperty("location").GetString().ShouldBe($"/api/v1/cases/{caseId}/journal/{entryId}");

        var stored = await app.InDatabase(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == caseId));
        stored.Summary.ShouldBe("Uppdaterad av en genererad klient");
        stored.Version.ShouldBe(1);
        var journal = await caseworker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/journal");
        journal.EnumerateArray().ShouldContain(e => e.GetProperty("id").GetGuid() == entryId
                                                   && e.GetProperty("text").GetString() == "Anteckning från en genererad klient");
    }
}

/// <summary>
/// The host on Kestrel at a free loopback port, so that a process outside the test can call it. Plain HTTP, as the
/// local demo runs (<c>Samordna:SignIn:AllowInsecureHttp</c>, honoured only because it listens on loopback alone):
/// what is tested is the client the document generates, not TLS.
/// </summary>
public sealed class KestrelSqliteApp : SqliteApp
{
    public KestrelSqliteApp() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samordna:SignIn:AllowInsecureHttp", "true");
    }
}

/// <inheritdoc cref="KestrelSqliteApp"/>
public sealed class KestrelPostgresApp : PostgresApp
{
    public KestrelPostgresApp() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samordna:SignIn:AllowInsecureHttp", "true");
    }
}

public sealed class OpenApiClientOnSqlite(KestrelSqliteApp app) : OpenApiClientTests(app), IClassFixture<KestrelSqliteApp>;

public sealed class OpenApiClientOnPostgres(KestrelPostgresApp app) : OpenApiClientTests(app), IClassFixture<KestrelPostgresApp>;
