using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Organisations;
using Samordna.Core.People;

namespace Samordna.Core.Cases;

/// <summary>Opens a case about a registered person in one of the municipality's units.</summary>
/// <param name="Channel">Aktualisering: how the matter came in. A report about a child goes through <see cref="FileReportOfConcern"/>.</param>
public sealed record OpenCase(CaseType? Type, Guid? OwningUnitId, Guid? SubjectPersonId, IntakeChannel? Channel,
    DateTimeOffset? ReceivedAt = null, string? Summary = null, Guid? CaseGroupId = null, Guid? ResponsibleStaffId = null);

public sealed class OpenCaseValidator : AbstractValidator<OpenCase>
{
    public OpenCaseValidator(TimeProvider clock)
    {
        RuleFor(c => c.Type).NotNull().WithMessage("Ärendetyp måste anges: våldsutsatt vuxen, våldsutövare eller barn.").IsInEnum().WithMessage("Ärendetyp måste anges: våldsutsatt vuxen, våldsutövare eller barn.");
        RuleFor(c => c.OwningUnitId).NotEmpty().WithMessage("Ange vilken enhet som äger ärendet.");
        RuleFor(c => c.SubjectPersonId).NotEmpty().WithMessage("Ange vem ärendet gäller.");
        const string channel = "Ange hur ärendet aktualiserades: application, policeReport, selfReferral, internalDiscovery, victimsCase, " +
                               "probationService, otherMunicipality, womensShelter eller nationalHelpline.";
        RuleFor(c => c.Channel).NotNull().WithMessage(channel).IsInEnum().WithMessage(channel)
            .NotEqual(IntakeChannel.ReportOfConcern).WithMessage("En orosanmälan registreras som orosanmälan (POST /api/v1/reports-of-concern), så att fristerna börjar löpa.");
        RuleFor(c => c.ReceivedAt).HasHappened(clock, "Ett ärende kan inte ha kommit in i framtiden.");
        RuleFor(c => c.Summary).MaximumLength(2_000).Text(TextKind.FreeText);
    }
}

public sealed class OpenCaseHandler(DbContext db, TimeProvider clock, IValidator<OpenCase> validator,
    AccessPolicy policy, AuditTrail audit, CaseQueries queries, CaseDeadlines deadlines)
{
    public async Task<CaseDetails> Handle(Actor actor, OpenCase command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var org = actor.OrganisationId;

        // Ids that do not exist in the caller's municipality are answered as missing, never as "belongs elsewhere".
        if (!await db.Set<Unit>().AnyAsync(u => u.Id == command.OwningUnitId && u.OrganisationId == org, ct))
            throw new NotFoundException("Enheten", command.OwningUnitId!);
        AccessPolicy.RequireUnitStaff(actor, command.OwningUnitId!.Value, "Du kan bara öppna ärenden i en enhet där du själv arbetar med ärenden.");
        var subject = await policy.RequirePerson(actor, command.SubjectPersonId!.Value, ct);

        var @case = new Case(org, command.Type!.Value, command.OwningUnitId!.Value, command.SubjectPersonId!.Value,
            (command.ReceivedAt ?? clock.GetUtcNow()).ToUniversalTime(), actor.StaffMemberId, command.Summary,
            new Intake(command.Channel!.Value, null, command.OwningUnitId.Value));
        await CaseAssignments.Assign(db, org, @case, command.ResponsibleStaffId, ct);
        await CaseAssignments.Link(db, policy, actor, @case, command.CaseGroupId, ct);

        db.Add(@case);
        db.AddRange(deadlines.ForNewCase(@case, clock.GetUtcNow()));
        var access = new CaseAccess(@case.Id, @case.OwningUnitId, CaseAccessRoute.OwningUnit,
            AccessPolicy.BestRoleIn(actor, @case.OwningUnitId), null, @case.ResponsibleStaffId);
        audit.CaseAccessed(actor, AuditAction.OpenCase, access, [subject.Id]);
        await db.SaveChangesAsync(ct);
        return await queries.Details(actor, access, ct);
    }
}
