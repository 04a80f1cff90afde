using System.Text;

namespace Samordna.Core.Audit;

/// <summary>
/// Where checkpoints are kept, outside the database: per municipality a folder with one file per
/// checkpoint (<c>&lt;organisation id&gt;/&lt;size&gt;.checkpoint</c>, created once and never overwritten) and the
/// witnessed entry hashes (<c>&lt;organisation id&gt;/witnessed-hashes</c>, one line <c>&lt;sequence&gt; &lt;hash&gt;</c> per
/// entry, only ever appended). The hashes are what lets verify name the first entry that differs after a
/// rewrite that recomputed the whole chain, like transparency-dev's hash tiles beside its checkpoints.
/// </summary>
public sealed class CheckpointDirectory(string path)
{
    public const string WitnessedFile = "witnessed-hashes";
    private const string Extension = ".checkpoint";

    public string Path { get; } = path;

    /// <summary>Every checkpoint file, by municipality folder and size; files elsewhere in the folder are ignored.</summary>
    public IEnumerable<string> CheckpointFiles() => Directory.Exists(Path)
        ? Directory.EnumerateFiles(Path, "*" + Extension, SearchOption.AllDirectories)
            .OrderBy(f => System.IO.Path.GetDirectoryName(f), StringComparer.Ordinal).ThenBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal)
        : [];

    public IEnumerable<string> CheckpointFiles(Guid organisation)
    {
        var folder = Folder(organisation);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + Extension).OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal)
            : [];
    }

    public string WitnessedPath(Guid organisation) => System.IO.Path.Combine(Folder(organisation), WitnessedFile);

    /// <summary>The witnessed hashes in order, read a line at a time; none when nothing was witnessed yet.</summary>
    public IEnumerable<string> WitnessedLines(Guid organisation)
    {
        var file = WitnessedPath(organisation);
        if (!File.Exists(file)) yield break;
        using var reader = new StreamReader(file, Encoding.UTF8);
        while (reader.ReadLine() is { } line) yield return line;
    }

    /// <summary>Appends witnessed lines copied from <paramref name="source"/> and forces them to disk before a checkpoint refers to them.</summary>
    public void AppendWitnessed(Guid organisation, string source)
    {
        Directory.CreateDirectory(Folder(organisation));
        using var target = new FileStream(WitnessedPath(organisation), FileMode.Append, FileAccess.Write, FileShare.Read);
        using (var lines = File.OpenRead(source)) lines.CopyTo(target);
        target.Flush(flushToDisk: true);
    }

    public long WitnessedLength(Guid organisation) =>
        File.Exists(WitnessedPath(organisation)) ? new FileInfo(WitnessedPath(organisation)).Length : 0;

    /// <summary>
    /// Writes a new checkpoint file: first under a temporary name, then moved into place without
    /// overwriting, so a checkpoint is never replaced and a reader never sees half of one.
    /// </summary>
    public string Write(AuditCheckpoint checkpoint, string signedText)
    {
        var folder = Folder(checkpoint.OrganisationId);
        Directory.CreateDirectory(folder);
        var file = System.IO.Path.Combine(folder, $"{checkpoint.Size}{Extension}");
        var temporary = file + $".{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(Encoding.UTF8.GetBytes(signedText));
            stream.Flush(flushToDisk: true);
        }
        try { File.Move(temporary, file, overwrite: false); }
        finally { File.Delete(temporary); }
        return file;
    }

    private string Folder(Guid organisation) => System.IO.Path.Combine(Path, organisation.ToString());
}
