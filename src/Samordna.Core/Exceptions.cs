namespace Samordna.Core;

// Expected failures of a use case. The web host maps each kind to one problem-details status in one
// table (Samordna.Web/Problems/ProblemMapping.cs), so pages and API answer the same way.

/// <summary>The thing asked for does not exist, or the caller may not know that it exists.</summary>
public sealed class NotFoundException(string what, object id)
    : Exception($"{what} {id} finns inte.")
{
    public string What { get; } = what;
}

/// <summary>The change breaks a rule of the domain; the message says which rule, in words a user understands.</summary>
public sealed class DomainRuleException(string message) : Exception(message);

/// <summary>Someone else changed the aggregate after the caller read it.</summary>
public sealed class ConcurrencyConflictException(string what, Guid id)
    : Exception($"{what} {id} har ändrats av någon annan sedan du läste den. Läs in den igen och gör om ändringen.");

/// <summary>The caller may know the thing exists but may not do this with it (403).</summary>
/// <param name="Operation">The operation refused, as the API names it (e.g. "closeOrReopen"), when there is one.</param>
public sealed class ForbiddenException(string message, string? operation = null) : Exception(message)
{
    /// <summary>A refusal of <paramref name="operation"/> (a case, person or friyta operation), named as the API names it.</summary>
    public ForbiddenException(string message, Enum operation) : this(message, NameOf(operation)) { }

    public string? Operation { get; } = operation;

    /// <summary>An operation as the API names every enum value: camelCase.</summary>
    public static string NameOf(Enum operation) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(operation.ToString());
}
