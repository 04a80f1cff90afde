using Samordna.Core.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core;
using Samordna.Core.People;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.People;

[RequireCapability(Capability.CaseContent)]
public sealed class ShowModel(CurrentActor currentActor, PersonQueries people) : PageModel
{
    public PersonDetails Person { get; private set; } = null!;

    public bool IsProtected => Person.ProtectedIdentity != ProtectedIdentityLevel.None;

    public bool HasContact => Person.Contact != ContactDetails.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Person = await people.Get(await currentActor.Get(ct), id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }
}
