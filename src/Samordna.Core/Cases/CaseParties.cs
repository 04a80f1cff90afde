using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.People;

namespace Samordna.Core.Cases;

/// <summary>Registers another person in the case, e.g. a child living in the household.</summary>
public sealed record AddCaseParty(Guid? PersonId, PartyRole? Role);

public sealed class AddCasePartyValidator : AbstractValidator<AddCaseParty>
{
    public AddCasePartyValidator()
    {
        RuleFor(c => c.PersonId).NotEmpty().WithMessage("Ange vilken person som ska läggas till.");
        const string role = "Ange personens roll i ärendet (barn, våldsutövare, våldsutsatt, vårdnadshavare eller anhörig).";
        RuleFor(c => c.Role).NotNull().WithMessage(role).IsInEnum().WithMessage(role).NotEqual(PartyRole.Subject).WithMessage(role);
    }
}

public sealed class AddCasePartyHandler(DbContext db, TimeProvider clock, IValidator<AddCaseParty> validator, AccessPolicy policy,
    AuditTrail audit, CaseQueries queries)
{
    public async Task<CaseDetails> Handle(Actor actor, Guid caseId, AddCaseParty command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var access = await policy.RequireCase(actor, caseId, CaseOperation.RecordAssessments, ct);
        var person = await policy.RequirePerson(actor, command.PersonId!.Value, ct);
        var @case = await db.Set<Case>().Include(c => c.Parties).SingleAsync(c => c.Id == caseId, ct);

        db.Add(@case.AddParty(person.Id, command.Role!.Value));
        // A child in the household of a victim or a perpetrator must be reported to child welfare, or a
        // reason recorded why not: until then the adult case cannot be closed.
        if (command.Role == PartyRole.Child && @case.Type is CaseType.AdultVictim or CaseType.Perpetrator)
            db.Add(new CaseTask(@case, TaskKind.ChildInHousehold, $"Orosanmälan för barnet {person.DisplayName} eller skäl till att den inte görs",
                required: true, clock.GetUtcNow(), personId: person.Id));
        audit.CaseAccessed(actor, AuditAction.AddParty, access, [person.Id]);
        await db.SaveChangesAsync(ct);
        return await queries.Details(actor, access, ct);
    }
}
