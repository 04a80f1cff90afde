using System.Text;
using Samordna.Core.Audit;

namespace Samordna.Core.Tests.Audit;

public class AuditCheckpointTests
{
    private static readonly Guid Organisation = Guid.Parse("0193a5c0-0000-7000-8000-000000000598");
    private static readonly CheckpointSigningKey Key = CheckpointSigningKey.Generate("asby-audit");

    private static AuditCheckpoint Checkpoint(long size = 42) =>
        new(Organisation, size, Convert.ToHexStringLower(new byte[32].Select((_, i) => (byte)i).ToArray()), new string('a', 64));

    [Fact]
    public void A_signed_checkpoint_is_a_signed_note_with_origin_size_head_and_witnessed_lines()
    {
        var text = Checkpoint().Sign(Key);
        var lines = text.Split('\n');
        lines[0].ShouldBe($"samordna.audit/{Organisation}");
        lines[1].ShouldBe("42");
        lines[2].ShouldBe(Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()));
        lines[3].ShouldStartWith("witnessed ");
        lines[4].ShouldBe("");
        lines[5].ShouldStartWith("\u2014 asby-audit ");
        Convert.FromBase64String(lines[5].Split(' ')[2]).Length.ShouldBe(4 + 64);
        text.ShouldEndWith("\n");

        var opened = AuditCheckpoint.Open(text, [Key.Public]);
        opened.Problem.ShouldBeNull();
        opened.Checkpoint.ShouldBe(Checkpoint());
        opened.KeyName.ShouldBe("asby-audit");
    }

    [Fact]
    public void A_flipped_bit_in_the_signature_does_not_verify()
    {
        var text = Checkpoint().Sign(Key);
        var signatureLine = text.Split('\n')[5];
        var blob = Convert.FromBase64String(signatureLine.Split(' ')[2]);
        blob[10] ^= 0x01;
        var forged = text.Replace(signatureLine, $"\u2014 asby-audit {Convert.ToBase64String(blob)}");

        AuditCheckpoint.Open(forged, [Key.Public]).Problem.ShouldBe("the signature by asby-audit does not verify (the checkpoint or its signature was altered)");
    }

    [Fact]
    public void A_flipped_bit_in_the_body_does_not_verify()
    {
        var bytes = Encoding.UTF8.GetBytes(Checkpoint().Sign(Key));
        bytes[bytes.AsSpan().IndexOf((byte)'\n') + 1] ^= 0x01; // "42" becomes "52"
        AuditCheckpoint.Open(Encoding.UTF8.GetString(bytes), [Key.Public]).Problem.ShouldBe("the signature by asby-audit does not verify (the checkpoint or its signature was altered)");
    }

    [Theory]
    [InlineData("42", "-1")]
    [InlineData("42", "042")]
    [InlineData("42", "forty-two")]
    public void A_size_line_that_is_not_a_positive_number_is_malformed(string size, string wrong)
    {
        var text = Checkpoint().Sign(Key).Replace($"\n{size}\n", $"\n{wrong}\n");
        AuditCheckpoint.Open(text, [Key.Public]).Problem.ShouldBe("malformed: the size line is not a positive decimal number");
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_wherever_it_is_cut()
    {
        var text = Checkpoint().Sign(Key);
        for (var length = 0; length < text.Length; length++)
        {
            var opened = AuditCheckpoint.Open(text[..length], [Key.Public]);
            opened.Checkpoint.ShouldBeNull($"cut at {length}");
            opened.Problem.ShouldNotBeNull();
        }
        AuditCheckpoint.Open(text[..(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)], [Key.Public]).Problem
            .ShouldBe("malformed: the signature is missing or cut off (truncated)");
    }

    [Fact]
    public void A_checkpoint_signed_by_another_key_is_refused_and_verifies_once_that_key_is_given()
    {
        using var other = CheckpointSigningKey.Generate("asby-audit");
        var text = Checkpoint().Sign(other);

        AuditCheckpoint.Open(text, [Key.Public]).Problem.ShouldBe($"signed only by unknown key(s) asby-audit+{other.Public.Id:x8}; give their public key with --public-key");
        // Rotation: the old key's public half stays known beside the new one.
        AuditCheckpoint.Open(text, [Key.Public, other.Public]).Checkpoint.ShouldBe(Checkpoint());
    }

    [Fact]
    public void Key_files_read_back_to_the_same_key_and_a_wrong_id_or_algorithm_is_refused()
    {
        using var read = CheckpointSigningKey.Parse(Key.ToString());
        read.Public.ToString().ShouldBe(Key.Public.ToString());
        var verifier = CheckpointVerifierKey.Parse(Key.Public.ToString());
        AuditCheckpoint.Open(Checkpoint().Sign(read), [verifier]).Checkpoint.ShouldNotBeNull();

        var parts = Key.Public.ToString().Split('+', 3);
        Should.Throw<FormatException>(() => CheckpointVerifierKey.Parse($"{parts[0]}+00000000+{parts[2]}"));
        Should.Throw<FormatException>(() => CheckpointVerifierKey.Parse($"other-name+{parts[1]}+{parts[2]}"));
        var key = Convert.FromBase64String(parts[2]);
        key[0] = 0x02;
        Should.Throw<FormatException>(() => CheckpointVerifierKey.Parse($"{parts[0]}+{parts[1]}+{Convert.ToBase64String(key)}"));
    }

    private static List<AuditEntry> Chain(params string[] actors) => Chain([], actors);

    /// <summary>A chain that continues <paramref name="kept"/> with new entries, every hash computed as sealing would.</summary>
    private static List<AuditEntry> Chain(List<AuditEntry> kept, params string[] actors)
    {
        var previous = kept.Count == 0 ? "" : kept[^1].Hash;
        var chain = new List<AuditEntry>(kept);
        foreach (var (actor, i) in actors.Select((a, i) => (a, i + kept.Count)))
        {
            var entry = new AuditEntry(Organisation, new DateTimeOffset(2026, 12, 1, 8, 0, i, TimeSpan.Zero), null, actor, null, null,
                AuditAction.ReadCase, null, null, AuditFlags.None, []);
            entry.Seal(i + 1, previous);
            previous = entry.Hash;
            chain.Add(entry);
        }
        return chain;
    }

    /// <summary>Witnesses <paramref name="chain"/> as the writer does, and signs a checkpoint at its end.</summary>
    private static (List<string> Witnessed, (string, AuditCheckpoint) Checkpoint) Witness(List<AuditEntry> chain)
    {
        var witnessed = new List<string>();
        using var comparison = new CheckpointComparison(Organisation, [], [], compareUnsigned: true, unwitnessed: witnessed.Add);
        foreach (var entry in chain) comparison.Next(entry);
        return (witnessed, ("5.checkpoint", new AuditCheckpoint(Organisation, comparison.Position, comparison.Recomputed, comparison.WitnessedDigest)));
    }

    private static CheckpointComparison Compare(List<AuditEntry> chain, List<string> witnessed, (string, AuditCheckpoint) checkpoint)
    {
        var comparison = new CheckpointComparison(Organisation, [checkpoint], witnessed);
        foreach (var entry in chain) comparison.Next(entry);
        comparison.End();
        return comparison;
    }

    [Fact]
    public void The_log_that_was_checkpointed_compares_clean()
    {
        var chain = Chain("a", "b", "c", "d", "e");
        var (witnessed, checkpoint) = Witness(chain);
        using var comparison = Compare(chain, witnessed, checkpoint);
        comparison.ChainProblems.ShouldBeEmpty();
        comparison.CheckpointProblems.ShouldBeEmpty();
    }

    [Fact]
    public void A_chain_rewritten_with_every_hash_recomputed_is_named_at_its_first_different_entry()
    {
        var original = Chain("a", "b", "c", "d", "e");
        var (witnessed, checkpoint) = Witness(original);
        var rewritten = Chain(original[..2], "C", "d", "e"); // self-consistent: every stored hash and link matches
        AuditChain.Verify(Organisation, rewritten, 5, rewritten[^1].Hash).ShouldBeEmpty();

        using var comparison = Compare(rewritten, witnessed, checkpoint);
        var first = comparison.ChainProblems[0];
        first.EntryId.ShouldBe(rewritten[2].Id);
        first.Sequence.ShouldBe(3);
        first.Description.ShouldStartWith("the first entry that differs from the checkpointed log");
        comparison.ChainProblems.ShouldContain(p => p.Description.Contains("does not hash to the head of checkpoint 5.checkpoint"));
    }

    [Fact]
    public void A_log_shorter_than_its_checkpoint_has_lost_its_tail()
    {
        var chain = Chain("a", "b", "c", "d", "e");
        var (witnessed, checkpoint) = Witness(chain);
        using var comparison = Compare(chain[..3], witnessed, checkpoint);
        comparison.ChainProblems.ShouldHaveSingleItem().Description
            .ShouldBe("the log ends at 3 but checkpoint 5.checkpoint recorded 5 entries (entries at the end deleted)");
    }

    [Fact]
    public void Witnessed_hashes_altered_beside_a_checkpoint_are_named()
    {
        var chain = Chain("a", "b", "c", "d", "e");
        var (witnessed, checkpoint) = Witness(chain);
        witnessed[1] = "2 " + new string('0', 64);
        using var comparison = Compare(chain, witnessed, checkpoint);
        comparison.CheckpointProblems.ShouldHaveSingleItem().Description.ShouldBe("the witnessed hashes beside it are not the ones it signed (that file was altered)");
    }
}
