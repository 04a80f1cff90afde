using Samordna.Core.Access;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordna.Core;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.People;

[RequireCapability(Capability.CaseContent)]
public sealed class NewModel(CurrentActor currentActor, RegisterPersonHandler register, OrganisationQueries organisations) : PageModel
{
    public const string Form = nameof(Input);

    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public static IReadOnlyList<IdentityKind> IdentityKinds { get; } = Enum.GetValues<IdentityKind>();

    public static IReadOnlyList<Gender> Genders { get; } = Enum.GetValues<Gender>();

    public IEnumerable<SelectListItem> ProtectionLevels => Enum.GetValues<ProtectedIdentityLevel>()
        .Select(level => new SelectListItem(Swedish.Label(level), level.ToString()));

    /// <summary>The caller's own units with case content; a choice is shown only when there are several.</summary>
    public IReadOnlyList<SelectListItem> OwnUnits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new PersonInput { IdentityKind = IdentityKind.Personnummer, ProtectedIdentity = ProtectedIdentityLevel.None };
        await LoadUnits(ct);
    }

    private async Task LoadUnits(CancellationToken ct)
    {
        var actor = await currentActor.Get(ct);
        var own = actor.UnitsWith(Capability.CaseContent);
        OwnUnits = (await organisations.Mine(actor, ct)).Units.Where(u => own.Contains(u.Id))
            .Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        await LoadUnits(ct);
        if (!ModelState.IsValid) return Page();
        try
        {
            var person = await register.Handle(await currentActor.Get(ct), Input.ToCommand(), ct);
            TempData["Status"] = $"{person.Name} är registrerad.";
            return RedirectToPage("/People/Show", new { id = person.Id });
        }
        catch (ValidationException invalid)
        {
            ModelState.AddValidationErrors(invalid, Form);
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddFormError(Form, rule.Message);
        }
        return Page();
    }

    public sealed class PersonInput
    {
        public IdentityKind? IdentityKind { get; set; }
        public string? IdentityNumber { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Pseudonym { get; set; }
        public Gender? Gender { get; set; }
        public ProtectedIdentityLevel? ProtectedIdentity { get; set; }
        public DateOnly? BirthDate { get; set; }
        public string? StreetAddress { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }

        /// <summary>Registrerande enhet: until the person is in a case, only this unit sees them.</summary>
        public Guid? RegisteringUnitId { get; set; }

        public RegisterPerson ToCommand() => new(IdentityKind, Blank(IdentityNumber), Blank(FirstName), Blank(LastName),
            Blank(Pseudonym), Gender, ProtectedIdentity, BirthDate, Blank(StreetAddress), Blank(PostalCode), Blank(City),
            Blank(Phone), Blank(Email), RegisteringUnitId);

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
