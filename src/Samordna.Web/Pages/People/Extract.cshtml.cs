using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.People;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.People;

/// <summary>
/// Registerutdrag as a printable page: what the register holds about one person and which units have
/// accessed it. Producing it is logged as a print. The whereabouts of a person with skyddade
/// personuppgifter are never part of an extract, whoever produces it.
/// </summary>
[RequireCapability(Capability.CaseContent)]
public sealed class ExtractModel(CurrentActor currentActor, RegisterExtractQuery extracts) : PageModel
{
    public RegisterExtract Extract { get; private set; } = null!;

    public PersonDetails Person => Extract.Person;

    /// <summary>Contact details are shown only for a person without skyddade personuppgifter.</summary>
    public bool ShowContact => !Person.ContactHidden && Person.ProtectedIdentity == ProtectedIdentityLevel.None;

    public bool HasContact => Person.Contact != ContactDetails.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Extract = await extracts.Produce(await currentActor.Get(ct), id, AuditAction.Print, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>A case's journal oldest first; the id (time-ordered) settles entries written in the same instant.</summary>
    public static IReadOnlyList<JournalEntryView> InOrder(IReadOnlyList<JournalEntryView> journal) =>
        journal.OrderBy(e => e.WrittenAt).ThenBy(e => e.Id).ToList();
}
