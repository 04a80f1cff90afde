using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Samordna.Core;

namespace Samordna.Web.Problems;

/// <summary>
/// The one table from exceptions to RFC 7807 problem details. Expected failures of the use cases get
/// their status and a message the user can act on; anything else is a 500 that says nothing about
/// the data (no exception text, which could carry personal data, ever reaches the client).
/// </summary>
public sealed class ProblemMapping(ILogger<ProblemMapping> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ValidationException invalid => Problem.Validation(invalid.Errors
                .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
            BadHttpRequestException { InnerException: JsonException json } => JsonBodyProblem.For(http, json),
            BadHttpRequestException bad when JsonBodyProblem.ForParameter(bad) is { } parameter => parameter,
            BadHttpRequestException bad => new Problem(bad.StatusCode, "Felaktig begäran", bad.Message),
            NotFoundException missing => new Problem(StatusCodes.Status404NotFound, "Finns inte", missing.Message),
            ForbiddenException forbidden => new Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", forbidden.Message, Operation: forbidden.Operation),
            DomainRuleException rule => new Problem(StatusCodes.Status409Conflict, "Ändringen strider mot en regel", rule.Message),
            ConcurrencyConflictException conflict => new Problem(StatusCodes.Status409Conflict, "Ändrad av någon annan", conflict.Message),
            // Two requests that both passed the "is it free?" check (same identity number, user name, queue
            // place) meet at the unique index: the second is a conflict like any other, not a server error.
            DbUpdateException { InnerException: var inner } when IsUniqueViolation(inner) => new Problem(StatusCodes.Status409Conflict,
                "Finns redan", "Uppgiften registrerades samtidigt av någon annan och finns redan. Läs in uppgifterna igen."),
            DbUpdateConcurrencyException => new Problem(StatusCodes.Status409Conflict, "Ändrad av någon annan",
                "Någon annan sparade en ändring samtidigt. Läs in uppgifterna igen och gör om ändringen."),
            UnauthorizedAccessException => new Problem(StatusCodes.Status401Unauthorized, "Inte inloggad", "Logga in igen."),
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = new Problem(StatusCodes.Status500InternalServerError, "Ett oväntat fel inträffade",
                "Felet är loggat. Försök igen; kvarstår det, kontakta systemförvaltaren och ange referensen.");
        }
        await ProblemResponses.Write(http, problem);
        return true;
    }

    /// <summary>A unique index refused the row: PostgreSQL's 23505, SQLite's constraint error for UNIQUE or PRIMARY KEY.</summary>
    internal static bool IsUniqueViolation(Exception? exception) => exception switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}

/// <summary>What goes into a problem response.</summary>
/// <param name="Operation">For a refused operation on something the caller may see: which one (a problem-details extension).</param>
public sealed record Problem(int Status, string Title, string? Detail, Dictionary<string, string[]>? Errors = null, string? Operation = null)
{
    public static Problem Validation(Dictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "Uppgifterna är inte giltiga", "Rätta fälten som anges och försök igen.", errors);
}
