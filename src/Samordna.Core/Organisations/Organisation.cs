namespace Samordna.Core.Organisations;

/// <summary>
/// A municipality (kommun) whose social welfare committee owns the records. Everything that holds
/// case data carries its id, so a county's many municipalities can share one installation and the
/// data can later be partitioned or distributed by it.
/// </summary>
public sealed class Organisation : Aggregate
{
    private Organisation() { }

    public Organisation(string name, string municipalityCode)
    {
        if (municipalityCode.Length != 4 || !municipalityCode.All(char.IsAsciiDigit))
            throw new DomainRuleException("Kommunkoden har fyra siffror, t.ex. 0580 för Linköping.");
        Name = name.Trim();
        MunicipalityCode = municipalityCode;
    }

    public string Name { get; private set; } = "";

    /// <summary>Kommunkod: four digits; the first two are the county code (länskod).</summary>
    public string MunicipalityCode { get; private set; } = "";

    public string CountyCode => MunicipalityCode[..2];
}

/// <summary>Stadsdel/kommundel: a part of a municipality that has its own units and population figures.</summary>
public sealed class District : Entity
{
    private District() { }

    public District(Guid organisationId, string name)
    {
        OrganisationId = organisationId;
        Name = name.Trim();
    }

    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
}
