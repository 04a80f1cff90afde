using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.Staff;

namespace Samordna.Core.Tests.Cases;

public class CaseGroupTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 15, 0, TimeSpan.Zero);
    private readonly Guid _organisation = Guid.NewGuid();
    private readonly Guid _violenceTeam = Guid.NewGuid();
    private readonly Guid _treatmentCentre = Guid.NewGuid();

    private CaseGroup Household() => new(_organisation, _violenceTeam, CaseGroupKind.Household, "Hushåll 2026-14", Created);

    private Actor StaffOf(Guid unit, StaffRole role = StaffRole.Caseworker) => new(Guid.NewGuid(), _organisation, "Handläggare", [new UnitRole(unit, role)]);

    [Fact]
    public void An_empty_group_admits_a_link_by_case_workers_of_the_unit_that_created_it()
    {
        Household().AdmitsLinkBy(StaffOf(_violenceTeam), hasCases: false, mayOpenACaseInIt: false).ShouldBeTrue();
        Household().AdmitsLinkBy(StaffOf(_violenceTeam, StaffRole.UnitManager), hasCases: false, mayOpenACaseInIt: false).ShouldBeTrue();
    }

    [Fact]
    public void An_empty_group_refuses_a_link_by_another_unit_even_when_its_id_is_known() =>
        Household().AdmitsLinkBy(StaffOf(_treatmentCentre), hasCases: false, mayOpenACaseInIt: false).ShouldBeFalse();

    [Fact]
    public void A_role_without_case_content_in_the_creating_unit_does_not_count() =>
        Household().AdmitsLinkBy(StaffOf(_violenceTeam, StaffRole.SystemAdministrator), hasCases: false, mayOpenACaseInIt: false).ShouldBeFalse();

    [Fact]
    public void A_group_with_cases_admits_whoever_may_open_one_of_them_in_any_unit() =>
        Household().AdmitsLinkBy(StaffOf(_treatmentCentre), hasCases: true, mayOpenACaseInIt: true).ShouldBeTrue();

    [Fact]
    public void Once_the_group_has_cases_the_creating_unit_needs_one_it_may_open_like_everyone_else() =>
        Household().AdmitsLinkBy(StaffOf(_violenceTeam), hasCases: true, mayOpenACaseInIt: false).ShouldBeFalse();
}
