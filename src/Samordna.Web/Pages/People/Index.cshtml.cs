using Samordna.Core.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core;
using Samordna.Core.People;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.People;

/// <summary>Personregister: search by name, pseudonym or number, a page at a time.</summary>
[RequireCapability(Capability.CaseContent)]
public sealed class IndexModel(CurrentActor currentActor, PersonQueries people) : PageModel
{
    public const int PageSize = 25;

    public string? Query { get; private set; }
    public bool IsContinuation { get; private set; }
    public Page<PersonSummary> Result { get; private set; } = new([], null);

    public async Task OnGetAsync(string? q, Guid? after, CancellationToken ct)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        IsContinuation = after is not null;
        Result = await people.Search(await currentActor.Get(ct), Query, after, PageSize, ct);
    }
}
