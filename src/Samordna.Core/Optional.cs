namespace Samordna.Core;

/// <summary>
/// A field of a change that the client may leave out. <see cref="IsSet"/> keeps "left out" (keep what
/// is stored) apart from "given as null" (clear it), which a plain nullable cannot: a client that
/// changes one field must not clear the others by not mentioning them.
/// </summary>
public readonly struct Optional<T>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>The client gave the field, possibly as null.</summary>
    public bool IsSet { get; }

    /// <summary>
    /// The value given. Asking for it when none was given is a bug in the caller, so it throws instead
    /// of answering default — which would clear the stored value, the very mistake this type prevents.
    /// </summary>
    public T Value => IsSet ? _value : throw new InvalidOperationException("The field was left out; check IsSet before reading its value.");

    /// <summary>The value given, or <paramref name="current"/> when the field was left out.</summary>
    public T Or(T current) => IsSet ? _value : current;

    public static implicit operator Optional<T>(T value) => new(value);

    public override string ToString() => IsSet ? $"{_value}" : "(left out)";
}
