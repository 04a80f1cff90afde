using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samordna.Data;

namespace Samordna.Web.Health;

/// <summary>/health: the process runs and the database answers.</summary>
public sealed class DatabaseReachable(SamordnaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy("Databasen svarar.")
            : HealthCheckResult.Unhealthy("Databasen svarar inte.");
}

/// <summary>/health/ready: also every migration is applied, so requests will not fail on a missing table.</summary>
public sealed class DatabaseMigrated(SamordnaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("Databasen svarar inte.");
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("Databasen är migrerad.")
            : HealthCheckResult.Unhealthy($"{pending.Count} migrering(ar) saknas: kör `samordna migrate`.");
    }
}

public static class HealthEndpoints
{
    public static void MapSamordnaHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") })
            .AllowAnonymous().WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions())
            .AllowAnonymous().WithTags("Health");
    }
}
