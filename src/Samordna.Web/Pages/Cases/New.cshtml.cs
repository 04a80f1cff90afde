using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Cases;

/// <summary>Opens a case about a person in the register, usually reached from the person's page.</summary>
[RequireCapability(Capability.CaseContent)]
public sealed class NewModel(CurrentActor currentActor, OpenCaseHandler openCase, PersonQueries people,
    OrganisationQueries organisations, TimeProvider clock) : PageModel
{
    public const string Form = nameof(Input);

    [BindProperty]
    public CaseInput Input { get; set; } = new();

    /// <summary>The person the case will be about, when known; otherwise the form asks for a person id.</summary>
    public PersonDetails? Subject { get; private set; }

    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    public static IReadOnlyList<CaseType> Types { get; } = Enum.GetValues<CaseType>();

    /// <summary>Every way in but the orosanmälan, which is filed as such so its deadlines start.</summary>
    public static IReadOnlyList<SelectListItem> Channels { get; } =
    [
        new("Välj hur ärendet kom in", ""),
        .. Enum.GetValues<IntakeChannel>().Where(c => c != IntakeChannel.ReportOfConcern).Select(c => new SelectListItem(Swedish.Label(c), c.ToString())),
    ];

    public async Task<IActionResult> OnGetAsync(Guid? personId, CancellationToken ct)
    {
        var actor = await currentActor.Get(ct);
        if (personId is { } id)
        {
            try
            {
                Subject = await people.Get(actor, id, ct);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        await LoadUnits(actor, ct);
        // The unit defaults to the user's own when there is just one.
        var ownUnits = actor.UnitIds.Where(u => Units.Any(item => item.Value == u.ToString())).ToList();
        Input = new CaseInput
        {
            SubjectPersonId = Subject?.Id,
            OwningUnitId = ownUnits.Count == 1 ? ownUnits[0] : null,
            ReceivedAt = Swedish.LocalMinute(clock.GetUtcNow()),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        await LoadUnits(actor, ct);
        if (Input.SubjectPersonId is { } personId)
        {
            try
            {
                Subject = await people.Get(actor, personId, ct);
            }
            catch (NotFoundException)
            {
                ModelState.AddModelError($"{Form}.{nameof(CaseInput.SubjectPersonId)}", NoSuchPerson);
            }
        }
        DateTimeOffset? receivedAt = null;
        if (Input.ReceivedAt is { } local)
        {
            if (Swedish.TryFromLocal(local, out var instant)) receivedAt = instant;
            else ModelState.AddModelError($"{Form}.{nameof(CaseInput.ReceivedAt)}",
                "Tidpunkten finns inte i svensk tid (klockan ställs fram vid sommartid). Ange en annan tid.");
        }
        if (!ModelState.IsValid) return Page();

        try
        {
            var opened = await openCase.Handle(actor, new OpenCase(Input.Type, Input.OwningUnitId, Input.SubjectPersonId, Input.Channel,
                receivedAt, string.IsNullOrWhiteSpace(Input.Summary) ? null : Input.Summary), ct);
            TempData["Status"] = "Ärendet är öppnat.";
            return RedirectToPage("/Cases/Show", new { id = opened.Id });
        }
        catch (ValidationException invalid)
        {
            ModelState.AddValidationErrors(invalid, Form);
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddFormError(Form, rule.Message);
        }
        catch (NotFoundException missing) when (missing.What is "Personen" or "Enheten")
        {
            // An id typed or chosen in the form, not the page itself: say so next to the field.
            if (missing.What == "Personen")
                ModelState.AddModelError($"{Form}.{nameof(CaseInput.SubjectPersonId)}", NoSuchPerson);
            else
                ModelState.AddModelError($"{Form}.{nameof(CaseInput.OwningUnitId)}", "Enheten finns inte. Välj en enhet i listan.");
        }
        return Page();
    }

    private const string NoSuchPerson = "Det finns ingen person med det id:t i personregistret.";

    private async Task LoadUnits(Actor actor, CancellationToken ct)
    {
        var units = (await organisations.Mine(actor, ct)).Units;
        Units = [new SelectListItem("Välj enhet", ""), .. units.Select(u => new SelectListItem(u.Name, u.Id.ToString()))];
    }

    public sealed class CaseInput
    {
        public Guid? SubjectPersonId { get; set; }
        public CaseType? Type { get; set; }
        public Guid? OwningUnitId { get; set; }
        public IntakeChannel? Channel { get; set; }

        /// <summary>Swedish local time, as a datetime-local field sends it.</summary>
        public DateTime? ReceivedAt { get; set; }

        public string? Summary { get; set; }
    }
}
