using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.OpenTalks;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.OpenTalks;

/// <summary>
/// Friyta: the contacts of the user's units, newest first, with their warnings as badges, and the form
/// that starts a new anonymous contact (pseudonym and gender, no personnummer).
/// </summary>
[RequireCapability(Capability.CaseContent)]
public sealed class IndexModel(CurrentActor currentActor, OpenTalkQueries queries, StartOpenTalkHandler start,
    OrganisationQueries organisations, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const string Form = nameof(Input);

    public Guid? Unit { get; private set; }
    public string? UnitName { get; private set; }
    public bool IsContinuation { get; private set; }

    /// <summary>The units the user works in with case content: where contacts can be started and listed.</summary>
    public IReadOnlyList<UnitView> OwnUnits { get; private set; } = [];

    public Page<OpenTalkSummary> Result { get; private set; } = new([], null);

    [BindProperty]
    public StartInput Input { get; set; } = new();

    public static IReadOnlyList<CaseType> Kinds { get; } = [CaseType.Perpetrator, CaseType.AdultVictim];

    public static IReadOnlyList<Gender> Genders { get; } = Enum.GetValues<Gender>();

    public IReadOnlyList<SelectListItem> UnitFilter =>
        [new SelectListItem("Alla mina enheter", ""), .. OwnUnits.Select(u => new SelectListItem(u.Name, u.Id.ToString(), u.Id == Unit))];

    public IReadOnlyList<SelectListItem> StartUnits =>
        [new SelectListItem("Välj enhet", ""), .. OwnUnits.Select(u => new SelectListItem(u.Name, u.Id.ToString()))];

    public async Task OnGetAsync(Guid? unit, Guid? before, CancellationToken ct)
    {
        var actor = await currentActor.Get(ct);
        await Load(actor, unit, before, ct);
        Input = new StartInput
        {
            OwningUnitId = Unit ?? (OwnUnits.Count == 1 ? OwnUnits[0].Id : null),
            StartedAt = Swedish.LocalMinute(clock.GetUtcNow()),
            ChildrenInvolved = 0,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        DateTimeOffset? startedAt = null;
        if (Input.StartedAt is { } local)
        {
            if (Swedish.TryFromLocal(local, out var instant)) startedAt = instant;
            else ModelState.AddModelError($"{Form}.{nameof(StartInput.StartedAt)}",
                "Tidpunkten finns inte i svensk tid (klockan ställs fram vid sommartid). Ange en annan tid.");
        }
        if (ModelState.IsValid)
        {
            try
            {
                var started = await start.Handle(actor, new StartOpenTalk(Input.OwningUnitId, Input.Concerns, null, Blank(Input.Pseudonym),
                    Input.Gender, Input.ChildrenInvolved, startedAt), ct);
                TempData["Status"] = $"Friytekontakten med {started.PersonName} är påbörjad.";
                return RedirectToPage("/OpenTalks/Show", new { id = started.Id });
            }
            catch (ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, Form);
            }
            catch (Exception refused) when (refused is DomainRuleException or ForbiddenException)
            {
                ModelState.AddFormError(Form, refused.Message);
            }
            catch (NotFoundException)
            {
                ModelState.AddModelError($"{Form}.{nameof(StartInput.OwningUnitId)}", "Enheten finns inte. Välj en enhet i listan.");
            }
        }
        await Load(actor, Input.OwningUnitId, null, ct);
        return Page();
    }

    private async Task Load(Actor actor, Guid? unit, Guid? before, CancellationToken ct)
    {
        var mine = actor.UnitsWith(Capability.CaseContent);
        OwnUnits = (await organisations.Mine(actor, ct)).Units.Where(u => mine.Contains(u.Id)).ToList();
        // A unit the user does not work in shows all their contacts rather than an empty list.
        Unit = OwnUnits.Any(u => u.Id == unit) ? unit : null;
        UnitName = OwnUnits.FirstOrDefault(u => u.Id == Unit)?.Name;
        IsContinuation = before is not null;
        Result = await queries.List(actor, Unit, before, PageSize, ct);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public sealed class StartInput
    {
        public Guid? OwningUnitId { get; set; }
        public CaseType? Concerns { get; set; }
        public string? Pseudonym { get; set; }
        public Gender? Gender { get; set; }
        public int? ChildrenInvolved { get; set; }

        /// <summary>Swedish local time, as a datetime-local field sends it.</summary>
        public DateTime? StartedAt { get; set; }
    }
}
