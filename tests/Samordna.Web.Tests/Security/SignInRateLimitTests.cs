using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Security;

/// <summary>
/// Sign-in attempts are limited per client address and per account name, with 429 and Retry-After. The host
/// believes X-Forwarded-For from the test server's loopback (a configured proxy), so each test can be its own
/// client: 3 attempts per client and 2 per account name, per minute.
/// </summary>
public abstract class SignInRateLimitTests(SamordnaApp app)
{
    private readonly string _prefix = $"r{Guid.NewGuid():N}"[..10];
    private static int _lastClient = 10;

    private static string NewClient() => $"192.0.2.{Interlocked.Increment(ref _lastClient)}";

    private async Task<HttpResponseMessage> Attempt(string client, string userName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session")
        {
            Content = JsonContent.Create(new { userName = $"{_prefix}.{userName}", password = "fel-losenord-igen" }),
            Headers = { { "X-Forwarded-For", client } },
        };
        return await app.Anonymous().SendAsync(request);
    }

    private static async Task ShouldBeTooMany(HttpResponseMessage response)
    {
        var problem = await response.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        problem.GetProperty("title").GetString().ShouldBe("För många inloggningsförsök");
        int.Parse(response.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 60);
    }

    [Fact]
    public async Task The_fourth_attempt_from_one_client_within_a_minute_is_answered_429_and_another_client_is_not_held_up()
    {
        var client = NewClient();
        for (var i = 0; i < 3; i++) (await Attempt(client, $"namn{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ShouldBeTooMany(await Attempt(client, "namn3"));
        (await Attempt(NewClient(), "namn4")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_third_attempt_for_one_account_name_is_answered_429_from_whichever_client_it_comes()
    {
        (await Attempt(NewClient(), "anna")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Attempt(NewClient(), "ANNA ")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the same name, however written");
        await ShouldBeTooMany(await Attempt(NewClient(), "anna"));
        (await Attempt(NewClient(), "bodil")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "another name is not held up");
    }

    [Fact]
    public async Task The_sign_in_page_answers_429_with_a_readable_page()
    {
        var client = NewClient();
        var browser = app.Anonymous();
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        browser.DefaultRequestHeaders.Add("Accept", "text/html");
        for (var i = 0; i < 4; i++) (await browser.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK, "showing the form is not an attempt");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
            last = await browser.PostForm("/Account/Login", "/Account/Login",
                new() { ["Input.UserName"] = $"{_prefix}.sida{i}", ["Input.Password"] = "fel-losenord-igen" });
        last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.Contains("Retry-After").ShouldBeTrue();
        last.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync()).ShouldContain("För många inloggningsförsök");
    }
}

public sealed class RateLimitedSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        RateLimited(builder);
    }

    internal static void RateLimited(IWebHostBuilder builder)
    {
        builder.UseSetting("Samordna:ForwardedHeaders:KnownProxies:0", "127.0.0.1");
        builder.UseSetting("Samordna:SignIn:RateLimit:PerClient:Permits", "3");
        builder.UseSetting("Samordna:SignIn:RateLimit:PerClient:WindowSeconds", "60");
        builder.UseSetting("Samordna:SignIn:RateLimit:PerAccount:Permits", "2");
        builder.UseSetting("Samordna:SignIn:RateLimit:PerAccount:WindowSeconds", "60");
    }
}

public sealed class RateLimitedPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        RateLimitedSqliteApp.RateLimited(builder);
    }
}

public sealed class SignInRateLimitsOnSqlite(RateLimitedSqliteApp app) : SignInRateLimitTests(app), IClassFixture<RateLimitedSqliteApp>;

public sealed class SignInRateLimitsOnPostgres(RateLimitedPostgresApp app) : SignInRateLimitTests(app), IClassFixture<RateLimitedPostgresApp>;
