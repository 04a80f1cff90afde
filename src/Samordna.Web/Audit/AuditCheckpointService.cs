using Samordna.Core.Audit;
using Samordna.Data;

namespace Samordna.Web.Audit;

/// <summary>
/// Writes the audit log's signed checkpoints from the web host: once at start, every
/// <c>Samordna:Audit:Checkpoints:IntervalMinutes</c> (the longest a rewrite of the log goes unseen by them),
/// and once more when the host stops, so the last entries before a shutdown are covered too. A log that does
/// not verify against the last checkpoint gets no new one; that is logged as an error every time it is found.
/// </summary>
public sealed class AuditCheckpointService(AuditCheckpointService.Configured configured, IServiceScopeFactory scopes,
    TimeProvider time, ILogger<AuditCheckpointService> log) : BackgroundService
{
    /// <summary>The key and folders as read at start; <see cref="Key"/> is null when checkpoints are off.</summary>
    public sealed record Configured(CheckpointSigningKey? Key, CheckpointDirectory? Directory, CheckpointDirectory? Witness, TimeSpan Interval);

    // The interval, the shutdown and a slow run must not write into the same folder at once.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private volatile bool _disposed;

    /// <summary>
    /// Reads Samordna:Audit:Checkpoints. In Production a key file that is configured but cannot be read
    /// stops the host here, naming the setting: running on would leave the log unanchored without anyone noticing.
    /// Elsewhere (the demo, development) it is logged and the host runs without checkpoints.
    /// </summary>
    public static Configured From(IConfiguration configuration, IHostEnvironment environment, ILogger log)
    {
        var settings = configuration.GetSection(AuditCheckpointSettings.Section).Get<AuditCheckpointSettings>() ?? new();
        if (string.IsNullOrWhiteSpace(settings.KeyFile))
        {
            log.LogWarning("Audit checkpoints are off: {Setting} is not set, so a rewrite of the audit log with every hash recomputed " +
                           "would go unnoticed. Make a key with `samordna audit keygen` (see docs/security.md).", $"{AuditCheckpointSettings.Section}:KeyFile");
            return new(null, null, null, TimeSpan.Zero);
        }
        try
        {
            if (string.IsNullOrWhiteSpace(settings.Directory))
                throw new InvalidOperationException($"{AuditCheckpointSettings.Section}:Directory is not set; checkpoints need a folder outside the database.");
            if (settings.IntervalMinutes < 1)
                throw new InvalidOperationException($"{AuditCheckpointSettings.Section}:IntervalMinutes is {settings.IntervalMinutes}; it must be at least 1.");
            var key = CheckpointSigningKey.Load(settings.KeyFile);
            return new(key, new CheckpointDirectory(settings.Directory),
                string.IsNullOrWhiteSpace(settings.WitnessDirectory) ? null : new CheckpointDirectory(settings.WitnessDirectory),
                TimeSpan.FromMinutes(settings.IntervalMinutes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            var message = $"{AuditCheckpointSettings.Section}:KeyFile '{settings.KeyFile}' cannot be used for audit checkpoints: {e.Message}";
            if (environment.IsProduction()) throw new InvalidOperationException(message, e);
            log.LogError("{Message}. Running without checkpoints (outside Production only).", message);
            return new(null, null, null, TimeSpan.Zero);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (configured.Key is null) return;
        using var timer = new PeriodicTimer(configured.Interval, time);
        try
        {
            do await Write(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (configured.Key is not null) await Write(cancellationToken);
    }

    /// <summary>One round over every municipality; public so a test can call it without waiting for the timer.</summary>
    public async Task Write(CancellationToken ct)
    {
        if (_disposed) return;
        await _writing.WaitAsync(ct);
        try
        {
            if (_disposed) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
            // What is stored is signed: entries still waiting for the sequencer are sealed first.
            await AuditSealing.SealPending(db, null, ct);
            var writer = new AuditCheckpointWriter(db, configured.Key!, configured.Directory!, configured.Witness);
            foreach (var result in await writer.WriteAll(ct))
            {
                if (result.Refused && result.File is { } partly)
                    log.LogError("Audit checkpoint for organisation {Organisation} written to {File}, but: {Problems}",
                        result.OrganisationId, partly, string.Join("; ", result.Problems));
                else if (result.Refused)
                    log.LogError("Audit checkpoint for organisation {Organisation} not written, the log does not verify against the last one: {Problems}",
                        result.OrganisationId, string.Join("; ", result.Problems));
                else if (result.File is { } file)
                    log.LogInformation("Audit checkpoint for organisation {Organisation} at {Size} written to {File}", result.OrganisationId, result.Size, file);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Audit checkpoints could not be written");
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <remarks>
    /// The host may be stopped twice at once (Program's Run and the test host both call StopAsync) and disposed
    /// right after one of them: a write still running, the shutdown checkpoint, finishes before its key goes,
    /// and a later one does nothing. The semaphore is never disposed, so a late Release cannot throw.
    /// </remarks>
    public override void Dispose()
    {
        _disposed = true;
        if (_writing.Wait(TimeSpan.FromSeconds(30))) _writing.Release();
        configured.Key?.Dispose();
        base.Dispose();
    }
}
