using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Samordna.Core.Audit;

/// <summary>
/// The public half of a checkpoint key, in the signed-note verifier key text format
/// (<c>&lt;name&gt;+&lt;key id, 8 hex&gt;+&lt;base64(0x01 ‖ Ed25519 public key)&gt;</c>, as golang.org/x/mod/sumdb/note
/// and the C2SP signed-note spec write it), so the same key file works with transparency-log tooling.
/// </summary>
public sealed class CheckpointVerifierKey
{
    private const byte Ed25519 = 0x01;

    private CheckpointVerifierKey(string name, uint id, PublicKey key)
    {
        Name = name;
        Id = id;
        Key = key;
    }

    public string Name { get; }

    /// <summary>The first four bytes of SHA-256(name, newline, algorithm, key): what a signature line carries to say which key made it.</summary>
    public uint Id { get; }

    internal PublicKey Key { get; }

    public override string ToString() =>
        $"{Name}+{Id:x8}+{Convert.ToBase64String([Ed25519, .. Key.Export(KeyBlobFormat.RawPublicKey)])}";

    internal static CheckpointVerifierKey From(string name, PublicKey key) => new(name, KeyId(name, key), key);

    /// <summary>Reads a verifier key line; a line that is not one (wrong id, other algorithm, bad length) is refused, never half-read.</summary>
    public static CheckpointVerifierKey Parse(string text)
    {
        // The key itself is base64 and may hold '+': only the first two separate fields.
        var parts = text.Trim().Split('+', 3);
        if (parts.Length != 3 || !IsKeyName(parts[0]) || parts[1].Length != 8
            || !uint.TryParse(parts[1], System.Globalization.NumberStyles.AllowHexSpecifier, null, out var id))
            throw new FormatException("not a verifier key (name+id+key)");
        var bytes = Base64(parts[2]);
        if (bytes is not { Length: 33 } || bytes[0] != Ed25519) throw new FormatException("not an Ed25519 verifier key");
        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, bytes.AsSpan(1), KeyBlobFormat.RawPublicKey, out var key) || key is null)
            throw new FormatException("not an Ed25519 public key");
        var result = From(parts[0], key);
        if (result.Id != id) throw new FormatException("the key id does not match the name and key");
        return result;
    }

    public static CheckpointVerifierKey Load(string file) => Parse(File.ReadAllText(file));

    internal bool Verify(byte[] message, ReadOnlySpan<byte> signature) => SignatureAlgorithm.Ed25519.Verify(Key, message, signature);

    /// <summary>A key name is one word without '+' or spaces (the signed-note rule), so it fits in a signature line.</summary>
    internal static bool IsKeyName(string name) =>
        name.Length > 0 && !name.Any(c => c == '+' || char.IsWhiteSpace(c) || char.IsControl(c));

    internal static byte[]? Base64(string text)
    {
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { return null; }
    }

    private static uint KeyId(string name, PublicKey key) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData([.. Encoding.UTF8.GetBytes(name), (byte)'\n', Ed25519, .. key.Export(KeyBlobFormat.RawPublicKey)]));
}

/// <summary>
/// The private checkpoint key: an Ed25519 key in the signed-note signer key format
/// (<c>PRIVATE+KEY+&lt;name&gt;+&lt;id&gt;+&lt;base64(0x01 ‖ seed)&gt;</c>). It lives in a file the host reads at
/// start (<c>Samordna:Audit:Checkpoints:KeyFile</c>), never in the database: whoever can rewrite the
/// database must not also be able to sign for the rewrite.
/// </summary>
public sealed class CheckpointSigningKey : IDisposable
{
    private readonly Key _key;

    private CheckpointSigningKey(string name, Key key)
    {
        _key = key;
        Public = CheckpointVerifierKey.From(name, key.PublicKey);
    }

    public CheckpointVerifierKey Public { get; }
    public string Name => Public.Name;

    public static CheckpointSigningKey Generate(string name)
    {
        if (!CheckpointVerifierKey.IsKeyName(name)) throw new ArgumentException("A key name is one word without '+'.", nameof(name));
        return new(name, Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));
    }

    public static CheckpointSigningKey Parse(string text)
    {
        var parts = text.Trim().Split('+', 5);
        if (parts.Length != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY" || !CheckpointVerifierKey.IsKeyName(parts[2]))
            throw new FormatException("not a checkpoint signing key (PRIVATE+KEY+name+id+key)");
        var bytes = CheckpointVerifierKey.Base64(parts[4]);
        if (bytes is not { Length: 33 } || bytes[0] != 0x01) throw new FormatException("not an Ed25519 signing key");
        var key = Key.Import(SignatureAlgorithm.Ed25519, bytes.AsSpan(1), KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var result = new CheckpointSigningKey(parts[2], key);
        if (!string.Equals(parts[3], result.Public.Id.ToString("x8"), StringComparison.OrdinalIgnoreCase))
            throw new FormatException("the key id does not match the name and key");
        return result;
    }

    public static CheckpointSigningKey Load(string file) => Parse(File.ReadAllText(file));

    public override string ToString() =>
        $"PRIVATE+KEY+{Name}+{Public.Id:x8}+{Convert.ToBase64String([0x01, .. _key.Export(KeyBlobFormat.RawPrivateKey)])}";

    internal byte[] Sign(byte[] message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    public void Dispose() => _key.Dispose();
}
