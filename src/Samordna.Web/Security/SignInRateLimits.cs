using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Samordna.Web.Problems;

namespace Samordna.Web.Security;

/// <summary>
/// How many password sign-ins are tried before the answer is 429 (<c>Samordna:SignIn:RateLimit</c>): per client
/// address (<c>PerClient</c>, ASP.NET Core's rate limiter on the sign-in endpoint and page) and per account name
/// (<c>PerAccount</c>, whether or not such an account exists, so the limit tells nothing about who has one), each
/// a number of attempts within a window of seconds. In front of the lockout: guessing is slowed before any
/// account is locked, and one client cannot lock many accounts quickly.
/// </summary>
public sealed class SignInRateLimitSettings
{
    public const string Section = "Samordna:SignIn:RateLimit";

    public SignInLimit PerClient { get; set; } = new() { Permits = 30, WindowSeconds = 60 };

    public SignInLimit PerAccount { get; set; } = new() { Permits = 10, WindowSeconds = 300 };
}

/// <summary>One of the two limits: so many attempts within so many seconds.</summary>
public sealed class SignInLimit
{
    [Range(1, 1_000_000, ErrorMessage = "must be between 1 and 1000000 (attempts)")]
    public int Permits { get; set; }

    [Range(1, 86_400, ErrorMessage = "must be between 1 and 86400 (seconds)")]
    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

/// <summary>
/// The per-account half of the sign-in limit: keyed on the account name as typed (trimmed, case-folded), so an
/// unknown name is limited exactly like an existing one. The name is in the body, which the rate-limiting
/// middleware cannot read, so <see cref="Access.StaffSignIn"/> asks before it looks anything up.
/// </summary>
public sealed class AccountAttemptLimiter(SignInRateLimitSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PerAccount.Permits, Window = settings.PerAccount.Window, QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Null when the attempt may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? Refuse(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName.Trim().ToUpperInvariant());
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.PerAccount.Window;
    }

    public void Dispose() => _limiter.Dispose();
}

public static class SignInRateLimits
{
    /// <summary>The policy on <c>POST /api/v1/session</c> and the sign-in page.</summary>
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, SignInRateLimitSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<AccountAttemptLimiter>();
        services.AddRateLimiter(options =>
        {
            // Per client address (the proxy's forwarded one when a proxy is configured); only attempts count, not showing the form.
            options.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PerClient.Permits, Window = settings.PerClient.Window, QueueLimit = 0, AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = (context, _) => TooManyAttempts(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.PerClient.Window);
        });
        return services;
    }

    /// <summary>429 with Retry-After: problem details for the API, a readable page for a browser.</summary>
    public static ValueTask TooManyAttempts(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(ProblemResponses.Write(http, new Problem((int)HttpStatusCode.TooManyRequests, "För många inloggningsförsök",
            $"Vänta {Wait(seconds)} och försök sedan igen.")));
    }

    private static string Wait(int seconds) => seconds < 90 ? $"{seconds} sekunder" : $"{(seconds + 59) / 60} minuter";
}
