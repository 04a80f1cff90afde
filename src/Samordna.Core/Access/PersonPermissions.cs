namespace Samordna.Core.Access;

/// <summary>What may be done with a person's record beyond reading it.</summary>
public enum PersonOperation
{
    /// <summary>See the person: through a readable case, or as the unit that registered them.</summary>
    Read,

    /// <summary>Give or take away skyddade personuppgifter: the units that answer for the record.</summary>
    ChangeProtectedIdentity,

    /// <summary>Merge or unlink a record registered with the same number: the units that answer for the existing record.</summary>
    ResolveIdentityMatch,
}

/// <summary>The refusals for person operations, named as the API names them.</summary>
public static class PersonPermissions
{
    public static ForbiddenException Refusal(PersonOperation operation) => new(operation switch
    {
        PersonOperation.ChangeProtectedIdentity =>
            "Skyddade personuppgifter ändras av den enhet som registrerade personen eller äger ett ärende där personen är part.",
        PersonOperation.ResolveIdentityMatch =>
            "Dubbletter hanteras av den enhet som registrerade personen eller äger ett ärende där personen är part.",
        _ => "Du får inte göra detta med personens uppgifter.",
    }, operation);
}
