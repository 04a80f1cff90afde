using FluentValidation;

namespace Samordna.Core.Tests.Text;

public class TextRuleTests
{
    [Theory]
    [InlineData("\u200B")] // zero-width space
    [InlineData("\u200B\u2060\uFEFF")] // zero-width space, word joiner, BOM
    [InlineData("\u202E\u202D\u2066")] // bidi overrides and isolate
    [InlineData(" \u00A0\u3000 ")] // spaces of several kinds
    [InlineData("\u3164\u115F")] // Hangul fillers that render as nothing
    public void A_name_of_only_invisible_characters_is_refused(string name) =>
        TextRule.ProblemOf(name, TextKind.Name).ShouldNotBeNull();

    [Theory]
    [InlineData("Anna\u0000")]
    [InlineData("An\u0007na")]
    [InlineData("Anna\nSvensson")]
    [InlineData("Anna\u009B")]
    public void A_name_has_no_control_characters_or_line_breaks(string name) =>
        TextRule.ProblemOf(name, TextKind.Name).ShouldNotBeNull();

    [Fact]
    public void Free_text_may_have_line_breaks_and_tabs_but_no_other_control_characters()
    {
        TextRule.ProblemOf("Första raden\r\n\tandra raden", TextKind.FreeText).ShouldBeNull();
        TextRule.ProblemOf("Text\u001B[31m", TextKind.FreeText).ShouldNotBeNull();
        TextRule.ProblemOf("\n\t\n", TextKind.FreeText).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("Åsa Öberg")]
    [InlineData("Zoë O'Brien-Łukasz")]
    [InlineData("محمد")]
    [InlineData("Ann\u200Da")] // a joiner inside real letters is someone's spelling, not an empty name
    public void Real_names_pass(string name) => TextRule.ProblemOf(name, TextKind.Name).ShouldBeNull();

    [Fact]
    public void A_lone_surrogate_is_refused_and_left_as_it_is()
    {
        TextRule.ProblemOf("Anna\uD800", TextKind.Name).ShouldNotBeNull();
        TextRule.Normalize("Anna\uD800").ShouldBe("Anna\uD800");
    }

    [Fact]
    public void Text_is_stored_composed_and_trimmed()
    {
        var decomposed = "  A\u030Asa\t";
        TextRule.Normalize(decomposed).ShouldBe("\u00C5sa");
        TextRule.Normalize(null).ShouldBeNull();
    }

    [Fact]
    public void Require_names_the_field()
    {
        var refused = Should.Throw<ValidationException>(() => TextRule.Require("\u200B", "reason", TextKind.FreeText));
        refused.Errors.Single().PropertyName.ShouldBe("reason");
    }
}

public class DateWindowTests
{
    private sealed record Event(DateTimeOffset? At, DateOnly? Born);

    private sealed class EventValidator : AbstractValidator<Event>
    {
        public EventValidator(TimeProvider clock)
        {
            RuleFor(e => e.At).HasHappened(clock);
            RuleFor(e => e.Born).IsBirthDate(clock);
        }
    }

    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2026-12-04T12:06:00Z")]
    public void An_event_before_1970_or_in_the_future_is_refused(string at) =>
        new EventValidator(Clock).Validate(new Event(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), null))
            .IsValid.ShouldBeFalse();

    [Fact]
    public void An_event_now_or_within_the_clock_slack_is_accepted()
    {
        var validator = new EventValidator(Clock);
        validator.Validate(new Event(Clock.GetUtcNow(), null)).IsValid.ShouldBeTrue();
        validator.Validate(new Event(Clock.GetUtcNow().AddMinutes(4), null)).IsValid.ShouldBeTrue();
        validator.Validate(new Event(new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero), null)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_birth_date_is_between_1890_and_today()
    {
        var validator = new EventValidator(Clock);
        validator.Validate(new Event(null, DateOnly.MinValue)).IsValid.ShouldBeFalse();
        validator.Validate(new Event(null, new DateOnly(2026, 12, 5))).IsValid.ShouldBeFalse();
        validator.Validate(new Event(null, new DateOnly(1935, 5, 1))).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    [InlineData(1969, 12, 31)]
    public void A_period_day_outside_the_window_is_a_field_error(int year, int month, int day)
    {
        var refused = Should.Throw<ValidationException>(() => DateWindows.RequirePeriodDay(new DateOnly(year, month, day), "to", Clock));
        refused.Errors.Single().PropertyName.ShouldBe("to");
    }
}
