using Samordna.Core.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core;
using Samordna.Core.People;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.People;

[RequireCapability(Capability.CaseContent)]
public sealed class ShowModel(CurrentActor currentActor, PersonQueries people, AccessPolicy policy,
    ChangeProtectedIdentityHandler changeProtection) : PageModel
{
    public const string ProtectionForm = nameof(Protection);

    public PersonDetails Person { get; private set; } = null!;

    /// <summary>The reader's unit answers for the record (registered the person, or owns a case they are in): it may change the protection.</summary>
    public bool MayChangeProtection { get; private set; }

    [BindProperty]
    public ProtectionInput Protection { get; set; } = new();

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ProtectionLevels => Enum.GetValues<ProtectedIdentityLevel>()
        .Select(level => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(Swedish.Label(level), level.ToString()));

    public bool IsProtected => Person.ProtectedIdentity != ProtectedIdentityLevel.None;

    public bool HasContact => Person.Contact != ContactDetails.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        return await Load(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostProtectionAsync(Guid id, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        if (ModelState.IsValid)
        {
            try
            {
                await changeProtection.Handle(await currentActor.Get(ct), id, new ChangeProtectedIdentity(Protection.Version, Protection.Level), ct);
                TempData["Status"] = "Skyddade personuppgifter är ändrade.";
                return RedirectToPage("/People/Show", new { id });
            }
            catch (FluentValidation.ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, ProtectionForm);
            }
            catch (Exception refused) when (refused is ForbiddenException or ConcurrencyConflictException or DomainRuleException)
            {
                ModelState.AddFormError(ProtectionForm, refused.Message);
            }
        }
        return await Load(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var actor = await currentActor.Get(ct);
        try
        {
            Person = await people.Get(actor, id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        MayChangeProtection = await policy.IsResponsibleFor(actor, id, ct);
        if (!ModelState.HasErrors(ProtectionForm)) Protection = new ProtectionInput { Version = Person.Version, Level = Person.ProtectedIdentity };
        return true;
    }

    public sealed class ProtectionInput
    {
        public long? Version { get; set; }
        public ProtectedIdentityLevel? Level { get; set; }
    }
}
