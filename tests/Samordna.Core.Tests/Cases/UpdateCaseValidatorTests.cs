using Samordna.Core.Cases;

namespace Samordna.Core.Tests.Cases;

public class UpdateCaseValidatorTests
{
    private readonly UpdateCaseValidator _validator = new();

    private static string[] Invalid(FluentValidation.Results.ValidationResult result) => result.Errors.Select(e => e.PropertyName).ToArray();

    [Fact]
    public void An_update_that_leaves_every_field_out_needs_only_the_version() =>
        Invalid(_validator.Validate(new UpdateCase(3, default, default, default))).ShouldBeEmpty();

    [Fact]
    public void The_version_read_is_required_even_when_nothing_else_is_given() =>
        Invalid(_validator.Validate(new UpdateCase(null, default, default, default))).ShouldBe([nameof(UpdateCase.Version)]);

    [Fact]
    public void A_summary_that_is_given_is_limited_in_length_and_named_by_its_field()
    {
        Invalid(_validator.Validate(new UpdateCase(0, new string('x', 2_001), default, default))).ShouldBe([nameof(UpdateCase.Summary)]);
        Invalid(_validator.Validate(new UpdateCase(0, new string('x', 2_000), default, default))).ShouldBeEmpty();
        Invalid(_validator.Validate(new UpdateCase(0, null, null, null))).ShouldBeEmpty();
    }
}
