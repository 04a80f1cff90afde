namespace Samordna.Core.People;

/// <summary>
/// Kön. Always one of these explicit values, never null: a statistic that silently drops people whose
/// gender was not filled in (seed 002 lost ten that way) cannot be trusted.
/// </summary>
public enum Gender
{
    /// <summary>Kvinna.</summary>
    Woman,

    /// <summary>Man.</summary>
    Man,

    /// <summary>Annan: another gender identity.</summary>
    Other,

    /// <summary>Okänt / vill ej uppge: not known or the person does not want to say.</summary>
    Unknown,
}
