using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Handovers;
using Samordna.Core.Organisations;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Handovers;

/// <summary>
/// A unit's waiting list (kö), for its own staff: position, days waited, and a mark on every client who
/// has waited longer than the limit. Choosing a client shows their contacts while waiting and the forms
/// to log a new contact, record the first session (which ends the wait and starts support in the case),
/// or take them out of the queue with a reason.
/// </summary>
[RequireCapability(Capability.CaseContent)]
public sealed class QueueModel(CurrentActor currentActor, WaitingListHandler waitingList, OrganisationQueries organisations, TimeProvider clock)
    : PageModel
{
    public const string ContactForm = nameof(Contact);
    public const string FirstSessionForm = nameof(FirstSession);
    public const string RemovalForm = nameof(Removal);

    public WaitingListView Queue { get; private set; } = null!;

    /// <summary>The user's own units, to switch between their queues.</summary>
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    /// <summary>The client chosen in the list, whose contacts and forms are shown.</summary>
    public WaitingListEntryView? Selected { get; private set; }

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [BindProperty]
    public FirstSessionInput FirstSession { get; set; } = new();

    [BindProperty]
    public RemovalInput Removal { get; set; } = new();

    public static IReadOnlyList<InterimContactKind> Kinds { get; } = Enum.GetValues<InterimContactKind>();

    public async Task<IActionResult> OnGetAsync(Guid? unit, Guid? entry, CancellationToken ct)
    {
        var result = await Load(await currentActor.Get(ct), unit, entry, ct);
        StartForms();
        return result ?? Page();
    }

    public async Task<IActionResult> OnPostContactAsync(Guid? unit, Guid? entry, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        var at = LocalTime(Contact.At, ContactForm, nameof(ContactInput.At));
        if (entry is not { } id) return NotFound();
        if (ModelState.IsValid)
        {
            try
            {
                await waitingList.AddInterimContact(actor, id, new AddInterimContact(Contact.Kind, Contact.Note, at), ct);
                TempData["Status"] = "Kontakten är sparad.";
                return RedirectToPage("/Handovers/Queue", null, new { unit, entry }, "vald-klient");
            }
            catch (ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, ContactForm);
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddFormError(ContactForm, rule.Message);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        return await Redisplay(actor, unit, entry, ContactForm, ct);
    }

    public async Task<IActionResult> OnPostFirstSessionAsync(Guid? unit, Guid? entry, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        var at = LocalTime(FirstSession.At, FirstSessionForm, nameof(FirstSessionInput.At));
        if (entry is not { } id) return NotFound();
        if (ModelState.IsValid)
        {
            try
            {
                var started = await waitingList.RecordFirstSession(actor, id, new RecordFirstSession(at), ct);
                TempData["Status"] = $"Det första besöket är registrerat efter {Swedish.Days(started.WaitingDays ?? 0)} i kö. Stödet i ärendet har startat.";
                return RedirectToPage("/Handovers/Queue", new { unit });
            }
            catch (ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, FirstSessionForm);
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddFormError(FirstSessionForm, rule.Message);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        return await Redisplay(actor, unit, entry, FirstSessionForm, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid? unit, Guid? entry, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        if (entry is not { } id) return NotFound();
        if (ModelState.IsValid)
        {
            try
            {
                await waitingList.Remove(actor, id, new RemoveFromQueue(Removal.Reason), ct);
                TempData["Status"] = "Klienten är borttagen ur kön.";
                return RedirectToPage("/Handovers/Queue", new { unit });
            }
            catch (ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, RemovalForm);
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddFormError(RemovalForm, rule.Message);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        return await Redisplay(actor, unit, entry, RemovalForm, ct);
    }

    /// <summary>Shows the page again after a failed post: the posted form keeps its input, the others start afresh.</summary>
    private async Task<IActionResult> Redisplay(Actor actor, Guid? unit, Guid? entry, string postedForm, CancellationToken ct)
    {
        var result = await Load(actor, unit, entry, ct);
        if (postedForm != FirstSessionForm) FirstSession = new FirstSessionInput { At = Swedish.LocalMinute(clock.GetUtcNow()) };
        if (postedForm != ContactForm) Contact = new ContactInput { At = Swedish.LocalMinute(clock.GetUtcNow()) };
        if (postedForm != RemovalForm) Removal = new RemovalInput();
        return result ?? Page();
    }

    private void StartForms()
    {
        Contact = new ContactInput { At = Swedish.LocalMinute(clock.GetUtcNow()) };
        FirstSession = new FirstSessionInput { At = Swedish.LocalMinute(clock.GetUtcNow()) };
    }

    /// <summary>A datetime-local value as an instant; an error on the field when the time does not exist in Swedish time.</summary>
    private DateTimeOffset? LocalTime(DateTime? local, string form, string field)
    {
        if (local is not { } value) return null;
        if (Swedish.TryFromLocal(value, out var instant)) return instant;
        ModelState.AddModelError($"{form}.{field}", "Tidpunkten finns inte i svensk tid (klockan ställs fram vid sommartid). Ange en annan tid.");
        return null;
    }

    /// <summary>The queue of the unit asked for, or the user's first unit; a refusal when the user does not work there.</summary>
    private async Task<IActionResult?> Load(Actor actor, Guid? unit, Guid? entry, CancellationToken ct)
    {
        var mine = actor.UnitsWith(Capability.CaseContent);
        var own = (await organisations.Mine(actor, ct)).Units.Where(u => mine.Contains(u.Id)).ToList();
        var unitId = unit ?? own.Select(u => u.Id).FirstOrDefault();
        try
        {
            Queue = await waitingList.Queue(actor, unitId, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        Units = own.Select(u => new SelectListItem(u.Name, u.Id.ToString(), u.Id == Queue.UnitId)).ToList();
        Selected = Queue.Entries.FirstOrDefault(e => e.Id == entry);
        return null;
    }

    public sealed class ContactInput
    {
        public InterimContactKind? Kind { get; set; }
        public string? Note { get; set; }

        /// <summary>Swedish local time, as a datetime-local field sends it.</summary>
        public DateTime? At { get; set; }
    }

    public sealed class FirstSessionInput
    {
        /// <summary>Swedish local time, as a datetime-local field sends it.</summary>
        public DateTime? At { get; set; }
    }

    public sealed class RemovalInput
    {
        public string? Reason { get; set; }
    }
}
