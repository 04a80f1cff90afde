namespace Samordna.Core.OpenTalks;

/// <summary>
/// Configuration <c>Samordna:OpenTalks</c>. Municipalities differ in how many friyta talks they offer
/// (usually 5, Järfälla 12); a contact keeps the limit that was in force when it started.
/// </summary>
public sealed class OpenTalkSettings
{
    public const string Section = "Samordna:OpenTalks";
    public const int DefaultTalkLimit = 5;

    /// <summary><c>Samordna:OpenTalks:TalkLimit</c>: talks a contact may have before it must become a case or end (1–50).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 50, ErrorMessage = "must be between 1 and 50")]
    public int TalkLimit { get; set; } = DefaultTalkLimit;
}
