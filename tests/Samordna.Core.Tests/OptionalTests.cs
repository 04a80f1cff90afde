namespace Samordna.Core.Tests;

public class OptionalTests
{
    [Fact]
    public void A_left_out_field_is_not_set_and_has_no_value_to_read()
    {
        Optional<Guid?> leftOut = default;
        leftOut.IsSet.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => leftOut.Value);
        var stored = Guid.NewGuid();
        leftOut.Or(stored).ShouldBe(stored);
    }

    [Fact]
    public void A_field_given_as_null_is_set_and_clears()
    {
        Optional<Guid?> cleared = null;
        cleared.IsSet.ShouldBeTrue();
        cleared.Value.ShouldBeNull();
        cleared.Or(Guid.NewGuid()).ShouldBeNull();
    }
}
