using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Core.OpenTalks;

/// <summary>
/// Turns a friyta contact into a formal case, with the person's consent (<see cref="Consent"/>; without
/// it the contact stays anonymous and unconverted). The case is owned by <see cref="OwningUnitId"/> —
/// typically the violence team that investigates — and the unit that held the talks joins its case team.
/// The person may keep the pseudonym, or give their identity: a number (checked as when registering a
/// person) and/or a name.
/// </summary>
/// <param name="Channel">selfReferral or victimsCase: how the matter reached the social services.</param>
/// <param name="Version">When given, the version read; a contact changed since then is refused with 409.</param>
public sealed record ConvertOpenTalk(Guid? OwningUnitId, IntakeChannel? Channel, GivenConsent? Consent,
    IdentityKind? IdentityKind = null, string? IdentityNumber = null, string? FirstName = null, string? LastName = null, long? Version = null)
{
    /// <summary>The person gives more than the pseudonym.</summary>
    internal bool GivesIdentity => !string.IsNullOrWhiteSpace(IdentityNumber) || !string.IsNullOrWhiteSpace(FirstName) ||
                                   !string.IsNullOrWhiteSpace(LastName) || IdentityKind is not (null or People.IdentityKind.None);

    /// <summary>The identity as a registration, so the register's own rules check it. Gender is not changed here.</summary>
    internal RegisterPerson AsRegistration() => new(IdentityKind, IdentityNumber, FirstName, LastName, null, Gender.Unknown);
}

/// <summary>Samtycke: how the person gave it, what it covers, and when (now if left out).</summary>
public sealed record GivenConsent(ConsentMethod? Method, string? Covers, DateTimeOffset? GivenAt = null);

public sealed class ConvertOpenTalkValidator : AbstractValidator<ConvertOpenTalk>
{
    public ConvertOpenTalkValidator(TimeProvider clock, IValidator<RegisterPerson> registration)
    {
        RuleFor(c => c.OwningUnitId).NotEmpty().WithMessage("Ange vilken enhet som ska äga ärendet, t.ex. relationsvåldsteamet som utreder.");
        const string channel = "Ange hur ärendet aktualiserades: selfReferral (egen kontakt) eller victimsCase (via den våldsutsattas ärende).";
        RuleFor(c => c.Channel).NotNull().WithMessage(channel)
            .Must(c => c is IntakeChannel.SelfReferral or IntakeChannel.VictimsCase).WithMessage(channel);
        When(c => c.Consent is not null, () =>
        {
            const string method = "Ange hur samtycket gavs: inPerson (vid besök), phone (per telefon) eller written (skriftligt).";
            RuleFor(c => c.Consent!.Method).NotNull().WithMessage(method).IsInEnum().WithMessage(method)
                .OverridePropertyName("consent.method");
            RuleFor(c => c.Consent!.Covers).NotEmpty().WithMessage("Ange vad samtycket omfattar, t.ex. ”registrering av ärende och utredning”.")
                .MaximumLength(1_000).OverridePropertyName("consent.covers");
            RuleFor(c => c.Consent!.GivenAt).HasHappened(clock, "Samtycket kan inte ha getts i framtiden.").OverridePropertyName("consent.givenAt");
            RuleFor(c => c.Consent!.Covers).Text(TextKind.FreeText).OverridePropertyName("consent.covers");
        });
        RuleFor(c => c).Custom((command, context) =>
        {
            if (!command.GivesIdentity) return;
            foreach (var failure in registration.Validate(command.AsRegistration()).Errors) context.AddFailure(failure);
        });
    }
}

public sealed class ConvertOpenTalkHandler(DbContext db, TimeProvider clock, IValidator<ConvertOpenTalk> validator, OpenTalkAccess access,
    AccessPolicy policy, AuditTrail audit, OpenTalkQueries queries, CaseDeadlines deadlines)
{
    public async Task<OpenTalkDetails> Handle(Actor actor, Guid contactId, ConvertOpenTalk command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var (contact, through) = await access.Require(actor, contactId, OpenTalkOperation.Convert, ct);
        if (command.Version is { } version) contact.EnsureVersion(version);
        var org = actor.OrganisationId;
        var unitId = command.OwningUnitId!.Value;
        if (!await db.Set<Unit>().AnyAsync(u => u.Id == unitId && u.OrganisationId == org, ct))
            throw new NotFoundException("Enheten", unitId);
        var now = clock.GetUtcNow();
        var consent = command.Consent is { } given
            ? new ConsentRecord((given.GivenAt ?? now).ToUniversalTime(), actor.StaffMemberId, given.Method!.Value, given.Covers!.Trim())
            : null;
        // Without consent nothing more is looked at: not even whether the identity offered is in the register.
        contact.EnsureConvertible(consent);
        var person = await db.Set<Person>().SingleAsync(p => p.Id == contact.PersonId, ct);
        var (identity, hidden) = command.GivesIdentity ? await Identity(actor, command, person, through, ct) : (null, null);

        var @case = contact.Convert(consent, unitId, command.Channel!.Value, actor.StaffMemberId, now);
        if (identity is not null) person.Identify(identity, new PersonName(command.FirstName, command.LastName, person.Pseudonym));
        if (hidden is { } existing) IdentityNumberCheck.Matched(db, audit, actor, existing, person, now, through);

        db.Add(@case);
        // The talks were anonymous and without a decision; the clock for investigating starts with the consent.
        db.AddRange(deadlines.ForNewCase(@case, now, clockStartsAt: now));
        if (contact.OwningUnitId != unitId)
            db.Add(new CaseTeamMember(org, @case.Id, contact.OwningUnitId, CaseTeamReason.Handover, actor.StaffMemberId, now));
        await CarryTalks(contact, @case, actor, now, ct);
        if (contact.ChildrenInvolved > 0 && !await OpenTalkQueries.PeopleWithChildProtection(db).ContainsAsync(person.Id, ct))
            db.Add(new CaseTask(@case, TaskKind.ChildInHousehold,
                $"Barn som nämndes i friytan ({contact.ChildrenInvolved}): orosanmälan eller skäl till att den inte görs", required: true, now));

        audit.Record(actor, AuditAction.ConvertOpenTalk, OpenTalkQueries.Subjects(contact), through: through);
        await db.SaveChangesAsync(ct);
        return await queries.Build(contact, ct);
    }

    /// <summary>Each talk becomes a journal entry of the case, in the order the talks were held.</summary>
    private async Task CarryTalks(OpenTalkContact contact, Case @case, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var staffIds = contact.Talks.Select(t => t.StaffMemberId).Distinct().ToList();
        var names = await db.Set<StaffMember>().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        foreach (var talk in contact.Talks.OrderBy(t => t.Number))
            // Written in one instant; a microsecond apart so the journal (ordered by when written) keeps the talks' order.
            db.Add(new JournalEntry(@case, actor.StaffMemberId, now.AddTicks(10 * talk.Number), contact.JournalText(talk, names[talk.StaffMemberId])));
    }

    /// <summary>
    /// The identity the person gives, refused when a record the caller can see already has the number (the attempt
    /// is logged, as when registering); a hidden record with the number is returned too, for a possible-duplicate match.
    /// </summary>
    private async Task<(PersonIdentity, Guid?)> Identity(Actor actor, ConvertOpenTalk command, Person person, UnitRole through, CancellationToken ct)
    {
        if (person.IdentityKind != IdentityKind.None || !person.IsAnonymous)
            throw new DomainRuleException("Personen är redan registrerad med identitet eller namn; lämna identitetsuppgifterna tomma.");
        var registration = command.AsRegistration();
        var identity = registration.EffectiveKind switch
        {
            IdentityKind.None => PersonIdentity.Anonymous(person.BirthDate),
            IdentityKind.Reservnummer => PersonIdentity.Reserve(command.IdentityNumber!, person.BirthDate),
            _ => PersonalIdentityNumber.TryParse(command.IdentityNumber, SwedishTime.Today(clock), out var number, out _)
                ? PersonIdentity.Of(number!)
                : throw new InvalidOperationException("The validator lets only valid numbers through."),
        };
        var hidden = await IdentityNumberCheck.EnsureFree(db, policy, audit, actor, identity.Number,
            "En person med detta identitetsnummer finns redan i registret. Omvandla med pseudonymen och koppla ihop " +
            "uppgifterna i ärendet, eller kontrollera numret.", through, ct);
        return (identity, hidden);
    }
}
