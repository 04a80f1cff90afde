using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Samordna.Data;

namespace Samordna.Web.Audit;

/// <summary>How often the sequencer runs, and how far behind it may fall before /health/ready says so. Section Samordna:Audit:Sequencing.</summary>
public sealed class AuditSequencingSettings
{
    public const string Section = "Samordna:Audit:Sequencing";

    /// <summary>Pause between runs when nothing waited; a run seals everything pending, in batches.</summary>
    [System.ComponentModel.DataAnnotations.Range(10, 3_600_000, ErrorMessage = "must be between 10 and 3600000 (milliseconds)")]
    public int IntervalMilliseconds { get; set; } = 200;

    /// <summary>An entry older than this and still outside the chain makes the host not ready.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 86_400, ErrorMessage = "must be between 1 and 86400 (seconds)")]
    public int MaxLagSeconds { get; set; } = 60;
}

/// <summary>
/// Runs the sequencer (<see cref="AuditSealing.SealPending"/>) in the web host: after every interval, and once
/// more at shutdown so an acknowledged request's entry is sealed before the host stops (an entry is never
/// lost either way: it was committed with its request, and the next run or <c>samordna audit verify</c> seals it).
/// </summary>
public sealed class AuditSequencingService(IServiceScopeFactory scopes, IOptions<AuditSequencingSettings> settings, ILogger<AuditSequencingService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMilliseconds(Math.Max(10, settings.Value.IntervalMilliseconds));
        var waitingForSchema = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Pause first: a host that has just started (or whose database is still being migrated) gets a moment.
                await Task.Delay(pause, stoppingToken);
                await Run(stoppingToken);
                waitingForSchema = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break; // the host is going away
            }
            catch (Exception error)
            {
                if (await SchemaMissing(stoppingToken))
                {
                    if (!waitingForSchema) log.LogInformation("The audit sequencer waits for the database to be migrated (samordna migrate).");
                    waitingForSchema = true;
                }
                // A database that is away for a moment must not stop sequencing for good; the lag shows on /health/ready.
                else log.LogError(error, "Sealing pending audit entries failed; trying again.");
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await Run(cancellationToken);
        }
        catch (Exception error) when (error is not ObjectDisposedException)
        {
            log.LogWarning(error, "Audit entries left unsealed at shutdown; the next run seals them.");
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: the entries stay stored and the next run seals them.
        }
    }

    private async Task<bool> SchemaMissing(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
            return (await db.Database.GetPendingMigrationsAsync(ct)).Any();
        }
        catch (Exception)
        {
            return false;
        }
    }

    private async Task Run(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await AuditSealing.SealPending(scope.ServiceProvider.GetRequiredService<SamordnaDbContext>(), null, ct);
    }
}

/// <summary>/health/ready: the audit log keeps up — no entry has waited longer than the allowed lag to enter the chain.</summary>
public sealed class AuditSequencingLag(SamordnaDbContext db, TimeProvider clock, IOptions<AuditSequencingSettings> settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var lag = await AuditSealing.Lag(db, clock.GetUtcNow(), ct);
        var allowed = TimeSpan.FromSeconds(settings.Value.MaxLagSeconds);
        return lag is not { } behind || behind <= allowed
            ? HealthCheckResult.Healthy(lag is { } l ? $"Loggen är {l.TotalSeconds:0.0} s efter." : "Loggen är ikapp.")
            : HealthCheckResult.Unhealthy($"Den äldsta loggposten utanför kedjan har väntat {behind.TotalSeconds:0} s (gräns {allowed.TotalSeconds:0} s).");
    }
}
