namespace Samordna.Core.People;

/// <summary>How a person is identified in the register.</summary>
public enum IdentityKind
{
    /// <summary>Swedish personal identity number.</summary>
    Personnummer,

    /// <summary>Co-ordination number for people not (yet) registered in Sweden; day of birth + 60.</summary>
    Samordningsnummer,

    /// <summary>Reserve number given locally (e.g. by healthcare) when the real number is unknown; formats vary by issuer.</summary>
    Reservnummer,

    /// <summary>No identity: an anonymous or pseudonymous contact (e.g. open talks without a decision).</summary>
    None,
}
