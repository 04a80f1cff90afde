using Microsoft.AspNetCore.Identity;

namespace Samordna.Data;

/// <summary>
/// The sign-in account of a <see cref="Core.Staff.StaffMember"/>, with the same id: password hash,
/// lockout and security stamp are ASP.NET Core Identity's business, roles and units are the domain's.
/// </summary>
public sealed class StaffAccount : IdentityUser<Guid>;
