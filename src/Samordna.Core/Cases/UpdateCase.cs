using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Staff;

namespace Samordna.Core.Cases;

/// <summary>
/// Changes the case's description, responsible member of staff and case group. <see cref="Version"/>
/// is the version the caller read: if someone else saved in between, the update is refused (409).
/// A field left out stays as it is; a field given as null is cleared.
/// </summary>
public sealed record UpdateCase(long? Version, Optional<string?> Summary, Optional<Guid?> ResponsibleStaffId, Optional<Guid?> CaseGroupId);

public sealed class UpdateCaseValidator : AbstractValidator<UpdateCase>
{
    public UpdateCaseValidator()
    {
        RuleFor(c => c.Version).NotNull().WithMessage("Ange vilken version av ärendet ändringen bygger på.");
        RuleFor(c => c.Summary.Value).MaximumLength(2_000).When(c => c.Summary.IsSet).OverridePropertyName(nameof(UpdateCase.Summary));
        RuleFor(c => c.Summary.Value).Text(TextKind.FreeText).When(c => c.Summary.IsSet).OverridePropertyName(nameof(UpdateCase.Summary));
    }
}

public sealed class UpdateCaseHandler(DbContext db, IValidator<UpdateCase> validator, AccessPolicy policy, AuditTrail audit, CaseQueries queries)
{
    public async Task<CaseDetails> Handle(Actor actor, Guid caseId, UpdateCase command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var access = await policy.RequireCase(actor, caseId, CaseOperation.EditCase, ct);
        var @case = await db.Set<Case>().SingleAsync(c => c.Id == caseId, ct);

        @case.EnsureVersion(command.Version!.Value);
        if (command.Summary.IsSet) @case.Describe(command.Summary.Value);
        if (command.ResponsibleStaffId.IsSet) await CaseAssignments.Assign(db, actor.OrganisationId, @case, command.ResponsibleStaffId.Value, ct);
        if (command.CaseGroupId.IsSet) await CaseAssignments.Link(db, policy, actor, @case, command.CaseGroupId.Value, ct);

        audit.CaseAccessed(actor, AuditAction.UpdateCase, access);
        // Two requests that both read the same version race here; the data layer's version check lets
        // exactly one of them through and the other gets a concurrency conflict (and its audit entry is rolled back with it).
        await db.SaveChangesAsync(ct);
        return await queries.Details(actor, access, ct);
    }
}

/// <summary>Resolves the staff member and case group a case is tied to, within the caller's municipality.</summary>
internal static class CaseAssignments
{
    public static async Task Assign(DbContext db, Guid organisationId, Case @case, Guid? staffMemberId, CancellationToken ct)
    {
        if (staffMemberId is { } id &&
            !await db.Set<StaffMember>().AnyAsync(s => s.Id == id && s.OrganisationId == organisationId && s.Active, ct))
            throw new NotFoundException("Medarbetaren", id);
        @case.AssignTo(staffMemberId);
    }

    /// <summary>
    /// Links the case to a group, or takes it out of its group (null), which whoever may change the case
    /// may do. A group the actor may not link to (<see cref="CaseGroup.AdmitsLinkBy"/>) is answered exactly
    /// like a missing id, so trying ids teaches nothing about other units' households.
    /// </summary>
    public static async Task Link(DbContext db, AccessPolicy policy, Actor actor, Case @case, Guid? groupId, CancellationToken ct)
    {
        CaseGroup? group = null;
        if (groupId is { } id)
        {
            var readable = policy.ReadableCases(actor);
            var found = await db.Set<CaseGroup>()
                .Where(g => g.Id == id && g.OrganisationId == actor.OrganisationId)
                .Select(g => new
                {
                    Group = g,
                    HasCases = db.Set<Case>().Any(c => c.CaseGroupId == g.Id),
                    MayOpenACaseInIt = readable.Any(c => c.CaseGroupId == g.Id),
                })
                .SingleOrDefaultAsync(ct);
            if (found is null || !found.Group.AdmitsLinkBy(actor, found.HasCases, found.MayOpenACaseInIt))
                throw new NotFoundException("Ärendegruppen", id);
            group = found.Group;
        }
        @case.LinkToGroup(group);
    }
}
