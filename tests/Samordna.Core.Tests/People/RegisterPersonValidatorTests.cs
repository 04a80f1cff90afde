using Samordna.Core.People;

namespace Samordna.Core.Tests.People;

public class RegisterPersonValidatorTests
{
    // 23:30 UTC on 30 November is already 1 December in Sweden.
    private readonly RegisterPersonValidator _validator = new(new FixedClock(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero)));

    private static RegisterPerson Valid => new(null, "811218-9876", "Maria", "Andersson", null, Gender.Woman);

    private Dictionary<string, string[]> Errors(RegisterPerson command) =>
        _validator.Validate(command).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());

    [Fact]
    public void A_complete_person_passes() => Errors(Valid).ShouldBeEmpty();

    [Fact]
    public void Gender_must_be_given_explicitly() =>
        Errors(Valid with { Gender = null }).ShouldContainKey(nameof(RegisterPerson.Gender));

    [Fact]
    public void A_bad_number_is_reported_on_the_number_field() =>
        Errors(Valid with { IdentityNumber = "811218-9875" })[nameof(RegisterPerson.IdentityNumber)].ShouldBe(["Kontrollsiffran stämmer inte."]);

    [Fact]
    public void A_samordningsnummer_given_as_personnummer_is_refused() =>
        Errors(Valid with { IdentityKind = IdentityKind.Personnummer, IdentityNumber = "701063-2391" })
            .ShouldContainKey(nameof(RegisterPerson.IdentityNumber));

    [Fact]
    public void An_anonymous_contact_needs_a_pseudonym_and_no_number()
    {
        Errors(new RegisterPerson(IdentityKind.None, null, null, null, "Man 42", Gender.Man)).ShouldBeEmpty();
        Errors(new RegisterPerson(IdentityKind.None, null, null, null, null, Gender.Man)).ShouldContainKey(nameof(RegisterPerson.Pseudonym));
        Errors(new RegisterPerson(IdentityKind.None, "811218-9876", null, null, "Man 42", Gender.Man)).ShouldContainKey(nameof(RegisterPerson.IdentityNumber));
    }

    [Fact]
    public void A_reservnummer_is_free_text_within_limits()
    {
        Errors(Valid with { IdentityKind = IdentityKind.Reservnummer, IdentityNumber = "99-RES-1234" }).ShouldBeEmpty();
        Errors(Valid with { IdentityKind = IdentityKind.Reservnummer, IdentityNumber = "x" }).ShouldContainKey(nameof(RegisterPerson.IdentityNumber));
    }

    [Fact]
    public void Today_is_the_Swedish_date_so_a_child_born_on_the_first_of_December_can_be_registered_before_midnight_UTC()
    {
        var born = "20261201" + "0021"; // 261201-002 → check digit 1
        Errors(Valid with { IdentityNumber = born }).ShouldBeEmpty();
    }

    [Fact]
    public void Contact_details_are_checked() =>
        Errors(Valid with { Email = "not-an-address", PostalCode = "5822", Phone = "call me" })
            .Keys.ShouldBe(["PostalCode", "Phone", "Email"], ignoreOrder: true);
}
