namespace Samordna.Core.People;

/// <summary>
/// Skyddade personuppgifter. Stored on the person now; the rules that mask address, phone, e-mail and
/// whereabouts come with the access-control layer. Ordered from least to most protected.
/// </summary>
public enum ProtectedIdentityLevel
{
    None,

    /// <summary>Sekretessmarkering: a marking in the population register that the data may be secret.</summary>
    ConfidentialityMarking,

    /// <summary>Skyddad folkbokföring: the person is registered at another address than where they live.</summary>
    ProtectedRegistration,

    /// <summary>Fingerade personuppgifter: the person lives under a fictitious identity.</summary>
    FictitiousIdentity,
}
