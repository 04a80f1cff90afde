namespace Samordna.Core.Cases;

/// <summary>
/// Aktualisering: how the matter reached the social services. The legal clock starts at
/// <see cref="Case.ReceivedAt"/>; the channel says which rules and counts apply.
/// </summary>
public sealed record Intake(IntakeChannel Channel, ReporterKind? Reporter, Guid ReceivingUnitId);

public enum IntakeChannel
{
    /// <summary>Ansökan: the person applies for help.</summary>
    Application,

    /// <summary>Orosanmälan: a report of concern about a child.</summary>
    ReportOfConcern,

    /// <summary>Polisanmälan / underrättelse från polisen.</summary>
    PoliceReport,

    /// <summary>Egen kontakt: the person gets in touch on their own (or on their partner's) initiative.</summary>
    SelfReferral,

    /// <summary>Intern upptäckt: found by another unit, e.g. by a routine screening question.</summary>
    InternalDiscovery,

    /// <summary>Via the victim's case: the person who uses violence is found through it.</summary>
    VictimsCase,

    /// <summary>Kriminalvården / frivården.</summary>
    ProbationService,

    /// <summary>Annan kommun: moved or referred from another municipality.</summary>
    OtherMunicipality,

    /// <summary>Kvinnojour (or another shelter NGO).</summary>
    WomensShelter,

    /// <summary>Kvinnofridslinjen, the national helpline.</summary>
    NationalHelpline,
}

/// <summary>Who made an orosanmälan.</summary>
public enum ReporterKind
{
    School,
    Preschool,
    Police,
    Healthcare,
    Relative,
    Other,
}
