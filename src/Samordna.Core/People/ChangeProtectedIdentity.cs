using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;

namespace Samordna.Core.People;

/// <summary>
/// Gives an already registered person skyddade personuppgifter, changes the level, or takes it away (for
/// example when Skatteverket's marking is lifted). <see cref="Version"/> is the version of the person read.
/// </summary>
public sealed record ChangeProtectedIdentity(long? Version, ProtectedIdentityLevel? Level);

public sealed class ChangeProtectedIdentityValidator : AbstractValidator<ChangeProtectedIdentity>
{
    public ChangeProtectedIdentityValidator()
    {
        RuleFor(c => c.Version).NotNull().WithMessage("Ange vilken version av personen ändringen bygger på.");
        const string level = "Ange nivå: none, confidentialityMarking, protectedRegistration eller fictitiousIdentity.";
        RuleFor(c => c.Level).NotNull().WithMessage(level).IsInEnum().WithMessage(level);
    }
}

/// <summary>
/// Its own permission: only the units that answer for the record (the one that registered the person, or
/// one that owns a case they are a party in) change it — not a consulted unit, not nödåtkomst — and its
/// own audit entry, which the log review's protected-persons check finds whichever way the change went.
/// </summary>
public sealed class ChangeProtectedIdentityHandler(DbContext db, IValidator<ChangeProtectedIdentity> validator, AccessPolicy policy, AuditTrail audit)
{
    public async Task<PersonDetails> Handle(Actor actor, Guid personId, ChangeProtectedIdentity command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        await policy.RequirePerson(actor, personId, PersonOperation.ChangeProtectedIdentity, ct);
        var person = await db.Set<Person>().SingleAsync(p => p.Id == personId, ct);
        person.EnsureVersion(command.Version!.Value);
        person.ChangeProtectedIdentity(command.Level!.Value);
        audit.Record(actor, AuditAction.ChangeProtectedIdentity, [AuditSubject.Person(personId)]);
        await db.SaveChangesAsync(ct);
        return PersonDetails.From(person, AccessPolicy.MayViewContact(actor, person.ProtectedIdentity));
    }
}
