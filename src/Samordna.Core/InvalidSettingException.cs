namespace Samordna.Core;

/// <summary>
/// A setting the host or the <c>samordna</c> command cannot run with. The message is one line that names the
/// setting, the value found and what is allowed, e.g. <c>Samordna:OpenTalks:TalkLimit = 51: must be between 1 and 50</c>;
/// the host prints it and exits instead of failing a request later. An <see cref="InvalidOperationException"/>,
/// so code that reads settings the old way still catches it.
/// </summary>
public sealed class InvalidSettingException : InvalidOperationException
{
    /// <param name="setting">The full key, as in appsettings (<c>Samordna:OpenTalks:TalkLimit</c>).</param>
    /// <param name="value">What was configured, or null when the problem is that it is missing.</param>
    /// <param name="allowed">What would be accepted, starting with a verb: "must be between 1 and 50".</param>
    public InvalidSettingException(string setting, string? value, string allowed)
        : base(OneLine(value is null ? $"{setting}: {allowed}" : $"{setting} = {value}: {allowed}"))
    {
        Setting = setting;
    }

    /// <summary>A problem already described in a sentence by the code that read the setting.</summary>
    public InvalidSettingException(string message, Exception? inner = null) : base(OneLine(message), inner) { }

    /// <summary>The key at fault, when a single one is.</summary>
    public string? Setting { get; }

    // Printed as the one line the host ends with: no message may break it over several.
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
