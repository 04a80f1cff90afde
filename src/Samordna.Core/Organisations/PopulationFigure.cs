using Samordna.Core.People;

namespace Samordna.Core.Organisations;

/// <summary>
/// Folkmängd: residents of a municipality (or one of its districts) in one year, by gender and age band.
/// Kept as data so statistics can give rates per 10,000 residents that compare across municipalities.
/// </summary>
public sealed class PopulationFigure : Entity
{
    private PopulationFigure() { }

    public PopulationFigure(Guid organisationId, Guid? districtId, int year, Gender gender, int ageFrom, int ageTo, int residents)
    {
        if (ageFrom < 0 || ageTo < ageFrom) throw new DomainRuleException("Åldersbandet är felaktigt.");
        if (residents < 0) throw new DomainRuleException("Folkmängden kan inte vara negativ.");
        OrganisationId = organisationId;
        DistrictId = districtId;
        Year = year;
        Gender = gender;
        AgeFrom = ageFrom;
        AgeTo = ageTo;
        Residents = residents;
    }

    public Guid OrganisationId { get; private set; }
    public Guid? DistrictId { get; private set; }
    public int Year { get; private set; }
    public Gender Gender { get; private set; }
    public int AgeFrom { get; private set; }
    public int AgeTo { get; private set; }
    public int Residents { get; private set; }
}
