namespace Samordna.Core.Organisations;

/// <summary>Enhet: a team or section of the social services that owns cases or delivers interventions.</summary>
public sealed class Unit : Aggregate
{
    private Unit() { }

    public Unit(Guid organisationId, string name, UnitKind kind, Guid? districtId = null)
    {
        OrganisationId = organisationId;
        Name = name.Trim();
        Kind = kind;
        DistrictId = districtId;
    }

    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public UnitKind Kind { get; private set; }
    public Guid? DistrictId { get; private set; }
}

public enum UnitKind
{
    /// <summary>Relationsvåldsteam: myndighetsutövning (investigation and decisions) for violence in close relationships.</summary>
    ViolenceTeam,

    /// <summary>Relationsvåldscentrum / öppenvård / mottagning: treatment and support talks.</summary>
    TreatmentCentre,

    /// <summary>Barn och unga: child welfare (orosanmälan, förhandsbedömning, child investigations).</summary>
    ChildrenAndYoungPeople,

    /// <summary>Familjerätt: custody, residence and contact questions.</summary>
    FamilyLaw,

    /// <summary>Försörjningsstöd: income support, often where violence is discovered first.</summary>
    IncomeSupport,

    /// <summary>Barnahus: joint work of police, prosecutor, social services and healthcare with children.</summary>
    Barnahus,

    /// <summary>Socialjour: the out-of-hours emergency service.</summary>
    OutOfHoursService,

    Other,
}
