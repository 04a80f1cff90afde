using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Web.Access;
using Samordna.Web.OpenApi;

namespace Samordna.Web.Api;

/// <summary>Log review (logguppföljning) for logggranskare and enhetschefer.</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit log").RequireCapability(Capability.AuditReview);

        audit.MapGet("/entries", async Task<Ok<Page<AuditEntryView>>> (Guid? staff, Guid? person, Guid? @case, DateTimeOffset? from,
                DateTimeOffset? to, string? action, string? check, long? before, int? limit, Guid? changedStaff,
                CurrentActor actor, AuditReview review, CancellationToken ct) =>
            TypedResults.Ok(await review.Entries(await actor.Get(ct),
                new AuditFilter(staff, person, @case, from, to, QueryValues.Enum<AuditAction>(action, "action"), QueryValues.Enum<AuditCheck>(check, "check"),
                    changedStaff),
                before, limit ?? 100, ct)))
            .WithSummary("Audit entries, newest first, filtered by member of staff (`staff`: who did it), person, case, period, action, saved check " +
                         "or the member of staff changed by staff administration (`changedStaff`); keyset-paged with `before`.")
            .WithName("listAuditEntries").WithValuesOf<AuditAction>("action").WithValuesOf<AuditCheck>("check");

        audit.MapGet("/findings/{check}", async Task<Ok<IReadOnlyList<AuditFinding>>> (string check, DateTimeOffset? from, DateTimeOffset? to,
                int? threshold, CurrentActor actor, AuditReview review, CancellationToken ct) =>
            TypedResults.Ok(await review.Findings(await actor.Get(ct), QueryValues.Enum<AuditCheck>(check, "check")!.Value, from, to,
                threshold ?? AuditReview.DefaultOutsideCaseloadThreshold, ct)))
            .WithSummary("What a saved check finds in a period (default the last 30 days).")
            .WithName("getAuditFindings").WithValuesOf<AuditCheck>("check");
    }
}
