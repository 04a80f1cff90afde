using Samordna.Core.Cases;
using Samordna.Core.OpenTalks;
using Samordna.Core.People;

namespace Samordna.Core.Tests.OpenTalks;

public class OpenTalkValidatorTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private readonly ConvertOpenTalkValidator _convert = new(Clock, new RegisterPersonValidator(Clock));
    private readonly StartOpenTalkValidator _start = new(Clock);
    private readonly EndOpenTalkValidator _end = new();

    private static ConvertOpenTalk WithConsent => new(Guid.NewGuid(), IntakeChannel.SelfReferral,
        new GivenConsent(ConsentMethod.Written, "Registrering av ärende och utredning"));

    private static Dictionary<string, string[]> Errors(FluentValidation.Results.ValidationResult result) =>
        result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());

    [Fact]
    public void A_conversion_keeping_the_pseudonym_passes() => Errors(_convert.Validate(WithConsent)).ShouldBeEmpty();

    [Fact]
    public void A_personnummer_given_at_conversion_is_checked_by_the_register_s_rules()
    {
        Errors(_convert.Validate(WithConsent with { IdentityNumber = "811218-9876", FirstName = "Karl", LastName = "Svensson" })).ShouldBeEmpty();
        Errors(_convert.Validate(WithConsent with { IdentityNumber = "811218-9875", FirstName = "Karl", LastName = "Svensson" }))
            [nameof(ConvertOpenTalk.IdentityNumber)].ShouldBe(["Kontrollsiffran stämmer inte."]);
        Errors(_convert.Validate(WithConsent with { IdentityNumber = "811218-9876" })).ShouldContainKey("lastName");
    }

    [Fact]
    public void A_consent_on_record_says_how_and_what_it_covers()
    {
        var errors = Errors(_convert.Validate(WithConsent with { Consent = new GivenConsent(null, " ") }));
        errors.Keys.ShouldBe(["consent.method", "consent.covers"], ignoreOrder: true);
    }

    [Fact]
    public void A_case_from_friyta_comes_by_self_referral_or_through_the_victim_s_case()
    {
        Errors(_convert.Validate(WithConsent with { Channel = IntakeChannel.VictimsCase })).ShouldBeEmpty();
        Errors(_convert.Validate(WithConsent with { Channel = IntakeChannel.PoliceReport })).ShouldContainKey(nameof(ConvertOpenTalk.Channel));
    }

    [Fact]
    public void A_new_anonymous_contact_needs_a_pseudonym_and_a_gender_and_no_number()
    {
        Errors(_start.Validate(new StartOpenTalk(Guid.NewGuid(), CaseType.Perpetrator, Pseudonym: "Man 42", Gender: Gender.Man))).ShouldBeEmpty();
        Errors(_start.Validate(new StartOpenTalk(Guid.NewGuid(), CaseType.Perpetrator))).Keys
            .ShouldBe([nameof(StartOpenTalk.Pseudonym), nameof(StartOpenTalk.Gender)], ignoreOrder: true);
        Errors(_start.Validate(new StartOpenTalk(Guid.NewGuid(), CaseType.Child, Pseudonym: "Barn", Gender: Gender.Unknown)))
            .ShouldContainKey(nameof(StartOpenTalk.Concerns));
    }

    [Fact]
    public void Ending_names_a_dropout_reason() =>
        Errors(_end.Validate(new EndOpenTalk(null))).ShouldContainKey(nameof(EndOpenTalk.Reason));
}
