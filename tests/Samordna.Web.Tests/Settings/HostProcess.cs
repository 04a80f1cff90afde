using System.Diagnostics;
using System.Text;

namespace Samordna.Web.Tests.Settings;

/// <summary>
/// Runs the built web host or <c>samordna</c> command as a child process, as an operator would, with only the
/// environment given (no Samordna setting leaks in from the test run), and waits a bounded time for it.
/// </summary>
internal static class HostProcess
{
    public static string WebHost => Path.Combine(AppContext.BaseDirectory, "Samordna.Web.dll");
    public static string Cli => Path.Combine(AppContext.BaseDirectory, "samordna.dll");

    public sealed record Exit(int Code, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static ProcessStartInfo Start(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // The SDK's own host when the test run names it, so the child runs on the same runtime as the tests.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.ToList())
            if (key.StartsWith("Samordna", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
                || key is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" or "ASPNETCORE_URLS")
                start.Environment.Remove(key);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }

    /// <summary>Runs to its end; a process still running after <paramref name="timeout"/> is killed and fails the test.</summary>
    public static async Task<Exit> Run(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{string.Join(' ', start.ArgumentList)} did not exit within {timeout}: {await output} {await error}");
        }
        return new Exit(process.ExitCode, await output, await error);
    }

    /// <summary>Waits until the process writes <paramref name="line"/> to standard output, then stops it; false if it exits or times out first.</summary>
    public static async Task<(bool Seen, string Output)> RunUntil(ProcessStartInfo start, string line, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        var seen = new TaskCompletionSource();
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (e.Data.Contains(line, StringComparison.Ordinal)) seen.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(seen.Task, process.WaitForExitAsync(), Task.Delay(timeout));
        var found = finished == seen.Task;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        lock (output) return (found, output.ToString());
    }
}
