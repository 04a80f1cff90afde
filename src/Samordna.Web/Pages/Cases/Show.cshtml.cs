using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Cases;

/// <summary>
/// One case: details, parties, case team, the other cases of its group and the journal, with forms to
/// write a journal entry (or a correction of one), change the summary, add a party and add a unit to the
/// case team. Each form binds to its own property, so a failed post shows its errors in that form and
/// leaves the others as they were.
/// </summary>
[RequireCapability(Capability.CaseContent)]
public sealed class ShowModel(CurrentActor currentActor, CaseQueries cases, WriteJournalEntryHandler writeJournal,
    UpdateCaseHandler updateCase, AddCasePartyHandler addParty, AddToCaseTeamHandler addToTeam,
    OrganisationQueries organisations) : PageModel
{
    public const string EntryForm = nameof(Entry);
    public const string DescriptionForm = nameof(Description);
    public const string PartyForm = nameof(Party);
    public const string TeamForm = nameof(Team);

    public CaseDetails Case { get; private set; } = null!;
    public IReadOnlyList<JournalEntryView> Journal { get; private set; } = [];

    /// <summary>The other cases in the case's group that the user may open, in the order they were opened.</summary>
    public IReadOnlyList<CaseSummary> GroupCases { get; private set; } = [];

    /// <summary>The summary was changed by someone else after this user read it.</summary>
    public bool Conflict { get; private set; }

    [BindProperty]
    public EntryInput Entry { get; set; } = new();

    [BindProperty]
    public DescriptionInput Description { get; set; } = new();

    [BindProperty]
    public PartyInput Party { get; set; } = new();

    [BindProperty]
    public TeamInput Team { get; set; } = new();

    /// <summary>The units that could join the case team: the municipality's, except the owner and those already in it.</summary>
    public IReadOnlyList<SelectListItem> TeamUnits { get; private set; } = [];

    /// <summary>Only the owning unit changes the case team; others see it without the form.</summary>
    public bool MayChangeTeam => Case.May(CaseOperation.ManageTeam);

    public string SubjectName => Case.Parties.FirstOrDefault(p => p.Role == PartyRole.Subject)?.Name ?? "";

    /// <summary>The entry being corrected, when the journal form writes a correction.</summary>
    public JournalEntryView? Correcting => Entry.Corrects is { } id ? Journal.FirstOrDefault(e => e.Id == id) : null;

    public JournalEntryView? EntryById(Guid id) => Journal.FirstOrDefault(e => e.Id == id);

    public IEnumerable<JournalEntryView> CorrectionsOf(Guid id) => Journal.Where(e => e.CorrectsEntryId == id);

    public static IReadOnlyList<SelectListItem> Roles { get; } =
    [
        new("Välj roll", ""),
        .. Enum.GetValues<PartyRole>().Where(r => r != PartyRole.Subject).Select(r => new SelectListItem(Swedish.Label(r), r.ToString())),
    ];

    public static IReadOnlyList<SelectListItem> TeamScopes { get; } =
        [new("Efter skälet", ""), .. Enum.GetValues<CaseTeamScope>().Select(s => new SelectListItem(Swedish.Label(s), s.ToString()))];

    public static IReadOnlyList<SelectListItem> TeamReasons { get; } =
    [
        new("Välj skäl", ""),
        .. Enum.GetValues<CaseTeamReason>().Select(r => new SelectListItem(Swedish.Label(r), r.ToString())),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? corrects, CancellationToken ct)
    {
        if (!await Load(await currentActor.Get(ct), id, ct)) return NotFound();
        Entry = new EntryInput { Corrects = corrects is { } c && EntryById(c) is not null ? c : null };
        Description = new DescriptionInput { Version = Case.Version, Summary = Case.Summary };
        return Page();
    }

    public async Task<IActionResult> OnPostJournalAsync(Guid id, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        if (ModelState.IsValid)
        {
            try
            {
                var entry = await writeJournal.Handle(actor, id, new WriteJournalEntry(Entry.Text, Entry.Corrects), ct);
                TempData["Status"] = entry.CorrectsEntryId is null ? "Anteckningen är sparad." : "Rättelsen är sparad.";
                return RedirectToPage("/Cases/Show", null, new { id }, $"anteckning-{entry.Id}");
            }
            catch (ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, EntryForm);
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddFormError(EntryForm, rule.Message);
            }
            catch (NotFoundException missing) when (missing.What == "Anteckningen")
            {
                ModelState.AddFormError(EntryForm, "Anteckningen som skulle rättas finns inte i det här ärendet.");
                Entry.Corrects = null;
                ModelState.Remove($"{EntryForm}.{nameof(EntryInput.Corrects)}");
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        return await Redisplay(actor, id, EntryForm, ct);
    }

    public async Task<IActionResult> OnPostDescriptionAsync(Guid id, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        if (ModelState.IsValid)
        {
            try
            {
                // This form changes only the summary; responsible staff and group are left out, so they stay
                // as they are. A stale Version makes the handler refuse the update.
                await updateCase.Handle(actor, id, new UpdateCase(Description.Version, Description.Summary,
                    ResponsibleStaffId: default, CaseGroupId: default), ct);
                TempData["Status"] = "Sammanfattningen är sparad.";
                return RedirectToPage("/Cases/Show", null, new { id }, "sammanfattning");
            }
            catch (ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, DescriptionForm);
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddFormError(DescriptionForm, rule.Message);
            }
            catch (Exception conflict) when (conflict is ConcurrencyConflictException or DbUpdateConcurrencyException)
            {
                Conflict = true;
                ModelState.AddFormError(DescriptionForm,
                    "Någon annan har ändrat ärendet sedan du öppnade det, så din ändring är inte sparad.");
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        var page = await Redisplay(actor, id, DescriptionForm, ct);
        if (Conflict)
        {
            // Saving again now replaces the newer summary, which the page shows next to the user's text.
            Description.Version = Case.Version;
            ModelState.Remove($"{DescriptionForm}.{nameof(DescriptionInput.Version)}");
        }
        return page;
    }

    public async Task<IActionResult> OnPostPartyAsync(Guid id, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        if (ModelState.IsValid)
        {
            try
            {
                await addParty.Handle(actor, id, new AddCaseParty(Party.PersonId, Party.Role), ct);
                TempData["Status"] = "Parten är tillagd.";
                return RedirectToPage("/Cases/Show", null, new { id }, "parter");
            }
            catch (ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, PartyForm);
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddFormError(PartyForm, rule.Message);
            }
            catch (NotFoundException missing) when (missing.What == "Personen")
            {
                ModelState.AddModelError($"{PartyForm}.{nameof(PartyInput.PersonId)}",
                    "Det finns ingen person med det id:t i personregistret.");
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        return await Redisplay(actor, id, PartyForm, ct);
    }

    public async Task<IActionResult> OnPostTeamAsync(Guid id, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        if (ModelState.IsValid)
        {
            try
            {
                await addToTeam.Handle(actor, id, new AddToCaseTeam(Team.UnitId, Team.Reason, Team.Scope), ct);
                TempData["Status"] = "Enheten är tillagd i ärendeteamet.";
                return RedirectToPage("/Cases/Show", null, new { id }, "arendeteam");
            }
            catch (ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, TeamForm);
            }
            catch (Exception refused) when (refused is ForbiddenException or DomainRuleException)
            {
                ModelState.AddFormError(TeamForm, refused.Message);
            }
            catch (NotFoundException missing) when (missing.What == "Enheten")
            {
                ModelState.AddModelError($"{TeamForm}.{nameof(TeamInput.UnitId)}", "Enheten finns inte. Välj en enhet i listan.");
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        return await Redisplay(actor, id, TeamForm, ct);
    }

    /// <summary>Shows the page again after a failed post: the posted form keeps its input, the others start afresh.</summary>
    private async Task<IActionResult> Redisplay(Actor actor, Guid id, string postedForm, CancellationToken ct)
    {
        if (!await Load(actor, id, ct)) return NotFound();
        if (postedForm != DescriptionForm) Description = new DescriptionInput { Version = Case.Version, Summary = Case.Summary };
        return Page();
    }

    private async Task<bool> Load(Actor actor, Guid id, CancellationToken ct)
    {
        try
        {
            Case = await cases.Get(actor, id, ct);
            // Oldest first by the time written; the id (time-ordered) settles entries written in the same instant.
            Journal = (await cases.Journal(actor, id, ct)).OrderBy(e => e.WrittenAt).ThenBy(e => e.Id).ToList();
        }
        catch (NotFoundException)
        {
            return false;
        }

        // One query for the household, not a full read per case; a case the user may not open is left out, not named.
        GroupCases = Case.Group is { } group ? await cases.OtherCasesInGroup(actor, group.Id, id, ct) : [];

        var taken = Case.Team.Select(t => t.UnitId).Append(Case.OwningUnitId).ToHashSet();
        var units = (await organisations.Mine(actor, ct)).Units.Where(u => !taken.Contains(u.Id));
        TeamUnits = [new SelectListItem("Välj enhet", ""), .. units.Select(u => new SelectListItem(u.Name, u.Id.ToString()))];
        return true;
    }

    public sealed class EntryInput
    {
        public string? Text { get; set; }
        public Guid? Corrects { get; set; }
    }

    public sealed class DescriptionInput
    {
        public string? Summary { get; set; }
        public long? Version { get; set; }
    }

    public sealed class TeamInput
    {
        public Guid? UnitId { get; set; }
        public CaseTeamReason? Reason { get; set; }
        public CaseTeamScope? Scope { get; set; }
    }

    public sealed class PartyInput
    {
        public Guid? PersonId { get; set; }
        public PartyRole? Role { get; set; }
    }
}
