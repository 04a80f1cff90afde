using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;

namespace Samordna.Core.People;

/// <summary>
/// Registers a person in the municipality's register. <see cref="IdentityKind"/> may be left out: a
/// number then means personnummer or samordningsnummer (told apart by the day), no number means a
/// contact without identity.
/// </summary>
public sealed record RegisterPerson(
    IdentityKind? IdentityKind,
    string? IdentityNumber,
    string? FirstName,
    string? LastName,
    string? Pseudonym,
    Gender? Gender,
    ProtectedIdentityLevel? ProtectedIdentity = null,
    DateOnly? BirthDate = null,
    string? StreetAddress = null,
    string? PostalCode = null,
    string? City = null,
    string? Phone = null,
    string? Email = null)
{
    /// <summary>The kind the register will hold, after inference.</summary>
    internal IdentityKind EffectiveKind => IdentityKind
        ?? (string.IsNullOrWhiteSpace(IdentityNumber) ? People.IdentityKind.None : People.IdentityKind.Personnummer);

    internal bool HasOfficialNumber => EffectiveKind is People.IdentityKind.Personnummer or People.IdentityKind.Samordningsnummer;
}

public sealed class RegisterPersonValidator : AbstractValidator<RegisterPerson>
{
    public RegisterPersonValidator(TimeProvider clock)
    {
        RuleFor(c => c.Gender).NotNull()
            .WithMessage("Kön måste anges: kvinna, man, annan eller okänt/vill ej uppge.");
        RuleFor(c => c.IdentityKind).IsInEnum();
        RuleFor(c => c.ProtectedIdentity).IsInEnum();

        RuleFor(c => c.IdentityNumber).NotEmpty()
            .When(c => c.EffectiveKind != IdentityKind.None)
            .WithMessage("Identitetsnummer saknas.");
        RuleFor(c => c.IdentityNumber).Empty()
            .When(c => c.IdentityKind == IdentityKind.None)
            .WithMessage("En kontakt utan identitet har inget identitetsnummer.");
        RuleFor(c => c.IdentityNumber).Custom((number, context) =>
        {
            var command = context.InstanceToValidate;
            if (!command.HasOfficialNumber || string.IsNullOrWhiteSpace(number)) return;
            if (!PersonalIdentityNumber.TryParse(number, SwedishTime.Today(clock), out var parsed, out var error))
                context.AddFailure(error!);
            else if (command.IdentityKind is { } stated && stated != parsed!.Kind)
                context.AddFailure(stated == IdentityKind.Personnummer
                    ? "Numret är ett samordningsnummer (dagen är ökad med 60), inte ett personnummer."
                    : "Numret är ett personnummer, inte ett samordningsnummer.");
        });
        RuleFor(c => c.IdentityNumber).Matches("^[A-Za-z0-9 -]{4,20}$")
            .When(c => c.EffectiveKind == IdentityKind.Reservnummer)
            .WithMessage("Ett reservnummer består av 4–20 bokstäver, siffror och bindestreck.");

        RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.FirstName) || !string.IsNullOrWhiteSpace(c.LastName))
            .When(c => c.EffectiveKind != IdentityKind.None)
            .WithName("lastName").WithMessage("Namn saknas.");
        RuleFor(c => c.Pseudonym).NotEmpty()
            .When(c => c.EffectiveKind == IdentityKind.None && string.IsNullOrWhiteSpace(c.FirstName) && string.IsNullOrWhiteSpace(c.LastName))
            .WithMessage("Ange namn eller, för en anonym kontakt, en pseudonym.");

        RuleFor(c => c.BirthDate).LessThanOrEqualTo(_ => SwedishTime.Today(clock))
            .WithMessage("Födelsedatumet ligger i framtiden.");
        RuleFor(c => c.FirstName).MaximumLength(100);
        RuleFor(c => c.LastName).MaximumLength(100);
        RuleFor(c => c.Pseudonym).MaximumLength(100);
        RuleFor(c => c.StreetAddress).MaximumLength(200);
        RuleFor(c => c.PostalCode).Matches(@"^\d{3} ?\d{2}$").WithMessage("Postnummer har fem siffror, t.ex. 582 22.");
        RuleFor(c => c.City).MaximumLength(100);
        RuleFor(c => c.Phone).Matches(@"^\+?[0-9 ()-]{5,20}$").WithMessage("Telefonnumret är inte giltigt.");
        RuleFor(c => c.Email).EmailAddress().MaximumLength(200).WithMessage("E-postadressen är inte giltig.");
    }
}

public sealed class RegisterPersonHandler(DbContext db, TimeProvider clock, IValidator<RegisterPerson> validator, AuditTrail audit)
{
    public async Task<PersonDetails> Handle(Actor actor, RegisterPerson command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);

        var identity = command.EffectiveKind switch
        {
            IdentityKind.None => PersonIdentity.Anonymous(command.BirthDate),
            IdentityKind.Reservnummer => PersonIdentity.Reserve(command.IdentityNumber!, command.BirthDate),
            _ => PersonIdentity.Of(ParseOfficial(command.IdentityNumber!)),
        };

        await IdentityNumberCheck.EnsureFree(db, audit, actor, identity.Number,
            "En person med detta identitetsnummer finns redan i registret. Sök fram personen i stället.", through: null, ct);

        var person = new Person(actor.OrganisationId, identity,
            new PersonName(command.FirstName, command.LastName, command.Pseudonym),
            command.Gender!.Value,
            command.ProtectedIdentity ?? ProtectedIdentityLevel.None,
            new ContactDetails(command.StreetAddress, command.PostalCode, command.City, command.Phone, command.Email),
            clock.GetUtcNow());
        db.Add(person);
        audit.Record(actor, AuditAction.CreatePerson, [AuditSubject.Person(person.Id)],
            PersonQueries.ProtectionFlag(person.ProtectedIdentity));
        await db.SaveChangesAsync(ct);
        return PersonDetails.From(person, AccessPolicy.MayViewContact(actor, person.ProtectedIdentity));

        PersonalIdentityNumber ParseOfficial(string number) =>
            PersonalIdentityNumber.TryParse(number, SwedishTime.Today(clock), out var parsed, out _)
                ? parsed!
                : throw new InvalidOperationException("The validator lets only valid numbers through.");
    }
}
