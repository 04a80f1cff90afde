using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;

namespace Samordna.Core.Classification;

public sealed record ClassificationTermView(string Code, ClassificationDimension Dimension, string Label);

/// <summary>Sets the case's classification: codes from the shared catalogue; <see cref="Version"/> is the version read.</summary>
public sealed record ClassifyCase(long? Version, IReadOnlyList<string>? Codes);

public sealed class Classifier(DbContext db, AccessPolicy policy, AuditTrail audit, CaseQueries queries)
{
    /// <summary>The active terms, in catalogue order.</summary>
    public async Task<IReadOnlyList<ClassificationTermView>> Catalogue(CancellationToken ct) =>
        await db.Set<ClassificationTerm>().AsNoTracking().Where(t => t.Active).OrderBy(t => t.Order)
            .Select(t => new ClassificationTermView(t.Code, t.Dimension, t.Label)).ToListAsync(ct);

    public async Task<CaseDetails> Classify(Actor actor, Guid caseId, ClassifyCase command, CancellationToken ct)
    {
        if (command.Version is null)
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("version", "Ange vilken version av ärendet ändringen bygger på.")]);
        var codes = (command.Codes ?? []).Distinct().ToList();
        var known = await db.Set<ClassificationTerm>().Where(t => t.Active && codes.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
        var unknown = codes.Except(known).ToList();
        if (unknown.Count > 0)
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("codes",
                $"Okända eller avvecklade koder: {string.Join(", ", unknown)}. Se GET /api/v1/classification.")]);

        var access = await policy.RequireCase(actor, caseId, CaseOperation.RecordAssessments, ct);
        var @case = await db.Set<Case>().SingleAsync(c => c.Id == caseId, ct);
        @case.EnsureVersion(command.Version.Value);
        @case.EnsureOpen();
        @case.Classify(codes);
        audit.CaseAccessed(actor, AuditAction.UpdateCase, access);
        await db.SaveChangesAsync(ct);
        return await queries.Details(actor, access, ct);
    }
}
