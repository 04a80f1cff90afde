using System.Security.Cryptography;
using System.Text;
using Samordna.Core.Audit;

namespace Samordna.Core.Tests.Audit;

public class AuditEntryHashTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 15, 0, TimeSpan.Zero);

    private static AuditEntry Entry(AuditAction action, params AuditSubject[] subjects)
    {
        var entry = new AuditEntry(Guid.NewGuid(), At, Guid.NewGuid(), "Fredrik Förvaltare", "SystemAdministrator", Guid.NewGuid(), action,
            null, "127.0.0.1", AuditFlags.None, subjects);
        entry.Seal(7, "föregående");
        return entry;
    }

    /// <summary>The text an entry was hashed from before staff subjects existed, written out independently of the code.</summary>
    private static string HashAsBefore(AuditEntry e)
    {
        var text = $"{e.Id}\n{e.OrganisationId}\n{e.Sequence}\n{e.At.UtcTicks}\n{e.StaffMemberId}\n{e.ActorName}\n{e.Role}\n{e.UnitId}\n{e.Action}\n" +
                   $"{e.Purpose}\n{e.ClientAddress}\n{(int)e.Flags}\n" +
                   string.Concat(e.Subjects.OrderBy(s => s.CaseId).ThenBy(s => s.PersonId).Select(s => $"{s.CaseId}/{s.PersonId};")) +
                   $"\n{e.PreviousHash}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void An_entry_without_a_staff_subject_is_hashed_exactly_as_before_so_stored_chains_still_verify()
    {
        var entry = Entry(AuditAction.ReadCase, AuditSubject.Case(Guid.NewGuid()), AuditSubject.Person(Guid.NewGuid()), AuditSubject.Person(Guid.NewGuid()));
        entry.Hash.ShouldBe(HashAsBefore(entry));
        var withoutSubjects = Entry(AuditAction.Search);
        withoutSubjects.Hash.ShouldBe(HashAsBefore(withoutSubjects));
    }

    [Fact]
    public void The_member_of_staff_an_entry_names_is_covered_by_its_hash()
    {
        var entry = Entry(AuditAction.ChangeStaffAccess, AuditSubject.Staff(Guid.NewGuid()));
        entry.Hash.ShouldNotBe(HashAsBefore(entry));
        entry.ComputeHash().ShouldBe(entry.Hash);

        // Someone with database access names another member of staff as the one changed: the entry no longer matches its hash.
        typeof(AuditSubject).GetProperty(nameof(AuditSubject.StaffMemberId))!.SetValue(entry.Subjects.Single(), Guid.NewGuid());
        entry.ComputeHash().ShouldNotBe(entry.Hash);
    }
}
