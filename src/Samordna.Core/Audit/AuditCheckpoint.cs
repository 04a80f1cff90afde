using System.Buffers.Binary;
using System.Text;

namespace Samordna.Core.Audit;

/// <summary>
/// Kontrollpunkt: a signed statement that a municipality's audit log had <see cref="Size"/> entries and
/// that the entry at that size had the hash <see cref="Head"/>, which through the chain stands for every
/// entry before it. Written outside the database, it lets <c>samordna audit verify --checkpoints</c> prove
/// that today's log still begins with the log that was checkpointed, even after someone with database
/// rights rewrote the log and recomputed every hash.
/// <para>
/// The text follows the C2SP tlog-checkpoint and signed-note formats: an origin line
/// (<c>samordna.audit/&lt;organisation id&gt;</c>), the size, the head in base64, one extension line
/// (<c>witnessed &lt;base64&gt;</c>: SHA-256 over the witnessed entry hashes 1…size, so the signature
/// covers them too), a blank line, and signature lines <c>— &lt;key name&gt; &lt;base64(key id ‖ signature)&gt;</c>.
/// </para>
/// </summary>
public sealed record AuditCheckpoint(Guid OrganisationId, long Size, string Head, string WitnessedDigest)
{
    public const string OriginPrefix = "samordna.audit/";
    private const string WitnessedPrefix = "witnessed ";
    private const string SignaturePrefix = "\u2014 ";

    public string Body() =>
        $"{OriginPrefix}{OrganisationId}\n{Size}\n{Convert.ToBase64String(Convert.FromHexString(Head))}\n" +
        $"{WitnessedPrefix}{Convert.ToBase64String(Convert.FromHexString(WitnessedDigest))}\n";

    /// <summary>The signed note: the body, a blank line, and one signature line by <paramref name="key"/>.</summary>
    public string Sign(CheckpointSigningKey key)
    {
        var body = Body();
        var signature = key.Sign(Encoding.UTF8.GetBytes(body));
        var id = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(id, key.Public.Id);
        return $"{body}\n{SignaturePrefix}{key.Name} {Convert.ToBase64String([.. id, .. signature])}\n";
    }

    /// <summary>
    /// Reads a signed checkpoint and checks its signature against the known keys. Anything that is not
    /// exactly a checkpoint signed by one of them is refused with the reason — a malformed line, a
    /// truncated file, a signature that does not verify, a key nobody named — and never half-read.
    /// </summary>
    public static CheckpointOpening Open(string text, IReadOnlyCollection<CheckpointVerifierKey> keys)
    {
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) return CheckpointOpening.Refused("malformed: no blank line before a signature (truncated?)");
        var body = text[..(split + 1)];
        var signatures = text[(split + 2)..];

        var lines = body.Split('\n');
        // "a\nb\nc\nd\n" splits into 5 with an empty last.
        if (lines.Length != 5) return CheckpointOpening.Refused("malformed: a checkpoint has four lines before the blank line");
        if (!lines[0].StartsWith(OriginPrefix, StringComparison.Ordinal) || !Guid.TryParseExact(lines[0][OriginPrefix.Length..], "D", out var organisation))
            return CheckpointOpening.Refused($"malformed: the origin line is not {OriginPrefix}<organisation id>");
        if (lines[1].Length is 0 or > 18 || !lines[1].All(char.IsAsciiDigit) || lines[1][0] == '0' || !long.TryParse(lines[1], out var size))
            return CheckpointOpening.Refused("malformed: the size line is not a positive decimal number");
        if (CheckpointVerifierKey.Base64(lines[2]) is not { Length: 32 } head)
            return CheckpointOpening.Refused("malformed: the head line is not a base64 SHA-256 hash");
        if (!lines[3].StartsWith(WitnessedPrefix, StringComparison.Ordinal) || CheckpointVerifierKey.Base64(lines[3][WitnessedPrefix.Length..]) is not { Length: 32 } witnessed)
            return CheckpointOpening.Refused("malformed: the witnessed line is not 'witnessed <base64 SHA-256>'");
        var checkpoint = new AuditCheckpoint(organisation, size, Convert.ToHexStringLower(head), Convert.ToHexStringLower(witnessed));
        // Re-rendering must give the same bytes, so two texts never stand for one checkpoint (e.g. base64 with other padding bits).
        if (checkpoint.Body() != body) return CheckpointOpening.Refused("malformed: not in canonical form");

        if (signatures.Length == 0 || !signatures.EndsWith('\n'))
            return CheckpointOpening.Refused("malformed: the signature is missing or cut off (truncated)");
        var message = Encoding.UTF8.GetBytes(body);
        var unknown = new List<string>();
        foreach (var line in signatures[..^1].Split('\n'))
        {
            var parts = line.StartsWith(SignaturePrefix, StringComparison.Ordinal) ? line[SignaturePrefix.Length..].Split(' ') : [];
            if (parts.Length != 2 || CheckpointVerifierKey.Base64(parts[1]) is not { Length: 4 + 64 } blob)
                return CheckpointOpening.Refused("malformed: a signature line is not '— <key name> <base64>'");
            var id = BinaryPrimitives.ReadUInt32BigEndian(blob);
            var key = keys.FirstOrDefault(k => k.Name == parts[0] && k.Id == id);
            if (key is null) { unknown.Add($"{parts[0]}+{id:x8}"); continue; }
            if (!key.Verify(message, blob.AsSpan(4)))
                return CheckpointOpening.Refused($"the signature by {key.Name} does not verify (the checkpoint or its signature was altered)");
            return new CheckpointOpening(checkpoint, key.Name, null);
        }
        return CheckpointOpening.Refused($"signed only by unknown key(s) {string.Join(", ", unknown)}; give their public key with --public-key");
    }
}

/// <summary>A checkpoint that opened (signed by <see cref="KeyName"/>), or why it did not.</summary>
public sealed record CheckpointOpening(AuditCheckpoint? Checkpoint, string? KeyName, string? Problem)
{
    public static CheckpointOpening Refused(string problem) => new(null, null, problem);
}
