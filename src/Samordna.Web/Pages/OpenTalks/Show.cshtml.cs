using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.OpenTalks;
using Samordna.Core.Organisations;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.OpenTalks;

/// <summary>
/// One friyta contact: its talks and warnings, with forms to record a talk, end the contact with a
/// dropout reason, and convert it to a case with the person's consent. Each form binds to its own
/// property, so a refused post shows its errors in that form and leaves the others as they were.
/// </summary>
[RequireCapability(Capability.CaseContent)]
public sealed class ShowModel(CurrentActor currentActor, OpenTalkQueries queries, RecordTalkHandler recordTalk, EndOpenTalkHandler endContact,
    ConvertOpenTalkHandler convert, OrganisationQueries organisations, AccessPolicy policy, TimeProvider clock) : PageModel
{
    public const string TalkForm = nameof(Talk);
    public const string EndForm = nameof(End);
    public const string ConvertForm = nameof(Convert);

    public OpenTalkDetails Contact { get; private set; } = null!;

    /// <summary>The case the contact became, when the user may open it.</summary>
    public bool MayOpenCase { get; private set; }

    public IReadOnlyList<SelectListItem> CaseUnits { get; private set; } = [];

    [BindProperty]
    public TalkInput Talk { get; set; } = new();

    [BindProperty]
    public EndInput End { get; set; } = new();

    [BindProperty]
    public ConvertInput Convert { get; set; } = new();

    public static IReadOnlyList<SelectListItem> Reasons { get; } =
    [
        new("Välj skäl", ""),
        .. Enum.GetValues<DropoutReason>().Select(r => new SelectListItem(Swedish.Label(r), r.ToString())),
    ];

    public static IReadOnlyList<SelectListItem> ConsentMethods { get; } =
    [
        new("Välj hur samtycket gavs", ""),
        .. Enum.GetValues<ConsentMethod>().Select(m => new SelectListItem(Swedish.Label(m), m.ToString())),
    ];

    public static IReadOnlyList<IntakeChannel> Channels { get; } = [IntakeChannel.SelfReferral, IntakeChannel.VictimsCase];

    public bool IsActive => Contact.Status == OpenTalkStatus.Active;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await Load(await currentActor.Get(ct), id, ct)) return NotFound();
        Fresh(null);
        return Page();
    }

    public Task<IActionResult> OnPostTalkAsync(Guid id, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var heldAt = Instant(Talk.HeldAt, $"{TalkForm}.{nameof(TalkInput.HeldAt)}");
        return Post(id, TalkForm, "samtal", async actor =>
        {
            var result = await recordTalk.Handle(actor, id, new RecordTalk(heldAt, Blank(Talk.Note), null, Talk.ChildrenInvolved), ct);
            return $"Samtal {result.TalkCount} av {result.TalkLimit} är registrerat.";
        }, ct);
    }

    public Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        return Post(id, EndForm, "avsluta", async actor =>
        {
            await endContact.Handle(actor, id, new EndOpenTalk(End.Reason, Blank(End.Note), End.Version), ct);
            return "Friytekontakten är avslutad.";
        }, ct);
    }

    public Task<IActionResult> OnPostConvertAsync(Guid id, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var givenAt = Instant(Convert.Consent.GivenAt, $"{ConvertForm}.{nameof(ConvertInput.Consent)}.{nameof(ConsentInput.GivenAt)}");
        return Post(id, ConvertForm, "omvandla", async actor =>
        {
            // An unticked consent box sends no consent: the use case then refuses, exactly as the API does.
            var consent = Convert.Consent.Given ? new GivenConsent(Convert.Consent.Method, Blank(Convert.Consent.Covers), givenAt) : null;
            await convert.Handle(actor, id, new ConvertOpenTalk(Convert.OwningUnitId, Convert.Channel, consent, null,
                Blank(Convert.IdentityNumber), Blank(Convert.FirstName), Blank(Convert.LastName), Convert.Version), ct);
            return "Friytekontakten är omvandlad till ett ärende med samtalen i journalen.";
        }, ct);
    }

    /// <summary>Runs one form's use case; on success back to the page, otherwise the page again with that form's errors.</summary>
    private async Task<IActionResult> Post(Guid id, string form, string fragment, Func<Actor, Task<string>> change, CancellationToken ct)
    {
        // Only the posted form is validated; the others are not part of this post.
        foreach (var other in new[] { TalkForm, EndForm, ConvertForm }.Where(f => f != form))
        foreach (var key in ModelState.Keys.Where(k => ModelStateExtensions.BelongsTo(k, other)).ToList())
            ModelState.Remove(key);
        var actor = await currentActor.Get(ct);
        if (ModelState.IsValid)
        {
            try
            {
                TempData["Status"] = await change(actor);
                return RedirectToPage("/OpenTalks/Show", null, new { id }, fragment);
            }
            catch (ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, form);
            }
            catch (Exception refused) when (refused is DomainRuleException or ConcurrencyConflictException or DbUpdateConcurrencyException)
            {
                ModelState.AddFormError(form, refused is DbUpdateConcurrencyException
                    ? "Någon annan ändrade kontakten samtidigt. Läs in sidan igen och gör om ändringen."
                    : refused.Message);
            }
            catch (NotFoundException missing) when (missing.What == "Enheten")
            {
                ModelState.AddModelError($"{ConvertForm}.{nameof(ConvertInput.OwningUnitId)}", "Enheten finns inte. Välj en enhet i listan.");
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        if (!await Load(actor, id, ct)) return NotFound();
        Fresh(form);
        return Page();
    }

    /// <summary>The forms not posted start afresh, with the contact's current version.</summary>
    private void Fresh(string? posted)
    {
        var now = Swedish.LocalMinute(clock.GetUtcNow());
        if (posted != TalkForm) Talk = new TalkInput { HeldAt = now, ChildrenInvolved = Contact.ChildrenInvolved };
        if (posted != EndForm) End = new EndInput { Version = Contact.Version };
        if (posted != ConvertForm)
            Convert = new ConvertInput
            {
                Version = Contact.Version,
                OwningUnitId = DefaultCaseUnit,
                Channel = IntakeChannel.SelfReferral,
                Consent = new ConsentInput { GivenAt = now },
            };
    }

    private Guid? DefaultCaseUnit { get; set; }

    private async Task<bool> Load(Actor actor, Guid id, CancellationToken ct)
    {
        try
        {
            Contact = await queries.Get(actor, id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        MayOpenCase = Contact.CaseId is { } caseId && await policy.ForCase(actor, caseId, ct) is not null;
        var units = (await organisations.Mine(actor, ct)).Units;
        // The violence team usually investigates and decides; the treatment centre stays on the case team.
        DefaultCaseUnit = units.FirstOrDefault(u => u.Kind == UnitKind.ViolenceTeam)?.Id;
        CaseUnits = [new SelectListItem("Välj enhet", ""), .. units.Select(u => new SelectListItem(u.Name, u.Id.ToString()))];
        return true;
    }

    /// <summary>A datetime-local value as Swedish time; the hour skipped when summer time starts is an error on the field.</summary>
    private DateTimeOffset? Instant(DateTime? local, string field)
    {
        if (local is not { } value) return null;
        if (Swedish.TryFromLocal(value, out var instant)) return instant;
        ModelState.AddModelError(field, "Tidpunkten finns inte i svensk tid (klockan ställs fram vid sommartid). Ange en annan tid.");
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public sealed class TalkInput
    {
        /// <summary>Swedish local time, as a datetime-local field sends it.</summary>
        public DateTime? HeldAt { get; set; }

        public string? Note { get; set; }
        public int? ChildrenInvolved { get; set; }
    }

    public sealed class EndInput
    {
        public DropoutReason? Reason { get; set; }
        public string? Note { get; set; }
        public long? Version { get; set; }
    }

    public sealed class ConvertInput
    {
        public Guid? OwningUnitId { get; set; }
        public IntakeChannel? Channel { get; set; }
        public ConsentInput Consent { get; set; } = new();
        public string? IdentityNumber { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public long? Version { get; set; }
    }

    public sealed class ConsentInput
    {
        /// <summary>The box the user ticks to say the person has consented; unticked, the conversion is refused.</summary>
        public bool Given { get; set; }

        public ConsentMethod? Method { get; set; }
        public string? Covers { get; set; }
        public DateTime? GivenAt { get; set; }
    }
}
