using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;

namespace Samordna.Core.Perpetrators;

public sealed record AssessMotivation(Attitude? Attitude, Motivation? Motivation, string? Notes);

public sealed record OfferSupport(string? Offer, OfferChannel? Channel);

/// <param name="Version">The version of the offer the caller read (optional): a stale one is refused with 409.</param>
public sealed record AnswerOffer(OfferResponse? Response, long? Version = null);

public sealed record RegisterPoliceEvent(PoliceEventKind? Kind, DateTimeOffset? OccurredAt);

public sealed record MotivationAssessmentView(Guid Id, DateTimeOffset AssessedAt, Attitude Attitude, Motivation Motivation, string? Notes);

public sealed record SupportOfferView(Guid Id, DateTimeOffset OfferedAt, string Offer, OfferChannel Channel, OfferResponse Response, DateTimeOffset? RespondedAt,
    long Version);

public sealed record PoliceEventView(Guid Id, Guid CaseId, PoliceEventKind Kind, DateTimeOffset OccurredAt);

/// <summary>Everything of the perpetrator route in one case.</summary>
public sealed record PerpetratorRouteView(IReadOnlyList<MotivationAssessmentView> Assessments, IReadOnlyList<SupportOfferView> Offers,
    IReadOnlyList<PoliceEventView> PoliceEvents);

public static class PerpetratorRouteValidators
{
    public sealed class Assess : AbstractValidator<AssessMotivation>
    {
        public Assess()
        {
            const string attitude = "Ange inställningen till våldet: acknowledgesViolence, minimisesViolence, deniesViolence eller unclear.";
            const string motivation = "Ange motivationen till förändring: high, ambivalent, low eller none.";
            RuleFor(c => c.Attitude).NotNull().WithMessage(attitude).IsInEnum().WithMessage(attitude);
            RuleFor(c => c.Motivation).NotNull().WithMessage(motivation).IsInEnum().WithMessage(motivation);
            RuleFor(c => c.Notes).MaximumLength(2_000).Text(TextKind.FreeText);
        }
    }

    public sealed class Offer : AbstractValidator<OfferSupport>
    {
        public Offer()
        {
            RuleFor(c => c.Offer).NotEmpty().WithMessage("Ange vad som erbjöds.").MaximumLength(300);
            RuleFor(c => c.Offer).Text(TextKind.FreeText);
            RuleFor(c => c.Channel).NotNull().WithMessage("Ange vem som lämnade erbjudandet: caseSocialWorker eller perpetratorSpecialist.")
                .IsInEnum().WithMessage("Ange vem som lämnade erbjudandet: caseSocialWorker eller perpetratorSpecialist.");
        }
    }

    public sealed class Police : AbstractValidator<RegisterPoliceEvent>
    {
        public Police(TimeProvider clock)
        {
            const string kind = "Ange händelsen: report, arrest, remand eller release.";
            RuleFor(c => c.Kind).NotNull().WithMessage(kind).IsInEnum().WithMessage(kind);
            RuleFor(c => c.OccurredAt).HasHappened(clock, "Händelsen kan inte ligga i framtiden.");
        }
    }
}

/// <summary>
/// The perpetrator route: the intake assessment of attitude and motivation, the log of offers and
/// answers (a decline schedules a re-contact), and police events that call for a fast contact.
/// </summary>
public sealed class PerpetratorRouteHandler(DbContext db, TimeProvider clock, AccessPolicy policy, AuditTrail audit,
    IOptions<PerpetratorRouteSettings> settings, IValidator<AssessMotivation> assessValidator,
    IValidator<OfferSupport> offerValidator, IValidator<RegisterPoliceEvent> policeValidator)
{
    public async Task<PerpetratorRouteView> Get(Actor actor, Guid caseId, CancellationToken ct)
    {
        var access = await policy.RequireCase(actor, caseId, CaseOperation.Read, ct);
        var view = new PerpetratorRouteView(
            await db.Set<MotivationAssessment>().AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.AssessedAt)
                .Select(a => new MotivationAssessmentView(a.Id, a.AssessedAt, a.Attitude, a.Motivation, a.Notes)).ToListAsync(ct),
            await db.Set<SupportOffer>().AsNoTracking().Where(o => o.CaseId == caseId).OrderBy(o => o.OfferedAt)
                .Select(o => new SupportOfferView(o.Id, o.OfferedAt, o.Offer, o.Channel, o.Response, o.RespondedAt, o.Version)).ToListAsync(ct),
            await db.Set<PoliceEvent>().AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.OccurredAt)
                .Select(e => new PoliceEventView(e.Id, e.CaseId, e.Kind, e.OccurredAt)).ToListAsync(ct));
        audit.CaseAccessed(actor, AuditAction.ReadCase, access);
        await db.SaveChangesAsync(ct);
        return view;
    }

    public async Task<MotivationAssessmentView> Assess(Actor actor, Guid caseId, AssessMotivation command, CancellationToken ct)
    {
        await assessValidator.ValidateAndThrowAsync(command, ct);
        var (access, @case) = await Open(actor, caseId, ct);
        var assessment = new MotivationAssessment(@case, actor.StaffMemberId, clock.GetUtcNow(), command.Attitude!.Value, command.Motivation!.Value, command.Notes);
        db.Add(assessment);
        audit.CaseAccessed(actor, AuditAction.UpdateCase, access);
        await db.SaveChangesAsync(ct);
        return new MotivationAssessmentView(assessment.Id, assessment.AssessedAt, assessment.Attitude, assessment.Motivation, assessment.Notes);
    }

    public async Task<SupportOfferView> Offer(Actor actor, Guid caseId, OfferSupport command, CancellationToken ct)
    {
        await offerValidator.ValidateAndThrowAsync(command, ct);
        var (access, @case) = await Open(actor, caseId, ct);
        var offer = new SupportOffer(@case, actor.StaffMemberId, clock.GetUtcNow(), command.Offer!, command.Channel!.Value);
        db.Add(offer);
        audit.CaseAccessed(actor, AuditAction.UpdateCase, access);
        await db.SaveChangesAsync(ct);
        return View(offer);
    }

    /// <summary>The answer to an offer; a decline schedules a re-contact reminder.</summary>
    public async Task<SupportOfferView> Answer(Actor actor, Guid offerId, AnswerOffer command, CancellationToken ct)
    {
        if (command.Response is not (OfferResponse.Accepted or OfferResponse.Declined))
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("response", "Ange accepted eller declined.")]);
        var offer = await db.Set<SupportOffer>().SingleOrDefaultAsync(o => o.Id == offerId && o.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Erbjudandet", offerId);
        var access = await policy.RequireCaseOf(actor, offer.CaseId, CaseOperation.RecordAssessments, new NotFoundException("Erbjudandet", offerId), ct);
        var @case = await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == offer.CaseId, ct);
        var now = clock.GetUtcNow();
        if (command.Version is { } expected) offer.EnsureVersion(expected);
        offer.Answer(command.Response.Value, now);
        if (command.Response == OfferResponse.Declined)
            db.Add(new CaseTask(@case, TaskKind.Recontact, $"Ny kontakt efter avböjt erbjudande: {offer.Offer}", required: false, now,
                SwedishTime.Today(clock).AddDays(settings.Value.RecontactAfterDays)));
        audit.CaseAccessed(actor, AuditAction.UpdateCase, access);
        await db.SaveChangesAsync(ct);
        return View(offer);
    }

    /// <summary>
    /// A police event on a case: every perpetrator case linked to it (itself, or the others in its case
    /// group) gets a fast-contact task — has the person been told about the support there is?
    /// </summary>
    public async Task<PoliceEventView> RegisterPoliceEvent(Actor actor, Guid caseId, RegisterPoliceEvent command, CancellationToken ct)
    {
        await policeValidator.ValidateAndThrowAsync(command, ct);
        var (access, @case) = await Open(actor, caseId, ct);
        var now = clock.GetUtcNow();
        var occurred = (command.OccurredAt ?? now).ToUniversalTime();
        var police = new PoliceEvent(@case, command.Kind!.Value, occurred, actor.StaffMemberId, now);
        db.Add(police);

        var linked = @case.Type == CaseType.Perpetrator
            ? [@case]
            : @case.CaseGroupId is { } group
                ? await db.Set<Case>().AsNoTracking().Where(c => c.CaseGroupId == group && c.Type == CaseType.Perpetrator && c.Status == CaseStatus.Open).ToListAsync(ct)
                : [];
        var due = SwedishTime.Today(clock).AddDays(settings.Value.FastContactWithinDays);
        foreach (var perpetratorCase in linked)
            db.Add(new CaseTask(perpetratorCase, TaskKind.FastContact, "Snabb kontakt efter polishändelse: har personen fått information om stödet?",
                required: false, now, due));

        audit.CaseAccessed(actor, AuditAction.UpdateCase, access);
        await db.SaveChangesAsync(ct);
        return new PoliceEventView(police.Id, police.CaseId, police.Kind, police.OccurredAt);
    }

    private async Task<(CaseAccess, Case)> Open(Actor actor, Guid caseId, CancellationToken ct)
    {
        var access = await policy.RequireCase(actor, caseId, CaseOperation.RecordAssessments, ct);
        return (access, await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == caseId, ct));
    }

    private static SupportOfferView View(SupportOffer o) => new(o.Id, o.OfferedAt, o.Offer, o.Channel, o.Response, o.RespondedAt, o.Version);
}
