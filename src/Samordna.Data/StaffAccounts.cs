using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Staff;

namespace Samordna.Data;

/// <summary>Local sign-in accounts: one set of password and lockout rules for the web host and the CLI.</summary>
public static class StaffAccounts
{
    public static void Configure(IdentityOptions options)
    {
        // Long passphrases over composition rules (NIST SP 800-63B); the hasher is Identity's PBKDF2.
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 5;
        // The web host's password sign-in applies AccountLockout itself (growing, capped lockouts); Identity's own
        // settings say the same for its first lockout, so nothing that asks Identity disagrees.
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = AccountLockout.FailuresPerLockout;
        options.Lockout.DefaultLockoutTimeSpan = AccountLockout.First;
        options.User.RequireUniqueEmail = false;
    }

    /// <summary>For hosts without the web sign-in (the CLI): user store and password hashing only.</summary>
    public static IServiceCollection AddStaffAccountStore(this IServiceCollection services)
    {
        services.AddIdentityCore<StaffAccount>(Configure).AddEntityFrameworkStores<SamordnaDbContext>();
        return services;
    }

    /// <summary>Creates the sign-in account of a member of staff that is already saved.</summary>
    public static async Task CreateAccount(UserManager<StaffAccount> users, StaffMember member, string password)
    {
        var account = new StaffAccount { Id = member.Id, UserName = member.UserName, Email = member.Email, EmailConfirmed = true };
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create the account '{member.UserName}': " +
                string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
