using System.Diagnostics;

namespace Samordna.Web.Tests.Api;

/// <summary>
/// The npm tools in tests/openapi/ (versions pinned by its package-lock.json): installed with <c>npm ci</c>
/// when node_modules is missing, run with Node. No Node or npm on the machine fails the test: these checks
/// are never skipped. One at a time, as both providers' test classes share the folder.
/// </summary>
public static class OpenApiTools
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static string Folder { get; } = FindFolder();

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Samordna.slnx")))
                return Path.Combine(directory.FullName, "tests", "openapi");
        throw new InvalidOperationException($"No Samordna.slnx above {AppContext.BaseDirectory}.");
    }

    /// <summary>Runs <paramref name="work"/> alone, with the tools installed.</summary>
    public static async Task<T> Exclusively<T>(Func<Task<T>> work)
    {
        await OneAtATime.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
            {
                var install = await Run("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(3));
                install.ExitCode.ShouldBe(0, $"npm ci in {Folder} failed:\n{install.Output}");
            }
            return await work();
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>A tool from node_modules/.bin, run by node.</summary>
    public static Task<ToolRun> Tool(string name, IEnumerable<string> arguments, TimeSpan timeout) =>
        Run("node", [Path.Combine(Folder, "node_modules", ".bin", name), .. arguments], timeout);

    public static async Task<ToolRun> Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Redocly would otherwise send usage data and look for updates: the checks stay on this machine.
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} took longer than {timeout}:\n{await stdout}\n{await stderr}");
        }
        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }
}

public sealed record ToolRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => $"{StandardOutput}\n{StandardError}";
}
